/**
 * How the adapter reaches Excel. In the task pane `run` is `Excel.run` and `ondersteunt` is
 * `Office.context.requirements.isSetSupported`; in tests both come from the strict fake
 * (tests/support/excel-fake.ts). Passing them in keeps every adapter module free of globals, so the
 * same code runs against Excel and against the fake.
 */

/** `Excel.run` with the batch signature the adapter uses. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  readonly run: ExcelRun;
  /** Whether the host supports a requirement set, e.g. ("ExcelApi", "1.9"). */
  readonly ondersteunt: (set: string, versie: string) => boolean;
  /**
   * Upper bound for the JSON bytes of one request or response. Excel on the web rejects more than
   * 5 MB (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
   */
  readonly maxBytes?: number;
}

/** Excel on the web's request/response limit. */
export const MAX_BYTES_WEB = 5 * 1024 * 1024;
