/**
 * Reading a scenario from untrusted input (a JSON config, stored workbook metadata): shape, types and
 * ranges, with every problem reported by field path. Missing fields take the defaults; unknown
 * fields are reported (a typo in a config must not be silently ignored).
 */
import { BUSINESS_CASE_PRESETS, type BusinessCasePresetSleutel } from "../business-case/presets";
import { BUSINESS_CASE_PARAMETERS } from "../business-case/types";
import { MAATREGELEN, PAD_PRESETS, type MaatregelId } from "../measures/maatregelen";
import type { DatasetId } from "../iv3/types";
import {
  SCHEMA_VERSIE,
  type BcWaarde,
  type BusinessCaseKeuze,
  type MaatregelInstelling,
  type Pad,
  type RegioKeuze,
  type Scenario,
  type Toedeling,
} from "./scenario";
import { standaardMaatregelen, standaardScenario } from "./standaard";

export type ScenarioIssueCode =
  | "geen-object"
  | "verplicht"
  | "type-getal"
  | "type-tekst"
  | "type-lijst"
  | "percentage"
  | "negatief"
  | "geheel-getal"
  | "bereik"
  | "onbekende-waarde"
  | "onbekend-veld"
  | "dubbele-waarde"
  | "onbekende-gemeente"
  | "volgorde"
  | "schema";

export interface ScenarioIssue {
  readonly code: ScenarioIssueCode;
  /** Field path, e.g. "maatregelen[2].waterbed". */
  readonly veld: string;
  readonly waarde?: string;
  readonly details?: Readonly<Record<string, string | number>>;
}

export interface ScenarioContext {
  readonly datasets: readonly DatasetId[];
  /** Canonical name for a user's gemeente input, or suggestions. */
  readonly vindGemeente: (naam: string) => { ok: true; naam: string } | { ok: false; suggesties: readonly string[] };
  /** Jeugd taakvelden valid for weights in a data set. */
  readonly jeugdTaakvelden: (dataset: DatasetId) => readonly string[];
}

export const STATUSSEN = ["gepland", "gerealiseerd", "niet"] as const;
export const TOEDELING_SLEUTELS = ["gemeentefonds", "iv3-saldo", "inwoners", "eigen"] as const;
export const CIRCULAIRES = ["M2023_2024", "M2024_2025", "S2024_2025"] as const;
export const REGIO_SLEUTELS = ["inwoners", "jeugdigen", "gemeentefonds", "iv3-saldo", "eigen"] as const;
export const BC_PRESETS = Object.keys(BUSINESS_CASE_PRESETS) as BusinessCasePresetSleutel[];
/** What a scenario may override of a business-case preset: the ranged parameters plus horizon and start year. */
export const BC_PARAMETERS = [...BUSINESS_CASE_PARAMETERS, "horizonJaren", "startjaar"] as const;
/** Business-case parameters given as percentages in a scenario. */
export const BC_PERCENTAGES: ReadonlySet<string> = new Set([
  "succeskans",
  "deadweight",
  "aandeelGemeente",
  "disconteringsvoet",
]);

export const MIN_JAAR = 2017;
export const MAX_JAAR = 2040;
export const MAX_HORIZON = 10;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v))).slice(0, 60);

class Reader {
  readonly issues: ScenarioIssue[] = [];

  add(code: ScenarioIssueCode, veld: string, waarde?: unknown, details?: Record<string, string | number>): void {
    this.issues.push({
      code,
      veld,
      ...(waarde !== undefined ? { waarde: show(waarde) } : {}),
      ...(details ? { details } : {}),
    });
  }

