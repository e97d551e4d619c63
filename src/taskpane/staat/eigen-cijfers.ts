/**
 * Figures of one gemeente read from another source than the built-in data (a range or table in the
 * workbook, a CSV file, CBS open data online), kept per taakveld, and laid over the built-in data set.
 *
 * Why an overlay: the scenario engine, the sheet layer and the pane's services all take the built-in
 * `Snapshot` (gemeente, data set, allocation keys, national figures). Replacing one gemeente's figures
 * in one data set, and naming the source in that data set's provenance, lets every one of them use the
 * user's own figures without another code path, while the allocation key (gemeentefonds, inwoners,
 * the national Iv3 saldo) keeps coming from the built-in data with its own source.
 */
import { naamSleutel } from "../../domain/gemeente-naam";
import { toCents } from "../../domain/iv3/amount";
import type { DatasetId, Iv3Data } from "../../domain/iv3/types";
import type { Snapshot } from "../../sources/builtin";

export type EigenBronSoort = "werkmap" | "csv" | "cbs";

export interface EigenCijfers {
  readonly soort: EigenBronSoort;
  readonly gemeente: string;
  readonly dataset: DatasetId;
  /** Where the figures came from, in Dutch ("CSV-bestand 'begroting.csv'", "Werkmap, Blad1!A1:F40"). */
  readonly herkomst: string;
  /** Lasten and baten per taakveld in euros; null = geen opgave. */
  readonly taakvelden: Readonly<Record<string, readonly [number | null, number | null]>>;
}

/**
 * The rows of `gemeente` summed per taakveld (over categories), in whole cents. Rows are matched by name
 * (tolerant of case and accents) or, when given, by CBS code; a source without a gemeente column has
 * already put the chosen name on every row. Returns undefined when no row belongs to the gemeente.
 */
export function cijfersVan(
  data: Iv3Data,
  gemeente: string,
  code?: string,
): Record<string, readonly [number | null, number | null]> | undefined {
  const sleutel = naamSleutel(gemeente);
  const som = new Map<string, { l: number; b: number; lGegeven: boolean; bGegeven: boolean }>();
  for (const r of data.rows) {
    const hoort = naamSleutel(r.gemeente) === sleutel || (code !== undefined && r.gemeenteCode === code);
    if (!hoort) continue;
    let a = som.get(r.taakveld);
    if (!a) som.set(r.taakveld, (a = { l: 0, b: 0, lGegeven: false, bGegeven: false }));
    if (r.lasten !== null) {
      a.l += toCents(r.lasten);
      a.lGegeven = true;
    }
    if (r.baten !== null) {
      a.b += toCents(r.baten);
      a.bGegeven = true;
    }
  }
  if (som.size === 0) return undefined;
  const out: Record<string, readonly [number | null, number | null]> = {};
  for (const [tv, a] of som) out[tv] = [a.lGegeven ? a.l / 100 : null, a.bGegeven ? a.b / 100 : null];
  return out;
}

/** The distinct gemeente names in a source's rows (for a "not found" message). */
export function gemeentenIn(data: Iv3Data): string[] {
  return [...new Set(data.rows.map((r) => r.gemeente))];
}

/**
 * The snapshot with the gemeente's figures in the data set replaced by `eigen`. Taakvelden the data set
 * does not list are added (other gemeenten: geen opgave). The data set's provenance names both sources.
 * Returns the same snapshot when the gemeente or data set is not in it.
 */
export function metEigenCijfers(
  snapshot: Snapshot,
  eigen: EigenCijfers,
  toelichting: (herkomst: string, gemeente: string, basis: string) => string,
): Snapshot {
  const ds = snapshot.datasets.find((d) => d.id === eigen.dataset);
  if (!ds || !ds.gemeenten.some((g) => g.naam === eigen.gemeente)) return snapshot;
  const extra = Object.keys(eigen.taakvelden).filter((tv) => !ds.taakvelden.includes(tv));
  const taakvelden = [...ds.taakvelden, ...extra];
  const gemeenten = ds.gemeenten.map((g) => {
    if (g.naam !== eigen.gemeente) {
      if (extra.length === 0) return g;
      const leeg = extra.map(() => null);
      return { ...g, lasten: [...g.lasten, ...leeg], baten: [...g.baten, ...leeg] };
    }
    return {
      naam: g.naam,
      lasten: taakvelden.map((tv) => eigen.taakvelden[tv]?.[0] ?? null),
      baten: taakvelden.map((tv) => eigen.taakvelden[tv]?.[1] ?? null),
    };
  });
  return {
    ...snapshot,
    datasets: snapshot.datasets.map((d) => (d === ds ? { ...ds, taakvelden, gemeenten } : d)),
    provenance: {
      ...snapshot.provenance,
      datasets: snapshot.provenance.datasets.map((p) =>
        p.id === eigen.dataset ? { ...p, herkomst: toelichting(eigen.herkomst, eigen.gemeente, p.herkomst) } : p,
      ),
    },
  };
}
