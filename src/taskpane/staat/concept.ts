/**
 * The pane's working copy of a scenario ("concept"): the same fields as a Scenario, but every number as
 * the text the user typed, so a half-typed "1.234," or a wrong "12,3,4" can stay in its field with an
 * error beside it while the result keeps the last valid figures. `naarInvoer` turns the concept into the
 * raw input that `leesScenario` (the one validator) checks; parse errors are reported per field path,
 * the same paths leesScenario uses ("maatregelen[2].waterbed").
 */
import { BUSINESS_CASE_PRESETS, type BusinessCasePresetSleutel } from "../../domain/business-case/presets";
import { BUSINESS_CASE_PARAMETERS, type BusinessCaseParameter } from "../../domain/business-case/types";
import type { DatasetId } from "../../domain/iv3/types";
import { MAATREGELEN, padBedrag, type MaatregelId, type PadPresetId } from "../../domain/measures/maatregelen";
import { REGIO_PRESETS } from "../../domain/region/presets";
import type {
  BcWaarde,
  Circulaire,
  RegioSleutelSoort,
  Scenario,
  Status,
  ToedelingSleutel,
} from "../../domain/scenario/scenario";
import { STANDAARD, standaardScenario } from "../../domain/scenario/standaard";
import { BC_PERCENTAGES } from "../../domain/scenario/validatie";
import { VARIANTEN, type VariantId } from "../../domain/scenario/varianten";
import { leesGetal, toonGetal, toonProcent } from "../getal";

export const EXTRA_ID: MaatregelId = "extra-bezuiniging";
/** The seven measures of the table plus the coalition agreement's extra cut (used only on its path). */
export const ALLE_MAATREGELEN: readonly MaatregelId[] = [...MAATREGELEN.map((m) => m.id), EXTRA_ID];

export interface MaatregelConcept {
  readonly maatregel: MaatregelId;
  readonly status: Status;
  readonly vanafJaar: string;
  readonly realisatiegraad: string;
  readonly ingroeijaren: string;
  readonly waterbed: string;
}

export interface BcTekst {
  readonly basis: string;
  readonly laag: string;
  readonly hoog: string;
}

export interface BusinessCaseConcept {
  readonly aan: boolean;
  readonly preset: BusinessCasePresetSleutel;
  readonly horizonJaren: string;
  readonly startjaar: string;
  /** Per parameter the texts; percentages (BC_PERCENTAGES) in 0–100. Empty laag/hoog = no range. */
  readonly waarden: Readonly<Record<BusinessCaseParameter, BcTekst>>;
}

export type RegioPresetKeuze = "rivierenland" | "ijsselland" | "eigen";
export type RegioModelKeuze = "profijt" | "solidariteit" | "mix";

export interface RegioConcept {
  readonly aan: boolean;
  readonly preset: RegioPresetKeuze;
  readonly naam: string;
  readonly leden: readonly string[];
  readonly sleutel: RegioSleutelSoort;
  readonly model: RegioModelKeuze;
  /** Percentage distributed by the key in the mix model. */
  readonly mix: string;
  /** Key values per member for "jeugdigen" and "eigen". */
  readonly waarden: Readonly<Record<string, string>>;
}

export type BcEinde = "basis" | "laag" | "hoog";

export interface VariantConcept {
  readonly id: VariantId;
  readonly naam: string;
  /** Uniform settings for every measure (not used for Basis, which keeps the per-measure settings). */
  readonly realisatiegraad: string;
  readonly waterbed: string;
  readonly ingroeijaren: string;
  /** Which end of the business-case ranges this scenario takes. */
  readonly businessCase: BcEinde;
}

export type PadKeuze = PadPresetId | "eigen";

export interface Concept {
  readonly gemeente: string;
  readonly dataset: DatasetId;
  readonly begrotingsjaar: string;
  readonly horizon: string;
  readonly groei: string;
  readonly indexatie: string;
  readonly toedeling: {
    readonly sleutel: ToedelingSleutel;
    readonly circulaire: Circulaire;
    /** For iv3-saldo and inwoners; "" = the scenario's data set. */
    readonly dataset: DatasetId | "";
    readonly percentage: string;
  };
  readonly pad: PadKeuze;
  /** Own path: national euros per measure per year (texts); used when pad is "eigen". */
  readonly eigenPad: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly maatregelen: readonly MaatregelConcept[];
  readonly businessCase: BusinessCaseConcept;
  readonly regio: RegioConcept;
  readonly varianten: readonly VariantConcept[];
}

