/**
 * The whole scenario in one call: measures, allocation and projection (engine.ts), the maatwerkbudget
 * business case and the regional distribution. Each part is defined once as model cells; this file
 * only wires the scenario's choices to those parts.
 */
import { berekenBusinessCase } from "../business-case/bereken";
import { BUSINESS_CASE_PRESETS } from "../business-case/presets";
import {
  BUSINESS_CASE_PARAMETERS,
  type Bereik,
  type BusinessCaseInvoer,
  type BusinessCaseResultaat,
} from "../business-case/types";
import { afgeleid, GEBRUIKER } from "../model/bron";
import { Model } from "../model/model";
import { berekenRegio, type RegioResultaat } from "../region/verdeling";
import type { RegioInvoer } from "../region/types";
import { bouwScenarioModel, leesResultaat, type ScenarioGegevens, type ScenarioResultaat } from "./engine";
import type { BcWaarde, BusinessCaseKeuze, Scenario } from "./scenario";
import { BC_PERCENTAGES } from "./validatie";

export interface VolledigResultaat extends ScenarioResultaat {
  readonly businessCase?: BusinessCaseResultaat;
  readonly regio?: RegioResultaat;
}

/** The business-case input for a scenario's choice: the preset with the user's overrides (percent → fraction). */
export function businessCaseInvoer(keuze: BusinessCaseKeuze): BusinessCaseInvoer {
  const preset = keuze.variant
    ? variantVan(BUSINESS_CASE_PRESETS[keuze.preset], keuze.variant)
    : BUSINESS_CASE_PRESETS[keuze.preset];
  const a = keuze.aanpassingen ?? {};
  const schaal = (k: string, v: number): number => (BC_PERCENTAGES.has(k) ? v / 100 : v);
  const bereik = (k: string, w: BcWaarde): Bereik =>
    typeof w === "number"
      ? { basis: schaal(k, w), bron: GEBRUIKER }
      : {
          basis: schaal(k, w.basis),
          ...(w.laag !== undefined ? { laag: schaal(k, w.laag) } : {}),
          ...(w.hoog !== undefined ? { hoog: schaal(k, w.hoog) } : {}),
          bron: GEBRUIKER,
        };
  const out: Record<string, unknown> = { ...preset };
  for (const k of BUSINESS_CASE_PARAMETERS) {
    const w = a[k];
    if (w !== undefined) out[k] = bereik(k, w);
  }
  const h = a["horizonJaren"];
  const st = a["startjaar"];
  if (typeof h === "number") out["horizonJaren"] = h;
  if (typeof st === "number") out["startjaar"] = st;
  return out as BusinessCaseInvoer;
}

/**
 * A preset with every ranged parameter's base set to the end of its range that gives the lower ("laag")
 * or higher ("hoog") NPV for the gemeente: the business case of the pessimistic or optimistic scenario.
 */
export function variantVan(preset: BusinessCaseInvoer, variant: "laag" | "hoog"): BusinessCaseInvoer {
  const v = berekenBusinessCase(preset).bereik[variant].parameters;
  const out: Record<string, unknown> = {
    ...preset,
    naam: `${preset.naam} (${variant === "laag" ? "ongunstig" : "gunstig"})`,
  };
  for (const k of BUSINESS_CASE_PARAMETERS) {
    const b = preset[k];
    if (b.laag === undefined && b.hoog === undefined) continue;
    out[k] = {
      ...b,
      basis: v[k],
      bron: afgeleid(
        `${variant === "laag" ? "ongunstige" : "gunstige"} grens van de bandbreedte als basiswaarde (aanname van het scenario ${variant === "laag" ? "Pessimistisch" : "Optimistisch"})`,
        b.bron,
      ),
    };
  }
  return out as BusinessCaseInvoer;
}

/** Evaluate a validated scenario with its data (and, for a region, the members' figures). */
export function berekenVolledig(s: Scenario, g: ScenarioGegevens, regio?: RegioInvoer): VolledigResultaat {
  const model = new Model();
  const namen = bouwScenarioModel(s, g, model);
  const basis = leesResultaat(s, g, namen, model);
  return {
    ...basis,
    ...(s.businessCase ? { businessCase: berekenBusinessCase(businessCaseInvoer(s.businessCase)) } : {}),
    ...(regio ? { regio: berekenRegio(regio) } : {}),
  };
}
