/**
 * What the browser-test pane (paneel-test.tsx) puts on `window` for the tests to inspect: the strict
 * Excel fake behind the pane, as JSON-friendly functions (page.evaluate returns copies, never live
 * objects). Shared by the page (bundled) and the jest side (types only, for page.evaluate).
 */
import type { CellValue, JsonValue, SheetVisibility, WorkbookSnapshot } from "../support/excel-fake";

export interface CelInfo {
  readonly value: CellValue;
  /** "=SUM(B2:B4)" or null for a plain value. */
  readonly formula: string | null;
  readonly numberFormat: string;
}

export interface NaamInfo {
  readonly name: string;
  /** "='Scenario Basis'!$C$5" */
  readonly formula: string;
  /** The sheet a sheet-scoped name belongs to; null for a workbook-wide name. */
  readonly sheet: string | null;
  readonly visible: boolean;
}

/** The fake workbook, as the tests see it (`window.__fake`). */
export interface FakeInspectie {
  /** The whole workbook as JSON (sheets, cells, names, tables, charts, settings, custom XML parts). */
  snapshot(): WorkbookSnapshot;
  sheetNames(): { name: string; visibility: SheetVisibility }[];
  activeSheet(): string | null;
  cell(sheet: string, address: string): CelInfo;
  formula(sheet: string, address: string): string | null;
  names(): NaamInfo[];
  settings(): Record<string, JsonValue>;
  customXmlParts(): { namespaceUri: string; xml: string }[];
  /** Round trips and payload so far. */
  stats(): { runs: number; syncs: number; maxBatchBytes: number };
  /**
   * Changes a cell as a user would (a value, or a formula starting with "="), through the fake's own
   * Excel API, e.g. to change an input before running verify.
   */
  setCell(sheet: string, address: string, value: CellValue): Promise<void>;
  /** Excel's recalculation, which the fake lacks: the add-in's scenario sheets from their current inputs. */
  herbereken(): Promise<number>;
}

/** What a browser-test page says about itself (`window.__paneelTest`), set when it renders. */
export interface PaneelTestVenster {
  /** The seeded workbook this page was opened with (?werkmap=…). */
  readonly werkmap: string;
  /** taskpane.html: the pane; bediening.html: the harness's own page of Fluent controls. */
  readonly pagina: "paneel" | "bediening";
  /** Which services the pane runs on: "adapter" (excelDiensten on the fake) or "geen" (a page without services). */
  readonly diensten: "adapter" | "geen";
}

declare global {
  interface Window {
    __fake?: FakeInspectie;
    __paneelTest?: PaneelTestVenster;
  }
}
