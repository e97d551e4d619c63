/**
 * From the concept to figures: read the texts, validate with the domain's validator, compute with the
 * domain's engine. Pure functions; the components only display what comes out.
 */
import { PARAMETER_INFO } from "../../domain/business-case/parameters";
import type { BusinessCaseParameter } from "../../domain/business-case/types";
import { maatregel, type MaatregelId } from "../../domain/measures/maatregelen";
import type { Bron } from "../../domain/model/bron";
import { Model, type ModelInput } from "../../domain/model/model";
import { RegioFout } from "../../domain/region/verdeling";
import { berekenVolledig, type VolledigResultaat } from "../../domain/scenario/bereken";
import { bouwScenarioModel, ident } from "../../domain/scenario/engine";
import type { Scenario } from "../../domain/scenario/scenario";
import { leesScenario, type ScenarioContext, type ScenarioIssue } from "../../domain/scenario/validatie";
import { variantScenario } from "../../domain/scenario/varianten";
import { formatRegioProbleem, formatScenarioIssue } from "../../i18n/nl";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { Snapshot } from "../../sources/builtin";
import { regioInvoer, scenarioGegevens } from "../../sources/scenario-gegevens";
import { actieveMaatregelen, Lezer, naarInvoer, type Concept, type LeesFout, type VariantConcept } from "./concept";

const t = nlPaneel.velden;

/** The plain label of a field name, when nl-paneel has one. */
function label(naam: string): string | undefined {
  const v = (t as unknown as Record<string, unknown>)[naam];
  return typeof v === "string" ? v : undefined;
}

/** Dutch label of a field path, for messages beside the field ("Waterbedfactor", "Tiel"). */
export function veldLabel(veld: string, c?: Pick<Concept, "pad" | "maatregelen">): string {
  const m = /^maatregelen\[(\d+)\]\.(\w+)$/.exec(veld);
  if (m) {
    const id = c ? actieveMaatregelen(c)[Number(m[1])]?.maatregel : undefined;
    const naam = id ? maatregel(id).naam : "";
    const l = label(m[2] ?? "") ?? veld;
    return naam ? `${l} (${naam})` : l;
  }
  const pe = /^pad\.eigen\.([\w-]+)\.(\d+)$/.exec(veld);
  if (pe) return t.landelijkBedrag(Number(pe[2]));
  const bc = /^businessCase\.aanpassingen\.(\w+)(?:\.(basis|laag|hoog))?$/.exec(veld);
  if (bc) {
    const k = bc[1] ?? "";
    const l =
      k === "horizonJaren"
        ? t.bcHorizon
        : k === "startjaar"
          ? t.bcStartjaar
          : (PARAMETER_INFO[k as BusinessCaseParameter]?.label ?? k);
    return bc[2] && bc[2] !== "basis" ? `${l} (${bc[2]})` : l;
  }
  const w = /^regio\.waarden\.(.+)$/.exec(veld);
  if (w) return t.sleutelwaardeVan(w[1] ?? "");
  const lid = /^regio\.leden\[(\d+)\]$/.exec(veld);
  if (lid) return t.lid(Number(lid[1]) + 1);
  const v = /^varianten\[(\d+)\]\.(\w+)$/.exec(veld);
  if (v) return label(v[2] ?? "") ?? veld;
  return label(veld) ?? veld;
}

/** Dutch message for a validator issue, naming the field by its label instead of its path. */
export function issueTekst(i: ScenarioIssue, c?: Pick<Concept, "pad" | "maatregelen">): string {
  return formatScenarioIssue({ ...i, veld: i.veld === "" ? "" : veldLabel(i.veld, c) });
}

export function leesFoutTekst(f: LeesFout): string {
  return f.reden === "leeg" ? nlPaneel.algemeen.leeg : nlPaneel.algemeen.geenGetal(f.tekst);
}

export interface Controle {
  /** The valid scenario, when every field reads and the validator accepts it. */
  readonly scenario?: Scenario;
  /** Field path → Dutch message (first problem per field). */
  readonly fouten: ReadonlyMap<string, string>;
}

function verzamel(fouten: Map<string, string>, veld: string, tekst: string): void {
  if (!fouten.has(veld)) fouten.set(veld, tekst);
}

/** Read and validate the concept as the Basis scenario named `naam`. */
export function controleerConcept(c: Concept, ctx: ScenarioContext): Controle {
  const naam = c.varianten.find((v) => v.id === "basis")?.naam ?? "Basis";
  const { invoer, fouten: leesFouten } = naarInvoer(c, naam);
  const fouten = new Map<string, string>();
  for (const f of leesFouten) verzamel(fouten, f.veld, leesFoutTekst(f));
  if (c.gemeente.trim() === "") return { fouten };
  const r = leesScenario(invoer, ctx);
  if (!r.ok) {
    for (const i of r.issues) {
      // The name is edited in the Scenario's step: report it there.
      const veld = i.veld === "naam" ? "varianten[0].naam" : i.veld;
      verzamel(fouten, veld, issueTekst(i, c));
    }
    return { fouten };
  }
  return leesFouten.length > 0 ? { fouten } : { scenario: r.scenario, fouten };
}

