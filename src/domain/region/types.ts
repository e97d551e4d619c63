/**
 * Sharing a regional youth-care budget among the gemeenten of a jeugdregio (BRIEF §6): by own use
 * (profijt), by a key (solidariteit) or a mix of both. The caller supplies the key values and the own
 * use per member (from the built-in data or typed in), so the domain stays free of data loading.
 */
import type { Bron } from "../model/bron";
import type { Eenheid } from "../model/model";

/**
 * How a region shares its costs.
 * - profijt: every member pays its own use;
 * - solidariteit: everything is shared by the key;
 * - mix: the share `solidairDeel` (0..1) is distributed by the key, the rest by own use.
 */
export type VerdeelModel =
  | { readonly soort: "profijt" }
  | { readonly soort: "solidariteit" }
  | { readonly soort: "mix"; readonly solidairDeel: number };

/** The key of the solidarity part. No official rule exists: the key is a choice the sheet shows. */
export type SleutelSoort = "inwoners" | "jeugdigen" | "gemeentefonds" | "iv3-saldo" | "eigen";

export const SLEUTEL_SOORTEN: readonly SleutelSoort[] = [
  "inwoners",
  "jeugdigen",
  "gemeentefonds",
  "iv3-saldo",
  "eigen",
];

/** Dutch labels of the keys, as shown on the sheet and in the task pane. */
export const SLEUTEL_LABELS: Readonly<Record<SleutelSoort, string>> = {
  inwoners: "inwoners",
  jeugdigen: "jeugdigen (opgegeven)",
  gemeentefonds: "aandeel gemeentefonds jeugd",
  "iv3-saldo": "historisch gebruik (Iv3 jeugd saldo)",
  eigen: "eigen gewichten",
};

/** Unit of a key value, for the assumptions block. */
export const SLEUTEL_EENHEDEN: Readonly<Record<SleutelSoort, Eenheid>> = {
  inwoners: "aantal",
  jeugdigen: "aantal",
  gemeentefonds: "euro",
  "iv3-saldo": "euro",
  eigen: "factor",
};

export interface RegioLid {
  readonly gemeente: string;
  /** The member's value of the key (inwoners, jeugdigen, € gemeentefonds, € Iv3 saldo or a weight); ≥ 0. */
  readonly sleutelwaarde: number;
  /** € own use, e.g. the member's Iv3 jeugd saldo; may be negative. */
  readonly eigenGebruik: number;
}

export interface RegioInvoer {
  readonly naam: string;
  readonly leden: readonly RegioLid[];
  readonly sleutel: SleutelSoort;
  /** Where the key values come from (e.g. CBS inwoners in the Iv3 begroting 2025). */
  readonly sleutelBron: Bron;
  /** Where the own-use figures come from (e.g. Iv3 jaarrekening 2023, jeugd saldo). */
  readonly gebruikBron: Bron;
  readonly model: VerdeelModel;
  /** Source or reason of the model choice; default: an assumption naming the model. */
  readonly modelBron?: Bron;
  /** € region total to distribute; default Σ eigenGebruik. */
  readonly teVerdelen?: number;
  /** Source of `teVerdelen`; default: entered by the user. */
  readonly teVerdelenBron?: Bron;
}

/** The share x distributed by the key: 0 for profijt, 1 for solidariteit, the given share for mix. */
export function solidairDeelVan(model: VerdeelModel): number {
  switch (model.soort) {
    case "profijt":
      return 0;
    case "solidariteit":
      return 1;
    case "mix":
      return model.solidairDeel;
  }
}

/** Dutch percentage with at most one decimal: 0.4 → "40%", 0.375 → "37,5%". */
export function procentTekst(fractie: number): string {
  const p = Math.round(fractie * 1000) / 10;
  return `${String(p).replace(".", ",")}%`;
}

/** One line describing the model and the key, e.g. "mix: 40% naar inwoners, 60% naar eigen gebruik". */
export function modelOmschrijving(model: VerdeelModel, sleutel: SleutelSoort): string {
  const label = SLEUTEL_LABELS[sleutel];
  switch (model.soort) {
    case "profijt":
      return "profijt: iedere gemeente betaalt het eigen gebruik";
    case "solidariteit":
      return `solidariteit: alles verdeeld naar ${label}`;
    case "mix":
      return `mix: ${procentTekst(model.solidairDeel)} naar ${label}, ${procentTekst(1 - model.solidairDeel)} naar eigen gebruik`;
  }
}
