/**
 * Sheet descriptions: what the add-in writes into a workbook, independent of how it is written. The
 * .xlsx writer (src/xlsx, ExcelJS) and the Office.js writer (src/excel) both take these, so a sheet
 * written either way has the same cells, formulas, names and formats.
 *
 * Addresses are A1 references within the sheet ("B5"); formulas are English, with "," separators and
 * without the leading "=". Text values are always written as text: a value never becomes a formula.
 */

/** Named cell styles; each writer maps them to fonts, fills, borders and alignment. */
export type Stijl =
  | "titel"
  | "subtitel"
  | "kop"
  | "kolomkop"
  | "label"
  | "tekst"
  | "bron"
  | "invoer"
  | "berekend"
  | "subtotaal"
  | "totaal"
  | "notitie"
  | "waarschuwing";

/** Number formats used on sheets (Excel format codes; Excel shows them in the user's locale). */
export const FORMAAT = {
  euro: '"€" #,##0;[Red]-"€" #,##0',
  euroCent: '"€" #,##0.00;[Red]-"€" #,##0.00',
  procent: "0.0#%",
  procent2: "0.00%",
  procent4: "0.0000%",
  getal: "#,##0",
  getal2: "#,##0.00",
  getal1: "#,##0.0",
  factor: "0.0000",
  jaar: "0",
  datum: "yyyy-mm-dd",
} as const;
export type Formaat = (typeof FORMAAT)[keyof typeof FORMAAT];

export interface CelSpec {
  /** A1 address within the sheet. */
  readonly adres: string;
  /** A literal: numbers as numbers, text always as text (never parsed as a formula). */
  readonly waarde?: number | string | boolean;
  /** English formula without "=". Only the sheet layer sets this, never from user text. */
  readonly formule?: string;
  /** For computed cells: the engine's value, used by verification and by the formula tests. */
  readonly verwacht?: number;
  readonly formaat?: string;
  readonly stijl?: Stijl;
  /** Model name of the input or cell placed here (for verification and names). */
  readonly modelNaam?: string;
}

export interface NaamSpec {
  /** Defined name, scoped to the sheet (the .xlsx writer prefixes it to keep scenarios apart). */
  readonly naam: string;
  /** A1 address within the sheet. */
  readonly adres: string;
}

export interface TabelSpec {
  /** Excel table name (unique in the workbook). */
  readonly naam: string;
  /** Top-left cell of the header row. */
  readonly adres: string;
  readonly kolommen: readonly string[];
  /** Number of data rows under the header (the cells themselves are in `cellen`). */
  readonly rijen: number;
  readonly totaalRij?: boolean;
}

export type GrafiekSoort = "kolom" | "gestapeldeKolom" | "lijn";

export interface GrafiekReeks {
  readonly naam: string;
  /** Range of the values, e.g. "C10:F10" (same sheet). */
  readonly waarden: string;
}

export interface GrafiekSpec {
  readonly titel: string;
  readonly soort: GrafiekSoort;
  /** Range of the category labels (e.g. the years), same sheet. */
  readonly categorieen: string;
  readonly reeksen: readonly GrafiekReeks[];
  /** Placement: top-left cell and size in columns × rows. */
  readonly positie: { readonly adres: string; readonly breedte: number; readonly hoogte: number };
  readonly asTitel?: string;
  readonly formaat?: string;
}

export interface AfdrukSpec {
  readonly liggend: boolean;
  /** Fit all columns on one page width. */
  readonly passendInBreedte: boolean;
  /** Rows repeated at the top of every printed page, e.g. "1:4". */
  readonly titelRijen?: string;
  readonly koptekst: string;
  readonly voettekst: string;
}

export const BLADSOORTEN = ["iv3-basis", "scenario", "vergelijking", "regio"] as const;
export type BladSoort = (typeof BLADSOORTEN)[number];

export function isBladSoort(s: unknown): s is BladSoort {
  return typeof s === "string" && (BLADSOORTEN as readonly string[]).includes(s);
}

export interface BladSpec {
  readonly naam: string;
  readonly soort: BladSoort;
  readonly cellen: readonly CelSpec[];
  /** Merged ranges, e.g. "A1:H1". */
  readonly samengevoegd: readonly string[];
  /** Column widths in characters, from column A. */
  readonly kolombreedtes: readonly number[];
  /** Frozen panes: rows above and columns left of the split. */
  readonly vastzetten?: { readonly rijen: number; readonly kolommen: number };
  readonly namen: readonly NaamSpec[];
  readonly tabellen: readonly TabelSpec[];
  readonly grafieken: readonly GrafiekSpec[];
  readonly afdruk: AfdrukSpec;
  /** Tab colour (RGB hex without #). */
  readonly tabkleur?: string;
}

export interface WerkmapMetadata {
  readonly product: string;
  readonly versie: string;
  /** ISO date of writing. */
  readonly datum: string;
  readonly scenarios: readonly {
    readonly naam: string;
    readonly blad: string;
    readonly vingerafdruk: string;
    /** Canonical scenario input JSON. */
    readonly invoer: string;
  }[];
  readonly bronnen: readonly string[];
  /**
   * Every sheet written, with the key that identifies what it shows (see `bladSleutel`). A later write
   * with the same key replaces that sheet; this, not the sheet name, is how the add-in knows its sheets.
   */
  readonly bladen?: readonly BladInMetadata[];
}

export interface BladInMetadata {
  readonly naam: string;
  readonly soort: BladSoort;
  readonly sleutel: string;
}

/**
 * The identity of a sheet's content: a scenario of a gemeente, the Iv3 basis of a gemeente and data
 * set, the comparison for a gemeente, the distribution of a region. Case-insensitive like sheet names.
 */
export function bladSleutel(
  soort: BladSoort,
  delen: { readonly gemeente?: string; readonly scenario?: string; readonly dataset?: string; readonly regio?: string },
): string {
  const deel = (s: string | undefined): string => (s ?? "").trim().toLowerCase();
  switch (soort) {
    case "scenario":
      return `scenario|${deel(delen.gemeente)}|${deel(delen.scenario)}`;
    case "iv3-basis":
      return `iv3-basis|${deel(delen.gemeente)}|${deel(delen.dataset)}`;
    case "vergelijking":
      return `vergelijking|${deel(delen.gemeente)}`;
    case "regio":
      return `regio|${deel(delen.regio)}`;
  }
}

export interface WerkmapSpec {
  readonly bladen: readonly BladSpec[];
  readonly metadata: WerkmapMetadata;
}
