/**
 * A strict in-memory fake of the Excel JavaScript API subset the Office.js adapter (src/excel) uses to write sheets,
 * read ranges and store metadata. It is a test double, written so the adapter can be coded against the real
 * `Excel.*` types of @types/office-js and run against this fake:
 *
 *     const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["Gemeente", "Lasten"], ["Tiel", 100]] }] });
 *     await fake.run(async (context) => { ... context.workbook.worksheets.add("Scenario") ...; await context.sync(); });
 *     expect(fake.stats.syncs).toBe(1);
 *
 * What it models, like Office.js (sources are cited where a behaviour relies on them):
 * - Proxy objects and batching. Every property set, method call and `load` is queued and only executed at
 *   `context.sync()`, in order; one sync is one round trip
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model, "Proxy objects", "sync()").
 * - Reading any property (also `items`, `isNullObject`, `ClientResult.value`) before the sync that loads it throws
 *   PropertyNotLoaded / ValueNotLoaded (same page, "load()" and "ClientResult"). The fake is stricter than Office.js in
 *   one respect: a property you *set* is not readable either until it is loaded and synced.
 * - Errors reach the code at sync, as `OfficeExtension.Error`-shaped objects (`name` "RichApi.Error", `code`,
 *   `message`, `debugInfo` { code, message, errorLocation, statement, surroundingStatements }, `traceMessages`)
 *   (https://learn.microsoft.com/javascript/api/office/officeextension.error,
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling for the codes).
 * - A batch runs its operations in order and stops at the first failing one: the earlier operations stay applied,
 *   the later ones are dropped, nothing loaded in that batch is delivered. (OfficeExtension.Error.traceMessages
 *   "contains all trace messages that were executed before the error occurred"; the debugInfo of a real failure
 *   shows the statements before and after the failing one, https://github.com/OfficeDev/office-js/issues/1025.)
 * - Excel on the web's 5 MB limit on requests and responses (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded, https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 *   https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices). The request
 *   size is the JSON of the queued operations and their arguments; an oversized request is rejected before anything
 *   of it runs. Reads are limited to 5,000,000 cells per range (RangeExceedsLimit).
 * - `Excel.run` performs one implicit final sync when operations are still queued when the batch function resolves
 *   (explained by the Office docs team in https://github.com/OfficeDev/office-js-snippets/pull/400 and in
 *   https://github.com/OfficeDev/office-js-docs-pr/pull/5743); it is counted and flagged `implicit` in `stats.log`.
 *
 * What is deliberately not modelled is listed at the end of this file's documentation block in `createFakeExcel`.
 * Office.js members the fake does not model throw a `FakeNotModelledError` (synchronously, with the member's name)
 * instead of silently doing nothing: every proxy object is wrapped so that reading or writing an unknown member fails.
 */

// ─────────────────────────────────────────────── Errors ───────────────────────────────────────────────

/** Error codes the fake produces (a subset of `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`). */
export type FakeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidRequestContext"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "MergedRangeConflict"
  | "PropertyNotLoaded"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  | "ValueNotLoaded";

/** Shape of `OfficeExtension.DebugInfo` as far as the fake fills it. */
export interface FakeDebugInfo {
  readonly code: string;
  readonly message: string;
  /** "Range.values", "WorksheetCollection.add", …: object type and member, like Office.js. */
  readonly errorLocation?: string;
  /** The failing statement, e.g. "range.values = …;". */
  readonly statement?: string;
  /** Statements around the failing one, the failing one between ">>>>>" and "<<<<<" markers. */
  readonly surroundingStatements?: readonly string[];
}

/**
 * An error as Office.js reports it (shape of `OfficeExtension.Error`). Thrown synchronously for PropertyNotLoaded /
 * ValueNotLoaded / InvalidRequestContext, otherwise it rejects the `context.sync()` (or `run`) promise.
 */