  unknownKeys(o: Obj, allowed: readonly string[], pad: string): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k))
        this.add("onbekend-veld", pad ? `${pad}.${k}` : k, undefined, { toegestaan: allowed.join(", ") });
  }

  number(
    v: unknown,
    veld: string,
    opts: { min?: number; max?: number; integer?: boolean; percentage?: boolean } = {},
  ): number | undefined {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.add("type-getal", veld, v);
      return undefined;
    }
    if (opts.percentage && (v < 0 || v > 100)) return this.fail("percentage", veld, v);
    if (opts.integer && !Number.isInteger(v)) return this.fail("geheel-getal", veld, v);
    if (opts.min === 0 && opts.max === undefined && v < 0) return this.fail("negatief", veld, v);
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.add("bereik", veld, v, { min: opts.min ?? "−∞", max: opts.max ?? "∞" });
      return undefined;
    }
    return v;
  }

  private fail(code: ScenarioIssueCode, veld: string, v: unknown): undefined {
    this.add(code, veld, v);
    return undefined;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], veld: string): T | undefined {
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    this.add("onbekende-waarde", veld, v, { toegestaan: allowed.join(", ") });
    return undefined;
  }

  text(v: unknown, veld: string): string | undefined {
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    this.add(v === undefined ? "verplicht" : "type-tekst", veld, v);
    return undefined;
  }
}

const TOP = [
  "schema",
  "naam",
  "gemeente",
  "dataset",
  "begrotingsjaar",
  "horizon",
  "groei",
  "indexatie",
  "toedeling",
  "pad",
  "maatregelen",
  "businessCase",
  "regio",
];

/**
 * Read and validate a scenario. `input` may omit anything but the gemeente; omitted fields take the
 * defaults of `standaardScenario`. Returns the complete scenario or every problem found.
 */
export function leesScenario(
  input: unknown,
  ctx: ScenarioContext,
):
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] } {
  const r = new Reader();
  if (!isObj(input)) {
    r.add("geen-object", "");
    return { ok: false, issues: r.issues };
  }
  r.unknownKeys(input, TOP, "");
  if (input["schema"] !== undefined && input["schema"] !== SCHEMA_VERSIE)
    r.add("schema", "schema", input["schema"], { verwacht: SCHEMA_VERSIE });

  const dataset =
    input["dataset"] === undefined
      ? ("2025-begroting" as DatasetId)
      : r.oneOf(input["dataset"], ctx.datasets, "dataset");
  let gemeente: string | undefined;
  const gIn = r.text(input["gemeente"], "gemeente");
  if (gIn !== undefined) {
    const m = ctx.vindGemeente(gIn);
    if (m.ok) gemeente = m.naam;
    else r.add("onbekende-gemeente", "gemeente", gIn, { suggesties: m.suggesties.join(", ") });
  }
  if (!gemeente || !dataset) return { ok: false, issues: r.issues };

  const base = standaardScenario(gemeente, dataset, typeof input["naam"] === "string" ? input["naam"] : "Basis");
  const naam = input["naam"] === undefined ? base.naam : r.text(input["naam"], "naam");
  const begrotingsjaar =
    input["begrotingsjaar"] === undefined
      ? base.begrotingsjaar
      : r.number(input["begrotingsjaar"], "begrotingsjaar", { integer: true, min: MIN_JAAR, max: MAX_JAAR });
  const horizon =
    input["horizon"] === undefined
      ? base.horizon
      : r.number(input["horizon"], "horizon", { integer: true, min: 1, max: MAX_HORIZON });
  const groei = input["groei"] === undefined ? base.groei : r.number(input["groei"], "groei", { min: -50, max: 50 });
  const indexatie =
    input["indexatie"] === undefined
      ? base.indexatie
      : r.number(input["indexatie"], "indexatie", { min: -50, max: 50 });
  const toedeling = input["toedeling"] === undefined ? base.toedeling : leesToedeling(r, input["toedeling"], ctx);
  const pad = input["pad"] === undefined ? base.pad : leesPad(r, input["pad"]);
  const jaar0 = begrotingsjaar ?? base.begrotingsjaar;
  const maatregelen =
    input["maatregelen"] === undefined
      ? standaardMaatregelen(jaar0)
      : leesMaatregelen(r, input["maatregelen"], jaar0, ctx.jeugdTaakvelden(dataset));
  const businessCase = input["businessCase"] === undefined ? undefined : leesBusinessCase(r, input["businessCase"]);
  const regio = input["regio"] === undefined ? undefined : leesRegio(r, input["regio"], ctx);

  if (
    r.issues.length > 0 ||
    naam === undefined ||
    begrotingsjaar === undefined ||
    horizon === undefined ||
    groei === undefined ||
    indexatie === undefined ||
    !toedeling ||
    !pad ||
    !maatregelen
  ) {
    return { ok: false, issues: r.issues };
  }
  return {
    ok: true,
    scenario: {
      schema: SCHEMA_VERSIE,
      naam,
      gemeente,
      dataset,
      begrotingsjaar,
      horizon,
      groei,
      indexatie,
      toedeling,
      pad,
      maatregelen,
      ...(businessCase ? { businessCase } : {}),
      ...(regio ? { regio } : {}),
    },
  };
}

