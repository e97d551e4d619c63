/**
 * The Scenario: every input of the engine in one plain object with a schema version. This is what the
 * user edits (task pane, JSON config for the CLI), what is stored in the workbook and what the
 * fingerprint covers. Percentages are written as percentages (0–100) because users read them so;
 * the engine converts them to fractions.
 */
import type { BusinessCasePresetSleutel } from "../business-case/presets";
import type { DatasetId } from "../iv3/types";
import type { MaatregelId, PadPresetId } from "../measures/maatregelen";

export const SCHEMA_VERSIE = 1 as const;

export type Status = "gepland" | "gerealiseerd" | "niet";
export type ToedelingSleutel = "gemeentefonds" | "iv3-saldo" | "inwoners" | "eigen";
export type Circulaire = "M2023_2024" | "M2024_2025" | "S2024_2025";
export type RegioSleutelSoort = "inwoners" | "jeugdigen" | "gemeentefonds" | "iv3-saldo" | "eigen";

export interface MaatregelInstelling {
  readonly maatregel: MaatregelId;
  /** gerealiseerd: already in the baseline, adds nothing; niet: not taken; gepland: from vanafJaar. */
  readonly status: Status;
  readonly vanafJaar: number;
  /** Percentage (0–100) of the allocated gross saving that the gemeente realises. */
  readonly realisatiegraad: number;
  /** Years to full effect (1 = full effect in the first year). */
  readonly ingroeijaren: number;
  /** Percentage (0–100) of freed capacity refilled from waiting lists. Not applied to costs. */
  readonly waterbed: number;
  /** Weights per jeugd taakveld code; absent = pro rata to the baseline lasten. */
  readonly verdeling?: Readonly<Record<string, number>>;
}

export interface Toedeling {
  readonly sleutel: ToedelingSleutel;
  /** For "gemeentefonds": which circulaire (default meicirculaire 2024 for 2025). */
  readonly circulaire?: Circulaire;
  /** For "iv3-saldo" and "inwoners": which data set (default: the scenario's). */
  readonly dataset?: DatasetId;
  /** For "eigen": the share as a percentage (0–100). */
  readonly percentage?: number;
}

export type Pad =
  | { readonly preset: PadPresetId }
  /** Own path: national euros per measure per year; replaces any preset. */
  | { readonly eigen: Readonly<Record<string, Readonly<Record<string, number>>>> };

/** One business-case parameter as the user may override it: a value, or a range. */
export type BcWaarde = number | { readonly basis: number; readonly laag?: number; readonly hoog?: number };

export interface BusinessCaseKeuze {
  readonly preset: BusinessCasePresetSleutel;
  /** Take the unfavourable ("laag") or favourable ("hoog") end of every range as the base value. */
  readonly variant?: "laag" | "hoog";
  /** Overrides of preset parameters; percentages (succeskans, deadweight, aandeelGemeente, disconteringsvoet) in 0–100. */
  readonly aanpassingen?: Readonly<Record<string, BcWaarde>>;
}

export interface RegioKeuze {
  readonly naam: string;
  readonly leden: readonly string[];
  readonly sleutel: RegioSleutelSoort;
  readonly model: "profijt" | "solidariteit" | { readonly mix: number };
  /** Key values for "jeugdigen" and "eigen" (per member). */
  readonly waarden?: Readonly<Record<string, number>>;
  /** Data set for "iv3-saldo" keys and for own use (default: the scenario's). */
  readonly dataset?: DatasetId;
  readonly circulaire?: Circulaire;
}

export interface Scenario {
  readonly schema: typeof SCHEMA_VERSIE;
  readonly naam: string;
  readonly gemeente: string;
  readonly dataset: DatasetId;
  readonly begrotingsjaar: number;
  /** Years after the begrotingsjaar (1–10; default 3: the meerjarenraming). */
  readonly horizon: number;
  /** Autonomous growth of youth-care volume, % per year. */
  readonly groei: number;
  /** Price and wage indexation, % per year. */
  readonly indexatie: number;
  readonly toedeling: Toedeling;
  readonly pad: Pad;
  readonly maatregelen: readonly MaatregelInstelling[];
  readonly businessCase?: BusinessCaseKeuze;
  readonly regio?: RegioKeuze;
}

/** The years a scenario covers. */
export function jarenVan(s: Pick<Scenario, "begrotingsjaar" | "horizon">): number[] {
  return Array.from({ length: s.horizon + 1 }, (_, i) => s.begrotingsjaar + i);
}