export class FakeExcelError extends Error {
  override name = "RichApi.Error";
  readonly code: FakeErrorCode;
  debugInfo: FakeDebugInfo;
  /** Messages of `context.trace()` calls that ran before the error. */
  traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

/**
 * Thrown synchronously when the code under test uses an Office.js member (or an argument form) the fake does not
 * model. It is a bug in the test setup or a gap in the fake, never an Excel behaviour.
 */
export class FakeNotModelledError extends Error {
  override name = "FakeNotModelledError";
  readonly code = "NotModelledByFake";
}

function fail(code: FakeErrorCode, message: string, location?: string): never {
  throw new FakeExcelError(code, message, location);
}

// ─────────────────────────────────────────── A1 addresses ───────────────────────────────────────────

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel on the web's request and response payload limit. */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Cells a single range read may cover. */
export const MAX_READ_CELLS = 5_000_000;
/** The fake stores every cell it touches; writes over more cells than this throw FakeNotModelledError. */
const MAX_WRITE_CELLS = 200_000;

/** A rectangular block of cells, 1-based and inclusive. */
export interface Rect {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    s = String.fromCharCode(65 + rest) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellKey(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

function validRow(r: number): boolean {
  return Number.isInteger(r) && r >= 1 && r <= MAX_ROWS;
}
function validColumn(c: number): boolean {
  return Number.isInteger(c) && c >= 1 && c <= MAX_COLUMNS;
}

/** "B5", "$B$5", "A1:C3", "A:C", "1:4" (no sheet part) → Rect; null when it is not an A1 area. */
export function parseArea(area: string): Rect | null {
  const parts = area.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const first = parts[0] ?? "";
  const second = parts[1] ?? first;
  const a = CELL_RE.exec(first);
  const b = CELL_RE.exec(second);
  let rect: Rect | null = null;
  if (a && b) {
    rect = {
      r1: Number(a[2]),
      c1: columnNumber(a[1] ?? ""),
      r2: Number(b[2]),
      c2: columnNumber(b[1] ?? ""),
    };
  } else if (parts.length === 2 && COLUMN_RE.test(first) && COLUMN_RE.test(second)) {
    rect = {
      r1: 1,
      r2: MAX_ROWS,
      c1: columnNumber(COLUMN_RE.exec(first)?.[1] ?? ""),
      c2: columnNumber(COLUMN_RE.exec(second)?.[1] ?? ""),
    };
  } else if (parts.length === 2 && ROW_RE.test(first) && ROW_RE.test(second)) {
    rect = { c1: 1, c2: MAX_COLUMNS, r1: Number(ROW_RE.exec(first)?.[1]), r2: Number(ROW_RE.exec(second)?.[1]) };
  }
  if (!rect) return null;
  if (![rect.r1, rect.r2].every(validRow) || ![rect.c1, rect.c2].every(validColumn)) return null;
  // Excel normalises "C3:A1" to "A1:C3".
  return {
    r1: Math.min(rect.r1, rect.r2),
    r2: Math.max(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    c2: Math.max(rect.c1, rect.c2),
  };
}

/** Rect → "B5", "A1:C3", "A:C" (whole columns) or "1:4" (whole rows); `$` anchors when `absolute`. */
export function formatArea(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeColumns = rect.r1 === 1 && rect.r2 === MAX_ROWS;
  const wholeRows = rect.c1 === 1 && rect.c2 === MAX_COLUMNS;
  if (wholeColumns && !wholeRows) {
    return `${d}${columnLetters(rect.c1)}:${d}${columnLetters(rect.c2)}`;
  }
  if (wholeRows && !wholeColumns) return `${d}${rect.r1}:${d}${rect.r2}`;
  const first = `${d}${columnLetters(rect.c1)}${d}${rect.r1}`;
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return first;
  return `${first}:${d}${columnLetters(rect.c2)}${d}${rect.r2}`;
}

/** The sheet part of a reference: quoted when Excel would quote it ('Scenario Tiel'!A1, Data!A1). */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]\d*$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "=Data!$A$1:$B$2", "'My sheet'!A1", "A1" → sheet (unquoted, or null) and Rect; null when not a plain reference. */
export function parseReference(reference: string): { sheet: string | null; rect: Rect } | null {
  let ref = reference.trim();
  if (ref.startsWith("=")) ref = ref.slice(1).trim();
  let sheet: string | null = null;
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  const bare = /^([^'!:[\]]+)!(.+)$/.exec(ref);
  if (quoted) {
    sheet = (quoted[1] ?? "").replace(/''/g, "'");
    ref = quoted[2] ?? "";
  } else if (bare) {
    sheet = bare[1] ?? "";
    ref = bare[2] ?? "";
  }
  const rect = parseArea(ref);
  return rect ? { sheet, rect } : null;
}

function rows(rect: Rect): number {
  return rect.r2 - rect.r1 + 1;
}
function columns(rect: Rect): number {
  return rect.c2 - rect.c1 + 1;
}
function cellCountOf(rect: Rect): number {
  return rows(rect) * columns(rect);
}
function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
function sameRect(a: Rect, b: Rect): boolean {
  return a.r1 === b.r1 && a.r2 === b.r2 && a.c1 === b.c1 && a.c2 === b.c2;
}
function parseKey(key: string): { r: number; c: number } {
  const m = CELL_RE.exec(key);
  return { r: Number(m?.[2] ?? 0), c: columnNumber(m?.[1] ?? "") };
}

// ──────────────────────────────── Sheet references inside formulas ────────────────────────────────

const IDENT_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;
const IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;

/**
 * Visits every sheet reference ("'Sheet name'!" or "Sheet1!") outside string literals. `map` gets the unquoted sheet
 * name and returns the replacement for the sheet part (without "!"), or undefined to keep it.
 */
function rewriteSheetRefs(formula: string, map: (sheet: string) => string | undefined): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula.charAt(j) === '"') {
          if (formula.charAt(j + 1) === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula.charAt(j) === "'") {
          if (formula.charAt(j + 1) === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula.charAt(j);
        j++;
      }
      if (formula.charAt(j + 1) === "!") {
        const replacement = map(name);
        out += replacement ?? formula.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula.charAt(i - 1) : "";
    if (IDENT_START.test(ch) && !IDENT_CHAR.test(prev) && prev !== "#" && prev !== "]" && prev !== "'") {
      let j = i;
      while (j < formula.length && IDENT_CHAR.test(formula.charAt(j))) j++;
      const name = formula.slice(i, j);
      if (formula.charAt(j) === "!") {
        const replacement = map(name);
        out += replacement ?? name;
      } else out += name;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function sheetRefsOf(formula: string): string[] {
  const found: string[] = [];
  rewriteSheetRefs(formula, (sheet) => {
    found.push(sheet);
    return undefined;
  });
  return found;
}

// ──────────────────────────────────────────── XML check ────────────────────────────────────────────

/**
 * A small well-formedness check for custom XML parts ("Must be a valid XML fragment"): one root element, balanced
 * tags, quoted attributes, known entities. Returns the root element's namespace URI ("" when it has none).
 */
function inspectXml(xml: string): { namespaceUri: string } | null {
  let rest = xml.replace(/^\uFEFF/, "").trim();
  rest = rest.replace(/^<\?xml[^?]*\?>/, "");
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![\s\S]*?>|<[^>]*>|[^<]+/g;
  const stack: string[] = [];
  let roots = 0;
  let namespaceUri: string | null = null;
  const entitiesOk = (text: string): boolean => !/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(text);
  for (const m of rest.matchAll(token)) {
    const t = m[0];
    if (t.startsWith("<!--") || t.startsWith("<![CDATA[") || t.startsWith("<?")) {
      if (t.startsWith("<![CDATA[") && stack.length === 0) return null;
      continue;
    }
    if (t.startsWith("<!")) return null; // DOCTYPE and friends are not accepted
    if (!t.startsWith("<")) {
      if (stack.length === 0 && t.trim() !== "") return null;
      if (t.includes(">") || !entitiesOk(t)) return null;
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*>$/.exec(t);
    if (close) {
      if (stack.pop() !== close[1]) return null;
      continue;
    }
    const open =
      /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(
        t,
      );
    if (!open) return null;
    const name = open[1] ?? "";
    const attributes = open[2] ?? "";
    if (!entitiesOk(attributes)) return null;
    if (stack.length === 0) {
      roots++;
      if (roots > 1) return null;
      const prefix = name.includes(":") ? name.split(":")[0] : null;
      const attr = prefix ? `xmlns:${prefix}` : "xmlns";
      const ns = new RegExp(`\\s${attr.replace(/[.:-]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
      namespaceUri = ns ? (ns[1] ?? ns[2] ?? "") : "";
    }
    if (open[3] !== "/") stack.push(name);
  }
  if (stack.length !== 0 || roots !== 1 || namespaceUri === null) return null;
  return { namespaceUri };
}

// ─────────────────────────────────────────── Workbook state ───────────────────────────────────────────

/** What a cell holds. "" is an empty cell. */
export type CellValue = string | number | boolean;

export interface FontState {
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  color: string;
  size: number;
  name: string;
}

export interface BorderState {
  style: string;
  color: string;
  weight: string;
}

export type Edge = "top" | "bottom" | "left" | "right" | "diagonalDown" | "diagonalUp";

export interface CellFormatState {
  font: FontState;
  /** Fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Partial<Record<Edge, BorderState>>;
  /** `format.protection.locked`: locked cells cannot be changed while the sheet is protected. */
  locked: boolean;
  formulaHidden: boolean;
}

export interface CellState {
  /** The value; for a formula cell the calculated result the fake knows (see `evaluate`), else "". */
  value: CellValue;
  /** The formula as Excel stores it ("=SUM(A1:A3)"), or null when the cell holds a plain value. */
  formula: string | null;
  numberFormat: string;
  /** The text was written with a leading apostrophe ("'=1+1"), which Excel keeps as a prefix, not as content. */
  quotePrefix: boolean;
  format: CellFormatState;
}

export interface NameState {
  name: string;
  /** What the name refers to, always starting with "=" ("='Scenario Tiel'!$C$5"). */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableState {
  readonly id: string;
  name: string;
  /** Whole table including header (and total row), e.g. "A10:D14". */
  address: string;
  headers: string[];
  showTotals: boolean;
  style: string;
}

export interface SeriesState {
  name: string;
  /** Absolute reference of the values, e.g. "'Scenario Tiel'!$C$10:$F$10", or null. */
  values: string | null;
  /** Absolute reference of the category labels, or null. */
  xValues: string | null;
}

export interface AxisState {
  title: string;
  titleVisible: boolean;
  numberFormat: string;
}

export interface ChartState {
  readonly id: string;
  name: string;
  type: string;
  /** The source range given to `charts.add`, absolute with sheet ("'Scenario Tiel'!$B$10:$F$12"). */
  source: string;
  seriesBy: string;
  title: { text: string; visible: boolean };
  /** `setPosition(start, end?)`, as A1 addresses on the chart's sheet; null until set. */
  position: { start: string; end: string | null } | null;
  series: SeriesState[];
  axes: { value: AxisState; category: AxisState };
  legend: { position: string; visible: boolean };
}

export interface HeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutState {
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** "$1:$4" after `setPrintTitleRows`, else null. */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  headersFooters: {
    state: string;
    defaultForAllPages: HeaderFooterState;
    firstPage: HeaderFooterState;
    evenPages: HeaderFooterState;
    oddPages: HeaderFooterState;
  };
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetState {
  readonly id: string;
  name: string;
  visibility: SheetVisibility;
  /** "" is Excel's automatic tab colour, else "#RRGGBB". */
  tabColor: string;
  showGridlines: boolean;
  /** Non-empty cells by A1 address ("B5"). A cell that is back to its defaults is removed. */
  cells: Map<string, CellState>;
  /** Column widths in points by 1-based column number (only non-default widths). */
  columnWidths: Map<number, number>;
  /** Row heights in points by 1-based row number (only non-default heights). */
  rowHeights: Map<number, number>;
  /** Merged areas, e.g. "A1:H1". */
  merges: string[];
  /** Names scoped to this sheet. */
  names: NameState[];
  tables: TableState[];
  charts: ChartState[];
  /** Frozen rows above and columns left of the split, or null. */
  freeze: { rows: number; columns: number } | null;
  pageLayout: PageLayoutState;
  protection: { protected: boolean; password: string | null; options: Record<string, boolean> };
}

export interface CustomXmlPartState {
  readonly id: string;
  namespaceUri: string;
  xml: string;
}

export interface WorkbookState {
  /** In tab order. */
  sheets: SheetState[];
  /** Workbook-scoped names. */
  names: NameState[];
  customXmlParts: CustomXmlPartState[];
  /** `workbook.settings`, values stored as JSON would store them. */
  settings: Map<string, unknown>;
  activeSheetId: string;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function defaultFormat(): CellFormatState {
  return {
    font: {
      bold: false,
      italic: false,
      underline: "None",
      strikethrough: false,
      color: "#000000",
      size: 11,
      name: "Calibri",
    },
    fill: null,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    borders: {},
    locked: true,
    formulaHidden: false,
  };
}

function defaultCell(): CellState {
  return { value: "", formula: null, numberFormat: "General", quotePrefix: false, format: defaultFormat() };
}

const DEFAULT_CELL_JSON = JSON.stringify(defaultCell());
const DEFAULT_CELL: CellState = defaultCell();

function isDefaultCell(cell: CellState): boolean {
  return JSON.stringify(cell) === DEFAULT_CELL_JSON;
}

function emptyHeaderFooter(): HeaderFooterState {
  return { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };
}

function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    headersFooters: {
      state: "Default",
      defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(),
      evenPages: emptyHeaderFooter(),
      oddPages: emptyHeaderFooter(),
    },
  };
}

function newSheet(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    tabColor: "",
    showGridlines: true,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    names: [],
    tables: [],
    charts: [],
    freeze: null,
    pageLayout: defaultPageLayout(),
    protection: { protected: false, password: null, options: {} },
  };
}

/** Excel accepts "#RRGGBB" or an HTML colour name and reports "#RRGGBB". */
const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  maroon: "#800000",
  navy: "#000080",
  teal: "#008080",
  olive: "#808000",
  lime: "#00FF00",
  aqua: "#00FFFF",
  fuchsia: "#FF00FF",
};

function normaliseColor(input: unknown, location: string): string {
  if (typeof input !== "string") fail("InvalidArgument", `${location}: a colour must be a string.`, location);
  if (/^#[0-9A-Fa-f]{6}$/.test(input)) return input.toUpperCase();
  const named = NAMED_COLORS[input.toLowerCase()];
  if (named !== undefined) return named;
  return fail("InvalidArgument", `${location}: "${input}" is not a colour ("#RRGGBB" or a colour name).`, location);
}

// ─────────────────────────────────── How Excel interprets input ───────────────────────────────────

type Interpreted =
  | { readonly kind: "keep" }
  | { readonly kind: "clear" }
  | { readonly kind: "value"; readonly value: CellValue; readonly quotePrefix: boolean; readonly format?: string }
  | { readonly kind: "formula"; readonly formula: string };

/** Days between 1899-12-30 and the date, Excel's date serial. */
function dateSerial(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * One element written through `values` or `formulas`, interpreted the way Excel does:
 * - `null` leaves the cell unchanged, "" clears it
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values);
 * - a string starting with "=", "+" or "-" becomes a formula (Excel.Range.values reference: "If the returned value
 *   starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"); the fake
 *   treats a leading "@" the same way (Excel's input parser does), which is stricter than the reference text;
 * - unless the cell's number format is Text ("@") or the string starts with an apostrophe (kept as a prefix);
 * - number-like strings become numbers ("00123" → 123), "TRUE"/"FALSE" booleans, "12%" 0.12, and ISO dates
 *   (yyyy-mm-dd) date serials, as Excel's input parser does. Locale-specific forms are not modelled.
 */
function interpretInput(raw: unknown, numberFormat: string, location: string): Interpreted {
  if (raw === null || raw === undefined) return { kind: "keep" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw))
      fail("InvalidArgument", `${location}: ${String(raw)} is not a valid cell value.`, location);
    return { kind: "value", value: raw, quotePrefix: false };
  }
  if (typeof raw === "boolean") return { kind: "value", value: raw, quotePrefix: false };
  if (typeof raw !== "string") {
    return fail("InvalidArgument", `${location}: a cell value must be a string, number or boolean.`, location);
  }
  if (raw === "") return { kind: "clear" };
  if (numberFormat === "@") return { kind: "value", value: raw, quotePrefix: false };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1), quotePrefix: true };
  const trimmed = raw.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    return { kind: "value", value: Number(trimmed), quotePrefix: false };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)\s*%$/.test(trimmed)) {
    const n = Number(trimmed.replace("%", "").trim()) / 100;
    return { kind: "value", value: n, quotePrefix: false, format: Number.isInteger(n * 100) ? "0%" : "0.00%" };
  }
  if (/^(true|false)$/i.test(trimmed))
    return { kind: "value", value: trimmed.toLowerCase() === "true", quotePrefix: false };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { kind: "value", value: serial, quotePrefix: false, format: "yyyy-mm-dd" };
  }
  if (raw.startsWith("=")) {
    if (raw.length === 1) fail("InvalidArgument", `${location}: "=" is not a formula.`, location);
    return { kind: "formula", formula: raw };
  }
  if (raw.startsWith("+") || raw.startsWith("-") || raw.startsWith("@")) return { kind: "formula", formula: `=${raw}` };
  return { kind: "value", value: raw, quotePrefix: false };
}

// ─────────────────────────────────────── Options, stats, seeds ───────────────────────────────────────

/**
 * Requirement-set-dependent APIs a test can switch off (option `ondersteunt`) to simulate a host without them: every
 * operation on such an API then fails at sync with ApiNotFound, as on a host that lacks the requirement set.
 */
export type FakeApi =
  | "customXmlParts"
  | "settings"
  | "namedItems"
  | "tables"
  | "charts"
  | "pageLayout"
  | "freezePanes"
  | "protection"
  | "tabColor"
  | "suspendApiCalculation"
  | "suspendScreenUpdating";

/** A seeded cell: a literal (stored as is, no input interpretation), null for empty, or a formula with its result. */
export type SeedCell = CellValue | null | { readonly formula: string; readonly value?: CellValue };

/** A user sheet present before the add-in runs. */
export interface SeedSheet {
  readonly name: string;
  /** Rows of cells starting at `at` (default "A1"). */
  readonly values?: readonly (readonly SeedCell[])[];
  readonly at?: string;
  readonly visibility?: SheetVisibility;
}

/** Gives formula cells a calculated value (the fake never evaluates formulas itself). */
export type FormulaEvaluator = (
  formula: string,
  where: { readonly sheet: string; readonly address: string },
) => CellValue | undefined;

export interface FakeExcelOptions {
  /** Sheets of the workbook before the test; default one empty "Sheet1". */
  readonly sheets?: readonly SeedSheet[];
  /** Name of the active sheet; default the first visible one. */
  readonly activeSheet?: string;
  /** Pre-existing names; `sheet` makes one sheet-scoped. */
  readonly names?: readonly { readonly name: string; readonly formula: string; readonly sheet?: string }[];
  readonly customXmlParts?: readonly string[];
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Request and response limit in bytes; default 5 MB (Excel on the web). */
  readonly payloadLimit?: number;
  /** Requirement sets the simulated host supports; everything defaults to true. */
  readonly ondersteunt?: Partial<Record<FakeApi, boolean>>;
  /** Calculated values for formula cells; without it a formula cell's value reads as "". */
  readonly evaluate?: FormulaEvaluator;
  /**
   * The user's selection on the active sheet, for `workbook.getSelectedRange()`: an A1 area (default "A1", where
   * Excel puts the cursor in a new sheet), or several areas separated by commas ("A1:B2,D4").
   */
  readonly selection?: string;
}

/** One `context.sync()` (one round trip). */
export interface SyncRecord {
  /** 1-based number of the `run` call. */
  readonly run: number;
  /** The final sync `run` performs itself because operations were still queued. */
  readonly implicit: boolean;
  readonly operations: number;
  /** "Range.values", "WorksheetCollection.add", … in queue order. */
  readonly labels: readonly string[];
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  /** Error code when the sync failed ("NotModelledByFake" for a FakeNotModelledError), else null. */
  readonly error: string | null;
}

export interface FakeExcelStats {
  runs: number;
  /** Round trips: every sync that had queued operations, failed ones included. */
  syncs: number;
  implicitSyncs: number;
  /** Operations queued (property sets, method calls, loads). */
  operations: number;
  /** Request size in bytes of each sync, in order. */
  batchBytes: number[];
  /** Response size in bytes of each sync, in order. */
  responseBytes: number[];
  log: SyncRecord[];
}

function newStats(): FakeExcelStats {
  return { runs: 0, syncs: 0, implicitSyncs: 0, operations: 0, batchBytes: [], responseBytes: [], log: [] };
}

// ─────────────────────────────────────────────── Engine ───────────────────────────────────────────────

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value ?? null)).length;
}

/** A queued operation. */
interface Op {
  readonly label: string;
  readonly statement: string;
  /** Serialised to estimate the request size (roughly what Office.js sends). */
  readonly args: unknown;
  readonly api: FakeApi | null;
  /** Armed by `failAt` / `failOn`. */
  fail: boolean;
  readonly apply: (exec: Exec) => void;
}

/** Execution of one batch: collects what the response will carry, delivered only when the whole batch succeeds. */
class Exec {
  readonly deliveries: (() => void)[] = [];
  responseBytes = 0;
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  readonly traces: string[] = [];

  constructor(readonly host: FakeHost) {}

  deliver(target: FakeObjectBase, prop: string, value: unknown): void {
    this.responseBytes += jsonBytes(prop) + jsonBytes(value) + 2;
    this.deliveries.push(() => target.loadedProps.set(prop, value));
  }

  deliverItems(target: FakeObjectBase, items: readonly FakeObjectBase[]): void {
    this.deliveries.push(() => target.loadedProps.set("items", items));
  }

  deliverResult<V>(result: FakeClientResult<V>, value: V): void {
    this.responseBytes += jsonBytes(value) + 2;
    this.deliveries.push(() => result.settle(value));
  }
}

/** Holds the workbook ("the document"), the counters and the armed failures; shared by all `run` calls. */
class FakeHost {
  state: WorkbookState;
  stats: FakeExcelStats = newStats();
  readonly options: FakeExcelOptions;
  private idCounter = 0;
  private armedIndex: number | null = null;
  private armedMatch: ((label: string) => boolean) | null = null;

  constructor(options: FakeExcelOptions) {
    this.options = options;
    if (this.selectionAreas().some((area) => parseArea(area) === null)) {
      throw new Error(`createFakeExcel: selection ${options.selection ?? ""} is not an A1 area`);
    }
    this.state = this.seed();
  }

  /** The areas of the user's selection (UI state: not part of the workbook, so not in snapshots). */
  selectionAreas(): string[] {
    return (this.options.selection ?? "A1").split(",").map((a) => a.trim());
  }

  get payloadLimit(): number {
    return this.options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
  }

  supports(api: FakeApi): boolean {
    return this.options.ondersteunt?.[api] !== false;
  }

  newId(): string {
    this.idCounter++;
    return `{00000000-0000-4000-8000-${this.idCounter.toString(16).toUpperCase().padStart(12, "0")}}`;
  }

  reset(): void {
    this.idCounter = 0;
    this.state = this.seed();
    this.stats = newStats();
    this.armedIndex = null;
    this.armedMatch = null;
  }

  armIndex(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`failAt(${n}): expected a whole number ≥ 1`);
    this.armedIndex = n;
  }

  armMatch(match: string | RegExp): void {
    this.armedMatch = typeof match === "string" ? (label) => label === match : (label) => match.test(label);
  }

  /** Counts a newly queued operation and marks it when a failure is armed for it. */
  onQueued(op: Op): void {
    this.stats.operations++;
    if (this.armedIndex !== null) {
      this.armedIndex--;
      if (this.armedIndex === 0) {
        op.fail = true;
        this.armedIndex = null;
      }
    }
    if (this.armedMatch?.(op.label)) {
      op.fail = true;
      this.armedMatch = null;
    }
  }

  sheetById(id: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The calculated value of a formula cell as far as the test tells the fake. */
  evaluate(formula: string, sheet: SheetState, address: string): CellValue {
    return this.options.evaluate?.(formula, { sheet: sheet.name, address }) ?? "";
  }

  private seed(): WorkbookState {
    const sheets = (this.options.sheets ?? [{ name: "Sheet1" }]).map((seed) => this.seedSheet(seed));
    if (sheets.length === 0) throw new Error("createFakeExcel: a workbook has at least one sheet");
    const active =
      (this.options.activeSheet === undefined
        ? sheets.find((s) => s.visibility === "Visible")
        : sheets.find((s) => s.name === this.options.activeSheet)) ?? sheets[0];
    const state: WorkbookState = {
      sheets,
      names: [],
      customXmlParts: [],
      settings: new Map(),
      activeSheetId: active?.id ?? "",
    };
    for (const n of this.options.names ?? []) {
      const entry: NameState = {
        name: n.name,
        formula: n.formula.startsWith("=") ? n.formula : `=${n.formula}`,
        comment: "",
        visible: true,
      };
      if (n.sheet === undefined) state.names.push(entry);
      else {
        const owner = sheets.find((s) => s.name === n.sheet);
        if (!owner) throw new Error(`createFakeExcel: name ${n.name} refers to unknown sheet ${n.sheet}`);
        owner.names.push(entry);
      }
    }
    for (const xml of this.options.customXmlParts ?? []) {
      const info = inspectXml(xml);
      if (!info) throw new Error("createFakeExcel: custom XML part is not well-formed");
      state.customXmlParts.push({ id: this.newId(), namespaceUri: info.namespaceUri, xml });
    }
    for (const [key, value] of Object.entries(this.options.settings ?? {})) {
      state.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    }
    return state;
  }

  seedSheet(seed: SeedSheet): SheetState {
    const sheet = newSheet(this.newId(), seed.name);
    sheet.visibility = seed.visibility ?? "Visible";
    const origin = parseArea(seed.at ?? "A1");
    if (!origin) throw new Error(`seed sheet ${seed.name}: bad start address ${seed.at ?? ""}`);
    (seed.values ?? []).forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null || v === "") return;
        const cell = defaultCell();
        if (typeof v === "object") {
          cell.formula = v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
          cell.value = v.value ?? "";
        } else cell.value = v;
        sheet.cells.set(cellKey(origin.r1 + i, origin.c1 + j), cell);
      });
    });
    return sheet;
  }
}

/** `OfficeExtension.ClientResult<T>`: the value arrives with the sync that follows the call. */
export class FakeClientResult<V> {
  private settled = false;
  private result: V | undefined = undefined;

  get value(): V {
    if (!this.settled) {
      fail(
        "ValueNotLoaded",
        "The value of this ClientResult is not available before context.sync() completes.",
        "ClientResult.value",
      );
    }
    return this.result as V;
  }

  /** @internal */
  settle(value: V): void {
    this.result = value;
    this.settled = true;
  }
}

type LoadOption = string | readonly string[] | { readonly [key: string]: unknown } | undefined;

/** Which properties a `load` asks for: scalar properties here, and sub-trees for navigation properties. */
interface LoadTree {
  readonly props: Set<string>;
  readonly children: Map<string, LoadTree>;
}

/** Keys that JavaScript machinery (await, JSON, Jest, Node inspect) probes on any object: never an API use. */
const PROBE_KEYS = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "nodeName",
  "inspect",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
]);

/**
 * Wraps a proxy object so that any member the fake does not model fails loudly instead of reading `undefined` or
 * silently storing a property nobody checks.
 */
function strict<O extends object>(obj: O, typeName: string): O {
  return new Proxy(obj, {
    get(target, key, receiver) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key, receiver);
      if (PROBE_KEYS.has(key) || key.startsWith("@@") || key.startsWith("$$")) return undefined;
      throw new FakeNotModelledError(`${typeName}.${key} is not modelled by the Excel fake`);
    },
    set(target, key, value, receiver) {
      if (typeof key === "symbol" || key in target) return Reflect.set(target, key, value, receiver);
      throw new FakeNotModelledError(
        `${typeName}.${key} is not modelled by the Excel fake (assignment ignored by design)`,
      );
    },
  });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Copies 2-D input so later changes by the caller do not leak into the queued operation. */
function copyInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((row: unknown) => (Array.isArray(row) ? [...(row as unknown[])] : row));
  return value;
}

/** `Excel.RequestContext` stand-in: owns the queue of one `run`. */
export class FakeRequestContext {
  /** @internal */ readonly host: FakeHost;
  /** @internal */ readonly runNumber: number;
  /** @internal */ queue: Op[] = [];
  /** @internal */ closed = false;
  private chain: Promise<void> = Promise.resolve();
  private workbookObject: FakeWorkbook | null = null;

  constructor(host: FakeHost, runNumber: number) {
    this.host = host;
    this.runNumber = runNumber;
  }

  get workbook(): FakeWorkbook {
    this.workbookObject ??= strict(new FakeWorkbook(this), "Workbook");
    return this.workbookObject;
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  /** Executes the queued operations as one batch (one round trip); resolves with `passThroughValue`, like Office.js. */
  sync<V>(passThroughValue?: V): Promise<V | undefined> {
    return this.flush(false).then(() => passThroughValue);
  }

  /** `context.load(object, properties)`, same as `object.load(properties)`. */
  load(object: unknown, option?: LoadOption): void {
    if (!(object instanceof FakeObjectBase)) throw new FakeNotModelledError("context.load: not an object of this fake");
    object.load(option);
  }

  /** Queues a trace message; `error.traceMessages` lists the ones that ran before an error. */
  trace(message: string): void {
    this.enqueue({
      label: "RequestContext.trace",
      statement: "context.trace(…);",
      args: [message],
      api: null,
      fail: false,
      apply: (exec) => exec.traces.push(message),
    });
  }

  /** @internal */
  enqueue(op: Op): void {
    if (this.closed) {
      fail("InvalidRequestContext", "This object belongs to an Excel.run batch that has already finished.", op.label);
    }
    this.host.onQueued(op);
    this.queue.push(op);
  }

  /** @internal */
  flush(implicit: boolean): Promise<void> {
    if (this.closed && !implicit) {
      return Promise.reject(new FakeExcelError("InvalidRequestContext", "context.sync() after Excel.run finished."));
    }
    const ops = this.queue;
    this.queue = [];
    const result = this.chain.then(() => this.execute(ops, implicit));
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async execute(ops: Op[], implicit: boolean): Promise<void> {
    if (ops.length === 0) return;
    // The batch leaves now; its effects and results arrive asynchronously, never within the caller's synchronous code.
    await Promise.resolve();
    const host = this.host;
    host.stats.syncs++;
    if (implicit) host.stats.implicitSyncs++;
    const requestBytes = ops.reduce(
      (sum, op, i) => sum + jsonBytes({ Id: i + 1, Name: op.label, ArgumentInfo: { Arguments: op.args } }) + 1,
      2,
    );
    host.stats.batchBytes.push(requestBytes);
    const exec = new Exec(host);
    const record = (error: string | null): void => {
      host.stats.responseBytes.push(error === null ? exec.responseBytes : 0);
      host.stats.log.push({
        run: this.runNumber,
        implicit,
        operations: ops.length,
        labels: ops.map((op) => op.label),
        requestBytes,
        responseBytes: error === null ? exec.responseBytes : 0,
        calculationSuspended: exec.calculationSuspended,
        screenUpdatingSuspended: exec.screenUpdatingSuspended,
        error,
      });
    };
    if (requestBytes > host.payloadLimit) {
      record("RequestPayloadSizeLimitExceeded");
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit (${host.payloadLimit} bytes). Nothing of this batch was executed.`,
      );
    }
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (!op) continue;
      try {
        if (op.api !== null && !host.supports(op.api)) {
          fail("ApiNotFound", `${op.label} is not available on this host (requirement set missing).`, op.label);
        }
        if (op.fail)
          fail(
            "GeneralException",
            `There was an internal error while processing ${op.label} (armed by failAt/failOn).`,
            op.label,
          );
        op.apply(exec);
      } catch (error) {
        if (error instanceof FakeExcelError) {
          const statements = ops.map((o) => o.statement);
          error.debugInfo = {
            code: error.code,
            message: error.message,
            errorLocation: error.debugInfo.errorLocation ?? op.label,
            statement: op.statement,
            surroundingStatements: [
              ...statements.slice(Math.max(0, i - 3), i),
              "// >>>>>",
              op.statement,
              "// <<<<<",
              ...statements.slice(i + 1, i + 3),
            ],
          };
          error.traceMessages = [...exec.traces];
          record(error.code);
        } else record(error instanceof FakeNotModelledError ? error.code : "Error");
        throw error;
      }
    }
    if (exec.responseBytes > host.payloadLimit) {
      record("ResponsePayloadSizeLimitExceeded");
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${exec.responseBytes} bytes) has exceeded the limit (${host.payloadLimit} bytes).`,
      );
    }
    for (const deliver of exec.deliveries) deliver();
    record(null);
  }
}

type PropReaders<T> = Readonly<Record<string, (target: T) => unknown>>;

/** What every proxy object offers the engine, independent of what it resolves to. */
abstract class FakeObjectBase {
  readonly context: FakeRequestContext;
  /** @internal Values delivered by synced loads. */
  readonly loadedProps = new Map<string, unknown>();
  /** @internal Set for objects from *OrNullObject methods. */
  nullable = false;
  /** @internal The instantiate step found nothing: the object stays a null object. */
  resolvedNull = false;
  /** @internal */
  abstract readonly typeName: string;
  /** @internal Requirement set of this object's members, or null for the base API. */
  readonly api: FakeApi | null;

  constructor(context: FakeRequestContext, api: FakeApi | null) {
    this.context = context;
    this.api = api;
  }

  /** @internal The entity in the workbook state; throws FakeExcelError (ItemNotFound, …). */
  abstract target(): unknown;
  /** @internal */
  abstract runLoad(exec: Exec, tree: LoadTree): void;
  /** @internal */
  abstract addPath(tree: LoadTree, segments: string[]): void;
  /** @internal */
  abstract parseLoad(option: LoadOption): LoadTree;

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  /** Queues a load of the given properties; readable after the next `context.sync()`. */
  load(option?: LoadOption): this {
    const tree = this.parseLoad(option);
    this.enqueue("load", describeTree(tree), (exec) => this.runLoad(exec, tree), null);
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this.loadedProps].filter(([key]) => key !== "items"));
  }

  /** @internal Whether the entity exists; for null objects the answer is remembered, like Office.js. */
  exists(): boolean {
    if (this.resolvedNull) return false;
    try {
      this.target();
      return true;
    } catch (error) {
      if (this.nullable && error instanceof FakeExcelError && error.code === "ItemNotFound") {
        this.resolvedNull = true;
        return false;
      }
      throw error;
    }
  }

  /** @internal The instantiate step of an object created by a method (getItem, getRange, add, …). */
  instantiate(exec: Exec): void {
    const exists = this.exists();
    exec.deliver(this, "isNullObject", !exists);
  }

  /** @internal */
  read<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) {
      fail(
        "PropertyNotLoaded",
        `The property '${prop}' of ${this.typeName} is not available. Call load("${prop}") and await context.sync() before reading it.`,
        `${this.typeName}.${prop}`,
      );
    }
    return this.loadedProps.get(prop) as V;
  }

  /** @internal Queues an operation on this object. */
  enqueue(
    member: string,
    args: unknown,
    apply: (exec: Exec) => void,
    api: FakeApi | null = this.api,
    kind: "set" | "call" = "call",
  ): void {
    const statement =
      kind === "set" ? `${lowerFirst(this.typeName)}.${member} = …;` : `${lowerFirst(this.typeName)}.${member}(…);`;
    this.context.enqueue({ label: `${this.typeName}.${member}`, statement, args, api, fail: false, apply });
  }

  /** @internal Queues a property assignment. */
  enqueueSet(member: string, value: unknown, apply: (exec: Exec) => void, api: FakeApi | null = this.api): void {
    this.enqueue(member, [copyInput(value)], apply, api, "set");
  }

  /** @internal Queues the instantiate step of `child` (an object returned by a method). */
  created<C extends FakeObjectBase>(member: string, args: unknown, child: C, api: FakeApi | null = this.api): C {
    this.enqueue(member, args, (exec) => child.instantiate(exec), api);
    return child;
  }

  /** @internal Objects passed as arguments must come from the same `run`. */
  sameContext(other: FakeObjectBase, location: string): void {
    if (other.context !== this.context) {
      fail("InvalidRequestContext", `${location}: the object comes from another Excel.run batch.`, location);
    }
  }
}

/**
 * Base of all proxy objects (`OfficeExtension.ClientObject`). `T` is what the proxy resolves to in the workbook
 * state when an operation executes.
 */
abstract class FakeClientObject<T> extends FakeObjectBase {
  abstract override target(): T;

  /** @internal Loadable scalar properties. */
  abstract scalarProps(): PropReaders<T>;

  /** @internal Navigation properties that `load("format/font/bold")` can walk into. */
  navProps(): Readonly<Record<string, FakeObjectBase>> {
    return {};
  }

  /** @internal */
  runLoad(exec: Exec, tree: LoadTree): void {
    if (!this.exists()) {
      exec.deliver(this, "isNullObject", true);
      return;
    }
    const target = this.target();
    exec.deliver(this, "isNullObject", false);
    const readers = this.scalarProps();
    for (const prop of tree.props) {
      const reader = readers[prop];
      if (reader) exec.deliver(this, prop, reader(target));
    }
    const nav = this.navProps();
    for (const [name, sub] of tree.children) nav[name]?.runLoad(exec, sub);
  }

  /** @internal */
  parseLoad(option: LoadOption): LoadTree {
    const tree: LoadTree = { props: new Set(), children: new Map() };
    for (const path of loadPaths(option)) {
      this.addPath(
        tree,
        path
          .split("/")
          .map((p) => p.trim())
          .filter((p) => p !== ""),
      );
    }
    return tree;
  }

  /** @internal */
  addPath(tree: LoadTree, segments: string[]): void {
    const [head, ...rest] = segments;
    if (head === undefined) return;
    if (head === "$all" || head === "*") {
      for (const p of Object.keys(this.scalarProps())) tree.props.add(p);
      return;
    }
    if (head === "isNullObject") return;
    if (head in this.scalarProps()) {
      if (rest.length > 0) throw new FakeNotModelledError(`${this.typeName}.${head} has no sub-properties to load`);
      tree.props.add(head);
      return;
    }
    const child = this.navProps()[head];
    if (!child) throw new FakeNotModelledError(`${this.typeName}.${head} is not a loadable property in the Excel fake`);
    const sub = tree.children.get(head) ?? { props: new Set<string>(), children: new Map<string, LoadTree>() };
    tree.children.set(head, sub);
    child.addPath(sub, rest.length === 0 ? ["$all"] : rest);
  }
}

function loadPaths(option: LoadOption): string[] {
  if (option === undefined) return ["$all"];
  if (typeof option === "string")
    return option
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(option)) return option.flatMap((s: unknown) => (typeof s === "string" ? loadPaths(s) : []));
  const record = option as { readonly [key: string]: unknown };
  if (typeof record["select"] === "string" || typeof record["expand"] === "string") {
    const select = typeof record["select"] === "string" ? loadPaths(record["select"]) : [];
    const expand = typeof record["expand"] === "string" ? loadPaths(record["expand"]) : [];
    return [...select, ...expand];
  }
  const paths: string[] = [];
  const walk = (obj: { readonly [key: string]: unknown }, prefix: string): void => {
    for (const [key, value] of Object.entries(obj)) {
      if (key === "$all" && value === true) paths.push(prefix + "$all");
      else if (value === true) paths.push(prefix + key);
      else if (value !== null && typeof value === "object")
        walk(value as { readonly [key: string]: unknown }, `${prefix}${key}/`);
    }
  };
  walk(record, "");
  return paths;
}

function describeTree(tree: LoadTree, prefix = ""): string[] {
  return [
    ...[...tree.props].map((p) => prefix + p),
    ...[...tree.children].flatMap(([name, sub]) => describeTree(sub, `${prefix}${name}/`)),
  ];
}

/** Base of collections: `items` after load, item properties as load paths ("items/name" or "name"). */
abstract class FakeCollection<TItem extends FakeObjectBase, TEntity> extends FakeClientObject<null> {
  /** @internal Entities at execution time. */
  abstract entities(): TEntity[];
  /** @internal A proxy bound to one entity. */
  abstract makeItem(entity: TEntity): TItem;
  /** @internal An unbound item, used to validate load paths. */
  abstract probe(): TItem;

  target(): null {
    return null;
  }

  scalarProps(): PropReaders<null> {
    return {};
  }

  get items(): TItem[] {
    return this.read<TItem[]>("items");
  }

  override parseLoad(option: LoadOption): LoadTree {
    const tree: LoadTree = { props: new Set(), children: new Map() };
    const probe = this.probe();
    for (const path of loadPaths(option)) {
      const segments = path
        .split("/")
        .map((p) => p.trim())
        .filter((p) => p !== "");
      if (segments[0] === "items") segments.shift();
      if (segments.length === 0) segments.push("$all");
      probe.addPath(tree, segments);
    }
    return tree;
  }

  override addPath(tree: LoadTree, segments: string[]): void {
    const rest = segments[0] === "items" ? segments.slice(1) : segments;
    this.probe().addPath(tree, rest.length === 0 ? ["$all"] : rest);
  }

  override runLoad(exec: Exec, tree: LoadTree): void {
    this.target();
    const items = this.entities().map((entity) => {
      const item = this.makeItem(entity);
      item.runLoad(exec, tree);
      return item;
    });
    exec.deliver(this, "isNullObject", false);
    exec.deliverItems(this, items);
  }

  /** @internal */
  countResult(member: string): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.enqueue(member, [], (exec) => exec.deliverResult(result, this.entities().length));
    return result;
  }
}

// ─────────────────────────────────────────── Cell helpers ───────────────────────────────────────────

interface RangeTarget {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

function cellAt(sheet: SheetState, r: number, c: number): CellState {
  return sheet.cells.get(cellKey(r, c)) ?? DEFAULT_CELL;
}

function mutateCell(sheet: SheetState, r: number, c: number, change: (cell: CellState) => void): void {
  const key = cellKey(r, c);
  const cell = sheet.cells.get(key) ?? defaultCell();
  change(cell);
  if (isDefaultCell(cell)) sheet.cells.delete(key);
  else sheet.cells.set(key, cell);
}

function checkWriteSize(rect: Rect, location: string): void {
  if (cellCountOf(rect) > MAX_WRITE_CELLS) {
    throw new FakeNotModelledError(
      `${location}: the fake stores cells one by one and does not write ${cellCountOf(rect)} cells at once; use a smaller range`,
    );
  }
}

/** Stored cells inside the rectangle. */
function storedCellsIn(sheet: SheetState, rect: Rect): { key: string; r: number; c: number; cell: CellState }[] {
  const found: { key: string; r: number; c: number; cell: CellState }[] = [];
  if (cellCountOf(rect) <= sheet.cells.size) {
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const key = cellKey(r, c);
        const cell = sheet.cells.get(key);
        if (cell) found.push({ key, r, c, cell });
      }
    }
    return found;
  }
  for (const [key, cell] of sheet.cells) {
    const { r, c } = parseKey(key);
    if (r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2) found.push({ key, r, c, cell });
  }
  return found;
}

/** The common value of `pick` over the range, or null when the cells differ (like Office.js format reads). */
function uniform<V>(t: RangeTarget, pick: (cell: CellState) => V): V | null {
  const stored = storedCellsIn(t.sheet, t.rect);
  const picks = stored.map((s) => pick(s.cell));
  if (stored.length < cellCountOf(t.rect)) picks.push(pick(DEFAULT_CELL));
  const first = picks[0];
  if (first === undefined) return null;
  const json = JSON.stringify(first);
  return picks.every((p) => JSON.stringify(p) === json) ? first : null;
}

function uniformIndexed(map: Map<number, number>, lo: number, hi: number, fallback: number): number | null {
  const seen = new Set<number>();
  let count = 0;
  if (hi - lo + 1 <= map.size * 4) {
    for (let i = lo; i <= hi; i++) {
      seen.add(map.get(i) ?? fallback);
      count++;
    }
  } else {
    for (const [i, v] of map) {
      if (i >= lo && i <= hi) {
        seen.add(v);
        count++;
      }
    }
    if (count < hi - lo + 1) seen.add(fallback);
  }
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

function assertNotProtected(sheet: SheetState, location: string, allowedBy?: string): void {
  if (!sheet.protection.protected) return;
  if (allowedBy !== undefined && sheet.protection.options[allowedBy] === true) return;
  fail("AccessDenied", `${location}: worksheet '${sheet.name}' is protected.`, location);
}

function readGrid<V>(t: RangeTarget, pick: (cell: CellState) => V, location: string): V[][] {
  const count = cellCountOf(t.rect);
  if (count > MAX_READ_CELLS) {
    fail(
      "RangeExceedsLimit",
      `${location}: ${count} cells exceed the ${MAX_READ_CELLS}-cell limit for reads.`,
      location,
    );
  }
  const grid: V[][] = [];
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    const row: V[] = [];
    for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(pick(cellAt(t.sheet, r, c)));
    grid.push(row);
  }
  return grid;
}

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

function valueType(cell: CellState): string {
  if (cell.value === "" && cell.formula === null) return "Empty";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  if (cell.formula !== null && ERROR_VALUES.has(cell.value)) return "Error";
  return "String";
}

function shapeOf(input: unknown[]): string {
  const widths = new Set(input.map((row) => (Array.isArray(row) ? row.length : -1)));
  return widths.size === 1 ? `${input.length}×${[...widths][0] ?? 0}` : `${input.length} rows of unequal length`;
}

/** Writes `values`, `formulas` or `numberFormat`: a 2-D array of the range's shape, or one scalar for every cell. */
function writeGrid(host: FakeHost, t: RangeTarget, input: unknown, what: "values" | "formulas" | "numberFormat"): void {
  const location = `Range.${what}`;
  if (input === null || input === undefined) fail("InvalidArgument", `${location} cannot be set to null.`, location);
  const { sheet, rect } = t;
  let at: (i: number, j: number) => unknown;
  const scalar = !Array.isArray(input);
  if (Array.isArray(input)) {
    const grid: unknown[] = input;
    const fits = grid.length === rows(rect) && grid.every((row) => Array.isArray(row) && row.length === columns(rect));
    if (!fits) {
      fail(
        "InvalidArgument",
        `${location}: the input array (${shapeOf(grid)}) doesn't match the size of range ${formatArea(rect)} (${rows(rect)}×${columns(rect)}).`,
        location,
      );
    }
    at = (i, j) => {
      const row = grid[i];
      return Array.isArray(row) ? (row as unknown[])[j] : undefined;
    };
  } else {
    // One value for all cells is allowed for values, formulas and number formats
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts#update-all-cells-in-a-range).
    at = () => input;
  }
  checkWriteSize(rect, location);
  const plan: { r: number; c: number; change: (cell: CellState) => void }[] = [];
  for (let i = 0; i < rows(rect); i++) {
    for (let j = 0; j < columns(rect); j++) {
      const r = rect.r1 + i;
      const c = rect.c1 + j;
      const raw = at(i, j);
      if (what === "numberFormat") {
        if (raw === null || raw === undefined) continue;
        if (typeof raw !== "string")
          fail("InvalidArgument", `${location}: a number format must be a string.`, location);
        const format = raw === "" ? "General" : raw;
        plan.push({ r, c, change: (cell) => (cell.numberFormat = format) });
        continue;
      }
      const interpreted = interpretInput(raw, cellAt(sheet, r, c).numberFormat, location);
      switch (interpreted.kind) {
        case "keep":
          break;
        case "clear":
          plan.push({
            r,
            c,
            change: (cell) => {
              cell.value = "";
              cell.formula = null;
              cell.quotePrefix = false;
            },
          });
          break;
        case "value":
          plan.push({
            r,
            c,
            change: (cell) => {
              cell.value = interpreted.value;
              cell.formula = null;
              cell.quotePrefix = interpreted.quotePrefix;
              if (interpreted.format !== undefined && cell.numberFormat === "General")
                cell.numberFormat = interpreted.format;
            },
          });
          break;
        case "formula": {
          if (scalar && cellCountOf(rect) > 1) {
            throw new FakeNotModelledError(
              `${location}: one formula for ${cellCountOf(rect)} cells would need relative references adjusted per cell, which the fake does not do; pass a 2-D array`,
            );
          }
          // A reference to a sheet that does not exist (yet) cannot be resolved by Excel: it ends up as #REF!.
          const formula = rewriteSheetRefs(interpreted.formula, (name) =>
            host.sheetByName(name) ? undefined : "#REF",
          );
          plan.push({
            r,
            c,
            change: (cell) => {
              cell.formula = formula;
              cell.value = host.evaluate(formula, sheet, cellKey(r, c));
              cell.quotePrefix = false;
            },
          });
          break;
        }
      }
    }
  }
  if (sheet.protection.protected) {
    const locked = plan.find((p) => cellAt(sheet, p.r, p.c).format.locked);
    if (locked)
      fail(
        "AccessDenied",
        `${location}: cell ${cellKey(locked.r, locked.c)} of protected sheet '${sheet.name}' is locked.`,
        location,
      );
  }
  for (const p of plan) mutateCell(sheet, p.r, p.c, p.change);
}

function formatCells(t: RangeTarget, location: string, change: (format: CellFormatState) => void): void {
  assertNotProtected(t.sheet, location, "allowFormatCells");
  checkWriteSize(t.rect, location);
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    for (let c = t.rect.c1; c <= t.rect.c2; c++) mutateCell(t.sheet, r, c, (cell) => change(cell.format));
  }
}

function isOneOf<S extends string>(value: unknown, allowed: readonly S[]): value is S {
  return allowed.some((a) => a === value);
}

function oneOf<S extends string>(value: unknown, allowed: readonly S[], location: string): S {
  if (!isOneOf(value, allowed)) {
    return fail(
      "InvalidArgument",
      `${location}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}.`,
      location,
    );
  }
  return value;
}

function bool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") fail("InvalidArgument", `${location}: expected true or false.`, location);
  return value;
}

function numberIn(value: unknown, min: number, max: number, location: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    fail("InvalidArgument", `${location}: ${JSON.stringify(value)} is not a number from ${min} to ${max}.`, location);
  }
  return value;
}

function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = 0;
  let c2 = 0;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === "" && cell.formula === null) continue;
    const { r, c } = parseKey(key);
    r1 = Math.min(r1, r);
    c1 = Math.min(c1, c);
    r2 = Math.max(r2, r);
    c2 = Math.max(c2, c);
  }
  return r2 === 0 ? null : { r1, c1, r2, c2 };
}