/** Default texts of a business-case preset. */
export function bcWaardenVan(preset: BusinessCasePresetSleutel): Record<BusinessCaseParameter, BcTekst> {
  const p = BUSINESS_CASE_PRESETS[preset];
  const out = {} as Record<BusinessCaseParameter, BcTekst>;
  for (const k of BUSINESS_CASE_PARAMETERS) {
    const b = p[k];
    const toon = (v: number | undefined): string =>
      v === undefined ? "" : BC_PERCENTAGES.has(k) ? toonProcent(v) : toonGetal(Math.round(v * 100) / 100, 2);
    out[k] = { basis: toon(b.basis), laag: toon(b.laag), hoog: toon(b.hoog) };
  }
  return out;
}

export function businessCaseConcept(preset: BusinessCasePresetSleutel, aan = false): BusinessCaseConcept {
  const p = BUSINESS_CASE_PRESETS[preset];
  return {
    aan,
    preset,
    horizonJaren: String(p.horizonJaren),
    startjaar: String(p.startjaar),
    waarden: bcWaardenVan(preset),
  };
}

export function regioConcept(preset: RegioPresetKeuze, aan = false): RegioConcept {
  const p = REGIO_PRESETS.find((r) => r.id === preset);
  return {
    aan,
    preset,
    naam: p?.naam ?? "",
    leden: p ? [...p.leden] : [],
    sleutel: "inwoners",
    model: p?.voorgesteldModel?.soort ?? "profijt",
    mix: p?.voorgesteldModel?.soort === "mix" ? toonProcent(p.voorgesteldModel.solidairDeel) : "50",
    waarden: {},
  };
}

export function standaardVariantConcepten(): VariantConcept[] {
  return VARIANTEN.map((v) => ({
    id: v.id,
    naam: v.naam,
    realisatiegraad: toonGetal(v.realisatiegraad.waarde),
    waterbed: toonGetal(v.waterbed.waarde),
    ingroeijaren: toonGetal(v.ingroeijaren.waarde),
    businessCase: v.businessCase ?? "basis",
  }));
}

function maatregelConcepten(s: Scenario): MaatregelConcept[] {
  const bestaand = s.maatregelen.map((m): MaatregelConcept => ({
    maatregel: m.maatregel,
    status: m.status,
    vanafJaar: String(m.vanafJaar),
    realisatiegraad: toonGetal(m.realisatiegraad),
    ingroeijaren: toonGetal(m.ingroeijaren),
    waterbed: toonGetal(m.waterbed),
  }));
  const extra: MaatregelConcept = {
    maatregel: EXTRA_ID,
    status: "gepland",
    vanafJaar: String(s.begrotingsjaar),
    realisatiegraad: toonGetal(STANDAARD.realisatiegraad.waarde),
    ingroeijaren: toonGetal(STANDAARD.ingroeijaren.waarde),
    // The validator's default for the extra line (not one of the table's measures): no waterbed.
    waterbed: "0",
  };
  return ALLE_MAATREGELEN.map((id) => bestaand.find((m) => m.maatregel === id) ?? { ...extra, maatregel: id });
}

/** The default concept: the domain's default scenario for a gemeente and data set. */
export function standaardConcept(gemeente = "", dataset: DatasetId = "2025-begroting"): Concept {
  const s = standaardScenario(gemeente, dataset);
  return {
    gemeente,
    dataset,
    begrotingsjaar: String(s.begrotingsjaar),
    horizon: String(s.horizon),
    groei: toonGetal(s.groei),
    indexatie: toonGetal(s.indexatie),
    toedeling: { sleutel: "gemeentefonds", circulaire: STANDAARD.circulaire.waarde, dataset: "", percentage: "" },
    pad: "preset" in s.pad ? s.pad.preset : "eigen",
    eigenPad: {},
    maatregelen: maatregelConcepten(s),
    businessCase: businessCaseConcept("ivt-jim"),
    regio: regioConcept("rivierenland"),
    varianten: standaardVariantConcepten(),
  };
}

/** The years a concept covers, when its begrotingsjaar and horizon read as numbers (else []). */
export function jarenVanConcept(c: Pick<Concept, "begrotingsjaar" | "horizon">): number[] {
  const j = leesGetal(c.begrotingsjaar);
  const h = leesGetal(c.horizon);
  if (!j.ok || !h.ok || !Number.isInteger(j.waarde) || !Number.isInteger(h.waarde)) return [];
  if (h.waarde < 0 || h.waarde > 10 || j.waarde < 2000 || j.waarde > 2100) return [];
  return Array.from({ length: h.waarde + 1 }, (_, i) => j.waarde + i);
}