function leesToedeling(r: Reader, v: unknown, ctx: ScenarioContext): Toedeling | undefined {
  if (!isObj(v)) return void r.add("geen-object", "toedeling", v);
  r.unknownKeys(v, ["sleutel", "circulaire", "dataset", "percentage"], "toedeling");
  const sleutel = r.oneOf(v["sleutel"], TOEDELING_SLEUTELS, "toedeling.sleutel");
  const circulaire =
    v["circulaire"] === undefined ? undefined : r.oneOf(v["circulaire"], CIRCULAIRES, "toedeling.circulaire");
  const dataset = v["dataset"] === undefined ? undefined : r.oneOf(v["dataset"], ctx.datasets, "toedeling.dataset");
  let percentage: number | undefined;
  if (sleutel === "eigen") {
    percentage =
      v["percentage"] === undefined
        ? void r.add("verplicht", "toedeling.percentage")
        : r.number(v["percentage"], "toedeling.percentage", { percentage: true });
    if (percentage === undefined) return undefined;
  }
  if (!sleutel) return undefined;
  return {
    sleutel,
    ...(circulaire ? { circulaire } : {}),
    ...(dataset ? { dataset } : {}),
    ...(percentage !== undefined ? { percentage } : {}),
  };
}

function leesPad(r: Reader, v: unknown): Pad | undefined {
  if (!isObj(v)) return void r.add("geen-object", "pad", v);
  r.unknownKeys(v, ["preset", "eigen"], "pad");
  if (v["eigen"] !== undefined) {
    const e = v["eigen"];
    if (!isObj(e)) return void r.add("geen-object", "pad.eigen", e);
    const out: Record<string, Record<string, number>> = {};
    for (const [id, jaren] of Object.entries(e)) {
      if (!isMaatregel(id)) {
        r.add("onbekende-waarde", `pad.eigen.${id}`, id, { toegestaan: alleMaatregelen().join(", ") });
        continue;
      }
      if (!isObj(jaren)) {
        r.add("geen-object", `pad.eigen.${id}`, jaren);
        continue;
      }
      out[id] = {};
      for (const [jaar, bedrag] of Object.entries(jaren)) {
        const j = Number(jaar);
        if (!Number.isInteger(j) || j < MIN_JAAR || j > MAX_JAAR) {
          r.add("bereik", `pad.eigen.${id}.${jaar}`, jaar, { min: MIN_JAAR, max: MAX_JAAR });
          continue;
        }
        const b = r.number(bedrag, `pad.eigen.${id}.${jaar}`);
        if (b !== undefined) out[id][jaar] = b;
      }
    }
    return { eigen: out };
  }
  const preset = r.oneOf(
    v["preset"],
    PAD_PRESETS.map((p) => p.id),
    "pad.preset",
  );
  return preset ? { preset } : undefined;
}

const alleMaatregelen = (): MaatregelId[] => [...MAATREGELEN.map((m) => m.id), "extra-bezuiniging"];
const isMaatregel = (id: string): id is MaatregelId => (alleMaatregelen() as string[]).includes(id);