function findName(names: readonly NameState[], name: string): NameState | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => n.name.toLowerCase() === lower);
}

/** An address or defined name on a sheet → Rect (Worksheet.getRange accepts both). */
function resolveAddress(host: FakeHost, sheet: SheetState, address: string | undefined, location: string): Rect {
  if (address === undefined) return { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLUMNS };
  if (typeof address !== "string" || address.trim() === "" || address.length > 8192) {
    fail("InvalidArgument", `${location}: ${JSON.stringify(address)} is not a valid address.`, location);
  }
  const ref = parseReference(address);
  if (ref) {
    if (ref.sheet !== null && ref.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      fail("InvalidArgument", `${location}: "${address}" is not on sheet '${sheet.name}'.`, location);
    }
    return ref.rect;
  }
  const named = findName(sheet.names, address) ?? findName(host.state.names, address);
  const target = named ? parseReference(named.formula) : null;
  if (target && (target.sheet === null || target.sheet.toLowerCase() === sheet.name.toLowerCase())) return target.rect;
  return fail(
    "InvalidArgument",
    `${location}: "${address}" is neither an address nor a name on sheet '${sheet.name}'.`,
    location,
  );
}

function absoluteRef(sheet: SheetState, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${formatArea(rect, true)}`;
}

/** A Range object or an address string (on `sheet`) given as an argument. */
function rangeArgument(owner: FakeObjectBase, arg: unknown, sheet: SheetState | null, location: string): RangeTarget {
  if (arg instanceof FakeRange) {
    owner.sameContext(arg, location);
    return arg.target();
  }
  if (typeof arg === "string") {
    const ref = parseReference(arg);
    if (ref) {
      const host = owner.context.host;
      const where = ref.sheet === null ? sheet : (host.sheetByName(ref.sheet) ?? null);
      if (where) return { sheet: where, rect: ref.rect };
    }
  }
  return fail("InvalidArgument", `${location}: ${JSON.stringify(arg)} is not a range or address.`, location);
}

// ─────────────────────────────────────────────── Range ───────────────────────────────────────────────

type RangeLocator =
  | { readonly kind: "address"; readonly sheet: FakeWorksheet; readonly address: string | undefined }
  | { readonly kind: "used"; readonly sheet: FakeWorksheet; readonly valuesOnly: boolean }
  | { readonly kind: "derived"; readonly from: FakeRange; readonly derive: (rect: Rect) => Rect }
  | { readonly kind: "table"; readonly table: FakeTable; readonly part: "header" | "body" | "all" }
  | { readonly kind: "name"; readonly item: FakeNamedItem }
  | { readonly kind: "freeze"; readonly sheet: FakeWorksheet }
  | { readonly kind: "selection"; readonly sheet: FakeWorksheet };

function inSheet(rect: Rect, location: string): Rect {
  if (
    !validRow(rect.r1) ||
    !validRow(rect.r2) ||
    !validColumn(rect.c1) ||
    !validColumn(rect.c2) ||
    rect.r1 > rect.r2 ||
    rect.c1 > rect.c2
  ) {
    fail("InvalidArgument", `${location}: the resulting range lies outside the worksheet.`, location);
  }
  return rect;
}

function intArg(value: unknown, location: string): number {
  if (typeof value !== "number" || !Number.isInteger(value))
    fail("InvalidArgument", `${location}: expected a whole number.`, location);
  return value;
}

/** `Excel.Range`. */
export class FakeRange
  extends FakeClientObject<RangeTarget>
  implements
    Pick<
      Excel.Range,
      | "address"
      | "values"
      | "formulas"
      | "numberFormat"
      | "rowCount"
      | "columnCount"
      | "cellCount"
      | "rowIndex"
      | "columnIndex"
    >
{
  readonly typeName = "Range";
  /** @internal Sheet id and rectangle, fixed when the range is instantiated. */
  bound: { sheetId: string; rect: Rect } | null = null;
  private readonly locator: RangeLocator;
  private formatObject: FakeRangeFormat | null = null;
  private worksheetObject: FakeWorksheet | null = null;

  constructor(context: FakeRequestContext, locator: RangeLocator) {
    super(context, null);
    this.locator = locator;
  }

  target(): RangeTarget {
    if (this.resolvedNull) fail("ItemNotFound", "The range is a null object.", "Range");
    const host = this.context.host;
    if (this.bound) {
      const sheet = host.sheetById(this.bound.sheetId);
      if (!sheet) return fail("ItemNotFound", "The worksheet of this range no longer exists.", "Range");
      return { sheet, rect: this.bound.rect };
    }
    const located = this.locate();
    this.bound = { sheetId: located.sheet.id, rect: located.rect };
    return located;
  }

  private locate(): RangeTarget {
    const host = this.context.host;
    const l = this.locator;
    switch (l.kind) {
      case "address": {
        const sheet = l.sheet.target();
        return { sheet, rect: resolveAddress(host, sheet, l.address, "Worksheet.getRange") };
      }
      case "used": {
        const sheet = l.sheet.target();
        const rect = usedRect(sheet, l.valuesOnly);
        if (rect) return { sheet, rect };
        if (this.nullable)
          fail("ItemNotFound", `Worksheet '${sheet.name}' is empty.`, "Worksheet.getUsedRangeOrNullObject");
        // A blank worksheet's used range is its top-left cell (Excel.Worksheet.getUsedRange reference).
        return { sheet, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
      }
      case "derived": {
        const from = l.from.target();
        return { sheet: from.sheet, rect: l.derive(from.rect) };
      }
      case "table": {
        const { sheet, table } = l.table.target();
        const all = parseArea(table.address);
        if (!all) return fail("GeneralException", "Corrupt table address in the fake.");
        const bodyEnd = all.r2 - (table.showTotals ? 1 : 0);
        if (l.part === "header") return { sheet, rect: { ...all, r2: all.r1 } };
        if (l.part === "body") return { sheet, rect: { ...all, r1: all.r1 + 1, r2: Math.max(all.r1 + 1, bodyEnd) } };
        return { sheet, rect: all };
      }
      case "name": {
        const { name } = l.item.target();
        const ref = parseReference(name.formula);
        const sheet = ref?.sheet ? host.sheetByName(ref.sheet) : undefined;
        if (!ref || !sheet)
          return fail(
            this.nullable ? "ItemNotFound" : "InvalidOperation",
            `Name ${name.name} does not refer to a range.`,
            "NamedItem.getRange",
          );
        return { sheet, rect: ref.rect };
      }
      case "selection": {
        const sheet = l.sheet.target();
        const areas = host.selectionAreas();
        const rect = areas.length === 1 ? parseArea(areas[0] ?? "") : null;
        if (!rect)
          return fail(
            "InvalidSelection",
            "The current selection is invalid for this operation.",
            "Workbook.getSelectedRange",
          );
        return { sheet, rect };
      }
      case "freeze": {
        const sheet = l.sheet.target();
        if (!sheet.freeze)
          return fail(
            "ItemNotFound",
            `Worksheet '${sheet.name}' has no frozen panes.`,
            "WorksheetFreezePanes.getLocationOrNullObject",
          );
        const { rows: fr, columns: fc } = sheet.freeze;
        return {
          sheet,
          rect: { r1: 1, c1: 1, r2: fr === 0 ? MAX_ROWS : fr, c2: fc === 0 ? MAX_COLUMNS : fc },
        };
      }
    }
  }

  scalarProps(): PropReaders<RangeTarget> {
    return {
      address: (t) => `${quoteSheetName(t.sheet.name)}!${formatArea(t.rect)}`,
      values: (t) => readGrid(t, (cell) => cell.value, "Range.values"),
      formulas: (t) => readGrid(t, (cell) => cell.formula ?? cell.value, "Range.formulas"),
      numberFormat: (t) => readGrid(t, (cell) => cell.numberFormat, "Range.numberFormat"),
      valueTypes: (t) => readGrid(t, valueType, "Range.valueTypes"),
      rowCount: (t) => rows(t.rect),
      columnCount: (t) => columns(t.rect),
      cellCount: (t) => cellCountOf(t.rect),
      rowIndex: (t) => t.rect.r1 - 1,
      columnIndex: (t) => t.rect.c1 - 1,
    };
  }

  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return { format: this.format, worksheet: this.worksheet };
  }

  get address(): string {
    return this.read("address");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(values: unknown) {
    this.enqueueSet("values", values, () => writeGrid(this.context.host, this.target(), values, "values"));
  }
  get formulas(): CellValue[][] {
    return this.read("formulas");
  }
  set formulas(formulas: unknown) {
    this.enqueueSet("formulas", formulas, () => writeGrid(this.context.host, this.target(), formulas, "formulas"));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: unknown) {
    this.enqueueSet("numberFormat", formats, () =>
      writeGrid(this.context.host, this.target(), formats, "numberFormat"),
    );
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get format(): FakeRangeFormat {
    this.formatObject ??= strict(new FakeRangeFormat(this), "RangeFormat");
    return this.formatObject;
  }

  get worksheet(): FakeWorksheet {
    this.worksheetObject ??= strict(new FakeWorksheet(this.context, { kind: "ofRange", range: this }), "Worksheet");
    return this.worksheetObject;
  }

  private derived(member: string, args: unknown[], derive: (rect: Rect) => Rect): FakeRange {
    const child = strict(new FakeRange(this.context, { kind: "derived", from: this, derive }), "Range");
    return this.created(member, args, child);
  }

  /** Cell at zero-based offsets from the range's top-left cell. */
  getCell(row: number, column: number): FakeRange {
    return this.derived("getCell", [row, column], (rect) => {
      const r = rect.r1 + intArg(row, "Range.getCell");
      const c = rect.c1 + intArg(column, "Range.getCell");
      return inSheet({ r1: r, c1: c, r2: r, c2: c }, "Range.getCell");
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (rect) =>
      inSheet(
        {
          ...rect,
          r2: rect.r2 + intArg(deltaRows, "Range.getResizedRange"),
          c2: rect.c2 + intArg(deltaColumns, "Range.getResizedRange"),
        },
        "Range.getResizedRange",
      ),
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], (rect) => {
      const dr = intArg(rowOffset, "Range.getOffsetRange");
      const dc = intArg(columnOffset, "Range.getOffsetRange");
      return inSheet(
        { r1: rect.r1 + dr, r2: rect.r2 + dr, c1: rect.c1 + dc, c2: rect.c2 + dc },
        "Range.getOffsetRange",
      );
    });
  }

  getRow(row: number): FakeRange {
    return this.derived("getRow", [row], (rect) => {
      const r = rect.r1 + intArg(row, "Range.getRow");
      if (r > rect.r2 || r < rect.r1)
        fail("InvalidArgument", "Range.getRow: row index outside the range.", "Range.getRow");
      return { ...rect, r1: r, r2: r };
    });
  }

  getColumn(column: number): FakeRange {
    return this.derived("getColumn", [column], (rect) => {
      const c = rect.c1 + intArg(column, "Range.getColumn");
      if (c > rect.c2 || c < rect.c1)
        fail("InvalidArgument", "Range.getColumn: column index outside the range.", "Range.getColumn");
      return { ...rect, c1: c, c2: c };
    });
  }

  getEntireColumn(): FakeRange {
    return this.derived("getEntireColumn", [], (rect) => ({ ...rect, r1: 1, r2: MAX_ROWS }));
  }

  getEntireRow(): FakeRange {
    return this.derived("getEntireRow", [], (rect) => ({ ...rect, c1: 1, c2: MAX_COLUMNS }));
  }

  /** Merges the range (or each of its rows when `across`); Excel keeps only the top-left cell's content. */
  merge(across?: boolean): void {
    this.enqueue("merge", [across ?? false], () => {
      const { sheet, rect } = this.target();
      assertNotProtected(sheet, "Range.merge");
      const areas: Rect[] =
        across === true
          ? Array.from({ length: rows(rect) }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i }))
          : [rect];
      for (const area of areas) {
        if (cellCountOf(area) === 1) continue;
        if (
          sheet.tables.some((t) => {
            const a = parseArea(t.address);
            return a !== null && intersects(a, area);
          })
        ) {
          fail("MergedRangeConflict", `Range.merge: ${formatArea(area)} overlaps a table.`, "Range.merge");
        }
        const existing = sheet.merges.map((m) => parseArea(m)).filter((m): m is Rect => m !== null);
        if (existing.some((m) => sameRect(m, area))) continue;
        if (existing.some((m) => intersects(m, area))) {
          fail(
            "InvalidOperation",
            `Range.merge: ${formatArea(area)} overlaps an existing merged area (not modelled).`,
            "Range.merge",
          );
        }
        checkWriteSize(area, "Range.merge");
        for (let r = area.r1; r <= area.r2; r++) {
          for (let c = area.c1; c <= area.c2; c++) {
            if (r === area.r1 && c === area.c1) continue;
            mutateCell(sheet, r, c, (cell) => {
              cell.value = "";
              cell.formula = null;
              cell.quotePrefix = false;
            });
          }
        }
        sheet.merges.push(formatArea(area));
      }
    });
  }

  unmerge(): void {
    this.enqueue("unmerge", [], () => {
      const { sheet, rect } = this.target();
      assertNotProtected(sheet, "Range.unmerge");
      sheet.merges = sheet.merges.filter((m) => {
        const a = parseArea(m);
        return a === null || !intersects(a, rect);
      });
    });
  }

  /** Clears contents, formats or both ("All", the default). Clearing formats also unmerges, as in Excel. */
  clear(applyTo?: string): void {
    this.enqueue("clear", [applyTo ?? "All"], () => {
      const what = oneOf(applyTo ?? "All", ["All", "Formats", "Contents"], "Range.clear");
      const { sheet, rect } = this.target();
      const stored = storedCellsIn(sheet, rect);
      if (what !== "Formats" && sheet.protection.protected && stored.some((s) => s.cell.format.locked)) {
        fail("AccessDenied", `Range.clear: sheet '${sheet.name}' is protected.`, "Range.clear");
      }
      if (what !== "Contents") {
        assertNotProtected(sheet, "Range.clear", "allowFormatCells");
        sheet.merges = sheet.merges.filter((m) => {
          const a = parseArea(m);
          return a === null || !intersects(a, rect);
        });
      }
      for (const s of stored) {
        mutateCell(sheet, s.r, s.c, (cell) => {
          if (what !== "Formats") {
            cell.value = "";
            cell.formula = null;
            cell.quotePrefix = false;
          }
          if (what !== "Contents") {
            cell.numberFormat = "General";
            cell.format = defaultFormat();
          }
        });
      }
    });
  }
}

const HORIZONTAL = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
] as const;
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;

/** `Excel.RangeFormat`. */
export class FakeRangeFormat
  extends FakeClientObject<RangeTarget>
  implements Pick<Excel.RangeFormat, "wrapText" | "columnWidth" | "rowHeight">
{
  readonly typeName = "RangeFormat";
  private readonly range: FakeRange;
  private fontObject: FakeRangeFont | null = null;
  private fillObject: FakeRangeFill | null = null;
  private bordersObject: FakeRangeBorderCollection | null = null;
  private protectionObject: FakeFormatProtection | null = null;

  constructor(range: FakeRange) {
    super(range.context, null);
    this.range = range;
  }

  target(): RangeTarget {
    return this.range.target();
  }

  scalarProps(): PropReaders<RangeTarget> {
    return {
      horizontalAlignment: (t) => uniform(t, (c) => c.format.horizontalAlignment),
      verticalAlignment: (t) => uniform(t, (c) => c.format.verticalAlignment),
      wrapText: (t) => uniform(t, (c) => c.format.wrapText),
      columnWidth: (t) => uniformIndexed(t.sheet.columnWidths, t.rect.c1, t.rect.c2, DEFAULT_COLUMN_WIDTH),
      rowHeight: (t) => uniformIndexed(t.sheet.rowHeights, t.rect.r1, t.rect.r2, DEFAULT_ROW_HEIGHT),
    };
  }

  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return { font: this.font, fill: this.fill, protection: this.protection };
  }

  get font(): FakeRangeFont {
    this.fontObject ??= strict(new FakeRangeFont(this.range), "RangeFont");
    return this.fontObject;
  }
  get fill(): FakeRangeFill {
    this.fillObject ??= strict(new FakeRangeFill(this.range), "RangeFill");
    return this.fillObject;
  }
  get borders(): FakeRangeBorderCollection {
    this.bordersObject ??= strict(new FakeRangeBorderCollection(this.range), "RangeBorderCollection");
    return this.bordersObject;
  }
  get protection(): FakeFormatProtection {
    this.protectionObject ??= strict(new FakeFormatProtection(this.range), "FormatProtection");
    return this.protectionObject;
  }

  get horizontalAlignment(): string | null {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string | null) {
    this.enqueueSet("horizontalAlignment", value, () => {
      const v = oneOf(value, HORIZONTAL, "RangeFormat.horizontalAlignment");
      formatCells(this.target(), "RangeFormat.horizontalAlignment", (f) => (f.horizontalAlignment = v));
    });
  }
  get verticalAlignment(): string | null {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string | null) {
    this.enqueueSet("verticalAlignment", value, () => {
      const v = oneOf(value, VERTICAL, "RangeFormat.verticalAlignment");
      formatCells(this.target(), "RangeFormat.verticalAlignment", (f) => (f.verticalAlignment = v));
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.enqueueSet("wrapText", value, () => {
      const v = bool(value, "RangeFormat.wrapText");
      formatCells(this.target(), "RangeFormat.wrapText", (f) => (f.wrapText = v));
    });
  }
  /** Column width in points. */
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(value: number) {
    this.enqueueSet("columnWidth", value, () => {
      const width = numberIn(value, 0, 1_800, "RangeFormat.columnWidth");
      const { sheet, rect } = this.target();
      assertNotProtected(sheet, "RangeFormat.columnWidth", "allowFormatColumns");
      for (let c = rect.c1; c <= rect.c2; c++) {
        if (width === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, width);
      }
    });
  }
  /** Row height in points. */
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(value: number) {
    this.enqueueSet("rowHeight", value, () => {
      const height = numberIn(value, 0, 409, "RangeFormat.rowHeight");
      const { sheet, rect } = this.target();
      assertNotProtected(sheet, "RangeFormat.rowHeight", "allowFormatRows");
      if (rows(rect) > MAX_WRITE_CELLS)
        throw new FakeNotModelledError("RangeFormat.rowHeight: too many rows for the fake");
      for (let r = rect.r1; r <= rect.r2; r++) {
        if (height === DEFAULT_ROW_HEIGHT) sheet.rowHeights.delete(r);
        else sheet.rowHeights.set(r, height);
      }
    });
  }
}

/** `Excel.RangeFont`. */
export class FakeRangeFont
  extends FakeClientObject<RangeTarget>
  implements Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size" | "name" | "strikethrough">
{
  readonly typeName = "RangeFont";
  private readonly range: FakeRange;

  constructor(range: FakeRange) {
    super(range.context, null);
    this.range = range;
  }

  target(): RangeTarget {
    return this.range.target();
  }

  scalarProps(): PropReaders<RangeTarget> {
    return {
      bold: (t) => uniform(t, (c) => c.format.font.bold),
      italic: (t) => uniform(t, (c) => c.format.font.italic),
      underline: (t) => uniform(t, (c) => c.format.font.underline),
      strikethrough: (t) => uniform(t, (c) => c.format.font.strikethrough),
      color: (t) => uniform(t, (c) => c.format.font.color),
      size: (t) => uniform(t, (c) => c.format.font.size),
      name: (t) => uniform(t, (c) => c.format.font.name),
    };
  }

  private setFont<V>(
    member: string,
    value: unknown,
    parse: (v: unknown) => V,
    assign: (font: FontState, v: V) => void,
  ): void {
    this.enqueueSet(member, value, () => {
      const v = parse(value);
      formatCells(this.target(), `RangeFont.${member}`, (f) => assign(f.font, v));
    });
  }

  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.setFont(
      "bold",
      value,
      (v) => bool(v, "RangeFont.bold"),
      (f, v) => (f.bold = v),
    );
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(value: boolean) {
    this.setFont(
      "italic",
      value,
      (v) => bool(v, "RangeFont.italic"),
      (f, v) => (f.italic = v),
    );
  }
  get strikethrough(): boolean {
    return this.read("strikethrough");
  }
  set strikethrough(value: boolean) {
    this.setFont(
      "strikethrough",
      value,
      (v) => bool(v, "RangeFont.strikethrough"),
      (f, v) => (f.strikethrough = v),
    );
  }
  get underline(): string {
    return this.read("underline");
  }
  set underline(value: string) {
    this.setFont(
      "underline",
      value,
      (v) => oneOf(v, ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "RangeFont.underline"),
      (f, v) => (f.underline = v),
    );
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.setFont(
      "color",
      value,
      (v) => normaliseColor(v, "RangeFont.color"),
      (f, v) => (f.color = v),
    );
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.setFont(
      "size",
      value,
      (v) => numberIn(v, 1, 409, "RangeFont.size"),
      (f, v) => (f.size = v),
    );
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setFont(
      "name",
      value,
      (v) => {
        if (typeof v !== "string" || v.trim() === "")
          fail("InvalidArgument", "RangeFont.name: expected a font name.", "RangeFont.name");
        return v;
      },
      (f, v) => (f.name = v),
    );
  }
}

/** `Excel.RangeFill`. */
export class FakeRangeFill extends FakeClientObject<RangeTarget> implements Pick<Excel.RangeFill, "color"> {
  readonly typeName = "RangeFill";
  private readonly range: FakeRange;

  constructor(range: FakeRange) {
    super(range.context, null);
    this.range = range;
  }

  target(): RangeTarget {
    return this.range.target();
  }

  scalarProps(): PropReaders<RangeTarget> {
    // Excel reports "#FFFFFF" for cells without a fill.
    return { color: (t) => uniform(t, (c) => c.format.fill ?? "#FFFFFF") };
  }

  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.enqueueSet("color", value, () => {
      const color = normaliseColor(value, "RangeFill.color");
      formatCells(this.target(), "RangeFill.color", (f) => (f.fill = color));
    });
  }

  clear(): void {
    this.enqueue("clear", [], () => formatCells(this.target(), "RangeFill.clear", (f) => (f.fill = null)));
  }
}

/** `Excel.FormatProtection` (`range.format.protection`). */
export class FakeFormatProtection
  extends FakeClientObject<RangeTarget>
  implements Pick<Excel.FormatProtection, "locked" | "formulaHidden">
{
  readonly typeName = "FormatProtection";
  private readonly range: FakeRange;

  constructor(range: FakeRange) {
    super(range.context, "protection");
    this.range = range;
  }

  target(): RangeTarget {
    return this.range.target();
  }

  scalarProps(): PropReaders<RangeTarget> {
    return {
      locked: (t) => uniform(t, (c) => c.format.locked),
      formulaHidden: (t) => uniform(t, (c) => c.format.formulaHidden),
    };
  }

  get locked(): boolean {
    return this.read("locked");
  }
  set locked(value: boolean) {
    this.enqueueSet("locked", value, () => {
      const v = bool(value, "FormatProtection.locked");
      const t = this.target();
      assertNotProtected(t.sheet, "FormatProtection.locked");
      formatCells(t, "FormatProtection.locked", (f) => (f.locked = v));
    });
  }
  get formulaHidden(): boolean {
    return this.read("formulaHidden");
  }
  set formulaHidden(value: boolean) {
    this.enqueueSet("formulaHidden", value, () => {
      const v = bool(value, "FormatProtection.formulaHidden");
      const t = this.target();
      assertNotProtected(t.sheet, "FormatProtection.formulaHidden");
      formatCells(t, "FormatProtection.formulaHidden", (f) => (f.formulaHidden = v));
    });
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
] as const;
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const;
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"] as const;

/** The cell edges a border index stands for; the neighbouring cell's facing edge is the same line. */
function borderEdges(index: string, rect: Rect): { r: number; c: number; edge: Edge }[] {
  const out: { r: number; c: number; edge: Edge }[] = [];
  const row = (r: number, edge: Edge): void => {
    if (!validRow(r)) return;
    for (let c = rect.c1; c <= rect.c2; c++) out.push({ r, c, edge });
  };
  const col = (c: number, edge: Edge): void => {
    if (!validColumn(c)) return;
    for (let r = rect.r1; r <= rect.r2; r++) out.push({ r, c, edge });
  };
  switch (index) {
    case "EdgeTop":
      row(rect.r1, "top");
      row(rect.r1 - 1, "bottom");
      break;
    case "EdgeBottom":
      row(rect.r2, "bottom");
      row(rect.r2 + 1, "top");
      break;
    case "EdgeLeft":
      col(rect.c1, "left");
      col(rect.c1 - 1, "right");
      break;
    case "EdgeRight":
      col(rect.c2, "right");
      col(rect.c2 + 1, "left");
      break;
    case "InsideHorizontal":
      for (let r = rect.r1; r < rect.r2; r++) {
        row(r, "bottom");
        row(r + 1, "top");
      }
      break;
    case "InsideVertical":
      for (let c = rect.c1; c < rect.c2; c++) {
        col(c, "right");
        col(c + 1, "left");
      }
      break;
    default:
      for (let r = rect.r1; r <= rect.r2; r++) {
        for (let c = rect.c1; c <= rect.c2; c++)
          out.push({ r, c, edge: index === "DiagonalDown" ? "diagonalDown" : "diagonalUp" });
      }
  }
  return out;
}

/** `Excel.RangeBorderCollection` (`range.format.borders`): only `getItem` is modelled. */
export class FakeRangeBorderCollection extends FakeClientObject<RangeTarget> {
  readonly typeName = "RangeBorderCollection";
  private readonly range: FakeRange;

  constructor(range: FakeRange) {
    super(range.context, null);
    this.range = range;
  }

  target(): RangeTarget {
    return this.range.target();
  }

  scalarProps(): PropReaders<RangeTarget> {
    return {};
  }

  getItem(index: string): FakeRangeBorder {
    const border = strict(new FakeRangeBorder(this.range, index), "RangeBorder");
    return this.created("getItem", [index], border);
  }
}

/** `Excel.RangeBorder`. */
export class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  readonly typeName = "RangeBorder";
  private readonly range: FakeRange;
  private readonly index: string;

  constructor(range: FakeRange, index: string) {
    super(range.context, null);
    this.range = range;
    this.index = index;
  }

  target(): RangeTarget {
    oneOf(this.index, BORDER_INDEXES, "RangeBorderCollection.getItem");
    return this.range.target();
  }

  private edges(t: RangeTarget): BorderState[] {
    // Read the range's own side of the line (the first half of borderEdges for edge indexes).
    const inside = borderEdges(this.index, t.rect).filter(
      (e) => e.r >= t.rect.r1 && e.r <= t.rect.r2 && e.c >= t.rect.c1 && e.c <= t.rect.c2,
    );
    return inside.map(
      (e) => cellAt(t.sheet, e.r, e.c).format.borders[e.edge] ?? { style: "None", color: "#000000", weight: "Thin" },
    );
  }

  private common<V>(t: RangeTarget, pick: (b: BorderState) => V): V | null {
    const picks = this.edges(t).map(pick);
    const first = picks[0];
    return first !== undefined && picks.every((p) => p === first) ? first : null;
  }

  scalarProps(): PropReaders<RangeTarget> {
    return {
      sideIndex: () => this.index,
      style: (t) => this.common(t, (b) => b.style),
      color: (t) => this.common(t, (b) => b.color),
      weight: (t) => this.common(t, (b) => b.weight),
    };
  }

  private setBorder(member: "style" | "color" | "weight", value: unknown): void {
    this.enqueueSet(member, value, () => {
      const location = `RangeBorder.${member}`;
      const parsed =
        member === "style"
          ? oneOf(value, BORDER_STYLES, location)
          : member === "weight"
            ? oneOf(value, BORDER_WEIGHTS, location)
            : normaliseColor(value, location);
      const t = this.target();
      assertNotProtected(t.sheet, location, "allowFormatCells");
      checkWriteSize(t.rect, location);
      for (const e of borderEdges(this.index, t.rect)) {
        mutateCell(t.sheet, e.r, e.c, (cell) => {
          const borders = { ...cell.format.borders };
          if (member === "style" && parsed === "None") delete borders[e.edge];
          else {
            const current = borders[e.edge] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
            borders[e.edge] = { ...current, [member]: parsed };
          }
          cell.format = { ...cell.format, borders };
        });
      }
    });
  }

  get sideIndex(): string {
    return this.read("sideIndex");
  }
  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.setBorder("style", value);
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.setBorder("color", value);
  }
  get weight(): string {
    return this.read("weight");
  }
  set weight(value: string) {
    this.setBorder("weight", value);
  }
}

// ───────────────────────────────────────────── Worksheets ─────────────────────────────────────────────

/**
 * Excel's sheet-name rules: not blank, at most 31 characters, none of [ ] : * ? / \, no apostrophe at either end,
 * not the reserved "History" → InvalidArgument; the same name as another sheet, ignoring case → ItemAlreadyExists
 * ("A resource with the same name or identifier already exists", as reported for worksheet add in
 * https://github.com/OfficeDev/office-scripts-docs/issues/560). Length counts UTF-16 code units, as Excel does.
 */
function validateSheetName(host: FakeHost, name: unknown, self: SheetState | null, location: string): string {
  if (typeof name !== "string") return fail("InvalidArgument", `${location}: a sheet name must be a string.`, location);
  if (name.trim() === "") fail("InvalidArgument", `${location}: a sheet name cannot be blank.`, location);
  if (name.length > 31)
    fail("InvalidArgument", `${location}: "${name}" has ${name.length} characters; at most 31 are allowed.`, location);
  if (/[[\]:*?/\\]/.test(name))
    fail("InvalidArgument", `${location}: "${name}" contains one of [ ] : * ? / \\.`, location);
  if (name.startsWith("'") || name.endsWith("'")) {
    fail("InvalidArgument", `${location}: "${name}" starts or ends with an apostrophe.`, location);
  }
  if (name.toLowerCase() === "history")
    fail("InvalidArgument", `${location}: "History" is reserved by Excel.`, location);
  const clash = host.sheetByName(name);
  if (clash && clash !== self)
    fail("ItemAlreadyExists", `${location}: a sheet named "${clash.name}" already exists.`, location);
  return name;
}

/** Rewrites sheet references in every formula-like string of the workbook (cells, names, charts). */
function rewriteAllRefs(host: FakeHost, map: (sheet: string) => string | undefined): void {
  const fix = (text: string): string => rewriteSheetRefs(text, map);
  for (const sheet of host.state.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== null) cell.formula = fix(cell.formula);
    for (const n of sheet.names) n.formula = fix(n.formula);
    for (const chart of sheet.charts) {
      chart.source = fix(chart.source);
      for (const s of chart.series) {
        if (s.values !== null) s.values = fix(s.values);
        if (s.xValues !== null) s.xValues = fix(s.xValues);
      }
    }
  }
  for (const n of host.state.names) n.formula = fix(n.formula);
}

/** Renaming updates references to the sheet everywhere, as Excel does. */
function renameSheet(host: FakeHost, sheet: SheetState, newName: string): void {
  const old = sheet.name.toLowerCase();
  sheet.name = newName;
  rewriteAllRefs(host, (name) => (name.toLowerCase() === old ? quoteSheetName(newName) : undefined));
}

function activateNeighbour(host: FakeHost, index: number): void {
  const sheets = host.state.sheets;
  const after = sheets.slice(index).find((s) => s.visibility === "Visible");
  const before = [...sheets.slice(0, index)].reverse().find((s) => s.visibility === "Visible");
  host.state.activeSheetId = (after ?? before ?? sheets[0])?.id ?? "";
}

function removeSheet(host: FakeHost, sheet: SheetState): void {
  const index = host.state.sheets.indexOf(sheet);
  host.state.sheets.splice(index, 1);
  if (host.state.activeSheetId === sheet.id) activateNeighbour(host, index);
  const gone = sheet.name.toLowerCase();
  // References to a deleted sheet become #REF!, as in Excel.
  rewriteAllRefs(host, (name) => (name.toLowerCase() === gone ? "#REF" : undefined));
}

type SheetLocator =
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "active" }
  | { readonly kind: "first" | "last"; readonly visibleOnly: boolean }
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "ofRange"; readonly range: FakeRange }
  | { readonly kind: "new" };

const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"] as const;

/** `Excel.Worksheet`. */
export class FakeWorksheet
  extends FakeClientObject<SheetState>
  implements Pick<Excel.Worksheet, "id" | "name" | "position" | "visibility" | "tabColor" | "showGridlines">
{
  readonly typeName = "Worksheet";
  /** @internal */
  boundId: string | null;
  private readonly locator: SheetLocator;
  private namesObject: FakeNamedItemCollection | null = null;
  private tablesObject: FakeTableCollection | null = null;
  private chartsObject: FakeChartCollection | null = null;
  private freezePanesObject: FakeWorksheetFreezePanes | null = null;
  private pageLayoutObject: FakePageLayout | null = null;
  private protectionObject: FakeWorksheetProtection | null = null;

  constructor(context: FakeRequestContext, locator: SheetLocator) {
    super(context, null);
    this.locator = locator;
    this.boundId = locator.kind === "id" ? locator.id : null;
  }

  target(): SheetState {
    if (this.resolvedNull) fail("ItemNotFound", "The worksheet is a null object.", "Worksheet");
    const host = this.context.host;
    if (this.boundId !== null) {
      return host.sheetById(this.boundId) ?? fail("ItemNotFound", "The worksheet no longer exists.", "Worksheet");
    }
    const sheet = this.locate();
    if (!sheet) {
      const what = this.locator.kind === "key" ? `'${this.locator.key}'` : `(${this.locator.kind})`;
      return fail("ItemNotFound", `The worksheet ${what} doesn't exist.`, "WorksheetCollection.getItem");
    }
    this.boundId = sheet.id;
    return sheet;
  }

  private locate(): SheetState | undefined {
    const host = this.context.host;
    const l = this.locator;
    const sheets = host.state.sheets;
    switch (l.kind) {
      case "key":
        return host.sheetById(l.key) ?? host.sheetByName(l.key);
      case "active":
        return host.sheetById(host.state.activeSheetId);
      case "first":
      case "last": {
        const pool = l.visibleOnly ? sheets.filter((s) => s.visibility === "Visible") : sheets;
        return l.kind === "first" ? pool[0] : pool[pool.length - 1];
      }
      case "id":
        return host.sheetById(l.id);
      case "ofRange":
        return l.range.target().sheet;
      case "new":
        return undefined;
    }
  }

  scalarProps(): PropReaders<SheetState> {
    const host = this.context.host;
    return {
      id: (s) => s.id,
      name: (s) => s.name,
      position: (s) => host.state.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      // "if the worksheet is invisible, the value will be null" (Excel.Worksheet.tabColor reference)
      tabColor: (s) => (s.visibility === "Visible" ? s.tabColor : null),
      showGridlines: (s) => s.showGridlines,
    };
  }

  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return {
      protection: this.protection,
      pageLayout: this.pageLayout,
      names: this.names,
      tables: this.tables,
      charts: this.charts,
    };
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.enqueueSet("name", value, () => {
      const host = this.context.host;
      const sheet = this.target();
      renameSheet(host, sheet, validateSheetName(host, value, sheet, "Worksheet.name"));
    });
  }

  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.enqueueSet("position", value, () => {
      const sheets = this.context.host.state.sheets;
      const sheet = this.target();
      const to = intArg(value, "Worksheet.position");
      if (to < 0 || to >= sheets.length)
        fail("InvalidArgument", `Worksheet.position: ${to} is outside 0..${sheets.length - 1}.`, "Worksheet.position");
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(to, 0, sheet);
    });
  }

  get visibility(): SheetVisibility {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.enqueueSet("visibility", value, () => {
      const host = this.context.host;
      const sheet = this.target();
      const v: SheetVisibility = oneOf(value, VISIBILITIES, "Worksheet.visibility");
      const visible = host.state.sheets.filter((s) => s.visibility === "Visible");
      if (v !== "Visible" && sheet.visibility === "Visible" && visible.length === 1) {
        fail(
          "InvalidOperation",
          "Worksheet.visibility: a workbook must keep at least one visible sheet.",
          "Worksheet.visibility",
        );
      }
      sheet.visibility = v;
      if (v !== "Visible" && host.state.activeSheetId === sheet.id)
        activateNeighbour(host, host.state.sheets.indexOf(sheet));
    });
  }

  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(value: string) {
    this.enqueueSet(
      "tabColor",
      value,
      () => {
        const sheet = this.target();
        sheet.tabColor = value === "" ? "" : normaliseColor(value, "Worksheet.tabColor");
      },
      "tabColor",
    );
  }

  get showGridlines(): boolean {
    return this.read("showGridlines");
  }
  set showGridlines(value: boolean) {
    this.enqueueSet("showGridlines", value, () => {
      this.target().showGridlines = bool(value, "Worksheet.showGridlines");
    });
  }

  get names(): FakeNamedItemCollection {
    this.namesObject ??= strict(new FakeNamedItemCollection(this.context, this), "NamedItemCollection");
    return this.namesObject;
  }
  get tables(): FakeTableCollection {
    this.tablesObject ??= strict(new FakeTableCollection(this.context, this), "TableCollection");
    return this.tablesObject;
  }
  get charts(): FakeChartCollection {
    this.chartsObject ??= strict(new FakeChartCollection(this), "ChartCollection");
    return this.chartsObject;
  }
  get freezePanes(): FakeWorksheetFreezePanes {
    this.freezePanesObject ??= strict(new FakeWorksheetFreezePanes(this), "WorksheetFreezePanes");
    return this.freezePanesObject;
  }
  get pageLayout(): FakePageLayout {
    this.pageLayoutObject ??= strict(new FakePageLayout(this), "PageLayout");
    return this.pageLayoutObject;
  }
  get protection(): FakeWorksheetProtection {
    this.protectionObject ??= strict(new FakeWorksheetProtection(this), "WorksheetProtection");
    return this.protectionObject;
  }

  /** Deleting a "VeryHidden" sheet fails with InvalidOperation (Excel.Worksheet.delete reference), as does deleting the last visible sheet. */
  delete(): void {
    this.enqueue("delete", [], () => {
      const host = this.context.host;
      const sheet = this.target();
      if (sheet.visibility === "VeryHidden") {
        fail(
          "InvalidOperation",
          `Worksheet.delete: '${sheet.name}' is very hidden; make it visible or hidden first.`,
          "Worksheet.delete",
        );
      }
      const visible = host.state.sheets.filter((s) => s.visibility === "Visible");
      if (host.state.sheets.length === 1 || (sheet.visibility === "Visible" && visible.length === 1)) {
        fail(
          "InvalidOperation",
          "Worksheet.delete: a workbook must keep at least one visible sheet.",
          "Worksheet.delete",
        );
      }
      removeSheet(host, sheet);
    });
  }

  activate(): void {
    this.enqueue("activate", [], () => {
      const sheet = this.target();
      if (sheet.visibility !== "Visible")
        fail("InvalidOperation", `Worksheet.activate: '${sheet.name}' is not visible.`, "Worksheet.activate");
      this.context.host.state.activeSheetId = sheet.id;
    });
  }

  getRange(address?: string): FakeRange {
    const range = strict(new FakeRange(this.context, { kind: "address", sheet: this, address }), "Range");
    return this.created("getRange", [address ?? null], range);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const whole = strict(new FakeRange(this.context, { kind: "address", sheet: this, address: undefined }), "Range");
    const range = strict(
      new FakeRange(this.context, {
        kind: "derived",
        from: whole,
        derive: () => {
          const loc = "Worksheet.getRangeByIndexes";
          const r1 = intArg(startRow, loc) + 1;
          const c1 = intArg(startColumn, loc) + 1;
          return inSheet({ r1, c1, r2: r1 + intArg(rowCount, loc) - 1, c2: c1 + intArg(columnCount, loc) - 1 }, loc);
        },
      }),
      "Range",
    );
    return this.created("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], range);
  }

  /** Cell by zero-based row and column. */
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    const range = strict(
      new FakeRange(this.context, { kind: "used", sheet: this, valuesOnly: valuesOnly === true }),
      "Range",
    );
    return this.created("getUsedRange", [valuesOnly ?? false], range);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const range = strict(
      new FakeRange(this.context, { kind: "used", sheet: this, valuesOnly: valuesOnly === true }),
      "Range",
    );
    range.nullable = true;
    return this.created("getUsedRangeOrNullObject", [valuesOnly ?? false], range);
  }
}

