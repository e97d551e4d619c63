/**
 * Assembles the workbook description for one gemeente: Iv3-basis, one sheet per scenario, the
 * comparison and (when a region is modelled) the region sheet; plus the metadata that lets an auditor
 * verify the sheets later. Pure: the caller supplies the data and the fingerprints.
 */
import { bouwBusinessCase } from "../domain/business-case/model";
import type { Iv3Data } from "../domain/iv3/types";
import { PAD_PRESETS } from "../domain/measures/maatregelen";
import { Model } from "../domain/model/model";
import type { RegioInvoer } from "../domain/region/types";
import { businessCaseInvoer } from "../domain/scenario/bereken";
import { canoniekeJson } from "../domain/scenario/canoniek";
import { bouwScenarioModel, type ScenarioGegevens } from "../domain/scenario/engine";
import { jarenVan, type Scenario } from "../domain/scenario/scenario";
import { nl } from "../i18n/nl";
import { geldigeBladnaam } from "./bladnaam";
import { iv3Blad } from "./iv3-blad";
import { regioBlad } from "./regio-blad";
import { scenarioBlad } from "./scenario-blad";
import { type BladInMetadata, bladSleutel, type BladSpec, type WerkmapSpec } from "./spec";
import { vergelijkingBlad } from "./vergelijking-blad";

export interface ScenarioMetGegevens {
  readonly scenario: Scenario;
  readonly gegevens: ScenarioGegevens;
  readonly vingerafdruk: string;
}

export interface WerkmapInvoer {
  readonly gemeente: string;
  readonly iv3?: { readonly data: Iv3Data; readonly datasetNaam: string };
  readonly scenarios: readonly ScenarioMetGegevens[];
  readonly regio?: RegioInvoer;
  readonly versie: string;
  /** Author for the header block (user text: written as text, never as a formula). */
  readonly auteur?: string;
  /** ISO date (yyyy-mm-dd). */
  readonly datum: string;
  /** Sheet names already in the workbook (lower case), to avoid clashes. */
  readonly bestaandeBladen?: readonly string[];
}

/** A table name Excel accepts: letters, digits, underscores, starting with a letter. */
function tabelNaam(basis: string): string {
  const s = basis
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_]/g, "_");
  return `tbl_${s}`.slice(0, 250);
}

/**
 * One scenario sheet and the model behind it. Verification rebuilds a sheet with this from the stored
 * canonical input, so what is checked is laid out exactly as what was written.
 */
export function scenarioBladMetModel(
  s: ScenarioMetGegevens,
  bladnaam: string,
  w: { readonly auteur?: string; readonly versie: string; readonly datum: string },
): { blad: BladSpec; model: Model } {
  const model = new Model();
  const namen = bouwScenarioModel(s.scenario, s.gegevens, model);
  const bcInvoer = s.scenario.businessCase ? businessCaseInvoer(s.scenario.businessCase) : undefined;
  const bcCellen = bcInvoer ? bouwBusinessCase(model, bcInvoer, "bc_") : undefined;
  const pad = s.scenario.pad;
  const padNaam =
    "preset" in pad ? (PAD_PRESETS.find((p) => p.id === pad.preset)?.naam ?? pad.preset) : nl.scenario.eigenPad;
  const blad = scenarioBlad({
    bladnaam,
    scenario: s.scenario,
    gegevens: s.gegevens,
    model,
    namen,
    ...(bcInvoer && bcCellen ? { businessCase: { invoer: bcInvoer, cellen: bcCellen } } : {}),
    padNaam,
    vingerafdruk: s.vingerafdruk,
    ...(w.auteur ? { auteur: w.auteur } : {}),
    versie: w.versie,
    datum: w.datum,
  });
  return { blad, model };
}

export function bouwWerkmap(w: WerkmapInvoer): WerkmapSpec {
  const bezet = new Set((w.bestaandeBladen ?? []).map((n) => n.toLowerCase()));
  const bladen: BladSpec[] = [];
  const inMetadata: BladInMetadata[] = [];
  const noteer = (blad: BladSpec, sleutel: string): void => {
    inMetadata.push({ naam: blad.naam, soort: blad.soort, sleutel });
  };
  if (w.iv3) {
    const naam = geldigeBladnaam(`Iv3 ${w.gemeente}`, bezet);
    const blad = iv3Blad(
      naam,
      w.gemeente,
      w.iv3.datasetNaam,
      w.iv3.data,
      tabelNaam(`Iv3_${w.gemeente}`),
      w.versie,
      w.datum,
    );
    bladen.push(blad);
    noteer(blad, bladSleutel("iv3-basis", { gemeente: w.gemeente, dataset: w.iv3.datasetNaam }));
  }
  const scenarioBladen: { naam: string; blad: BladSpec }[] = [];
  for (const s of w.scenarios) {
    const { blad } = scenarioBladMetModel(s, geldigeBladnaam(`Scenario ${s.scenario.naam}`, bezet), w);
    bladen.push(blad);
    noteer(blad, bladSleutel("scenario", { gemeente: s.scenario.gemeente, scenario: s.scenario.naam }));
    scenarioBladen.push({ naam: s.scenario.naam, blad });
  }
  if (scenarioBladen.length > 1) {
    const eerste = w.scenarios[0]?.scenario;
    const jaren = eerste ? jarenVan(eerste) : [];
    const blad = vergelijkingBlad(geldigeBladnaam("Vergelijking", bezet), scenarioBladen, jaren, w.versie, w.datum);
    bladen.push(blad);
    noteer(blad, bladSleutel("vergelijking", { gemeente: w.gemeente }));
  }
  if (w.regio) {
    const blad = regioBlad(geldigeBladnaam(`Regio ${w.regio.naam}`, bezet), w.regio, w.versie, w.datum);
    bladen.push(blad);
    noteer(blad, bladSleutel("regio", { regio: w.regio.naam }));
  }
  return {
    bladen,
    metadata: {
      product: nl.product,
      versie: w.versie,
      datum: w.datum,
      scenarios: w.scenarios.map((s, i) => ({
        naam: s.scenario.naam,
        blad: scenarioBladen[i]?.blad.naam ?? "",
        vingerafdruk: s.vingerafdruk,
        invoer: canoniekeJson(s.scenario),
      })),
      bronnen: [
        ...new Set(
          w.scenarios.map(
            (s) =>
              `${s.gegevens.dataset}: ${s.gegevens.datasetBron.soort === "bron" ? s.gegevens.datasetBron.document : ""}`,
          ),
        ),
      ],
      bladen: inMetadata,
    },
  };
}