function leesMaatregelen(
  r: Reader,
  v: unknown,
  jaar0: number,
  taakvelden: readonly string[],
): MaatregelInstelling[] | undefined {
  if (!Array.isArray(v)) return void r.add("type-lijst", "maatregelen", v);
  const defaults = standaardMaatregelen(jaar0);
  const out: MaatregelInstelling[] = [];
  const seen = new Set<string>();
  v.forEach((m: unknown, i) => {
    const p = `maatregelen[${i}]`;
    if (!isObj(m)) return r.add("geen-object", p, m);
    r.unknownKeys(
      m,
      ["maatregel", "status", "vanafJaar", "realisatiegraad", "ingroeijaren", "waterbed", "verdeling"],
      p,
    );
    const id = r.oneOf(m["maatregel"], alleMaatregelen(), `${p}.maatregel`);
    if (!id) return;
    if (seen.has(id)) return r.add("dubbele-waarde", `${p}.maatregel`, id);
    seen.add(id);
    const d = defaults.find((x) => x.maatregel === id) ?? { ...defaults[0], maatregel: id, waterbed: 0 };
    const status = m["status"] === undefined ? d.status : r.oneOf(m["status"], STATUSSEN, `${p}.status`);
    const vanafJaar =
      m["vanafJaar"] === undefined
        ? d.vanafJaar
        : r.number(m["vanafJaar"], `${p}.vanafJaar`, { integer: true, min: MIN_JAAR, max: MAX_JAAR });
    const realisatiegraad =
      m["realisatiegraad"] === undefined
        ? d.realisatiegraad
        : r.number(m["realisatiegraad"], `${p}.realisatiegraad`, { percentage: true });
    const ingroeijaren =
      m["ingroeijaren"] === undefined
        ? d.ingroeijaren
        : r.number(m["ingroeijaren"], `${p}.ingroeijaren`, { min: 1, max: 10 });
    const waterbed =
      m["waterbed"] === undefined ? d.waterbed : r.number(m["waterbed"], `${p}.waterbed`, { percentage: true });
    let verdeling: Record<string, number> | undefined;
    if (m["verdeling"] !== undefined) {
      const w = m["verdeling"];
      if (!isObj(w)) r.add("geen-object", `${p}.verdeling`, w);
      else {
        verdeling = {};
        for (const [code, gewicht] of Object.entries(w)) {
          if (!taakvelden.includes(code)) {
            r.add("onbekende-waarde", `${p}.verdeling.${code}`, code, { toegestaan: taakvelden.join(", ") });
            continue;
          }
          const g = r.number(gewicht, `${p}.verdeling.${code}`, { min: 0 });
          if (g !== undefined) verdeling[code] = g;
        }
      }
    }
    if (
      !status ||
      vanafJaar === undefined ||
      realisatiegraad === undefined ||
      ingroeijaren === undefined ||
      waterbed === undefined
    )
      return;
    out.push({
      maatregel: id,
      status,
      vanafJaar,
      realisatiegraad,
      ingroeijaren,
      waterbed,
      ...(verdeling ? { verdeling } : {}),
    });
  });
  return out;
}

function leesBcWaarde(r: Reader, v: unknown, veld: string, percentage: boolean): BcWaarde | undefined {
  const opts = percentage ? { percentage: true } : { min: 0 };
  if (typeof v === "number") return r.number(v, veld, opts);
  if (!isObj(v)) return void r.add("type-getal", veld, v);
  r.unknownKeys(v, ["basis", "laag", "hoog"], veld);
  const basis = r.number(v["basis"], `${veld}.basis`, opts);
  const laag = v["laag"] === undefined ? undefined : r.number(v["laag"], `${veld}.laag`, opts);
  const hoog = v["hoog"] === undefined ? undefined : r.number(v["hoog"], `${veld}.hoog`, opts);
  if (basis === undefined) return undefined;
  if (laag !== undefined && laag > basis) r.add("volgorde", `${veld}.laag`, laag, { basis });
  if (hoog !== undefined && hoog < basis) r.add("volgorde", `${veld}.hoog`, hoog, { basis });
  return { basis, ...(laag !== undefined ? { laag } : {}), ...(hoog !== undefined ? { hoog } : {}) };
}