export interface Berekening {
  readonly resultaat?: VolledigResultaat;
  /** Every model input (value, label, source) by its name (e.g. "real_afbakening", "nat_afbakening_2025"). */
  readonly invoer: ReadonlyMap<string, ModelInput>;
  /** Dutch messages when the region cannot be distributed (the rest is computed without it). */
  readonly regioFouten: readonly string[];
  /** A message when nothing could be computed. */
  readonly fout?: string;
}

/** Compute a valid scenario on the (possibly overlaid) built-in data. */
export function bereken(snapshot: Snapshot, s: Scenario): Berekening {
  try {
    const g = scenarioGegevens(snapshot, s);
    const model = new Model();
    bouwScenarioModel(s, g, model);
    const invoer = new Map(model.inputs.map((i) => [i.naam, i]));
    if (!s.regio) return { resultaat: berekenVolledig(s, g), invoer, regioFouten: [] };
    try {
      return { resultaat: berekenVolledig(s, g, regioInvoer(snapshot, s.regio, s.dataset)), invoer, regioFouten: [] };
    } catch (e) {
      if (!(e instanceof RegioFout)) throw e;
      const zonder: Scenario = { ...s };
      delete (zonder as { regio?: unknown }).regio;
      return {
        resultaat: berekenVolledig(zonder, g),
        invoer,
        regioFouten: e.problemen.map(formatRegioProbleem),
      };
    }
  } catch (e) {
    return { invoer: new Map(), regioFouten: [], fout: nlPaneel.algemeen.rekenfout((e as Error).message) };
  }
}

/** The source of a model input, when the model has it. */
export function bronVan(b: Berekening | undefined, naam: string): Bron | undefined {
  return b?.invoer.get(naam)?.bron;
}

/** Names of a measure's inputs in the engine's model (for their sources). */
export function inputNamen(id: MaatregelId): {
  real: string;
  waterbed: string;
  ingroei: string;
  actief: string;
  nationaal: (jaar: number) => string;
} {
  const i = ident(id);
  return {
    real: `real_${i}`,
    waterbed: `waterbed_${i}`,
    ingroei: `ingroei_${i}`,
    actief: `actief_${i}`,
    nationaal: (j) => `nat_${i}_${j}`,
  };
}

/**
 * The scenarios to write: the Basis (per-measure settings) and the variants with their uniform settings,
 * each validated. Field paths are "varianten[i].<veld>".
 */
export function variantScenarios(
  basis: Scenario,
  varianten: readonly VariantConcept[],
  ctx: ScenarioContext,
): { scenarios?: Scenario[]; fouten: ReadonlyMap<string, string> } {
  const fouten = new Map<string, string>();
  const scenarios: Scenario[] = [];
  const namen = new Map<string, number>();
  varianten.forEach((v, i) => {
    const p = `varianten[${i}]`;
    const naam = v.naam.trim();
    const sleutel = naam.toLocaleLowerCase("nl");
    if (naam !== "" && namen.has(sleutel)) verzamel(fouten, `${p}.naam`, nlPaneel.scenarios.dubbeleNaam(naam));
    namen.set(sleutel, i);
    let s: Scenario;
    if (v.id === "basis") s = { ...basis, naam };
    else {
      const r = new Lezer();
      const real = r.getal(v.realisatiegraad, `${p}.realisatiegraad`, { procent: true });
      const water = r.getal(v.waterbed, `${p}.waterbed`, { procent: true });
      const ingroei = r.getal(v.ingroeijaren, `${p}.ingroeijaren`);
      for (const f of r.fouten) verzamel(fouten, f.veld, leesFoutTekst(f));
      if (real === undefined || water === undefined || ingroei === undefined) return;
      const afgeleid = variantScenario(basis, v.id);
      s = {
        ...afgeleid,
        naam,
        maatregelen: afgeleid.maatregelen.map((m) => ({
          ...m,
          realisatiegraad: real,
          ingroeijaren: ingroei,
          waterbed: maatregel(m.maatregel).kost ? 0 : water,
        })),
      };
      if (basis.businessCase) {
        const bc = { ...basis.businessCase };
        delete (bc as { variant?: unknown }).variant;
        s = { ...s, businessCase: v.businessCase === "basis" ? bc : { ...bc, variant: v.businessCase } };
      }
    }
    const r = leesScenario(s, ctx);
    if (!r.ok) {
      for (const issue of r.issues) {
        const m = /^maatregelen\[\d+\]\.(\w+)$/.exec(issue.veld);
        const veld = issue.veld === "naam" ? `${p}.naam` : m ? `${p}.${m[1]}` : `${p}.${issue.veld}`;
        verzamel(fouten, veld, formatScenarioIssue({ ...issue, veld: veldLabel(veld) }));
      }
      return;
    }
    scenarios.push(r.scenario);
  });
  return fouten.size > 0 || scenarios.length !== varianten.length ? { fouten } : { scenarios, fouten };
}
