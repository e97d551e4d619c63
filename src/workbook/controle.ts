/**
 * Verification of a written scenario sheet against the engine, as data: which inputs changed since
 * writing (old and new value), which formulas were changed or replaced by a value, which computed values
 * differ from what the engine computes from the inputs now on the sheet. Pure; the Office.js adapter
 * reads the sheet and words the findings in Dutch.
 *
 * Expected values are recomputed with the sheet's current inputs: a changed input is reported once as
 * such, and the formulas that follow from it are not reported as wrong as long as they compute what the
 * model says they should.
 */
import type { Model } from "../domain/model/model";
import { leesAdres } from "../xlsx/adres";
import type { BladSpec } from "./spec";

export type Bevinding =
  | {
      readonly soort: "invoer-gewijzigd";
      readonly cel: string;
      readonly naam: string;
      readonly oud: number | string;
      readonly nieuw: unknown;
    }
  | { readonly soort: "formule-vervangen"; readonly cel: string; readonly naam: string; readonly gevonden: unknown }
  | {
      readonly soort: "formule-gewijzigd";
      readonly cel: string;
      readonly naam: string;
      readonly verwacht: string;
      readonly gevonden: string;
    }
  | {
      readonly soort: "waarde-wijkt-af";
      readonly cel: string;
      readonly naam: string;
      readonly verwacht: number;
      readonly gevonden: unknown;
    };

/** What is on the sheet now, from A1: `formulas` and `values` as Office.js returns them. */
export interface HuidigBlad {
  readonly formules: readonly (readonly unknown[])[];
  readonly waarden: readonly (readonly unknown[])[];
}

/** Half a cent for euro amounts (anything smaller is floating-point noise); other units compare to 1e-9. */
export const TOLERANTIE = 0.005;

/** Formulas compare without "=", spaces outside strings and letter case outside strings. */
export function normaliseerFormule(f: string): string {
  return f
    .replace(/^=/, "")
    .split(/("[^"]*")/)
    .map((deel, i) => (i % 2 === 1 ? deel : deel.replace(/\s+/g, "").toUpperCase()))
    .join("");
}

export function vergelijkBlad(spec: BladSpec, model: Model, huidig: HuidigBlad): Bevinding[] {
  const bevindingen: Bevinding[] = [];
  const op = (tabel: HuidigBlad["waarden"], adres: string): unknown => {
    const p = leesAdres(adres);
    return tabel[p.rij - 1]?.[p.kolom - 1];
  };
  const label = (naam: string | undefined): string =>
    naam === undefined ? "" : (model.getInput(naam)?.label ?? model.getCel(naam)?.label ?? naam);

  const overrides: Record<string, number> = {};
  for (const cel of spec.cellen) {
    if (cel.stijl !== "invoer" || cel.modelNaam === undefined || cel.waarde === undefined) continue;
    const nu = op(huidig.waarden, cel.adres);
    const formule = op(huidig.formules, cel.adres);
    const gelijk =
      typeof nu === "number" &&
      typeof cel.waarde === "number" &&
      Math.abs(nu - cel.waarde) <= 1e-9 * Math.max(1, Math.abs(cel.waarde));
    if (!gelijk || (typeof formule === "string" && formule.startsWith("="))) {
      bevindingen.push({
        soort: "invoer-gewijzigd",
        cel: cel.adres,
        naam: label(cel.modelNaam),
        oud: cel.waarde as number | string,
        nieuw: nu,
      });
    }
    if (typeof nu === "number" && model.getInput(cel.modelNaam)) overrides[cel.modelNaam] = nu;
  }

  const waarde = model.evaluator(overrides);
  for (const cel of spec.cellen) {
    if (cel.formule === undefined) continue;
    const f = op(huidig.formules, cel.adres);
    const naam = label(cel.modelNaam);
    if (typeof f !== "string" || !f.startsWith("=")) {
      bevindingen.push({ soort: "formule-vervangen", cel: cel.adres, naam, gevonden: op(huidig.waarden, cel.adres) });
      continue;
    }
    if (normaliseerFormule(f) !== normaliseerFormule(cel.formule)) {
      bevindingen.push({ soort: "formule-gewijzigd", cel: cel.adres, naam, verwacht: `=${cel.formule}`, gevonden: f });
      continue;
    }
    const verwacht = cel.modelNaam !== undefined ? waarde(cel.modelNaam) : cel.verwacht;
    if (verwacht === undefined) continue;
    const gevonden = op(huidig.waarden, cel.adres);
    const euro = cel.modelNaam === undefined || model.getCel(cel.modelNaam)?.eenheid === "euro";
    const tolerantie = euro ? TOLERANTIE : 1e-9 * Math.max(1, Math.abs(verwacht));
    if (typeof gevonden !== "number" || Math.abs(gevonden - verwacht) > tolerantie) {
      bevindingen.push({ soort: "waarde-wijkt-af", cel: cel.adres, naam, verwacht, gevonden });
    }
  }
  return bevindingen;
}
