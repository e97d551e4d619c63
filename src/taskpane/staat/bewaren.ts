/**
 * The pane's working state as it is kept in the document (`PaneelDiensten.bewaarStaat`): the step, the
 * chosen source, the scenario concept and the user's own figures (a few dozen numbers, not the file).
 * Reading is strict: anything that is not exactly this shape (corrupt, hand-edited, from an older or
 * newer version) is refused as a whole, so the pane never runs on half-understood input.
 */
import { BUSINESS_CASE_PRESETS } from "../../domain/business-case/presets";
import { BUSINESS_CASE_PARAMETERS } from "../../domain/business-case/types";
import { PAD_PRESETS } from "../../domain/measures/maatregelen";
import { CIRCULAIRES, REGIO_SLEUTELS, STATUSSEN, TOEDELING_SLEUTELS } from "../../domain/scenario/validatie";
import { VARIANTEN } from "../../domain/scenario/varianten";
import { DATASET_IDS } from "../../sources/builtin";
import { ALLE_MAATREGELEN, type Concept } from "./concept";
import type { EigenCijfers } from "./eigen-cijfers";

export const STAAT_VERSIE = 1 as const;

export const STAPPEN = ["gegevens", "maatregelen", "maatwerkbudget", "regio", "scenarios", "controle"] as const;
export type StapId = (typeof STAPPEN)[number];

export const BRON_SOORTEN = ["ingebouwd", "werkmap", "csv", "cbs"] as const;
export type BronSoort = (typeof BRON_SOORTEN)[number];

export interface BewaardeStaat {
  readonly versie: typeof STAAT_VERSIE;
  readonly stap: StapId;
  readonly bron: BronSoort;
  readonly concept: Concept;
  readonly eigenCijfers?: EigenCijfers;
}

export type GelezenStaat =
  | { readonly soort: "geen" }
  | { readonly soort: "ok"; readonly staat: BewaardeStaat }
  | { readonly soort: "ongeldig"; readonly reden: "json" | "versie" | "vorm" };

/** Upper bound on the stored text: the state is a few kilobytes; more means it is not ours. */
export const MAX_STAAT_TEKENS = 256 * 1024;

export function bewaarTekst(staat: BewaardeStaat): string {
  return JSON.stringify(staat);
}

/** Reads stored state; never throws. */
export function leesBewaardeStaat(tekst: string | undefined | null): GelezenStaat {
  if (tekst === undefined || tekst === null || tekst.trim() === "") return { soort: "geen" };
  if (tekst.length > MAX_STAAT_TEKENS) return { soort: "ongeldig", reden: "vorm" };
  let json: unknown;
  try {
    json = JSON.parse(tekst);
  } catch {
    return { soort: "ongeldig", reden: "json" };
  }
  if (!isObj(json)) return { soort: "ongeldig", reden: "vorm" };
  if (json["versie"] !== STAAT_VERSIE) return { soort: "ongeldig", reden: "versie" };
  try {
    return { soort: "ok", staat: staat(json) };
  } catch {
    return { soort: "ongeldig", reden: "vorm" };
  }
}

class Vorm extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function obj(v: unknown): Obj {
  if (!isObj(v)) throw new Vorm();
  return v;
}
function tekst(v: unknown): string {
  if (typeof v !== "string" || v.length > 1000) throw new Vorm();
  return v;
}
function bool(v: unknown): boolean {
  if (typeof v !== "boolean") throw new Vorm();
  return v;
}
function een<T extends string>(v: unknown, toegestaan: readonly T[]): T {
  if (typeof v !== "string" || !(toegestaan as readonly string[]).includes(v)) throw new Vorm();
  return v as T;
}
function lijst(v: unknown, max = 500): unknown[] {
  if (!Array.isArray(v) || v.length > max) throw new Vorm();
  return v;
}
function tekstMap(v: unknown): Record<string, string> {
  const o = obj(v);
  const out: Record<string, string> = {};
  for (const [k, w] of Object.entries(o)) out[k] = tekst(w);
  return out;
}
function bedrag(v: unknown): number | null {
  if (v === null) return null;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Vorm();
  return v;
}

function staat(o: Obj): BewaardeStaat {
  const eigen = o["eigenCijfers"] === undefined ? undefined : eigenCijfers(obj(o["eigenCijfers"]));
  return {
    versie: STAAT_VERSIE,
    stap: een(o["stap"], STAPPEN),
    bron: een(o["bron"], BRON_SOORTEN),
    concept: concept(obj(o["concept"])),
    ...(eigen ? { eigenCijfers: eigen } : {}),
  };
}

