/**
 * Per parameter: the short input name in the model (so formulas read like the definitions:
 * bc_n*bc_b+bc_p), the Dutch label, the unit, the allowed values and the direction in which it moves
 * the gemeente's NPV. Plus the input check.
 */
import type { Eenheid } from "../model/model";
import { BUSINESS_CASE_PARAMETERS, type Bereik, type BusinessCaseInvoer, type BusinessCaseParameter } from "./types";

export interface ParameterInfo {
  /** Input name without the prefix: `${prefix}${kort}`. */
  readonly kort: string;
  readonly label: string;
  readonly eenheid: Eenheid;
  readonly min: number;
  readonly max?: number;
  /**
   * +1: a higher value never lowers the gemeente's NPV, −1: never raises it, 0: depends on the other
   * values. Only used to break a tie when the parameter has no effect at the base values.
   */
  readonly richting: 1 | -1 | 0;
}

export const PARAMETER_INFO: Readonly<Record<BusinessCaseParameter, ParameterInfo>> = {
  casussenPerJaar: { kort: "n", label: "Aantal casussen per jaar", eenheid: "aantal", min: 0, richting: 0 },
  bestedingPerCasus: { kort: "b", label: "Besteding maatwerkbudget per casus", eenheid: "euro", min: 0, richting: -1 },
  programmakostenPerJaar: {
    kort: "p",
    label: "Programmakosten per jaar (coaches, overhead)",
    eenheid: "euro",
    min: 0,
    richting: -1,
  },
  succeskans: { kort: "s", label: "Succeskans per casus", eenheid: "fractie", min: 0, max: 1, richting: 1 },
  deadweight: {
    kort: "d",
    label: "Deadweight (aandeel dat ook zonder budget was geslaagd)",
    eenheid: "fractie",
    min: 0,
    max: 1,
    richting: -1,
  },
  vermedenKostenPerSuccesPerJaar: {
    kort: "a",
    label: "Vermeden kosten per geslaagde casus per jaar",
    eenheid: "euro",
    min: 0,
    richting: 1,
  },
  duurJaren: {
    kort: "L",
    label: "Duur van de vermeden kosten (jaren)",
    eenheid: "jaar",
    min: 0,
    max: 100,
    richting: 1,
  },
  aandeelGemeente: {
    kort: "g",
    label: "Aandeel van de baten bij de gemeente",
    eenheid: "fractie",
    min: 0,
    max: 1,
    richting: 1,
  },
  disconteringsvoet: {
    kort: "r",
    label: "Disconteringsvoet per jaar",
    eenheid: "fractie",
    min: -0.5,
    max: 1,
    richting: 0,
  },
};

export const HORIZON_MAX = 10;
export const STARTJAAR_MIN = 2000;
export const STARTJAAR_MAX = 2100;

export type BusinessCaseVeld = BusinessCaseParameter | "horizonJaren" | "startjaar" | "naam";

export type BusinessCaseProbleemCode =
  /** Not a finite number. */
  | "geen-getal"
  /** Outside [min, max]. */
  | "buiten-bereik"
  /** Must be a whole number. */
  | "geen-geheel-getal"
  /** laag > basis or basis > hoog. */
  | "volgorde"
  /** Empty name. */
  | "lege-naam";

/** A structured input problem; the Dutch wording belongs to the presentation layer. */
export interface BusinessCaseProbleem {
  readonly veld: BusinessCaseVeld;
  /** Which value of a range, for the parameters. */
  readonly deel?: "basis" | "laag" | "hoog";
  readonly code: BusinessCaseProbleemCode;
  readonly waarde?: number;
  readonly min?: number;
  readonly max?: number;
}

/** Every problem in the input; empty when bouwBusinessCase and berekenBusinessCase accept it. */
export function controleerBusinessCase(invoer: BusinessCaseInvoer): readonly BusinessCaseProbleem[] {
  const uit: BusinessCaseProbleem[] = [];
  if (invoer.naam.trim() === "") uit.push({ veld: "naam", code: "lege-naam" });
  geheel(uit, "horizonJaren", invoer.horizonJaren, 1, HORIZON_MAX);
  geheel(uit, "startjaar", invoer.startjaar, STARTJAAR_MIN, STARTJAAR_MAX);
  for (const p of BUSINESS_CASE_PARAMETERS) bereik(uit, p, invoer[p]);
  return uit;
}

function geheel(uit: BusinessCaseProbleem[], veld: BusinessCaseVeld, v: number, min: number, max: number): void {
  if (!Number.isFinite(v)) uit.push({ veld, code: "geen-getal", waarde: v });
  else if (!Number.isInteger(v)) uit.push({ veld, code: "geen-geheel-getal", waarde: v });
  else if (v < min || v > max) uit.push({ veld, code: "buiten-bereik", waarde: v, min, max });
}

function bereik(uit: BusinessCaseProbleem[], veld: BusinessCaseParameter, b: Bereik): void {
  const { min, max } = PARAMETER_INFO[veld];
  const delen: readonly ["basis" | "laag" | "hoog", number | undefined][] = [
    ["basis", b.basis],
    ["laag", b.laag],
    ["hoog", b.hoog],
  ];
  let goed = true;
  for (const [deel, v] of delen) {
    if (v === undefined) continue;
    if (!Number.isFinite(v)) {
      uit.push({ veld, deel, code: "geen-getal", waarde: v });
      goed = false;
    } else if (v < min || (max !== undefined && v > max)) {
      uit.push({ veld, deel, code: "buiten-bereik", waarde: v, min, ...(max === undefined ? {} : { max }) });
      goed = false;
    }
  }
  if (!goed) return;
  if (b.laag !== undefined && b.laag > b.basis) uit.push({ veld, deel: "laag", code: "volgorde", waarde: b.laag });
  if (b.hoog !== undefined && b.hoog < b.basis) uit.push({ veld, deel: "hoog", code: "volgorde", waarde: b.hoog });
}