/**
 * Own-path texts prefilled from a preset for the given years, so switching to "eigen" starts from the
 * figures the user just saw.
 */
export function eigenPadUit(preset: PadPresetId, jaren: readonly number[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const id of ALLE_MAATREGELEN) {
    const perJaar: Record<string, string> = {};
    for (const j of jaren) perJaar[String(j)] = toonGetal(Math.round(padBedrag(preset, id, j).waarde), 0);
    out[id] = perJaar;
  }
  return out;
}

/** Measures that take part in the scenario: the extra cut only on the paths that carry it. */
export function actieveMaatregelen(c: Pick<Concept, "pad" | "maatregelen">): MaatregelConcept[] {
  return c.maatregelen.filter((m) => m.maatregel !== EXTRA_ID || c.pad === "cvw-1-mld-extra" || c.pad === "eigen");
}

/** A field that did not read as a number: path and the text. */
export interface LeesFout {
  readonly veld: string;
  readonly tekst: string;
  readonly reden: "leeg" | "geen-getal";
}

/** Reads the texts of a concept as numbers; collects the fields that do not read. */
export class Lezer {
  readonly fouten: LeesFout[] = [];

  getal(tekst: string, veld: string, opties: { procent?: boolean; leegMag?: boolean } = {}): number | undefined {
    const u = leesGetal(tekst, { procent: opties.procent ?? false });
    if (u.ok) return u.waarde;
    if (u.reden === "leeg" && opties.leegMag) return undefined;
    this.fouten.push({ veld, tekst, reden: u.reden });
    return undefined;
  }
}

/** Raw scenario input (for leesScenario) from a concept, and the fields whose text is not a number. */
export function naarInvoer(c: Concept, naam: string): { invoer: Record<string, unknown>; fouten: LeesFout[] } {
  const r = new Lezer();
  // A field that does not read is left out of the input; the validator then takes no position on it and
  // the pane keeps its own error beside the field (the result keeps the last valid figures).
  const zet = (o: Record<string, unknown>, k: string, v: unknown): void => {
    if (v !== undefined) o[k] = v;
  };
  const invoer: Record<string, unknown> = { naam, gemeente: c.gemeente, dataset: c.dataset };
  zet(invoer, "begrotingsjaar", r.getal(c.begrotingsjaar, "begrotingsjaar"));
  zet(invoer, "horizon", r.getal(c.horizon, "horizon"));
  zet(invoer, "groei", r.getal(c.groei, "groei", { procent: true }));
  zet(invoer, "indexatie", r.getal(c.indexatie, "indexatie", { procent: true }));

  const t = c.toedeling;
  const toedeling: Record<string, unknown> = { sleutel: t.sleutel };
  if (t.sleutel === "gemeentefonds") toedeling["circulaire"] = t.circulaire;
  if ((t.sleutel === "iv3-saldo" || t.sleutel === "inwoners") && t.dataset !== "") toedeling["dataset"] = t.dataset;
  if (t.sleutel === "eigen")
    zet(toedeling, "percentage", r.getal(t.percentage, "toedeling.percentage", { procent: true }));
  invoer["toedeling"] = toedeling;

  const actief = actieveMaatregelen(c);
  if (c.pad === "eigen") {
    const eigen: Record<string, Record<string, number>> = {};
    for (const m of actief) {
      const perJaar: Record<string, number> = {};
      for (const [jaar, tekst] of Object.entries(c.eigenPad[m.maatregel] ?? {})) {
        const v = r.getal(tekst, `pad.eigen.${m.maatregel}.${jaar}`, { leegMag: true });
        if (v !== undefined) perJaar[jaar] = v;
      }
      eigen[m.maatregel] = perJaar;
    }
    invoer["pad"] = { eigen };
  } else invoer["pad"] = { preset: c.pad };

  invoer["maatregelen"] = actief.map((m, i) => {
    const p = `maatregelen[${i}]`;
    const o: Record<string, unknown> = { maatregel: m.maatregel, status: m.status };
    zet(o, "vanafJaar", r.getal(m.vanafJaar, `${p}.vanafJaar`));
    zet(o, "realisatiegraad", r.getal(m.realisatiegraad, `${p}.realisatiegraad`, { procent: true }));
    zet(o, "ingroeijaren", r.getal(m.ingroeijaren, `${p}.ingroeijaren`));
    zet(o, "waterbed", r.getal(m.waterbed, `${p}.waterbed`, { procent: true }));
    return o;
  });

  if (c.businessCase.aan) invoer["businessCase"] = businessCaseInvoerVan(c.businessCase, r);
  if (c.regio.aan) invoer["regio"] = regioInvoerVan(c.regio, r);
  return { invoer, fouten: r.fouten };
}

