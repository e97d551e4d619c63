/**
 * Known jeugdregio's from the seed documents, with their members and facts as sourced there.
 * Member names are spelled exactly as in the built-in data set (CBS names); a test checks this.
 */
import { bron, DOCUMENTEN, type Bron, type Bronwaarde } from "../model/bron";
import type { Eenheid } from "../model/model";
import { procentTekst, type RegioInvoer, type RegioLid, type SleutelSoort, type VerdeelModel } from "./types";

/** A figure per member, as published (e.g. a table in a regiovisie). */
export interface RegioIndicator {
  readonly naam: string;
  readonly eenheid: Eenheid;
  readonly perGemeente: Readonly<Record<string, number>>;
  readonly regio?: number;
  readonly landelijk?: number;
  readonly bron: Bron;
}

export interface RegioPreset {
  readonly id: "rivierenland" | "ijsselland";
  readonly naam: string;
  /** Member gemeenten, spelled as in the built-in data set. */
  readonly leden: readonly string[];
  readonly ledenBron: Bron;
  /** A model the sources point to; absent when they name none. */
  readonly voorgesteldModel?: VerdeelModel;
  readonly modelBron?: Bron;
  readonly inwonersCirca?: Bronwaarde;
  readonly indicatoren: readonly RegioIndicator[];
  /** Dutch notes for the sheet. */
  readonly toelichting: readonly string[];
}

const JEUGDHULP_RIVIERENLAND_2021: Readonly<Record<string, number>> = {
  Buren: 0.117,
  Culemborg: 0.116,
  Maasdriel: 0.108,
  "Neder-Betuwe": 0.105,
  Tiel: 0.184,
  "West Betuwe": 0.108,
  "West Maas en Waal": 0.106,
  Zaltbommel: 0.099,
};

const JEUGDHULP_BRON = bron(
  DOCUMENTEN.rivierenland,
  "hoofdstuk 3 'Waar staan we nu?', 'Jeugdhulpgebruik in Rivierenland' (CBS-rapportage over 2021)",
);

export const RIVIERENLAND: RegioPreset = {
  id: "rivierenland",
  naam: "Rivierenland",
  leden: ["Buren", "Culemborg", "Maasdriel", "Neder-Betuwe", "Tiel", "West Betuwe", "West Maas en Waal", "Zaltbommel"],
  ledenBron: bron(
    DOCUMENTEN.rivierenland,
    "hoofdstuk 1 'Inleiding', 'Totstandkoming' (de acht regiogemeenten; de visie schrijft 'Maasdiel' voor Maasdriel)",
  ),
  inwonersCirca: {
    waarde: 250_000,
    bron: bron(DOCUMENTEN.rivierenland, "hoofdstuk 3 'Waar staan we nu?': 'in totaal bijna 250.000 inwoners'"),
  },
  indicatoren: [
    {
      naam: "aandeel jeugdigen (tot 21 jaar) met geïndiceerde jeugdhulp, 2021",
      eenheid: "fractie",
      perGemeente: JEUGDHULP_RIVIERENLAND_2021,
      regio: 0.126,
      landelijk: 0.106,
      bron: JEUGDHULP_BRON,
    },
  ],
  toelichting: [
    "Acht gemeenten met samen bijna 250.000 inwoners (regiovisie jeugdhulp 2022).",
    `Aandeel jeugdigen met geïndiceerde jeugdhulp in 2021: ${Object.entries(JEUGDHULP_RIVIERENLAND_2021)
      .map(([g, f]) => `${g} ${procentTekst(f)}`)
      .join(", ")}; regio ${procentTekst(0.126)}, landelijk ${procentTekst(0.106)}.`,
    "Tiel ligt met 18,4% ver boven het landelijk gemiddelde; de regiovisie noemt het grote aantal inwoners met een lage sociaaleconomische status als mogelijke verklaring.",
    "De regiovisie legt geen verdeelmodel voor de kosten vast: het verdeelmodel en de sleutel zijn hier een keuze.",
  ],
};

export const IJSSELLAND: RegioPreset = {
  id: "ijsselland",
  naam: "IJsselland",
  leden: [
    "Dalfsen",
    "Deventer",
    "Hardenberg",
    "Kampen",
    "Olst-Wijhe",
    "Ommen",
    "Raalte",
    "Staphorst",
    "Steenwijkerland",
    "Zwartewaterland",
    "Zwolle",
  ],
  ledenBron: bron(DOCUMENTEN.ijsselland, "hoofdstuk 2 'Praktijkscan IJsselland', voetnoot 2 (de 11 gemeenten)"),
  voorgesteldModel: { soort: "profijt" },
  modelBron: bron(
    DOCUMENTEN.zorglandschap,
    "actielijn 1, 'Een diversiteit aan samenwerkingen in het landschap van jeugdregio's': Groningen en IJsselland hebben de financiële solidariteit losgelaten",
  ),
  indicatoren: [],
  toelichting: [
    "Elf gemeenten (Praktijkscan IJsselland, concept 17 december 2020).",
    "IJsselland heeft, net als Groningen, de financiële solidariteit losgelaten (VNG-notitie zorglandschap, actielijn 1); daarom is profijt hier het voorgestelde verdeelmodel.",
    "De praktijkscan (§ 2.4.1) bevestigt: 'Er is geen financiële solidariteit'; de gemeenten hebben na een doorrekening besloten de verantwoording lokaal neer te leggen.",
  ],
};

export const REGIO_PRESETS: readonly RegioPreset[] = [RIVIERENLAND, IJSSELLAND];

/** The figures per member that the caller computed from the data (key value and own use). */
export type LidCijfers = Readonly<Record<string, { readonly sleutelwaarde: number; readonly eigenGebruik: number }>>;

/**
 * A RegioInvoer for a preset from figures per member (keyed by the preset's member names). The model
 * defaults to the preset's suggested model (with its source), else profijt (recorded as an assumption).
 * Throws a RangeError naming the members without figures: a programming error of the caller.
 */
export function invoerVoorPreset(
  preset: RegioPreset,
  cijfers: LidCijfers,
  opties: {
    readonly sleutel: SleutelSoort;
    readonly sleutelBron: Bron;
    readonly gebruikBron: Bron;
    readonly model?: VerdeelModel;
    readonly modelBron?: Bron;
    readonly teVerdelen?: number;
    readonly teVerdelenBron?: Bron;
  },
): RegioInvoer {
  const ontbreekt = preset.leden.filter((g) => cijfers[g] === undefined);
  if (ontbreekt.length > 0) throw new RangeError(`geen cijfers voor ${ontbreekt.join(", ")}`);
  const leden = preset.leden.map((g): RegioLid => {
    const c = cijfers[g];
    return { gemeente: g, sleutelwaarde: c?.sleutelwaarde ?? 0, eigenGebruik: c?.eigenGebruik ?? 0 };
  });
  const model = opties.model ?? preset.voorgesteldModel ?? { soort: "profijt" };
  const modelBron = opties.modelBron ?? (opties.model === undefined ? preset.modelBron : undefined);
  return {
    naam: preset.naam,
    leden,
    sleutel: opties.sleutel,
    sleutelBron: opties.sleutelBron,
    gebruikBron: opties.gebruikBron,
    model,
    ...(modelBron ? { modelBron } : {}),
    ...(opties.teVerdelen !== undefined ? { teVerdelen: opties.teVerdelen } : {}),
    ...(opties.teVerdelenBron ? { teVerdelenBron: opties.teVerdelenBron } : {}),
  };
}
