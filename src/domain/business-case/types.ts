/**
 * Types of the maatwerkbudget business case: the input (each parameter a base value with an optional
 * low/high value and its source), the names of the model cells, and the evaluated result.
 */
import type { Bron } from "../model/bron";

/**
 * A parameter value with an optional range. `laag` and `hoog` are the low and high VALUES of the
 * parameter itself (not of the outcome): a high `bestedingPerCasus` gives a low NPV.
 */
export type Bereik = {
  readonly basis: number;
  readonly laag?: number;
  readonly hoog?: number;
  readonly bron: Bron;
};

/** The ranged parameters, in the order the assumptions block and the tornado list them. */
export const BUSINESS_CASE_PARAMETERS = [
  "casussenPerJaar",
  "bestedingPerCasus",
  "programmakostenPerJaar",
  "succeskans",
  "deadweight",
  "vermedenKostenPerSuccesPerJaar",
  "duurJaren",
  "aandeelGemeente",
  "disconteringsvoet",
] as const;

export type BusinessCaseParameter = (typeof BUSINESS_CASE_PARAMETERS)[number];

export type BusinessCaseInvoer = {
  readonly naam: string;
  readonly toelichting?: string;
  /** Horizon in years, integer 1..10. */
  readonly horizonJaren: number;
  /** Calendar year of year 1. */
  readonly startjaar: number;
} & { readonly [K in BusinessCaseParameter]: Bereik };

/** Names of the model cells of one year t (1-based). */
export interface BusinessCaseJaarCellen {
  readonly t: number;
  /** Calendar year: startjaar + t − 1. */
  readonly jaar: string;
  readonly kosten: string;
  readonly baten: string;
  readonly batenGemeente: string;
  readonly batenAnderen: string;
  /** Gemeente: own benefits − costs. */
  readonly netto: string;
  /** Society: all benefits − costs. */
  readonly nettoMaatschappelijk: string;
  /** Cumulative gemeente netto up to and including this year. */
  readonly cumulatief: string;
  readonly discontofactor: string;
}

/** Names of the model cells over the whole horizon. */
export interface BusinessCaseTotaalCellen {
  readonly kosten: string;
  readonly baten: string;
  readonly batenGemeente: string;
  readonly batenAnderen: string;
  readonly netto: string;
  readonly nettoMaatschappelijk: string;
  readonly ratio: string;
  readonly ratioGemeente: string;
  /** Present value of the costs. */
  readonly contanteKosten: string;
  /** Present value of the gemeente's own benefits. */
  readonly contanteBatenGemeente: string;
  readonly ncw: string;
  readonly ncwMaatschappelijk: string;
  /** 0 when the gemeente has no benefits at all (not determinable). */
  readonly breakEvenSucceskans: string;
  /** Calendar year, 0 when not within the horizon. */
  readonly terugverdienjaar: string;
}

/** What bouwBusinessCase put into the model, so sheets can place every input and cell. */
export interface BusinessCaseCellen {
  /** Input name per parameter. */
  readonly invoer: Readonly<Record<BusinessCaseParameter, string>>;
  /** Input name of the calendar year of year 1. */
  readonly startjaar: string;
  /** Successful cases per year (one cohort): n·s·(1−d). */
  readonly successenPerJaar: string;
  readonly perJaar: readonly BusinessCaseJaarCellen[];
  readonly totaal: BusinessCaseTotaalCellen;
}

/** One evaluated year. */
export interface BusinessCaseJaar {
  readonly jaar: number;
  readonly kosten: number;
  readonly baten: number;
  readonly batenGemeente: number;
  readonly batenAnderen: number;
  readonly netto: number;
  readonly nettoMaatschappelijk: number;
  readonly cumulatief: number;
  readonly discontofactor: number;
}

/** Evaluated totals. `null` where the sheet cell shows the sentinel 0 or #DIV/0!. */
export interface BusinessCaseTotalen {
  readonly successenPerJaar: number;
  readonly kosten: number;
  readonly baten: number;
  readonly batenGemeente: number;
  readonly batenAnderen: number;
  readonly netto: number;
  readonly nettoMaatschappelijk: number;
  /** Σ baten / Σ kosten; null when there are no costs. */
  readonly ratio: number | null;
  /** Σ own benefits / Σ kosten; null when there are no costs. */
  readonly ratioGemeente: number | null;
  readonly contanteKosten: number;
  readonly contanteBatenGemeente: number;
  readonly ncw: number;
  readonly ncwMaatschappelijk: number;
  /** Success rate at which the gemeente's NPV is 0 (may exceed 1: unreachable); null when undeterminable. */
  readonly breakEvenSucceskans: number | null;
  /** First calendar year with cumulative gemeente netto ≥ 0; null when not within the horizon. */
  readonly terugverdienjaar: number | null;
}

/** One evaluated variant (low, base or high) with the parameter values used. */
export interface BusinessCaseVariant {
  readonly parameters: Readonly<Record<BusinessCaseParameter, number>>;
  readonly totalen: BusinessCaseTotalen;
}

/** One bar of a tornado chart: the gemeente's NPV with one parameter at its low and at its high value. */
export interface GevoeligheidRegel {
  readonly parameter: BusinessCaseParameter;
  /** Dutch label for the chart. */
  readonly label: string;
  readonly laag: { readonly waarde: number; readonly ncw: number };
  readonly hoog: { readonly waarde: number; readonly ncw: number };
  /** |ncw(hoog) − ncw(laag)|. */
  readonly spreiding: number;
}

export interface BusinessCaseResultaat {
  readonly naam: string;
  readonly toelichting?: string;
  readonly startjaar: number;
  readonly horizonJaren: number;
  readonly jaren: readonly BusinessCaseJaar[];
  readonly totalen: BusinessCaseTotalen;
  /**
   * laag: every ranged parameter at whichever of its laag/hoog values gives the lower gemeente NPV;
   * hoog: at the one giving the higher NPV; basis: all at basis.
   */
  readonly bereik: {
    readonly laag: BusinessCaseVariant;
    readonly basis: BusinessCaseVariant;
    readonly hoog: BusinessCaseVariant;
  };
  /** One-at-a-time sensitivity of the gemeente's NPV, sorted by spread, largest first. */
  readonly gevoeligheid: readonly GevoeligheidRegel[];
}