function nextSheetName(host: FakeHost): string {
  for (let n = host.state.sheets.length + 1; ; n++) {
    if (!host.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }
}

/** `Excel.WorksheetCollection`. */
export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, SheetState> {
  readonly typeName = "WorksheetCollection";

  constructor(context: FakeRequestContext) {
    super(context, null);
  }

  entities(): SheetState[] {
    return [...this.context.host.state.sheets];
  }
  makeItem(sheet: SheetState): FakeWorksheet {
    return strict(new FakeWorksheet(this.context, { kind: "id", id: sheet.id }), "Worksheet");
  }
  probe(): FakeWorksheet {
    return strict(new FakeWorksheet(this.context, { kind: "new" }), "Worksheet");
  }

  /** Adds a sheet at the end (not activated); without a name Excel picks "SheetN". */
  add(name?: string): FakeWorksheet {
    const sheet = strict(new FakeWorksheet(this.context, { kind: "new" }), "Worksheet");
    this.enqueue("add", [name ?? null], (exec) => {
      const host = this.context.host;
      const finalName =
        name === undefined ? nextSheetName(host) : validateSheetName(host, name, null, "WorksheetCollection.add");
      const state = newSheet(host.newId(), finalName);
      host.state.sheets.push(state);
      sheet.boundId = state.id;
      exec.deliver(sheet, "isNullObject", false);
    });
    return sheet;
  }

  /** By name (ignoring case) or id; ItemNotFound at sync when missing. */
  getItem(key: string): FakeWorksheet {
    return this.created("getItem", [key], strict(new FakeWorksheet(this.context, { kind: "key", key }), "Worksheet"));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const sheet = strict(new FakeWorksheet(this.context, { kind: "key", key }), "Worksheet");
    sheet.nullable = true;
    return this.created("getItemOrNullObject", [key], sheet);
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.created(
      "getActiveWorksheet",
      [],
      strict(new FakeWorksheet(this.context, { kind: "active" }), "Worksheet"),
    );
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    const sheet = strict(
      new FakeWorksheet(this.context, { kind: "first", visibleOnly: visibleOnly === true }),
      "Worksheet",
    );
    return this.created("getFirst", [visibleOnly ?? false], sheet);
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    const sheet = strict(
      new FakeWorksheet(this.context, { kind: "last", visibleOnly: visibleOnly === true }),
      "Worksheet",
    );
    return this.created("getLast", [visibleOnly ?? false], sheet);
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.enqueue("getCount", [visibleOnly ?? false], (exec) => {
      const sheets = this.context.host.state.sheets;
      exec.deliverResult(
        result,
        visibleOnly === true ? sheets.filter((s) => s.visibility === "Visible").length : sheets.length,
      );
    });
    return result;
  }
}

/** `Excel.WorksheetFreezePanes`. Rows and columns are frozen independently. */
export class FakeWorksheetFreezePanes extends FakeClientObject<SheetState> {
  readonly typeName = "WorksheetFreezePanes";
  private readonly sheet: FakeWorksheet;

  constructor(sheet: FakeWorksheet) {
    super(sheet.context, "freezePanes");
    this.sheet = sheet;
  }

  target(): SheetState {
    return this.sheet.target();
  }
  scalarProps(): PropReaders<SheetState> {
    return {};
  }

  private setFreeze(
    member: string,
    args: unknown[],
    compute: (sheet: SheetState) => { rows: number; columns: number },
  ): void {
    this.enqueue(member, args, () => {
      const sheet = this.target();
      const next = compute(sheet);
      sheet.freeze = next.rows === 0 && next.columns === 0 ? null : next;
    });
  }

  /** Freezes the top `count` rows (default 1); 0 unfreezes the rows. */
  freezeRows(count?: number): void {
    this.setFreeze("freezeRows", [count ?? 1], (sheet) => {
      const n = intArg(count ?? 1, "WorksheetFreezePanes.freezeRows");
      if (n < 0 || n >= MAX_ROWS)
        fail(
          "InvalidArgument",
          "WorksheetFreezePanes.freezeRows: count out of range.",
          "WorksheetFreezePanes.freezeRows",
        );
      return { rows: n, columns: sheet.freeze?.columns ?? 0 };
    });
  }

  /** Freezes the left `count` columns (default 1); 0 unfreezes the columns. */
  freezeColumns(count?: number): void {
    this.setFreeze("freezeColumns", [count ?? 1], (sheet) => {
      const n = intArg(count ?? 1, "WorksheetFreezePanes.freezeColumns");
      if (n < 0 || n >= MAX_COLUMNS) {
        fail(
          "InvalidArgument",
          "WorksheetFreezePanes.freezeColumns: count out of range.",
          "WorksheetFreezePanes.freezeColumns",
        );
      }
      return { rows: sheet.freeze?.rows ?? 0, columns: n };
    });
  }

  /** Freezes the cells of the top-left pane up to and including `frozenRange`. */
  freezeAt(frozenRange: unknown): void {
    this.setFreeze("freezeAt", [frozenRange instanceof FakeRange ? "Range" : frozenRange], (sheet) => {
      const { sheet: where, rect } = rangeArgument(this, frozenRange, sheet, "WorksheetFreezePanes.freezeAt");
      if (where !== sheet)
        fail(
          "InvalidArgument",
          "WorksheetFreezePanes.freezeAt: the range is on another sheet.",
          "WorksheetFreezePanes.freezeAt",
        );
      return { rows: rect.r2 === MAX_ROWS ? 0 : rect.r2, columns: rect.c2 === MAX_COLUMNS ? 0 : rect.c2 };
    });
  }

  unfreeze(): void {
    this.setFreeze("unfreeze", [], () => ({ rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): FakeRange {
    const range = strict(new FakeRange(this.context, { kind: "freeze", sheet: this.sheet }), "Range");
    range.nullable = true;
    return this.created("getLocationOrNullObject", [], range);
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"] as const;
const HEADER_FOOTER_STATES = ["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"] as const;

/** `Excel.PageLayout`. `zoom` must be assigned as a whole object (application-specific-api-model, "Some properties cannot be set directly"). */
export class FakePageLayout
  extends FakeClientObject<SheetState>
  implements Pick<Excel.PageLayout, "centerHorizontally" | "centerVertically" | "printGridlines">
{
  readonly typeName = "PageLayout";
  private readonly sheet: FakeWorksheet;
  private headersFootersObject: FakeHeaderFooterGroup | null = null;

  constructor(sheet: FakeWorksheet) {
    super(sheet.context, "pageLayout");
    this.sheet = sheet;
  }

  target(): SheetState {
    return this.sheet.target();
  }

  scalarProps(): PropReaders<SheetState> {
    return {
      orientation: (s) => s.pageLayout.orientation,
      zoom: (s) => ({ ...s.pageLayout.zoom }),
      centerHorizontally: (s) => s.pageLayout.centerHorizontally,
      centerVertically: (s) => s.pageLayout.centerVertically,
      printGridlines: (s) => s.pageLayout.printGridlines,
    };
  }

  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return { headersFooters: this.headersFooters };
  }

  get headersFooters(): FakeHeaderFooterGroup {
    this.headersFootersObject ??= strict(new FakeHeaderFooterGroup(this), "HeaderFooterGroup");
    return this.headersFootersObject;
  }

  private setLayout(member: string, value: unknown, apply: (layout: PageLayoutState) => void): void {
    this.enqueueSet(member, value, () => apply(this.target().pageLayout));
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(value: string) {
    this.setLayout("orientation", value, (l) => (l.orientation = oneOf(value, ORIENTATIONS, "PageLayout.orientation")));
  }

  /** A copy: changing its fields changes nothing, as with Office.js; assign a whole object instead. */
  get zoom(): PageLayoutState["zoom"] {
    return { ...this.read<PageLayoutState["zoom"]>("zoom") };
  }
  set zoom(value: PageLayoutState["zoom"]) {
    this.setLayout("zoom", value, (l) => {
      const loc = "PageLayout.zoom";
      if (value === null || typeof value !== "object") fail("InvalidArgument", `${loc}: expected an object.`, loc);
      const zoom: PageLayoutState["zoom"] = {};
      for (const [key, v] of Object.entries(value)) {
        if (v === undefined) continue;
        if (key === "scale") zoom.scale = numberIn(v, 10, 400, loc);
        else if (key === "horizontalFitToPages") zoom.horizontalFitToPages = intArg(v, loc);
        else if (key === "verticalFitToPages") zoom.verticalFitToPages = intArg(v, loc);
        else fail("InvalidArgument", `${loc}: unknown option ${key}.`, loc);
      }
      if ((zoom.horizontalFitToPages ?? 0) < 0 || (zoom.verticalFitToPages ?? 0) < 0)
        fail("InvalidArgument", `${loc}: negative page count.`, loc);
      l.zoom = zoom;
    });
  }

  get centerHorizontally(): boolean {
    return this.read("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.setLayout(
      "centerHorizontally",
      value,
      (l) => (l.centerHorizontally = bool(value, "PageLayout.centerHorizontally")),
    );
  }
  get centerVertically(): boolean {
    return this.read("centerVertically");
  }
  set centerVertically(value: boolean) {
    this.setLayout("centerVertically", value, (l) => (l.centerVertically = bool(value, "PageLayout.centerVertically")));
  }
  get printGridlines(): boolean {
    return this.read("printGridlines");
  }
  set printGridlines(value: boolean) {
    this.setLayout("printGridlines", value, (l) => (l.printGridlines = bool(value, "PageLayout.printGridlines")));
  }

  private rangeOnSheet(member: string, arg: unknown, apply: (rect: Rect, layout: PageLayoutState) => void): void {
    this.enqueue(member, [arg instanceof FakeRange ? "Range" : arg], () => {
      const sheet = this.target();
      const { sheet: where, rect } = rangeArgument(this, arg, sheet, `PageLayout.${member}`);
      if (where !== sheet)
        fail("InvalidArgument", `PageLayout.${member}: the range is on another sheet.`, `PageLayout.${member}`);
      apply(rect, sheet.pageLayout);
    });
  }

  /** Rows repeated at the top of each printed page, stored as "$1:$4". */
  setPrintTitleRows(titleRows: unknown): void {
    this.rangeOnSheet("setPrintTitleRows", titleRows, (rect, l) => (l.printTitleRows = `$${rect.r1}:$${rect.r2}`));
  }

  setPrintTitleColumns(titleColumns: unknown): void {
    this.rangeOnSheet(
      "setPrintTitleColumns",
      titleColumns,
      (rect, l) => (l.printTitleColumns = `$${columnLetters(rect.c1)}:$${columnLetters(rect.c2)}`),
    );
  }

  setPrintArea(printArea: unknown): void {
    this.rangeOnSheet("setPrintArea", printArea, (rect, l) => (l.printArea = formatArea(rect, true)));
  }
}

type HeaderFooterKind = "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages";

/** `Excel.HeaderFooterGroup`. */
export class FakeHeaderFooterGroup extends FakeClientObject<SheetState> {
  readonly typeName = "HeaderFooterGroup";
  private readonly layout: FakePageLayout;
  private readonly parts = new Map<HeaderFooterKind, FakeHeaderFooter>();

  constructor(layout: FakePageLayout) {
    super(layout.context, "pageLayout");
    this.layout = layout;
  }

  target(): SheetState {
    return this.layout.target();
  }
  scalarProps(): PropReaders<SheetState> {
    return { state: (s) => s.pageLayout.headersFooters.state };
  }
  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return {
      defaultForAllPages: this.defaultForAllPages,
      firstPage: this.firstPage,
      evenPages: this.evenPages,
      oddPages: this.oddPages,
    };
  }

  private part(kind: HeaderFooterKind): FakeHeaderFooter {
    let part = this.parts.get(kind);
    if (!part) {
      part = strict(new FakeHeaderFooter(this, kind), "HeaderFooter");
      this.parts.set(kind, part);
    }
    return part;
  }

  get defaultForAllPages(): FakeHeaderFooter {
    return this.part("defaultForAllPages");
  }
  get firstPage(): FakeHeaderFooter {
    return this.part("firstPage");
  }
  get evenPages(): FakeHeaderFooter {
    return this.part("evenPages");
  }
  get oddPages(): FakeHeaderFooter {
    return this.part("oddPages");
  }

  get state(): string {
    return this.read("state");
  }
  set state(value: string) {
    this.enqueueSet("state", value, () => {
      this.target().pageLayout.headersFooters.state = oneOf(value, HEADER_FOOTER_STATES, "HeaderFooterGroup.state");
    });
  }
}

/** `Excel.HeaderFooter`: the six header and footer texts of one page kind. */
export class FakeHeaderFooter
  extends FakeClientObject<SheetState>
  implements
    Pick<
      Excel.HeaderFooter,
      "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter"
    >
{
  readonly typeName = "HeaderFooter";
  private readonly group: FakeHeaderFooterGroup;
  private readonly kind: HeaderFooterKind;

  constructor(group: FakeHeaderFooterGroup, kind: HeaderFooterKind) {
    super(group.context, "pageLayout");
    this.group = group;
    this.kind = kind;
  }

  target(): SheetState {
    return this.group.target();
  }

  private texts(s: SheetState): HeaderFooterState {
    return s.pageLayout.headersFooters[this.kind];
  }

  scalarProps(): PropReaders<SheetState> {
    return {
      leftHeader: (s) => this.texts(s).leftHeader,
      centerHeader: (s) => this.texts(s).centerHeader,
      rightHeader: (s) => this.texts(s).rightHeader,
      leftFooter: (s) => this.texts(s).leftFooter,
      centerFooter: (s) => this.texts(s).centerFooter,
      rightFooter: (s) => this.texts(s).rightFooter,
    };
  }

  private setText(member: keyof HeaderFooterState, value: unknown): void {
    this.enqueueSet(member, value, () => {
      if (typeof value !== "string")
        fail("InvalidArgument", `HeaderFooter.${member}: expected a string.`, `HeaderFooter.${member}`);
      this.texts(this.target())[member] = value;
    });
  }

  get leftHeader(): string {
    return this.read("leftHeader");
  }
  set leftHeader(value: string) {
    this.setText("leftHeader", value);
  }
  get centerHeader(): string {
    return this.read("centerHeader");
  }
  set centerHeader(value: string) {
    this.setText("centerHeader", value);
  }
  get rightHeader(): string {
    return this.read("rightHeader");
  }
  set rightHeader(value: string) {
    this.setText("rightHeader", value);
  }
  get leftFooter(): string {
    return this.read("leftFooter");
  }
  set leftFooter(value: string) {
    this.setText("leftFooter", value);
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set centerFooter(value: string) {
    this.setText("centerFooter", value);
  }
  get rightFooter(): string {
    return this.read("rightFooter");
  }
  set rightFooter(value: string) {
    this.setText("rightFooter", value);
  }
}

/**
 * `Excel.WorksheetProtection`. `protect` on a protected sheet fails ("Fails if the worksheet has already been
 * protected", Excel.WorksheetProtection.protect reference; reported as AccessDenied in
 * https://github.com/OfficeDev/office-js/issues/6784); a wrong password fails with InvalidArgument (as documented for
 * `pauseProtection`). While protected, locked cells, formats (unless allowed by the options), merges, tables and
 * charts cannot be changed: AccessDenied.
 */
export class FakeWorksheetProtection
  extends FakeClientObject<SheetState>
  implements Pick<Excel.WorksheetProtection, "protected">
{
  readonly typeName = "WorksheetProtection";
  private readonly sheet: FakeWorksheet;

  constructor(sheet: FakeWorksheet) {
    super(sheet.context, "protection");
    this.sheet = sheet;
  }

  target(): SheetState {
    return this.sheet.target();
  }
  scalarProps(): PropReaders<SheetState> {
    return {
      protected: (s) => s.protection.protected,
      isPasswordProtected: (s) => s.protection.protected && s.protection.password !== null,
      options: (s) => ({ ...s.protection.options }),
    };
  }

  get protected(): boolean {
    return this.read("protected");
  }

  protect(options?: Readonly<Record<string, unknown>>, password?: string): void {
    this.enqueue("protect", [options ?? null, password === undefined ? null : "***"], () => {
      const sheet = this.target();
      if (sheet.protection.protected)
        fail(
          "AccessDenied",
          `WorksheetProtection.protect: '${sheet.name}' is already protected.`,
          "WorksheetProtection.protect",
        );
      const flags: Record<string, boolean> = {};
      for (const [key, value] of Object.entries(options ?? {})) if (typeof value === "boolean") flags[key] = value;
      sheet.protection = { protected: true, password: password ?? null, options: flags };
    });
  }

  unprotect(password?: string): void {
    this.enqueue("unprotect", [password === undefined ? null : "***"], () => {
      const sheet = this.target();
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== null && sheet.protection.password !== password) {
        fail("InvalidArgument", "WorksheetProtection.unprotect: wrong password.", "WorksheetProtection.unprotect");
      }
      sheet.protection = { protected: false, password: null, options: {} };
    });
  }
}

/** `Excel.Application`: the suspend calls mark the sync they are executed in (see `stats.log`). */
export class FakeApplication extends FakeClientObject<null> {
  readonly typeName = "Application";

  constructor(context: FakeRequestContext) {
    super(context, null);
  }

  target(): null {
    return null;
  }
  scalarProps(): PropReaders<null> {
    return { calculationMode: () => "Automatic" };
  }

  get calculationMode(): string {
    return this.read("calculationMode");
  }

  /**
   * Only formula calculation is suspended; structural changes such as renames still happen
   * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-calculation-temporarily).
   */
  suspendApiCalculationUntilNextSync(): void {
    this.enqueue(
      "suspendApiCalculationUntilNextSync",
      [],
      (exec) => (exec.calculationSuspended = true),
      "suspendApiCalculation",
    );
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.enqueue(
      "suspendScreenUpdatingUntilNextSync",
      [],
      (exec) => (exec.screenUpdatingSuspended = true),
      "suspendScreenUpdating",
    );
  }

  /** Recorded only: the fake does not calculate. */
  calculate(calculationType: string): void {
    this.enqueue("calculate", [calculationType], () => {
      oneOf(calculationType, ["Recalculate", "Full", "FullRebuild"], "Application.calculate");
    });
  }
}

/** `Excel.Workbook`. */
export class FakeWorkbook extends FakeClientObject<WorkbookState> {
  readonly typeName = "Workbook";
  private worksheetsObject: FakeWorksheetCollection | null = null;
  private namesObject: FakeNamedItemCollection | null = null;
  private tablesObject: FakeTableCollection | null = null;
  private customXmlPartsObject: FakeCustomXmlPartCollection | null = null;
  private settingsObject: FakeSettingCollection | null = null;
  private applicationObject: FakeApplication | null = null;

  constructor(context: FakeRequestContext) {
    super(context, null);
  }

  target(): WorkbookState {
    return this.context.host.state;
  }
  scalarProps(): PropReaders<WorkbookState> {
    return {};
  }
  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return {
      worksheets: this.worksheets,
      names: this.names,
      tables: this.tables,
      customXmlParts: this.customXmlParts,
      settings: this.settings,
    };
  }

  get worksheets(): FakeWorksheetCollection {
    this.worksheetsObject ??= strict(new FakeWorksheetCollection(this.context), "WorksheetCollection");
    return this.worksheetsObject;
  }
  get names(): FakeNamedItemCollection {
    this.namesObject ??= strict(new FakeNamedItemCollection(this.context, null), "NamedItemCollection");
    return this.namesObject;
  }
  get tables(): FakeTableCollection {
    this.tablesObject ??= strict(new FakeTableCollection(this.context, null), "TableCollection");
    return this.tablesObject;
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.customXmlPartsObject ??= strict(new FakeCustomXmlPartCollection(this.context), "CustomXmlPartCollection");
    return this.customXmlPartsObject;
  }
  get settings(): FakeSettingCollection {
    this.settingsObject ??= strict(new FakeSettingCollection(this.context), "SettingCollection");
    return this.settingsObject;
  }
  get application(): FakeApplication {
    this.applicationObject ??= strict(new FakeApplication(this.context), "Application");
    return this.applicationObject;
  }

  /**
   * The selected range on the active sheet (option `selection`). "Gets the currently selected single range from the
   * workbook. If there are multiple ranges selected, this method will throw an error" (Excel.Workbook.getSelectedRange,
   * ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1));
   * the error is InvalidSelection at sync (https://github.com/OfficeDev/office-js-docs-pr/issues/2477). A selected
   * chart or shape, which fails the same way (https://github.com/OfficeDev/office-js/issues/2268), is not modelled.
   */
  getSelectedRange(): FakeRange {
    const sheet = strict(new FakeWorksheet(this.context, { kind: "active" }), "Worksheet");
    const range = strict(new FakeRange(this.context, { kind: "selection", sheet }), "Range");
    return this.created("getSelectedRange", [], range);
  }
}

// ─────────────────────────────────────────────── Names ───────────────────────────────────────────────

/** Excel's rules for defined names and table names. */
function validateDefinedName(name: unknown, location: string): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) {
    return fail("InvalidArgument", `${location}: a name must have 1 to 255 characters.`, location);
  }
  const cellLike = parseArea(name) !== null || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || cellLike) {
    fail(
      "InvalidArgument",
      `${location}: "${name}" is not a valid name (letters, digits, _ . \\; no spaces; not a cell reference).`,
      location,
    );
  }
  return name;
}

function allTables(host: FakeHost): { sheet: SheetState; table: TableState }[] {
  return host.state.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

function nameClashesWithTable(host: FakeHost, name: string, except?: TableState): boolean {
  const lower = name.toLowerCase();
  return allTables(host).some(({ table }) => table !== except && table.name.toLowerCase() === lower);
}

/** The formula a name stores for a reference argument; sheets it mentions must exist. */
function nameFormula(owner: FakeObjectBase, reference: unknown, location: string): string {
  const host = owner.context.host;
  if (reference instanceof FakeRange) {
    owner.sameContext(reference, location);
    const { sheet, rect } = reference.target();
    return `=${absoluteRef(sheet, rect)}`;
  }
  if (typeof reference !== "string" || reference.trim() === "" || reference.trim() === "=") {
    return fail("InvalidArgument", `${location}: expected a Range or a formula.`, location);
  }
  const formula = reference.startsWith("=") ? reference : `=${reference}`;
  const missing = sheetRefsOf(formula).find((s) => !host.sheetByName(s));
  if (missing !== undefined) fail("InvalidArgument", `${location}: sheet '${missing}' doesn't exist.`, location);
  return formula;
}

interface NameTarget {
  readonly list: NameState[];
  readonly name: NameState;
  readonly sheet: SheetState | null;
}

/** `Excel.NamedItemCollection`, workbook-scoped (`workbook.names`) or sheet-scoped (`worksheet.names`). */
export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem, NameState> {
  readonly typeName = "NamedItemCollection";
  /** @internal null for the workbook scope. */
  readonly sheet: FakeWorksheet | null;

  constructor(context: FakeRequestContext, sheet: FakeWorksheet | null) {
    super(context, "namedItems");
    this.sheet = sheet;
  }

  /** @internal */
  list(): { list: NameState[]; sheet: SheetState | null } {
    if (this.sheet === null) return { list: this.context.host.state.names, sheet: null };
    const sheet = this.sheet.target();
    return { list: sheet.names, sheet };
  }

  entities(): NameState[] {
    return [...this.list().list];
  }
  makeItem(entity: NameState): FakeNamedItem {
    return strict(new FakeNamedItem(this, entity.name), "NamedItem");
  }
  probe(): FakeNamedItem {
    return strict(new FakeNamedItem(this, ""), "NamedItem");
  }

  /** Duplicate names in the same scope fail with ItemAlreadyExists (as reported in https://github.com/OfficeDev/office-js/issues/2875). */
  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    const item = strict(new FakeNamedItem(this, name), "NamedItem");
    this.enqueue("add", [name, reference instanceof FakeRange ? "Range" : reference, comment ?? null], (exec) => {
      const location = "NamedItemCollection.add";
      validateDefinedName(name, location);
      const { list } = this.list();
      if (findName(list, name))
        fail("ItemAlreadyExists", `${location}: the name "${name}" already exists in this scope.`, location);
      if (nameClashesWithTable(this.context.host, name))
        fail("InvalidArgument", `${location}: "${name}" is a table name.`, location);
      list.push({ name, formula: nameFormula(this, reference, location), comment: comment ?? "", visible: true });
      exec.deliver(item, "isNullObject", false);
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return this.created("getItem", [name], strict(new FakeNamedItem(this, name), "NamedItem"));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const item = strict(new FakeNamedItem(this, name), "NamedItem");
    item.nullable = true;
    return this.created("getItemOrNullObject", [name], item);
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

function nameType(host: FakeHost, formula: string): string {
  const ref = parseReference(formula);
  if (ref && (ref.sheet === null || host.sheetByName(ref.sheet))) return "Range";
  if (formula.includes("#REF!")) return "Error";
  const body = formula.slice(1).trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return "Double";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  return "String";
}

/** `Excel.NamedItem`. */
export class FakeNamedItem
  extends FakeClientObject<NameTarget>
  implements Pick<Excel.NamedItem, "name" | "formula" | "comment" | "visible">
{
  readonly typeName = "NamedItem";
  private readonly collection: FakeNamedItemCollection;
  private readonly key: string;

  constructor(collection: FakeNamedItemCollection, key: string) {
    super(collection.context, "namedItems");
    this.collection = collection;
    this.key = key;
  }

  target(): NameTarget {
    if (this.resolvedNull) fail("ItemNotFound", "The name is a null object.", "NamedItem");
    const { list, sheet } = this.collection.list();
    const name = findName(list, this.key);
    if (!name) return fail("ItemNotFound", `The name "${this.key}" doesn't exist.`, "NamedItemCollection.getItem");
    return { list, name, sheet };
  }

  scalarProps(): PropReaders<NameTarget> {
    const host = this.context.host;
    return {
      name: (t) => t.name.name,
      formula: (t) => t.name.formula,
      comment: (t) => t.name.comment,
      visible: (t) => t.name.visible,
      scope: (t) => (t.sheet === null ? "Workbook" : "Worksheet"),
      type: (t) => nameType(host, t.name.formula),
      value: (t) => {
        const ref = parseReference(t.name.formula);
        const sheet = ref?.sheet ? host.sheetByName(ref.sheet) : undefined;
        if (ref && sheet) return absoluteRef(sheet, ref.rect);
        return t.name.formula.slice(1);
      },
    };
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.enqueueSet("formula", value, () => {
      this.target().name.formula = nameFormula(this, value, "NamedItem.formula");
    });
  }
  get comment(): string {
    return this.read("comment");
  }
  set comment(value: string) {
    this.enqueueSet("comment", value, () => {
      if (typeof value !== "string")
        fail("InvalidArgument", "NamedItem.comment: expected a string.", "NamedItem.comment");
      this.target().name.comment = value;
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.enqueueSet("visible", value, () => {
      this.target().name.visible = bool(value, "NamedItem.visible");
    });
  }
  get scope(): string {
    return this.read("scope");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }

  getRange(): FakeRange {
    return this.created("getRange", [], strict(new FakeRange(this.context, { kind: "name", item: this }), "Range"));
  }

  getRangeOrNullObject(): FakeRange {
    const range = strict(new FakeRange(this.context, { kind: "name", item: this }), "Range");
    range.nullable = true;
    return this.created("getRangeOrNullObject", [], range);
  }

  delete(): void {
    this.enqueue("delete", [], () => {
      const { list, name } = this.target();
      list.splice(list.indexOf(name), 1);
    });
  }
}

// ─────────────────────────────────────────────── Tables ───────────────────────────────────────────────

interface TableTarget {
  readonly sheet: SheetState;
  readonly table: TableState;
}

function nextTableName(host: FakeHost): string {
  for (let n = 1; ; n++) {
    const name = `Table${n}`;
    if (!nameClashesWithTable(host, name) && !findName(host.state.names, name)) return name;
  }
}

/** Excel makes header texts unique and non-empty: "Column1", "Naam", "Naam2", … */
function tableHeaders(sheet: SheetState, rect: Rect): string[] {
  const seen = new Set<string>();
  const headers: string[] = [];
  for (let c = rect.c1; c <= rect.c2; c++) {
    const cell = cellAt(sheet, rect.r1, c);
    let text = cell.value === "" ? `Column${c - rect.c1 + 1}` : String(cell.value);
    if (seen.has(text.toLowerCase())) {
      let n = 2;
      while (seen.has(`${text}${n}`.toLowerCase())) n++;
      text = `${text}${n}`;
    }
    seen.add(text.toLowerCase());
    headers.push(text);
  }
  return headers;
}

/** `Excel.TableCollection` of the workbook or of one sheet. */
export class FakeTableCollection extends FakeCollection<FakeTable, TableTarget> {
  readonly typeName = "TableCollection";
  private readonly sheet: FakeWorksheet | null;

  constructor(context: FakeRequestContext, sheet: FakeWorksheet | null) {
    super(context, "tables");
    this.sheet = sheet;
  }

  entities(): TableTarget[] {
    if (this.sheet === null) return allTables(this.context.host);
    const sheet = this.sheet.target();
    return sheet.tables.map((table) => ({ sheet, table }));
  }
  makeItem(entity: TableTarget): FakeTable {
    return strict(new FakeTable(this.context, { kind: "id", id: entity.table.id }), "Table");
  }
  probe(): FakeTable {
    return strict(new FakeTable(this.context, { kind: "new" }), "Table");
  }

  /**
   * Creates a table over a range whose first row holds the headers. A table may not overlap another table or merged
   * cells (MergedRangeConflict, see the error table of excel-add-ins-error-handling). `hasHeaders: false` (Excel
   * then inserts a header row and shifts the data) is not modelled.
   */
  add(address: unknown, hasHeaders: boolean): FakeTable {
    if (hasHeaders === false)
      throw new FakeNotModelledError("TableCollection.add with hasHeaders = false is not modelled by the Excel fake");
    const table = strict(new FakeTable(this.context, { kind: "new" }), "Table");
    this.enqueue("add", [address instanceof FakeRange ? "Range" : address, hasHeaders], (exec) => {
      const location = "TableCollection.add";
      const host = this.context.host;
      bool(hasHeaders, location);
      const home = this.sheet === null ? (host.sheetById(host.state.activeSheetId) ?? null) : this.sheet.target();
      const target = rangeArgument(this, address, home, location);
      if (this.sheet !== null && target.sheet !== home)
        fail("InvalidArgument", `${location}: the range is on another sheet.`, location);
      const { sheet } = target;
      // A table always has at least one data row.
      const rect = rows(target.rect) === 1 ? { ...target.rect, r2: target.rect.r2 + 1 } : target.rect;
      inSheet(rect, location);
      checkWriteSize(rect, location);
      assertNotProtected(sheet, location);
      const overlapsTable = sheet.tables.some((t) => {
        const a = parseArea(t.address);
        return a !== null && intersects(a, rect);
      });
      const overlapsMerge = sheet.merges.some((m) => {
        const a = parseArea(m);
        return a !== null && intersects(a, rect);
      });
      if (overlapsTable || overlapsMerge)
        fail("MergedRangeConflict", `${location}: ${formatArea(rect)} overlaps a table or merged cells.`, location);
      const headers = tableHeaders(sheet, rect);
      headers.forEach((text, i) =>
        mutateCell(sheet, rect.r1, rect.c1 + i, (cell) => {
          cell.value = text;
          cell.formula = null;
          cell.quotePrefix = false;
        }),
      );
      const state: TableState = {
        id: host.newId(),
        name: nextTableName(host),
        address: formatArea(rect),
        headers,
        showTotals: false,
        style: "TableStyleMedium2",
      };
      sheet.tables.push(state);
      table.boundId = state.id;
      exec.deliver(table, "isNullObject", false);
    });
    return table;
  }

  getItem(key: string): FakeTable {
    return this.created(
      "getItem",
      [key],
      strict(new FakeTable(this.context, { kind: "key", key, scope: this }), "Table"),
    );
  }

  getItemOrNullObject(key: string): FakeTable {
    const table = strict(new FakeTable(this.context, { kind: "key", key, scope: this }), "Table");
    table.nullable = true;
    return this.created("getItemOrNullObject", [key], table);
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

type TableLocator =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "key"; readonly key: string; readonly scope: FakeTableCollection }
  | { readonly kind: "new" };

/** `Excel.Table`. */
export class FakeTable
  extends FakeClientObject<TableTarget>
  implements Pick<Excel.Table, "id" | "name" | "showTotals" | "style">
{
  readonly typeName = "Table";
  /** @internal */
  boundId: string | null;
  private readonly locator: TableLocator;

  constructor(context: FakeRequestContext, locator: TableLocator) {
    super(context, "tables");
    this.locator = locator;
    this.boundId = locator.kind === "id" ? locator.id : null;
  }

  target(): TableTarget {
    if (this.resolvedNull) fail("ItemNotFound", "The table is a null object.", "Table");
    const host = this.context.host;
    const id = this.boundId;
    if (id !== null) {
      return (
        allTables(host).find((t) => t.table.id === id) ?? fail("ItemNotFound", "The table no longer exists.", "Table")
      );
    }
    const l = this.locator;
    if (l.kind !== "key") return fail("ItemNotFound", "The table doesn't exist.", "Table");
    const key = l.key.toLowerCase();
    const found = l.scope.entities().find((t) => t.table.id === l.key || t.table.name.toLowerCase() === key);
    if (!found) return fail("ItemNotFound", `The table "${l.key}" doesn't exist.`, "TableCollection.getItem");
    this.boundId = found.table.id;
    return found;
  }

  scalarProps(): PropReaders<TableTarget> {
    return {
      id: (t) => t.table.id,
      name: (t) => t.table.name,
      showTotals: (t) => t.table.showTotals,
      showHeaders: () => true,
      style: (t) => t.table.style,
    };
  }

  get id(): string {
    return this.read("id");
  }

  /** Table names follow the defined-name rules and are unique in the workbook (InvalidArgument, https://github.com/OfficeDev/office-js/issues/551). */
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.enqueueSet("name", value, () => {
      const location = "Table.name";
      const host = this.context.host;
      const { table } = this.target();
      const name = validateDefinedName(value, location);
      if (nameClashesWithTable(host, name, table) || findName(host.state.names, name)) {
        fail("InvalidArgument", `${location}: "${name}" is already used by a table or name.`, location);
      }
      table.name = name;
    });
  }

  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** Adds or removes the total row below the data (the label "Total" in the first column; no subtotal formulas). */
  set showTotals(value: boolean) {
    this.enqueueSet("showTotals", value, () => {
      const v = bool(value, "Table.showTotals");
      const { sheet, table } = this.target();
      if (v === table.showTotals) return;
      assertNotProtected(sheet, "Table.showTotals");
      const rect = parseArea(table.address);
      if (!rect) return;
      if (v) {
        const total = rect.r2 + 1;
        inSheet({ ...rect, r2: total }, "Table.showTotals");
        mutateCell(sheet, total, rect.c1, (cell) => {
          if (cell.value === "" && cell.formula === null) cell.value = "Total";
        });
        table.address = formatArea({ ...rect, r2: total });
      } else {
        for (let c = rect.c1; c <= rect.c2; c++) {
          mutateCell(sheet, rect.r2, c, (cell) => {
            cell.value = "";
            cell.formula = null;
          });
        }
        table.address = formatArea({ ...rect, r2: rect.r2 - 1 });
      }
      table.showTotals = v;
    });
  }

  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.enqueueSet("style", value, () => {
      if (typeof value !== "string" || value === "")
        fail("InvalidArgument", "Table.style: expected a style name.", "Table.style");
      this.target().table.style = value;
    });
  }

  getHeaderRowRange(): FakeRange {
    return this.created(
      "getHeaderRowRange",
      [],
      strict(new FakeRange(this.context, { kind: "table", table: this, part: "header" }), "Range"),
    );
  }
  getDataBodyRange(): FakeRange {
    return this.created(
      "getDataBodyRange",
      [],
      strict(new FakeRange(this.context, { kind: "table", table: this, part: "body" }), "Range"),
    );
  }
  getRange(): FakeRange {
    return this.created(
      "getRange",
      [],
      strict(new FakeRange(this.context, { kind: "table", table: this, part: "all" }), "Range"),
    );
  }

  /** Removes the table; its cells keep their contents. */
  delete(): void {
    this.enqueue("delete", [], () => {
      const { sheet, table } = this.target();
      assertNotProtected(sheet, "Table.delete");
      sheet.tables.splice(sheet.tables.indexOf(table), 1);
    });
  }
}

// ─────────────────────────────────────────────── Charts ───────────────────────────────────────────────

const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "Pie",
  "PieExploded",
  "Doughnut",
  "Area",
  "AreaStacked",
  "AreaStacked100",
  "XYScatter",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "XYScatterSmooth",
  "XYScatterSmoothNoMarkers",
  "Radar",
  "Waterfall",
  "Histogram",
  "Pareto",
  "Treemap",
  "Sunburst",
  "Funnel",
  "Boxwhisker",
] as const;
const SERIES_BY = ["Auto", "Columns", "Rows"] as const;
const LEGEND_POSITIONS = ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"] as const;

function isText(cell: CellState): boolean {
  return typeof cell.value === "string" && cell.value !== "";
}

/**
 * The series Excel creates for `charts.add(type, source, seriesBy)`, approximated: "Auto" plots by columns when the
 * range has more rows than columns; the first row / column holds labels when its cells (the corner excluded) are all
 * text, or when the top-left cell is empty.
 */
function deriveSeries(
  sheet: SheetState,
  rect: Rect,
  seriesBy: string,
): { series: SeriesState[]; by: "Rows" | "Columns" } {
  const by =
    seriesBy === "Auto"
      ? rows(rect) > columns(rect)
        ? "Columns"
        : "Rows"
      : seriesBy === "Columns"
        ? "Columns"
        : "Rows";
  const corner = cellAt(sheet, rect.r1, rect.c1);
  const cornerEmpty = corner.value === "" && corner.formula === null;
  const rowCells = (r: number, from: number): CellState[] =>
    Array.from({ length: rect.c2 - from + 1 }, (_, i) => cellAt(sheet, r, from + i));
  const colCells = (c: number, from: number): CellState[] =>
    Array.from({ length: rect.r2 - from + 1 }, (_, i) => cellAt(sheet, from + i, c));
  const headerRow = rows(rect) > 1 && (cornerEmpty || rowCells(rect.r1, rect.c1 + 1).every(isText));
  const headerCol = columns(rect) > 1 && (cornerEmpty || colCells(rect.c1, rect.r1 + 1).every(isText));
  const series: SeriesState[] = [];
  const ref = (area: Rect): string => absoluteRef(sheet, area);
  if (by === "Rows") {
    const c1 = rect.c1 + (headerCol ? 1 : 0);
    for (let r = rect.r1 + (headerRow ? 1 : 0); r <= rect.r2; r++) {
      series.push({
        name: headerCol ? String(cellAt(sheet, r, rect.c1).value) : `Series${series.length + 1}`,
        values: ref({ r1: r, r2: r, c1, c2: rect.c2 }),
        xValues: headerRow ? ref({ r1: rect.r1, r2: rect.r1, c1, c2: rect.c2 }) : null,
      });
    }
  } else {
    const r1 = rect.r1 + (headerRow ? 1 : 0);
    for (let c = rect.c1 + (headerCol ? 1 : 0); c <= rect.c2; c++) {
      series.push({
        name: headerRow ? String(cellAt(sheet, rect.r1, c).value) : `Series${series.length + 1}`,
        values: ref({ r1, r2: rect.r2, c1: c, c2: c }),
        xValues: headerCol ? ref({ r1, r2: rect.r2, c1: rect.c1, c2: rect.c1 }) : null,
      });
    }
  }
  return { series, by };
}

interface ChartTarget {
  readonly sheet: SheetState;
  readonly chart: ChartState;
}

/** `Excel.ChartCollection` of a sheet. */
export class FakeChartCollection extends FakeCollection<FakeChart, ChartTarget> {
  readonly typeName = "ChartCollection";
  private readonly sheet: FakeWorksheet;

  constructor(sheet: FakeWorksheet) {
    super(sheet.context, "charts");
    this.sheet = sheet;
  }

  entities(): ChartTarget[] {
    const sheet = this.sheet.target();
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  makeItem(entity: ChartTarget): FakeChart {
    return strict(new FakeChart(this, { kind: "id", id: entity.chart.id }), "Chart");
  }
  probe(): FakeChart {
    return strict(new FakeChart(this, { kind: "new" }), "Chart");
  }

  add(type: string, sourceData: unknown, seriesBy?: string): FakeChart {
    const chart = strict(new FakeChart(this, { kind: "new" }), "Chart");
    this.enqueue("add", [type, sourceData instanceof FakeRange ? "Range" : sourceData, seriesBy ?? "Auto"], (exec) => {
      const location = "ChartCollection.add";
      const host = this.context.host;
      const chartType = oneOf(type, CHART_TYPES, location);
      const by = oneOf(seriesBy ?? "Auto", SERIES_BY, location);
      if (!(sourceData instanceof FakeRange))
        return fail("InvalidArgument", `${location}: sourceData must be a Range.`, location);
      this.sameContext(sourceData, location);
      const sheet = this.sheet.target();
      assertNotProtected(sheet, location, "allowEditObjects");
      const source = sourceData.target();
      const derived = deriveSeries(source.sheet, source.rect, by);
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const state: ChartState = {
        id: host.newId(),
        name: `Chart ${n}`,
        type: chartType,
        source: absoluteRef(source.sheet, source.rect),
        seriesBy: derived.by,
        title: { text: "", visible: false },
        position: null,
        series: derived.series,
        axes: {
          value: { title: "", titleVisible: false, numberFormat: "General" },
          category: { title: "", titleVisible: false, numberFormat: "General" },
        },
        legend: { position: "Right", visible: true },
      };
      sheet.charts.push(state);
      chart.boundId = state.id;
      exec.deliver(chart, "isNullObject", false);
    });
    return chart;
  }

  /** By name (the first chart with that name, as Office.js documents). */
  getItem(name: string): FakeChart {
    return this.created("getItem", [name], strict(new FakeChart(this, { kind: "name", name }), "Chart"));
  }

  getItemOrNullObject(name: string): FakeChart {
    const chart = strict(new FakeChart(this, { kind: "name", name }), "Chart");
    chart.nullable = true;
    return this.created("getItemOrNullObject", [name], chart);
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

type ChartLocator =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "new" };

/** `Excel.Chart`. */
export class FakeChart extends FakeClientObject<ChartTarget> implements Pick<Excel.Chart, "id" | "name"> {
  readonly typeName = "Chart";
  /** @internal */
  boundId: string | null;
  private readonly collection: FakeChartCollection;
  private readonly locator: ChartLocator;
  private titleObject: FakeChartTitle | null = null;
  private seriesObject: FakeChartSeriesCollection | null = null;
  private axesObject: FakeChartAxes | null = null;
  private legendObject: FakeChartLegend | null = null;

  constructor(collection: FakeChartCollection, locator: ChartLocator) {
    super(collection.context, "charts");
    this.collection = collection;
    this.locator = locator;
    this.boundId = locator.kind === "id" ? locator.id : null;
  }

  target(): ChartTarget {
    if (this.resolvedNull) fail("ItemNotFound", "The chart is a null object.", "Chart");
    const charts = this.collection.entities();
    const id = this.boundId;
    if (id !== null)
      return charts.find((c) => c.chart.id === id) ?? fail("ItemNotFound", "The chart no longer exists.", "Chart");
    const l = this.locator;
    if (l.kind !== "name") return fail("ItemNotFound", "The chart doesn't exist.", "Chart");
    const found = charts.find((c) => c.chart.name.toLowerCase() === l.name.toLowerCase());
    if (!found) return fail("ItemNotFound", `The chart "${l.name}" doesn't exist.`, "ChartCollection.getItem");
    this.boundId = found.chart.id;
    return found;
  }

  scalarProps(): PropReaders<ChartTarget> {
    return { id: (t) => t.chart.id, name: (t) => t.chart.name, chartType: (t) => t.chart.type };
  }
  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return { title: this.title, series: this.series, legend: this.legend };
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.enqueueSet("name", value, () => {
      if (typeof value !== "string" || value.trim() === "")
        fail("InvalidArgument", "Chart.name: expected a name.", "Chart.name");
      this.target().chart.name = value;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(value: string) {
    this.enqueueSet("chartType", value, () => {
      this.target().chart.type = oneOf(value, CHART_TYPES, "Chart.chartType");
    });
  }

  get title(): FakeChartTitle {
    this.titleObject ??= strict(new FakeChartTitle(this), "ChartTitle");
    return this.titleObject;
  }
  get series(): FakeChartSeriesCollection {
    this.seriesObject ??= strict(new FakeChartSeriesCollection(this), "ChartSeriesCollection");
    return this.seriesObject;
  }
  get axes(): FakeChartAxes {
    this.axesObject ??= strict(new FakeChartAxes(this), "ChartAxes");
    return this.axesObject;
  }
  get legend(): FakeChartLegend {
    this.legendObject ??= strict(new FakeChartLegend(this), "ChartLegend");
    return this.legendObject;
  }

  /** Places the chart over the cells from `startCell` to `endCell` (addresses or ranges on the chart's sheet). */
  setPosition(startCell: unknown, endCell?: unknown): void {
    const describe = (a: unknown): unknown => (a instanceof FakeRange ? "Range" : a);
    this.enqueue("setPosition", [describe(startCell), describe(endCell ?? null)], () => {
      const location = "Chart.setPosition";
      const { sheet, chart } = this.target();
      const start = rangeArgument(this, startCell, sheet, location);
      const end = endCell === undefined || endCell === null ? null : rangeArgument(this, endCell, sheet, location);
      if (start.sheet !== sheet || (end !== null && end.sheet !== sheet))
        fail("InvalidArgument", `${location}: cells must be on the chart's sheet.`, location);
      chart.position = { start: formatArea(start.rect), end: end === null ? null : formatArea(end.rect) };
    });
  }

  delete(): void {
    this.enqueue("delete", [], () => {
      const { sheet, chart } = this.target();
      assertNotProtected(sheet, "Chart.delete", "allowEditObjects");
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

/** `Excel.ChartTitle`. Setting a text shows the title. */
export class FakeChartTitle
  extends FakeClientObject<ChartTarget>
  implements Pick<Excel.ChartTitle, "text" | "visible">
{
  readonly typeName = "ChartTitle";
  private readonly chart: FakeChart;

  constructor(chart: FakeChart) {
    super(chart.context, "charts");
    this.chart = chart;
  }
  target(): ChartTarget {
    return this.chart.target();
  }
  scalarProps(): PropReaders<ChartTarget> {
    return { text: (t) => t.chart.title.text, visible: (t) => t.chart.title.visible };
  }
  get text(): string {
    return this.read("text");
  }
  set text(value: string) {
    this.enqueueSet("text", value, () => {
      if (typeof value !== "string") fail("InvalidArgument", "ChartTitle.text: expected a string.", "ChartTitle.text");
      this.target().chart.title = { text: value, visible: true };
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.enqueueSet("visible", value, () => {
      this.target().chart.title.visible = bool(value, "ChartTitle.visible");
    });
  }
}

interface SeriesTarget {
  readonly sheet: SheetState;
  readonly chart: ChartState;
  readonly series: SeriesState;
}

/** `Excel.ChartSeriesCollection`. */
export class FakeChartSeriesCollection extends FakeCollection<FakeChartSeries, SeriesTarget> {
  readonly typeName = "ChartSeriesCollection";
  private readonly chart: FakeChart;

  constructor(chart: FakeChart) {
    super(chart.context, "charts");
    this.chart = chart;
  }

  entities(): SeriesTarget[] {
    const { sheet, chart } = this.chart.target();
    return chart.series.map((series) => ({ sheet, chart, series }));
  }
  makeItem(entity: SeriesTarget): FakeChartSeries {
    return strict(new FakeChartSeries(this, { kind: "state", series: entity.series }), "ChartSeries");
  }
  probe(): FakeChartSeries {
    return strict(new FakeChartSeries(this, { kind: "index", index: -1 }), "ChartSeries");
  }

  /** Adds an empty series (values via `setValues`). */
  add(name?: string, index?: number): FakeChartSeries {
    const item = strict(new FakeChartSeries(this, { kind: "index", index: -1 }), "ChartSeries");
    this.enqueue("add", [name ?? null, index ?? null], (exec) => {
      const { chart } = this.chart.target();
      const series: SeriesState = { name: name ?? `Series${chart.series.length + 1}`, values: null, xValues: null };
      const at = index === undefined ? chart.series.length : intArg(index, "ChartSeriesCollection.add");
      if (at < 0 || at > chart.series.length)
        fail("InvalidArgument", "ChartSeriesCollection.add: index out of range.", "ChartSeriesCollection.add");
      chart.series.splice(at, 0, series);
      item.bind(series);
      exec.deliver(item, "isNullObject", false);
    });
    return item;
  }

  getItemAt(index: number): FakeChartSeries {
    return this.created(
      "getItemAt",
      [index],
      strict(new FakeChartSeries(this, { kind: "index", index }), "ChartSeries"),
    );
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

type SeriesLocator =
  { readonly kind: "state"; readonly series: SeriesState } | { readonly kind: "index"; readonly index: number };

/** `Excel.ChartSeries`. */
export class FakeChartSeries extends FakeClientObject<SeriesTarget> implements Pick<Excel.ChartSeries, "name"> {
  readonly typeName = "ChartSeries";
  private readonly collection: FakeChartSeriesCollection;
  private bound: SeriesState | null;
  private readonly index: number;

  constructor(collection: FakeChartSeriesCollection, locator: SeriesLocator) {
    super(collection.context, "charts");
    this.collection = collection;
    this.bound = locator.kind === "state" ? locator.series : null;
    this.index = locator.kind === "index" ? locator.index : -1;
  }

  /** @internal */
  bind(series: SeriesState): void {
    this.bound = series;
  }

  target(): SeriesTarget {
    const all = this.collection.entities();
    const bound = this.bound;
    if (bound !== null)
      return all.find((s) => s.series === bound) ?? fail("ItemNotFound", "The series no longer exists.", "ChartSeries");
    const found = all[this.index];
    if (!found)
      return fail("ItemNotFound", `There is no series at index ${this.index}.`, "ChartSeriesCollection.getItemAt");
    this.bound = found.series;
    return found;
  }

  scalarProps(): PropReaders<SeriesTarget> {
    return { name: (t) => t.series.name };
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.enqueueSet("name", value, () => {
      if (typeof value !== "string")
        fail("InvalidArgument", "ChartSeries.name: expected a string.", "ChartSeries.name");
      this.target().series.name = value;
    });
  }

  private setRef(member: string, sourceData: unknown, apply: (series: SeriesState, ref: string) => void): void {
    this.enqueue(member, ["Range"], () => {
      const location = `ChartSeries.${member}`;
      if (!(sourceData instanceof FakeRange))
        return fail("InvalidArgument", `${location}: expected a Range.`, location);
      this.sameContext(sourceData, location);
      const { sheet, rect } = sourceData.target();
      apply(this.target().series, absoluteRef(sheet, rect));
    });
  }

  setValues(sourceData: unknown): void {
    this.setRef("setValues", sourceData, (s, ref) => (s.values = ref));
  }

  setXAxisValues(sourceData: unknown): void {
    this.setRef("setXAxisValues", sourceData, (s, ref) => (s.xValues = ref));
  }

  delete(): void {
    this.enqueue("delete", [], () => {
      const { chart, series } = this.target();
      chart.series.splice(chart.series.indexOf(series), 1);
    });
  }
}

/** `Excel.ChartAxes`: the value and category axes. */
export class FakeChartAxes extends FakeClientObject<ChartTarget> {
  readonly typeName = "ChartAxes";
  private readonly chart: FakeChart;
  private valueObject: FakeChartAxis | null = null;
  private categoryObject: FakeChartAxis | null = null;

  constructor(chart: FakeChart) {
    super(chart.context, "charts");
    this.chart = chart;
  }
  target(): ChartTarget {
    return this.chart.target();
  }
  scalarProps(): PropReaders<ChartTarget> {
    return {};
  }
  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return { valueAxis: this.valueAxis, categoryAxis: this.categoryAxis };
  }
  get valueAxis(): FakeChartAxis {
    this.valueObject ??= strict(new FakeChartAxis(this.chart, "value"), "ChartAxis");
    return this.valueObject;
  }
  get categoryAxis(): FakeChartAxis {
    this.categoryObject ??= strict(new FakeChartAxis(this.chart, "category"), "ChartAxis");
    return this.categoryObject;
  }
}

/** `Excel.ChartAxis`: number format and title. */
export class FakeChartAxis extends FakeClientObject<ChartTarget> {
  readonly typeName = "ChartAxis";
  private readonly chart: FakeChart;
  /** @internal */
  readonly which: "value" | "category";
  private titleObject: FakeChartAxisTitle | null = null;

  constructor(chart: FakeChart, which: "value" | "category") {
    super(chart.context, "charts");
    this.chart = chart;
    this.which = which;
  }
  target(): ChartTarget {
    return this.chart.target();
  }
  scalarProps(): PropReaders<ChartTarget> {
    return { numberFormat: (t) => t.chart.axes[this.which].numberFormat };
  }
  override navProps(): Readonly<Record<string, FakeObjectBase>> {
    return { title: this.title };
  }
  get title(): FakeChartAxisTitle {
    this.titleObject ??= strict(new FakeChartAxisTitle(this), "ChartAxisTitle");
    return this.titleObject;
  }
  get numberFormat(): string {
    return this.read("numberFormat");
  }
  set numberFormat(value: string) {
    this.enqueueSet("numberFormat", value, () => {
      if (typeof value !== "string")
        fail("InvalidArgument", "ChartAxis.numberFormat: expected a string.", "ChartAxis.numberFormat");
      this.target().chart.axes[this.which].numberFormat = value === "" ? "General" : value;
    });
  }
}

/** `Excel.ChartAxisTitle`. */
export class FakeChartAxisTitle extends FakeClientObject<ChartTarget> {
  readonly typeName = "ChartAxisTitle";
  private readonly axis: FakeChartAxis;

  constructor(axis: FakeChartAxis) {
    super(axis.context, "charts");
    this.axis = axis;
  }
  target(): ChartTarget {
    return this.axis.target();
  }
  scalarProps(): PropReaders<ChartTarget> {
    return {
      text: (t) => t.chart.axes[this.axis.which].title,
      visible: (t) => t.chart.axes[this.axis.which].titleVisible,
    };
  }
  get text(): string {
    return this.read("text");
  }
  set text(value: string) {
    this.enqueueSet("text", value, () => {
      if (typeof value !== "string")
        fail("InvalidArgument", "ChartAxisTitle.text: expected a string.", "ChartAxisTitle.text");
      const axis = this.target().chart.axes[this.axis.which];
      axis.title = value;
      axis.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.enqueueSet("visible", value, () => {
      this.target().chart.axes[this.axis.which].titleVisible = bool(value, "ChartAxisTitle.visible");
    });
  }
}

/** `Excel.ChartLegend`. */
export class FakeChartLegend extends FakeClientObject<ChartTarget> implements Pick<Excel.ChartLegend, "visible"> {
  readonly typeName = "ChartLegend";
  private readonly chart: FakeChart;

  constructor(chart: FakeChart) {
    super(chart.context, "charts");
    this.chart = chart;
  }
  target(): ChartTarget {
    return this.chart.target();
  }
  scalarProps(): PropReaders<ChartTarget> {
    return { position: (t) => t.chart.legend.position, visible: (t) => t.chart.legend.visible };
  }
  get position(): string {
    return this.read("position");
  }
  set position(value: string) {
    this.enqueueSet("position", value, () => {
      this.target().chart.legend.position = oneOf(value, LEGEND_POSITIONS, "ChartLegend.position");
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.enqueueSet("visible", value, () => {
      this.target().chart.legend.visible = bool(value, "ChartLegend.visible");
    });
  }
}

// ─────────────────────────────────────────── Custom XML parts ───────────────────────────────────────────

type XmlLocator =
  | { readonly kind: "id"; readonly id: string; readonly scope: () => CustomXmlPartState[] }
  | { readonly kind: "only"; readonly scope: () => CustomXmlPartState[] }
  | { readonly kind: "new" };

/** `Excel.CustomXmlPartCollection` (`workbook.customXmlParts`, ExcelApi 1.5). */
export class FakeCustomXmlPartCollection extends FakeCollection<FakeCustomXmlPart, CustomXmlPartState> {
  readonly typeName = "CustomXmlPartCollection";

  constructor(context: FakeRequestContext) {
    super(context, "customXmlParts");
  }

  entities(): CustomXmlPartState[] {
    return [...this.context.host.state.customXmlParts];
  }
  makeItem(part: CustomXmlPartState): FakeCustomXmlPart {
    return strict(
      new FakeCustomXmlPart(this.context, { kind: "id", id: part.id, scope: () => this.entities() }),
      "CustomXmlPart",
    );
  }
  probe(): FakeCustomXmlPart {
    return strict(new FakeCustomXmlPart(this.context, { kind: "new" }), "CustomXmlPart");
  }

  /** Adds a part; the XML must be well-formed (InvalidArgument otherwise). Its namespace is the root element's. */
  add(xml: string): FakeCustomXmlPart {
    const part = strict(new FakeCustomXmlPart(this.context, { kind: "new" }), "CustomXmlPart");
    this.enqueue("add", [xml], (exec) => {
      const host = this.context.host;
      const info = typeof xml === "string" ? inspectXml(xml) : null;
      if (!info)
        return fail(
          "InvalidArgument",
          "CustomXmlPartCollection.add: the XML is not well-formed.",
          "CustomXmlPartCollection.add",
        );
      const state: CustomXmlPartState = { id: host.newId(), namespaceUri: info.namespaceUri, xml };
      host.state.customXmlParts.push(state);
      part.boundId = state.id;
      exec.deliver(part, "isNullObject", false);
    });
    return part;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    const scoped = strict(
      new FakeCustomXmlPartScopedCollection(this.context, namespaceUri),
      "CustomXmlPartScopedCollection",
    );
    return this.created("getByNamespace", [namespaceUri], scoped);
  }

  getItem(id: string): FakeCustomXmlPart {
    const part = strict(
      new FakeCustomXmlPart(this.context, { kind: "id", id, scope: () => this.entities() }),
      "CustomXmlPart",
    );
    return this.created("getItem", [id], part);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    const part = strict(
      new FakeCustomXmlPart(this.context, { kind: "id", id, scope: () => this.entities() }),
      "CustomXmlPart",
    );
    part.nullable = true;
    return this.created("getItemOrNullObject", [id], part);
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

/** `Excel.CustomXmlPartScopedCollection`: the parts of one namespace, evaluated when an operation executes. */
export class FakeCustomXmlPartScopedCollection extends FakeCollection<FakeCustomXmlPart, CustomXmlPartState> {
  readonly typeName = "CustomXmlPartScopedCollection";
  private readonly namespaceUri: string;

  constructor(context: FakeRequestContext, namespaceUri: string) {
    super(context, "customXmlParts");
    this.namespaceUri = namespaceUri;
  }

  override target(): null {
    if (typeof this.namespaceUri !== "string")
      fail(
        "InvalidArgument",
        "CustomXmlPartCollection.getByNamespace: expected a string.",
        "CustomXmlPartCollection.getByNamespace",
      );
    return null;
  }

  entities(): CustomXmlPartState[] {
    return this.context.host.state.customXmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
  }
  makeItem(part: CustomXmlPartState): FakeCustomXmlPart {
    return strict(
      new FakeCustomXmlPart(this.context, { kind: "id", id: part.id, scope: () => this.entities() }),
      "CustomXmlPart",
    );
  }
  probe(): FakeCustomXmlPart {
    return strict(new FakeCustomXmlPart(this.context, { kind: "new" }), "CustomXmlPart");
  }

  getItem(id: string): FakeCustomXmlPart {
    const part = strict(
      new FakeCustomXmlPart(this.context, { kind: "id", id, scope: () => this.entities() }),
      "CustomXmlPart",
    );
    return this.created("getItem", [id], part);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    const part = strict(
      new FakeCustomXmlPart(this.context, { kind: "id", id, scope: () => this.entities() }),
      "CustomXmlPart",
    );
    part.nullable = true;
    return this.created("getItemOrNullObject", [id], part);
  }

  /** The only part of the namespace; ItemNotFound when there are none or several. */
  getOnlyItem(): FakeCustomXmlPart {
    const part = strict(
      new FakeCustomXmlPart(this.context, { kind: "only", scope: () => this.entities() }),
      "CustomXmlPart",
    );
    return this.created("getOnlyItem", [], part);
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    const part = strict(
      new FakeCustomXmlPart(this.context, { kind: "only", scope: () => this.entities() }),
      "CustomXmlPart",
    );
    part.nullable = true;
    return this.created("getOnlyItemOrNullObject", [], part);
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

/** `Excel.CustomXmlPart`. */
export class FakeCustomXmlPart
  extends FakeClientObject<CustomXmlPartState>
  implements Pick<Excel.CustomXmlPart, "id" | "namespaceUri">
{
  readonly typeName = "CustomXmlPart";
  /** @internal */
  boundId: string | null;
  private readonly locator: XmlLocator;

  constructor(context: FakeRequestContext, locator: XmlLocator) {
    super(context, "customXmlParts");
    this.locator = locator;
    this.boundId = null;
  }

  target(): CustomXmlPartState {
    if (this.resolvedNull) fail("ItemNotFound", "The custom XML part is a null object.", "CustomXmlPart");
    const all = this.context.host.state.customXmlParts;
    const id = this.boundId;
    if (id !== null)
      return (
        all.find((p) => p.id === id) ?? fail("ItemNotFound", "The custom XML part no longer exists.", "CustomXmlPart")
      );
    const l = this.locator;
    let found: CustomXmlPartState | undefined;
    if (l.kind === "id") found = l.scope().find((p) => p.id === l.id);
    else if (l.kind === "only") {
      const parts = l.scope();
      if (parts.length === 1) found = parts[0];
    }
    if (!found)
      return fail(
        "ItemNotFound",
        "The custom XML part doesn't exist (or the namespace does not hold exactly one).",
        "CustomXmlPart",
      );
    this.boundId = found.id;
    return found;
  }

  scalarProps(): PropReaders<CustomXmlPartState> {
    return { id: (p) => p.id, namespaceUri: (p) => p.namespaceUri };
  }

  get id(): string {
    return this.read("id");
  }
  get namespaceUri(): string {
    return this.read("namespaceUri");
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.enqueue("getXml", [], (exec) => exec.deliverResult(result, this.target().xml));
    return result;
  }

  setXml(xml: string): void {
    this.enqueue("setXml", [xml], () => {
      const part = this.target();
      const info = typeof xml === "string" ? inspectXml(xml) : null;
      if (!info)
        return fail("InvalidArgument", "CustomXmlPart.setXml: the XML is not well-formed.", "CustomXmlPart.setXml");
      part.xml = xml;
      part.namespaceUri = info.namespaceUri;
    });
  }

  delete(): void {
    this.enqueue("delete", [], () => {
      const parts = this.context.host.state.customXmlParts;
      parts.splice(parts.indexOf(this.target()), 1);
    });
  }
}

// ─────────────────────────────────────────────── Settings ───────────────────────────────────────────────

function jsonCopy(value: unknown, location: string): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) return fail("InvalidArgument", `${location}: the value cannot be stored as JSON.`, location);
  const copy: unknown = JSON.parse(text);
  return copy;
}

/** `Excel.SettingCollection` (`workbook.settings`, ExcelApi 1.4). */
export class FakeSettingCollection extends FakeCollection<FakeSetting, string> {
  readonly typeName = "SettingCollection";

  constructor(context: FakeRequestContext) {
    super(context, "settings");
  }

  entities(): string[] {
    return [...this.context.host.state.settings.keys()];
  }
  makeItem(key: string): FakeSetting {
    return strict(new FakeSetting(this.context, key), "Setting");
  }
  probe(): FakeSetting {
    return strict(new FakeSetting(this.context, ""), "Setting");
  }

  /** Sets or adds a setting; the value is stored as JSON (dates become ISO strings). */
  add(key: string, value: unknown): FakeSetting {
    const setting = strict(new FakeSetting(this.context, key), "Setting");
    this.enqueue("add", [key, value], (exec) => {
      const location = "SettingCollection.add";
      if (typeof key !== "string" || key === "" || key.length > 255)
        fail("InvalidArgument", `${location}: invalid key.`, location);
      this.context.host.state.settings.set(key, jsonCopy(value, location));
      exec.deliver(setting, "isNullObject", false);
    });
    return setting;
  }

  getItem(key: string): FakeSetting {
    return this.created("getItem", [key], strict(new FakeSetting(this.context, key), "Setting"));
  }

  getItemOrNullObject(key: string): FakeSetting {
    const setting = strict(new FakeSetting(this.context, key), "Setting");
    setting.nullable = true;
    return this.created("getItemOrNullObject", [key], setting);
  }

  getCount(): FakeClientResult<number> {
    return this.countResult("getCount");
  }
}

/** `Excel.Setting`. */
export class FakeSetting
  extends FakeClientObject<{ key: string; value: unknown }>
  implements Pick<Excel.Setting, "key" | "value">
{
  readonly typeName = "Setting";
  private readonly settingKey: string;

  constructor(context: FakeRequestContext, key: string) {
    super(context, "settings");
    this.settingKey = key;
  }

  target(): { key: string; value: unknown } {
    if (this.resolvedNull) fail("ItemNotFound", "The setting is a null object.", "Setting");
    const settings = this.context.host.state.settings;
    if (!settings.has(this.settingKey))
      return fail("ItemNotFound", `The setting "${this.settingKey}" doesn't exist.`, "SettingCollection.getItem");
    return { key: this.settingKey, value: settings.get(this.settingKey) };
  }

  scalarProps(): PropReaders<{ key: string; value: unknown }> {
    return { key: (s) => s.key, value: (s) => jsonCopy(s.value, "Setting.value") };
  }

  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(value: unknown) {
    this.enqueueSet("value", value, () => {
      const { key } = this.target();
      this.context.host.state.settings.set(key, jsonCopy(value, "Setting.value"));
    });
  }

  delete(): void {
    this.enqueue("delete", [], () => {
      this.context.host.state.settings.delete(this.target().key);
    });
  }
}

// ─────────────────────────────────────────── Snapshots ───────────────────────────────────────────

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A deep, JSON-compatible copy of the whole workbook (object keys sorted), for "exactly as before" checks. */
export type WorkbookSnapshot = { readonly [key: string]: JsonValue };

export interface SnapshotCompareOptions {
  /** Ignore which sheet is active (a UI state Excel may move when a sheet is deleted). */
  readonly ignoreActiveSheet?: boolean;
}

function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v: unknown) => toJson(v));
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v]: [unknown, unknown]) => [String(k), toJson(v)] as const);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]: [string, unknown]) => [k, toJson(v)] as const);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  return String(value);
}

function snapshotOf(state: WorkbookState): WorkbookSnapshot {
  return {
    activeSheet: state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? null,
    sheets: state.sheets.map((s) => toJson(s)),
    names: toJson(state.names),
    customXmlParts: toJson(state.customXmlParts),
    settings: toJson(state.settings),
  };
}

function comparable(snapshot: WorkbookSnapshot, options: SnapshotCompareOptions | undefined): WorkbookSnapshot {
  if (options?.ignoreActiveSheet !== true) return snapshot;
  return { ...snapshot, activeSheet: null };
}

function diffJson(a: JsonValue | undefined, b: JsonValue | undefined, path: string, out: string[]): void {
  if (out.length >= 50) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const isObject = (v: JsonValue | undefined): v is { readonly [key: string]: JsonValue } =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b)) {
    const left: readonly JsonValue[] = a;
    const right: readonly JsonValue[] = b;
    for (let i = 0; i < Math.max(left.length, right.length); i++) diffJson(left[i], right[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      diffJson(a[key], b[key], path === "" ? key : `${path}.${key}`, out);
    return;
  }
  out.push(`${path}: ${JSON.stringify(a) ?? "(absent)"} → ${JSON.stringify(b) ?? "(absent)"}`);
}

// ─────────────────────────────────────────────── Factory ───────────────────────────────────────────────

/** The fake workbook host and its inspection helpers. */
export interface FakeExcel {
  /** Like `Excel.run`: a fresh request context per call; an implicit final sync flushes leftover operations. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The workbook as it is now (live; do not change it directly, use `seedSheet` / `setCalculatedValue`). */
  readonly state: WorkbookState;
  readonly stats: FakeExcelStats;
  /** The n-th operation queued from now on (1-based, across syncs and runs) fails at sync with GeneralException. */
  failAt(n: number): void;
  /** The next queued operation with this label ("Worksheet.name", "Range.values", …) fails at sync with GeneralException. */
  failOn(label: string | RegExp): void;
  /** Back to the seeded workbook, stats cleared, armed failures dropped. */
  reset(): void;
  resetStats(): void;
  snapshot(): WorkbookSnapshot;
  /** Whether the workbook equals a snapshot taken earlier. */
  equals(other: WorkbookSnapshot, options?: SnapshotCompareOptions): boolean;
  /** Readable differences between a snapshot and the workbook now ("path: before → now"), at most 50. */
  diff(other: WorkbookSnapshot, options?: SnapshotCompareOptions): string[];
  /** A sheet by name (ignoring case); throws when there is none. */
  sheet(name: string): SheetState;
  /** A cell by sheet name and A1 address; an empty cell reads as a default cell. */
  cell(sheet: string, address: string): CellState;
  /** Adds a user sheet (not counted as an operation), e.g. to simulate a controller's own workbook. */
  seedSheet(seed: SeedSheet): SheetState;
  /** Gives a formula cell the value Excel would have calculated. */
  setCalculatedValue(sheet: string, address: string, value: CellValue): void;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && "then" in value && typeof value.then === "function";
}

/**
 * Creates a fake Excel host. See the file header for what is modelled and the sources.
 *
 * Deliberately not modelled: formula evaluation (a formula cell's value is "" unless `evaluate` or
 * `setCalculatedValue` supplies one — Excel would compute it), recalculation and formula syntax checks (any text
 * after "=" is stored); relative-reference adjustment when one formula is written to several cells (throws
 * FakeNotModelledError); locale-dependent input parsing (only plain numbers, TRUE/FALSE, percentages and ISO dates
 * are converted); what Excel does with values written into the hidden cells of a merged area; styles, conditional
 * formats, data validation,
 * hyperlinks, comments, pivot tables, shapes, events, undo; inserting or deleting cells, rows and columns; chart
 * rendering details beyond type, source, series, titles, axis formats, legend and position; `tables.add` with
 * `hasHeaders: false`; subtotal formulas of table total rows; the merging of overlapping merge areas; workbook
 * structure protection; `Office.context.requirements` (use the `ondersteunt` option instead); the global `Excel`
 * namespace (pass `fake.run` to the adapter; use string literals such as "VeryHidden" rather than `Excel.*` enums).
 * Stricter than Office.js: a property that was set is not readable until loaded; "@" at the start of input is
 * treated as a formula like "=", "+" and "-"; overlapping merges fail.
 */
export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const host = new FakeHost(options);

  const sheet = (name: string): SheetState => {
    const found = host.sheetByName(name);
    if (!found)
      throw new Error(
        `fake Excel: no sheet named "${name}" (sheets: ${host.state.sheets.map((s) => s.name).join(", ")})`,
      );
    return found;
  };
  const key = (address: string): string => {
    const rect = parseArea(address);
    if (!rect || rect.r1 !== rect.r2 || rect.c1 !== rect.c2)
      throw new Error(`fake Excel: "${address}" is not a single cell`);
    return cellKey(rect.r1, rect.c1);
  };

  return {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      host.stats.runs++;
      const context = strict(new FakeRequestContext(host, host.stats.runs), "RequestContext");
      try {
        // The boundary: the code under test is typed against Office.js and receives the fake's context, which
        // implements the subset of Excel.RequestContext this project uses (unknown members throw FakeNotModelledError).
        const pending = batch(context as unknown as Excel.RequestContext);
        if (!isThenable(pending)) {
          throw new FakeExcelError("RunMustReturnPromise", "The batch function passed to run must return a promise.");
        }
        const result = await pending;
        if (context.queue.length > 0) await context.flush(true);
        return result;
      } finally {
        context.closed = true;
      }
    },
    get state(): WorkbookState {
      return host.state;
    },
    get stats(): FakeExcelStats {
      return host.stats;
    },
    failAt(n: number): void {
      host.armIndex(n);
    },
    failOn(label: string | RegExp): void {
      host.armMatch(label);
    },
    reset(): void {
      host.reset();
    },
    resetStats(): void {
      host.stats = newStats();
    },
    snapshot(): WorkbookSnapshot {
      return snapshotOf(host.state);
    },
    equals(other: WorkbookSnapshot, compare?: SnapshotCompareOptions): boolean {
      return JSON.stringify(comparable(snapshotOf(host.state), compare)) === JSON.stringify(comparable(other, compare));
    },
    diff(other: WorkbookSnapshot, compare?: SnapshotCompareOptions): string[] {
      const out: string[] = [];
      diffJson(comparable(other, compare), comparable(snapshotOf(host.state), compare), "", out);
      return out;
    },
    sheet,
    cell(sheetName: string, address: string): CellState {
      return sheet(sheetName).cells.get(key(address)) ?? defaultCell();
    },
    seedSheet(seed: SeedSheet): SheetState {
      if (host.sheetByName(seed.name)) throw new Error(`fake Excel: sheet "${seed.name}" already exists`);
      const state = host.seedSheet(seed);
      host.state.sheets.push(state);
      return state;
    },
    setCalculatedValue(sheetName: string, address: string, value: CellValue): void {
      const cell = sheet(sheetName).cells.get(key(address));
      if (!cell || cell.formula === null) throw new Error(`fake Excel: ${sheetName}!${address} holds no formula`);
      cell.value = value;
    },
  };
}