function leesBusinessCase(r: Reader, v: unknown): BusinessCaseKeuze | undefined {
  if (!isObj(v)) return void r.add("geen-object", "businessCase", v);
  r.unknownKeys(v, ["preset", "variant", "aanpassingen"], "businessCase");
  const preset = r.oneOf(v["preset"], BC_PRESETS, "businessCase.preset");
  const variant =
    v["variant"] === undefined ? undefined : r.oneOf(v["variant"], ["laag", "hoog"] as const, "businessCase.variant");
  let aanpassingen: Record<string, BcWaarde> | undefined;
  const a = v["aanpassingen"];
  if (a !== undefined) {
    if (!isObj(a)) r.add("geen-object", "businessCase.aanpassingen", a);
    else {
      aanpassingen = {};
      r.unknownKeys(a, BC_PARAMETERS, "businessCase.aanpassingen");
      for (const k of BC_PARAMETERS) {
        if (a[k] === undefined) continue;
        const veld = `businessCase.aanpassingen.${k}`;
        let w: BcWaarde | undefined;
        if (k === "horizonJaren") w = r.number(a[k], veld, { integer: true, min: 1, max: MAX_HORIZON });
        else if (k === "startjaar") w = r.number(a[k], veld, { integer: true, min: MIN_JAAR, max: MAX_JAAR });
        else if (k === "casussenPerJaar") w = leesBcWaarde(r, a[k], veld, false);
        else w = leesBcWaarde(r, a[k], veld, BC_PERCENTAGES.has(k));
        if (w !== undefined) aanpassingen[k] = w;
      }
    }
  }
  return preset ? { preset, ...(variant ? { variant } : {}), ...(aanpassingen ? { aanpassingen } : {}) } : undefined;
}

function leesRegio(r: Reader, v: unknown, ctx: ScenarioContext): RegioKeuze | undefined {
  if (!isObj(v)) return void r.add("geen-object", "regio", v);
  r.unknownKeys(v, ["naam", "leden", "sleutel", "model", "waarden", "dataset", "circulaire"], "regio");
  const naam = r.text(v["naam"], "regio.naam");
  const sleutel = r.oneOf(v["sleutel"], REGIO_SLEUTELS, "regio.sleutel");
  let leden: string[] | undefined;
  if (!Array.isArray(v["leden"])) r.add("type-lijst", "regio.leden", v["leden"]);
  else {
    leden = [];
    (v["leden"] as unknown[]).forEach((l, i) => {
      const t = r.text(l, `regio.leden[${i}]`);
      if (t === undefined) return;
      const m = ctx.vindGemeente(t);
      if (!m.ok) return r.add("onbekende-gemeente", `regio.leden[${i}]`, t, { suggesties: m.suggesties.join(", ") });
      if (leden?.includes(m.naam)) return r.add("dubbele-waarde", `regio.leden[${i}]`, t);
      leden?.push(m.naam);
    });
  }
  let model: RegioKeuze["model"] | undefined;
  const mv = v["model"];
  if (mv === "profijt" || mv === "solidariteit") model = mv;
  else if (isObj(mv) && Object.keys(mv).length === 1 && mv["mix"] !== undefined) {
    const x = r.number(mv["mix"], "regio.model.mix", { percentage: true });
    if (x !== undefined) model = { mix: x };
  } else r.add("onbekende-waarde", "regio.model", mv, { toegestaan: 'profijt, solidariteit, { "mix": 0–100 }' });
  let waarden: Record<string, number> | undefined;
  if (v["waarden"] !== undefined) {
    const w = v["waarden"];
    if (!isObj(w)) r.add("geen-object", "regio.waarden", w);
    else {
      waarden = {};
      for (const [g, x] of Object.entries(w)) {
        const m = ctx.vindGemeente(g);
        if (!m.ok) {
          r.add("onbekende-gemeente", `regio.waarden.${g}`, g, { suggesties: m.suggesties.join(", ") });
          continue;
        }
        const n = r.number(x, `regio.waarden.${g}`, { min: 0 });
        if (n !== undefined) waarden[m.naam] = n;
      }
    }
  }
  if ((sleutel === "jeugdigen" || sleutel === "eigen") && leden) {
    for (const l of leden) if (waarden?.[l] === undefined) r.add("verplicht", `regio.waarden.${l}`);
  }
  const dataset = v["dataset"] === undefined ? undefined : r.oneOf(v["dataset"], ctx.datasets, "regio.dataset");
  const circulaire =
    v["circulaire"] === undefined ? undefined : r.oneOf(v["circulaire"], CIRCULAIRES, "regio.circulaire");
  if (!naam || !sleutel || !leden || !model) return undefined;
  return {
    naam,
    leden,
    sleutel,
    model,
    ...(waarden ? { waarden } : {}),
    ...(dataset ? { dataset } : {}),
    ...(circulaire ? { circulaire } : {}),
  };
}
