/**
 * Jeugd aggregation: per gemeente, lasten/baten/saldo per jeugd taakveld, per aggregate group and in
 * total. Sums run in whole cents so that adding a million rows cannot drift; "geen opgave" (null)
 * stays null unless some figure was given.
 */
import { toCents } from "./amount";
import { JEUGD_GROEPEN, taakveldenVan, type JeugdGroepId, type JeugdKlasse, type Taakveld } from "./taxonomy";
import type { Iv3Row, Regime } from "./types";

export interface Bedragen {
  readonly lasten: number | null;
  readonly baten: number | null;
  /** lasten − baten; null when neither is given. */
  readonly saldo: number | null;
}

export interface TaakveldRegel extends Bedragen {
  readonly code: string;
  readonly naam: string;
  readonly jeugd: JeugdKlasse;
  readonly groep?: JeugdGroepId;
}

export interface GroepRegel extends Bedragen {
  readonly id: JeugdGroepId;
  readonly naam: string;
  readonly inJeugdTotaal: boolean;
  readonly taakvelden: readonly string[];
}

export interface JeugdOverzicht {
  readonly gemeente: string;
  readonly regime: Regime;
  /** Jeugd taakvelden of the regime (fully youth, plus the youth-specific toegang/beleid ones). */
  readonly taakvelden: readonly TaakveldRegel[];
  readonly groepen: readonly GroepRegel[];
  /** Sum of the fully-youth taakvelden ("jeugd totaal"). */
  readonly jeugd: Bedragen;
}

/** Taakvelden that the aggregation reports for a regime, in list order. */
export function jeugdTaakvelden(regime: Regime): readonly Taakveld[] {
  return taakveldenVan(regime).filter((t) => t.jeugd === "ja" || t.groep !== undefined);
}

/** Running sums for one taakveld, in cents. */
interface Acc {
  l: number;
  b: number;
  lGiven: boolean;
  bGiven: boolean;
}

/**
 * Incremental aggregator: feed rows (any order, any number of gemeenten, with or without categorie
 * detail) and ask for the overview of one gemeente or all. Rows of non-youth taakvelden are ignored.
 */
export class JeugdAggregator {
  private readonly relevant: ReadonlySet<string>;
  private readonly perGemeente = new Map<string, Map<string, Acc>>();

  constructor(readonly regime: Regime) {
    this.relevant = new Set(jeugdTaakvelden(regime).map((t) => t.code));
  }

  add(row: Iv3Row): void {
    if (!this.relevant.has(row.taakveld)) return;
    let g = this.perGemeente.get(row.gemeente);
    if (!g) this.perGemeente.set(row.gemeente, (g = new Map()));
    let acc = g.get(row.taakveld);
    if (!acc) g.set(row.taakveld, (acc = { l: 0, b: 0, lGiven: false, bGiven: false }));
    if (row.lasten !== null) {
      acc.l += toCents(row.lasten);
      acc.lGiven = true;
    }
    if (row.baten !== null) {
      acc.b += toCents(row.baten);
      acc.bGiven = true;
    }
  }

  addAll(rows: Iterable<Iv3Row>): this {
    for (const r of rows) this.add(r);
    return this;
  }

  /** Gemeenten seen with at least one youth row. */
  gemeenten(): string[] {
    return [...this.perGemeente.keys()];
  }

  overzicht(gemeente: string): JeugdOverzicht {
    const g = this.perGemeente.get(gemeente) ?? new Map<string, Acc>();
    const taakvelden = jeugdTaakvelden(this.regime).map((t): TaakveldRegel => {
      const a = g.get(t.code);
      return {
        code: t.code,
        naam: t.naam,
        jeugd: t.jeugd,
        ...(t.groep ? { groep: t.groep } : {}),
        ...bedragen(a ? [a] : []),
      };
    });
    const groepen = JEUGD_GROEPEN.flatMap((grp): GroepRegel[] => {
      const members = jeugdTaakvelden(this.regime).filter((t) => t.groep === grp.id);
      if (members.length === 0) return [];
      const accs = members.flatMap((t) => g.get(t.code) ?? []);
      return [
        {
          id: grp.id,
          naam: grp.naam,
          inJeugdTotaal: grp.inJeugdTotaal,
          taakvelden: members.map((t) => t.code),
          ...bedragen(accs),
        },
      ];
    });
    const totaalAccs = jeugdTaakvelden(this.regime)
      .filter((t) => t.jeugd === "ja")
      .flatMap((t) => g.get(t.code) ?? []);
    return { gemeente, regime: this.regime, taakvelden, groepen, jeugd: bedragen(totaalAccs) };
  }
}

function bedragen(accs: readonly Acc[]): Bedragen {
  let l = 0;
  let b = 0;
  let lGiven = false;
  let bGiven = false;
  for (const a of accs) {
    l += a.l;
    b += a.b;
    lGiven ||= a.lGiven;
    bGiven ||= a.bGiven;
  }
  const lasten = lGiven ? l / 100 : null;
  const baten = bGiven ? b / 100 : null;
  const saldo = lGiven || bGiven ? (l - b) / 100 : null;
  return { lasten, baten, saldo };
}

/** Overview of one gemeente from a set of rows. */
export function jeugdOverzicht(rows: Iterable<Iv3Row>, gemeente: string, regime: Regime): JeugdOverzicht {
  const agg = new JeugdAggregator(regime);
  for (const r of rows) if (r.gemeente === gemeente) agg.add(r);
  return agg.overzicht(gemeente);
}

/** The national row in CBS files. */
export const NEDERLAND = "Nederland";
