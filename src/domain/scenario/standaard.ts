/**
 * Default values of the scenario inputs, each with its source or the label "aanname". The engine
 * uses them when a scenario leaves a value out; the sheets show the same source next to the value.
 */
import { MAATREGELEN, type MaatregelId } from "../measures/maatregelen";
import { aanname, afgeleid, bron, DOCUMENTEN, type Bronwaarde } from "../model/bron";
import type { DatasetId } from "../iv3/types";
import { SCHEMA_VERSIE, type Circulaire, type MaatregelInstelling, type Scenario } from "./scenario";

const GROEI_2019_2020: Bronwaarde = {
  waarde: 5.9,
  bron: bron(
    DOCUMENTEN.vngMaatregelen2022,
    "paragraaf 'Financiële ontwikkelingen': Iv3-posten 6.72 en 6.82 groeiden 2019–2020 met bijna € 280 mln (5,9%)",
  ),
};

export const STANDAARD = {
  horizon: {
    waarde: 3,
    bron: aanname("begrotingsjaar plus de drie jaren van de meerjarenraming, zoals in de gemeentebegroting"),
  },
  indexatie: {
    waarde: 3.0,
    bron: aanname("loon- en prijsindexatie van 3% per jaar; vervang door de indexatie uit de eigen kadernota"),
  },
  groei: {
    waarde: 2.9,
    bron: afgeleid(
      "5,9% groei 2019–2020 minus 3,0% indexatie (aanname) = 2,9% volumegroei per jaar",
      GROEI_2019_2020.bron,
      aanname("indexatie 3%"),
    ),
  },
  realisatiegraad: {
    waarde: 80,
    bron: aanname(
      "80%: gemeenten zijn volgens de VNG-inventarisatie 2022 breed met de maatregelen bezig, maar effecten zijn moeilijk te scheiden; geen bron geeft een percentage",
    ),
  },
  ingroeijaren: {
    waarde: 2,
    bron: aanname("volledig effect in het tweede jaar; geen bron geeft een ingroeipad"),
  },
  waterbed: {
    waarde: 25,
    bron: aanname(
      "25%: volgens de VNG-inventarisatie 2022 wordt vrijgekomen ruimte bij wachtlijsten opnieuw ingevuld (waterbedeffect); geen bron geeft een percentage",
    ),
  },
  status: {
    waarde: "gepland",
    bron: aanname(
      "standaard telt elke maatregel mee, vanaf het begrotingsjaar; zet 'al gerealiseerd' als de besparing al in de basis zit",
    ),
  },
  circulaire: {
    waarde: "M2024_2025" as Circulaire,
    bron: bron("Gemeentefonds, meicirculaire 2024", "uitkeringsjaar 2025, cluster Individuele voorzieningen Jeugd"),
  },
} as const;

/** Default settings for every measure: planned from the begrotingsjaar with the default percentages. */
export function standaardMaatregelen(begrotingsjaar: number): MaatregelInstelling[] {
  return MAATREGELEN.map((m) => ({
    maatregel: m.id as MaatregelId,
    status: "gepland" as const,
    vanafJaar: begrotingsjaar,
    realisatiegraad: STANDAARD.realisatiegraad.waarde,
    ingroeijaren: STANDAARD.ingroeijaren.waarde,
    waterbed: m.kost ? 0 : STANDAARD.waterbed.waarde,
  }));
}

/** The default scenario for a gemeente and data set ("Basis"). */
export function standaardScenario(gemeente: string, dataset: DatasetId, naam = "Basis"): Scenario {
  const datasetJaar = Number(dataset.slice(0, 4));
  // A begroting data set is the budget of its own year; a jaarrekening looks forward from the next year.
  const begrotingsjaar = dataset.endsWith("jaarrekening") ? datasetJaar + 1 : datasetJaar;
  return {
    schema: SCHEMA_VERSIE,
    naam,
    gemeente,
    dataset,
    begrotingsjaar,
    horizon: STANDAARD.horizon.waarde,
    groei: STANDAARD.groei.waarde,
    indexatie: STANDAARD.indexatie.waarde,
    toedeling: { sleutel: "gemeentefonds", circulaire: STANDAARD.circulaire.waarde },
    pad: { preset: "cvw-1-mld" },
    maatregelen: standaardMaatregelen(begrotingsjaar),
  };
}
