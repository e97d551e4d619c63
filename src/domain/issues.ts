/**
 * Structured input problems. The domain reports what is wrong as data (a code plus where and what);
 * the Dutch wording lives in src/i18n so another language can be added without touching the model.
 */

export type IssueCode =
  | "leeg-bestand"
  | "alleen-kop"
  | "geen-kop"
  | "kolom-ontbreekt"
  | "kolom-dubbel"
  | "scheidingsteken"
  | "aantal-kolommen"
  | "geen-bedrag"
  | "bedrag-te-groot"
  | "eenheid-gemengd"
  | "onbekend-taakveld"
  | "resultaat-taakveld"
  | "balanspost"
  | "verkeerd-regime"
  | "onbekende-categorie"
  | "categorie-soort"
  | "lege-gemeente"
  | "leeg-taakveld"
  | "dubbele-rij"
  | "te-veel-rijen"
  | "te-veel-meldingen"
  | "csv-syntax"
  | "geen-gemeente-kolom";

export interface InputIssue {
  readonly code: IssueCode;
  /** 1-based row number as the user sees it (header is row 1 in a file). */
  readonly rij?: number;
  /** Column name as found in the input (or the expected name when missing). */
  readonly kolom?: string;
  /** Cell address when the input is a worksheet range, e.g. "Blad1!C17". */
  readonly cel?: string;
  /** The offending text, as given. */
  readonly waarde?: string;
  /** Extra facts for the message (e.g. the first row of a duplicate, the expected regime). */
  readonly details?: Readonly<Record<string, string | number>>;
}