const gelijk = (a: number | undefined, b: number | undefined): boolean =>
  a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9;

/**
 * The business-case choice: only parameters that differ from the preset become overrides, so untouched
 * values keep their source on the sheet.
 */
function businessCaseInvoerVan(bc: BusinessCaseConcept, r: Lezer): Record<string, unknown> {
  const preset = BUSINESS_CASE_PRESETS[bc.preset];
  // The texts the preset shows: a value shown rounded ("9,18" for 13 × 12 / 17 cases) is still the preset's.
  const presetTekst = bcWaardenVan(bc.preset);
  const aanpassingen: Record<string, BcWaarde> = {};
  for (const k of BUSINESS_CASE_PARAMETERS) {
    const t = bc.waarden[k];
    const getoond = presetTekst[k];
    const zelfdeTekst = t.basis === getoond.basis && t.laag === getoond.laag && t.hoog === getoond.hoog;
    const veld = `businessCase.aanpassingen.${k}`;
    const procent = BC_PERCENTAGES.has(k);
    const schaal = procent ? 100 : 1;
    const p = preset[k];
    const heeftBereik = p.laag !== undefined || p.hoog !== undefined || t.laag.trim() !== "" || t.hoog.trim() !== "";
    const basis = r.getal(t.basis, heeftBereik ? `${veld}.basis` : veld, { procent });
    const laag = heeftBereik ? r.getal(t.laag, `${veld}.laag`, { procent, leegMag: true }) : undefined;
    const hoog = heeftBereik ? r.getal(t.hoog, `${veld}.hoog`, { procent, leegMag: true }) : undefined;
    if (basis === undefined) continue;
    const ps = (v: number | undefined): number | undefined => (v === undefined ? undefined : v * schaal);
    const ongewijzigd =
      zelfdeTekst || (gelijk(basis, ps(p.basis)) && gelijk(laag, ps(p.laag)) && gelijk(hoog, ps(p.hoog)));
    if (ongewijzigd) continue;
    aanpassingen[k] = heeftBereik
      ? { basis, ...(laag !== undefined ? { laag } : {}), ...(hoog !== undefined ? { hoog } : {}) }
      : basis;
  }
  const h = r.getal(bc.horizonJaren, "businessCase.aanpassingen.horizonJaren");
  const st = r.getal(bc.startjaar, "businessCase.aanpassingen.startjaar");
  if (h !== undefined && h !== preset.horizonJaren) aanpassingen["horizonJaren"] = h;
  if (st !== undefined && st !== preset.startjaar) aanpassingen["startjaar"] = st;
  return { preset: bc.preset, ...(Object.keys(aanpassingen).length > 0 ? { aanpassingen } : {}) };
}

function regioInvoerVan(rg: RegioConcept, r: Lezer): Record<string, unknown> {
  const out: Record<string, unknown> = { naam: rg.naam, leden: [...rg.leden], sleutel: rg.sleutel };
  if (rg.model === "mix") {
    const x = r.getal(rg.mix, "regio.model.mix", { procent: true });
    out["model"] = x === undefined ? "profijt" : { mix: x };
  } else out["model"] = rg.model;
  if (rg.sleutel === "jeugdigen" || rg.sleutel === "eigen") {
    const waarden: Record<string, number> = {};
    for (const g of rg.leden) {
      const v = r.getal(rg.waarden[g] ?? "", `regio.waarden.${g}`, { leegMag: true });
      if (v !== undefined) waarden[g] = v;
    }
    out["waarden"] = waarden;
  }
  return out;
}

/** Replace one measure's settings. */
export function metMaatregel(
  c: Concept,
  id: MaatregelId,
  patch: Partial<Omit<MaatregelConcept, "maatregel">>,
): Concept {
  return { ...c, maatregelen: c.maatregelen.map((m) => (m.maatregel === id ? { ...m, ...patch } : m)) };
}

/**
 * Switch the data set: the begrotingsjaar follows the data set (as in the default scenario), and so
 * does every measure's start year that was still at the old begrotingsjaar.
 */
export function metDataset(c: Concept, dataset: DatasetId): Concept {
  const nieuw = String(standaardScenario(c.gemeente, dataset).begrotingsjaar);
  const oud = c.begrotingsjaar;
  return {
    ...c,
    dataset,
    begrotingsjaar: nieuw,
    maatregelen: c.maatregelen.map((m) => (m.vanafJaar === oud ? { ...m, vanafJaar: nieuw } : m)),
  };
}
