/**
 * Core Iv3 types shared by every source (built-in snapshot, CSV, workbook range, CBS open data).
 * Amounts are always euros here; conversion from CBS's € 1,000 happens in the source.
 */

/** The three taakveld regimes of the Iv3 informatievoorschrift. */
export type Regime = "2017-2022" | "2023-2024" | "2025+";

export type Verslagsoort = "begroting" | "jaarrekening";

/** The data sets of the built-in snapshot. */
export type DatasetId = "2023-begroting" | "2023-jaarrekening" | "2024-begroting" | "2025-begroting";

/** Where a data set came from; shown on sheets and stored with scenarios. */
export interface Iv3Provenance {
  /** Human-readable origin, e.g. "CBS open data, catalogus IV3, tabel 45063NED". */
  readonly bron: string;
  /** CBS table id where known, e.g. "45063NED". */
  readonly cbsTabel?: string;
  /** Source file name where the data came from a file. */
  readonly bestand?: string;
  readonly verslagsoort: Verslagsoort;
  /** Begrotings- or rekeningjaar. */
  readonly jaar: number;
  /** Unit of the amounts in the origin; rows carry euros regardless. */
  readonly eenheidBron: "EUR" | "EUR1000";
  /** ISO date the data was retrieved or derived, when known. */
  readonly opgehaald?: string;
}

/** One validated Iv3 figure: a gemeente × taakveld (× optional categorie). */
export interface Iv3Row {
  readonly gemeente: string;
  /** CBS gemeente code (e.g. "GM0281") when the source knows it. */
  readonly gemeenteCode?: string;
  /** Canonical taakveld code, e.g. "6.72a"; always known to the taxonomy. */
  readonly taakveld: string;
  /** Categorie code with L/B prefix when the source has categories, e.g. "L3.5.1". */
  readonly categorie?: string;
  /** Euros; null means "geen opgave" (no figure), which is not the same as 0. */
  readonly lasten: number | null;
  readonly baten: number | null;
}

/** Extra per-gemeente facts some sources provide. */
export interface GemeenteInfo {
  readonly naam: string;
  readonly code?: string;
  readonly provincie?: string;
  readonly inwoners?: number;
}

/** What every Iv3 source produces: validated rows plus provenance. */
export interface Iv3Data {
  readonly regime: Regime;
  readonly provenance: Iv3Provenance;
  readonly rows: readonly Iv3Row[];
  readonly gemeenten: readonly GemeenteInfo[];
}