function eigenCijfers(o: Obj): EigenCijfers {
  const tv = obj(o["taakvelden"]);
  const taakvelden: Record<string, readonly [number | null, number | null]> = {};
  const entries = Object.entries(tv);
  if (entries.length > 500) throw new Vorm();
  for (const [code, w] of entries) {
    const paar = lijst(w, 2);
    if (paar.length !== 2) throw new Vorm();
    taakvelden[code] = [bedrag(paar[0]), bedrag(paar[1])];
  }
  return {
    soort: een(o["soort"], ["werkmap", "csv", "cbs"] as const),
    gemeente: tekst(o["gemeente"]),
    dataset: een(o["dataset"], DATASET_IDS),
    herkomst: tekst(o["herkomst"]),
    taakvelden,
  };
}

function concept(o: Obj): Concept {
  const t = obj(o["toedeling"]);
  const bc = obj(o["businessCase"]);
  const rg = obj(o["regio"]);
  const bcWaarden = obj(bc["waarden"]);
  const maatregelen = lijst(o["maatregelen"]).map((x) => {
    const m = obj(x);
    return {
      maatregel: een(m["maatregel"], ALLE_MAATREGELEN),
      status: een(m["status"], STATUSSEN),
      vanafJaar: tekst(m["vanafJaar"]),
      realisatiegraad: tekst(m["realisatiegraad"]),
      ingroeijaren: tekst(m["ingroeijaren"]),
      waterbed: tekst(m["waterbed"]),
    };
  });
  // Every measure exactly once, in any order.
  if (maatregelen.length !== ALLE_MAATREGELEN.length) throw new Vorm();
  if (new Set(maatregelen.map((m) => m.maatregel)).size !== ALLE_MAATREGELEN.length) throw new Vorm();
  const eigenPad: Record<string, Record<string, string>> = {};
  for (const [id, perJaar] of Object.entries(obj(o["eigenPad"]))) {
    eigenPad[een(id, ALLE_MAATREGELEN)] = tekstMap(perJaar);
  }
  const waarden = {} as Record<
    (typeof BUSINESS_CASE_PARAMETERS)[number],
    { basis: string; laag: string; hoog: string }
  >;
  for (const k of BUSINESS_CASE_PARAMETERS) {
    const w = obj(bcWaarden[k]);
    waarden[k] = { basis: tekst(w["basis"]), laag: tekst(w["laag"]), hoog: tekst(w["hoog"]) };
  }
  const varianten = lijst(o["varianten"]).map((x) => {
    const v = obj(x);
    return {
      id: een(
        v["id"],
        VARIANTEN.map((y) => y.id),
      ),
      naam: tekst(v["naam"]),
      realisatiegraad: tekst(v["realisatiegraad"]),
      waterbed: tekst(v["waterbed"]),
      ingroeijaren: tekst(v["ingroeijaren"]),
      businessCase: een(v["businessCase"], ["basis", "laag", "hoog"] as const),
    };
  });
  if (varianten.length !== VARIANTEN.length || new Set(varianten.map((v) => v.id)).size !== VARIANTEN.length) {
    throw new Vorm();
  }
  return {
    gemeente: tekst(o["gemeente"]),
    dataset: een(o["dataset"], DATASET_IDS),
    begrotingsjaar: tekst(o["begrotingsjaar"]),
    horizon: tekst(o["horizon"]),
    groei: tekst(o["groei"]),
    indexatie: tekst(o["indexatie"]),
    toedeling: {
      sleutel: een(t["sleutel"], TOEDELING_SLEUTELS),
      circulaire: een(t["circulaire"], CIRCULAIRES),
      dataset: t["dataset"] === "" ? "" : een(t["dataset"], DATASET_IDS),
      percentage: tekst(t["percentage"]),
    },
    pad: een(o["pad"], [...PAD_PRESETS.map((p) => p.id), "eigen" as const]),
    eigenPad,
    maatregelen,
    businessCase: {
      aan: bool(bc["aan"]),
      preset: een(bc["preset"], Object.keys(BUSINESS_CASE_PRESETS) as (keyof typeof BUSINESS_CASE_PRESETS)[]),
      horizonJaren: tekst(bc["horizonJaren"]),
      startjaar: tekst(bc["startjaar"]),
      waarden,
    },
    regio: {
      aan: bool(rg["aan"]),
      preset: een(rg["preset"], ["rivierenland", "ijsselland", "eigen"] as const),
      naam: tekst(rg["naam"]),
      leden: lijst(rg["leden"], 100).map(tekst),
      sleutel: een(rg["sleutel"], REGIO_SLEUTELS),
      model: een(rg["model"], ["profijt", "solidariteit", "mix"] as const),
      mix: tekst(rg["mix"]),
      waarden: tekstMap(rg["waarden"]),
    },
    varianten,
  };
}
