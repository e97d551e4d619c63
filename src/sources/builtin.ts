/**
 * The built-in data set: Iv3 jeugd-relevant figures per gemeente for four CBS data sets and the
 * gemeentefonds youth cluster, derived by scripts/derive-data.mjs into src/data/iv3-snapshot.json.
 * The JSON is loaded lazily (dynamic import) so the task pane opens without it.
 */
import { naamSleutel, ROEPNAMEN, suggesties } from "../domain/gemeente-naam";
import { NEDERLAND } from "../domain/iv3/aggregate";
import { regimeForYear } from "../domain/iv3/taxonomy";
import type { DatasetId, GemeenteInfo, Iv3Data, Iv3Row, Verslagsoort } from "../domain/iv3/types";
import { nl } from "../i18n/nl";
import { SourceError } from "./errors";

export const DATASET_IDS: readonly DatasetId[] = [
  "2023-begroting",
  "2023-jaarrekening",
  "2024-begroting",
  "2025-begroting",
];

export type CirculaireId = "M2023_2024" | "M2024_2025" | "S2024_2025";

export interface SnapshotGemeente {
  readonly naam: string;
  readonly provincie: string | null;
  /** Other spellings (CBS's official names such as "Groningen (gemeente)"). */
  readonly aliassen: readonly string[];
  readonly code?: string;
  readonly inwoners: Partial<Record<DatasetId, number>>;
  /** Gemeentefonds cluster "Individuele voorzieningen Jeugd" per circulaire, euros. */
  readonly gf: Partial<Record<CirculaireId, number>>;
}

export interface SnapshotDataset {
  readonly id: DatasetId;
  readonly taakvelden: readonly string[];
  readonly gemeenten: readonly {
    readonly naam: string;
    readonly lasten: readonly (number | null)[];
    readonly baten: readonly (number | null)[];
  }[];
}

export interface DatasetProvenance {
  readonly id: DatasetId;
  readonly bestand: string;
  readonly sha256: string;
  readonly jaar: number;
  readonly verslagsoort: Verslagsoort;
  readonly cbsTabel: string;
  readonly herkomst: string;
  readonly eenheidBron: "EUR1000";
  readonly eenheid: "EUR";
  readonly rijen: number;
}

export interface CirculaireProvenance {
  readonly id: CirculaireId;
  readonly naam: string;
  readonly uitkeringsjaar: number;
  readonly bestand: string;
  readonly sha256: string;
  readonly cluster: string;
  readonly herkomst: string;
  readonly eenheid: "EUR";
}

export interface Snapshot {
  readonly schema: 1;
  readonly omschrijving: string;
  readonly provenance: {
    readonly datasets: readonly DatasetProvenance[];
    readonly gemeentefonds: readonly CirculaireProvenance[];
  };
  readonly gemeenten: readonly SnapshotGemeente[];
  readonly gemeentefondsTotaal: Partial<Record<CirculaireId, number>>;
  readonly datasets: readonly SnapshotDataset[];
}

let cached: Promise<Snapshot> | undefined;

/** Load the built-in data set once (lazily). */
export function loadSnapshot(): Promise<Snapshot> {
  cached ??= import("../data/iv3-snapshot.json").then((m) => asSnapshot(m.default));
  return cached;
}

/** Narrow the imported JSON to our type with a structural check of the parts we rely on. */
export function asSnapshot(json: unknown): Snapshot {
  const s = json as Partial<Snapshot> | null;
  if (!s || s.schema !== 1 || !Array.isArray(s.gemeenten) || !Array.isArray(s.datasets) || !s.provenance) {
    throw new Error("built-in data set has an unexpected shape; rerun scripts/derive-data.mjs");
  }
  return s as Snapshot;
}

export function isDatasetId(id: string): id is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(id);
}

/** The gemeenten of the data set (342), without the national row. */
export function gemeentenVan(snapshot: Snapshot): readonly SnapshotGemeente[] {
  return snapshot.gemeenten.filter((g) => g.naam !== NEDERLAND);
}

export type GemeenteMatch =
  | { readonly ok: true; readonly gemeente: SnapshotGemeente }
  | { readonly ok: false; readonly melding: string; readonly suggesties: readonly string[] };

/**
 * Resolve a name, an alias ("Groningen (gemeente)", "Beek (L.)") or a GM code to one gemeente.
 * "Nederland" resolves to the national row. Unknown input gives the closest names.
 */
export function vindGemeente(snapshot: Snapshot, query: string): GemeenteMatch {
  const q = query.trim();
  const code = /^gm\s*0*(\d{1,4})$/i.exec(q);
  if (code) {
    const want = `GM${(code[1] ?? "").padStart(4, "0")}`;
    const hit = snapshot.gemeenten.find((g) => g.code === want);
    if (hit) return { ok: true, gemeente: hit };
  }
  const roepnaam = ROEPNAMEN[q.toLowerCase().replace(/\s+/g, " ")];
  const key = naamSleutel(roepnaam ?? q);
  const exact = snapshot.gemeenten.filter(
    (g) => naamSleutel(g.naam) === key || g.aliassen.some((a) => naamSleutel(a) === key),
  );
  if (exact.length === 1 && exact[0]) return { ok: true, gemeente: exact[0] };
  const namen = snapshot.gemeenten.map((g) => g.naam);
  const sugg = exact.length > 1 ? exact.map((g) => g.naam) : suggesties(q, namen);
  return { ok: false, melding: nl.bronnen.onbekendeGemeente(q, sugg), suggesties: sugg };
}

export function datasetProvenance(snapshot: Snapshot, id: DatasetId): DatasetProvenance {
  const p = snapshot.provenance.datasets.find((d) => d.id === id);
  if (!p) throw new SourceError("niet-gevonden", nl.bronnen.onbekendeDataset(id, DATASET_IDS.join(", ")));
  return p;
}

/**
 * Iv3 rows of the built-in data set, for one gemeente (by its canonical name) or for all (including
 * the national row). Figures are euros; taakveld 0.11 is not in the data set.
 */
export function builtinIv3(snapshot: Snapshot, id: DatasetId, gemeente?: string): Iv3Data {
  const ds = snapshot.datasets.find((d) => d.id === id);
  const prov = datasetProvenance(snapshot, id);
  if (!ds) throw new SourceError("niet-gevonden", nl.bronnen.onbekendeDataset(id, DATASET_IDS.join(", ")));
  const rows: Iv3Row[] = [];
  for (const g of ds.gemeenten) {
    if (gemeente !== undefined && g.naam !== gemeente) continue;
    ds.taakvelden.forEach((code, i) => {
      rows.push({ gemeente: g.naam, taakveld: code, lasten: g.lasten[i] ?? null, baten: g.baten[i] ?? null });
    });
  }
  const infos: GemeenteInfo[] = snapshot.gemeenten
    .filter((g) => gemeente === undefined || g.naam === gemeente)
    .map((g) => ({
      naam: g.naam,
      ...(g.code ? { code: g.code } : {}),
      ...(g.provincie ? { provincie: g.provincie } : {}),
      ...(g.inwoners[id] !== undefined ? { inwoners: g.inwoners[id] } : {}),
    }));
  return {
    regime: regimeForYear(prov.jaar),
    provenance: {
      bron: prov.herkomst,
      cbsTabel: prov.cbsTabel,
      bestand: prov.bestand,
      verslagsoort: prov.verslagsoort,
      jaar: prov.jaar,
      eenheidBron: prov.eenheidBron,
    },
    rows,
    gemeenten: infos,
  };
}
