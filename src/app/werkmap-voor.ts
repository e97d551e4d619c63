/**
 * The scenario workbook for one validated Basis scenario: its three variants (Basis, Optimistisch,
 * Pessimistisch), the Iv3-basis sheet, the comparison and, with a region, the region sheet. Shared by
 * the command line (.xlsx) and the task pane (Office.js); the platform supplies the SHA-256 hasher.
 */
import type { Hasher } from "../domain/scenario/canoniek";
import { vingerafdruk } from "../domain/scenario/canoniek";
import type { ScenarioGegevens } from "../domain/scenario/engine";
import type { Scenario } from "../domain/scenario/scenario";
import { variantScenario, VARIANTEN } from "../domain/scenario/varianten";
import { builtinIv3, type Snapshot } from "../sources/builtin";
import { regioInvoer, scenarioGegevens } from "../sources/scenario-gegevens";
import { VERSIE } from "../versie";
import type { WerkmapSpec } from "../workbook/spec";
import { bouwWerkmap } from "../workbook/werkmap";

export interface WerkmapVoorOpties {
  /** Include the region sheet when the scenario has a region (default true). */
  readonly regio?: boolean;
  /** ISO date of writing (default today). */
  readonly datum?: string;
  readonly auteur?: string;
  /** Sheet names already in the workbook (any case), so new sheets get unique names. */
  readonly bestaandeBladen?: readonly string[];
  /** Scenarios to write instead of the three standard variants of `basis`. */
  readonly scenarios?: readonly Scenario[];
}

export const vandaag = (): string => new Date().toISOString().slice(0, 10);

/** The three standard variants of a Basis scenario. */
export function standaardVarianten(basis: Scenario): Scenario[] {
  return VARIANTEN.map((v) =>
    v.id === "basis" ? { ...basis, naam: basis.naam === "Basis" ? v.naam : basis.naam } : variantScenario(basis, v.id),
  );
}

export async function werkmapVoor(
  snapshot: Snapshot,
  basis: Scenario,
  hasher: Hasher,
  opties: WerkmapVoorOpties = {},
): Promise<WerkmapSpec> {
  // Variants usually differ only in assumptions, not in gemeente, data set or key: prepare the data
  // once per distinct combination.
  const voorbereid = new Map<string, ScenarioGegevens>();
  const gegevensVoor = (s: Scenario): ScenarioGegevens => {
    const sleutel = JSON.stringify([s.gemeente, s.dataset, s.toedeling]);
    let g = voorbereid.get(sleutel);
    if (!g) {
      g = scenarioGegevens(snapshot, s);
      voorbereid.set(sleutel, g);
    }
    return g;
  };
  const lijst = opties.scenarios ?? standaardVarianten(basis);
  const scenarios = await Promise.all(
    lijst.map(async (s) => ({ scenario: s, gegevens: gegevensVoor(s), vingerafdruk: await vingerafdruk(s, hasher) })),
  );
  return bouwWerkmap({
    gemeente: basis.gemeente,
    iv3: { data: builtinIv3(snapshot, basis.dataset, basis.gemeente), datasetNaam: basis.dataset },
    scenarios,
    ...(basis.regio && opties.regio !== false ? { regio: regioInvoer(snapshot, basis.regio, basis.dataset) } : {}),
    versie: VERSIE,
    datum: opties.datum ?? vandaag(),
    ...(opties.auteur ? { auteur: opties.auteur } : {}),
    ...(opties.bestaandeBladen ? { bestaandeBladen: opties.bestaandeBladen } : {}),
  });
}
