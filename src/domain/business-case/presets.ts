/**
 * Ready-made business cases from the practice examples and the survey in the VNG inventory of 2022
 * (seed 003). Every figure carries its source; figures the report does not give are assumptions with
 * a reason, figures computed from sourced ones say how.
 */
import { aanname, afgeleid, bron, DOCUMENTEN, type Bron } from "../model/bron";
import type { Bereik, BusinessCaseInvoer } from "./types";

export type BusinessCasePresetSleutel = "den-haag-doorbraaklab" | "ivt-jim" | "enquete-bandbreedte";

export const STANDAARD_HORIZON_JAREN = 4;
export const STANDAARD_STARTJAAR = 2025;

const vng = (plaats: string): Bron => bron(DOCUMENTEN.vngMaatregelen2022, plaats);

/** Number of calendar months from (jaar, maand) up to and including (totJaar, totMaand). */
export function maandenInclusief(jaar: number, maand: number, totJaar: number, totMaand: number): number {
  return (totJaar - jaar) * 12 + (totMaand - maand) + 1;
}

/** A base value in the middle of a sourced range; the choice of the middle is the assumption. */
function midden(laag: number, hoog: number, bandbreedte: string, plaats: Bron): Bereik {
  return {
    basis: (laag + hoog) / 2,
    laag,
    hoog,
    bron: afgeleid(
      `basis = midden van de bandbreedte ${bandbreedte}; laag en hoog zijn de grenzen uit de bron`,
      plaats,
      aanname("de bron geeft alleen een bandbreedte, geen puntschatting; het midden dient als basis"),
    ),
  };
}

const DISCONTERINGSVOET: Bereik = {
  basis: 0.0225,
  bron: aanname(
    "gangbare reële discontovoet voor maatschappelijke kosten-batenanalyses in Nederland " +
      "(2,25%, advies Werkgroep discontovoet 2020); niet uit het VNG-rapport",
  ),
};

// ---- Den Haag doorbraaklab ----

const HAAG_FEITEN = "praktijkvoorbeeld 'Het Haagse doorbraaklab', Feiten en cijfers";
const HAAG_MAANDEN = maandenInclusief(2020, 7, 2021, 11);
const HAAG_CASUSSEN = 13;

const DEN_HAAG: BusinessCaseInvoer = {
  naam: "Den Haag doorbraaklab",
  toelichting:
    "Een doorbraakcoach mag tot € 5.000 inzetten na toetsing van het plan door een andere doorbraakcoach; " +
    "het totale beschikbare budget is € 200.000 (VNG 2022, 'Het Haagse doorbraaklab', hoofdlijnen van de aanpak). " +
    "Laag en hoog van de besteding (€ 120 en € 12.000) zijn de uiterste bedragen van afzonderlijke casussen, " +
    "geen marge rond het gemiddelde: de bandbreedte is bewust ruim. Het besparingspotentieel van € 20.000 is " +
    "een gemiddelde per casus en telt als eenmalig vermeden kosten.",
  horizonJaren: STANDAARD_HORIZON_JAREN,
  startjaar: STANDAARD_STARTJAAR,
  casussenPerJaar: {
    basis: (HAAG_CASUSSEN * 12) / HAAG_MAANDEN,
    bron: afgeleid(
      `13 casussen in ${HAAG_MAANDEN} maanden (juli 2020 t/m november 2021), omgerekend naar 12 maanden: 13 × 12 / ${HAAG_MAANDEN}`,
      vng(`${HAAG_FEITEN}: 'Tussen juli 2020 en november 2021 is het maatwerkbudget 13 keer ingezet'`),
    ),
  },
  bestedingPerCasus: {
    basis: 3_000,
    laag: 120,
    hoog: 12_000,
    bron: vng(
      `${HAAG_FEITEN}: 'gemiddeld 3.000 euro per casus'; 'Het laagste bedrag dat is ingezet is 120 euro; het hoogste 12.000 euro'`,
    ),
  },
  programmakostenPerJaar: {
    basis: 0,
    bron: aanname("de doorbraakcoaches zijn bestaande medewerkers; alleen het budget zelf telt als kosten"),
  },
  succeskans: {
    basis: 1,
    bron: aanname("het besparingspotentieel is al een gemiddelde over alle casussen, dus geen aparte slagingskans"),
  },
  deadweight: {
    basis: 0,
    bron: aanname("de bron noemt geen correctie voor casussen die ook zonder budget waren opgelost"),
  },
  vermedenKostenPerSuccesPerJaar: {
    basis: 20_000,
    bron: vng(`${HAAG_FEITEN}: 'Het gemiddelde besparingspotentieel is 20.000 euro per casus'`),
  },
  duurJaren: {
    basis: 1,
    bron: aanname("het besparingspotentieel is een bedrag per casus, geen bedrag per jaar: eenmalig geteld"),
  },
  aandeelGemeente: {
    basis: 1,
    bron: aanname("de bron verdeelt het besparingspotentieel niet over betalers; geheel bij de gemeente geteld"),
  },
  disconteringsvoet: DISCONTERINGSVOET,
};

// ---- Rijk van Nijmegen: InVerbindingteam + JIM ----

const IVT_FEITEN = "praktijkvoorbeeld 'De InVerbindingteams van Rijk van Nijmegen', Feiten en cijfers";
const IVT_KOSTEN = vng(
  `${IVT_FEITEN}: 'De kosten van het inVerbindingteam zijn 16.000 per traject en 1.000 euro per JIM'`,
);

const IVT_JIM: BusinessCaseInvoer = {
  naam: "Rijk van Nijmegen InVerbindingteam + JIM",
  toelichting:
    "Ambulant alternatief voor uithuisplaatsing: een InVerbindingteam met een door de jongere gekozen mentor (JIM). " +
    "De 96% geldt voor gevallen waarin een JIM is ingezet; hier heeft elk traject een JIM. " +
    "De bron geeft geen vergelijkingsgroep: deadweight en duur zijn aannames met een bandbreedte.",
  horizonJaren: STANDAARD_HORIZON_JAREN,
  startjaar: STANDAARD_STARTJAAR,
  casussenPerJaar: {
    basis: 20,
    bron: aanname("de bron noemt geen aantallen trajecten; 20 per jaar als voorbeeldomvang, vul het eigen aantal in"),
  },
  bestedingPerCasus: {
    basis: 16_000 + 1_000,
    bron: afgeleid("€ 16.000 per traject + € 1.000 per JIM = € 17.000 per casus", IVT_KOSTEN),
  },
  programmakostenPerJaar: {
    basis: 0,
    bron: aanname("de kosten van het team zitten al in de € 16.000 per traject"),
  },
  succeskans: {
    basis: 0.96,
    bron: vng(`${IVT_FEITEN}: 'In 96% van de gevallen waar een JIM is ingezet, is uithuisplaatsing voorkomen'`),
  },
  deadweight: {
    basis: 0.3,
    laag: 0.1,
    hoog: 0.5,
    bron: aanname(
      "de 96% is gemeten zonder vergelijkingsgroep; een deel van de uithuisplaatsingen was ook zonder het team " +
        "voorkomen. 30% (10–50%) als voorzichtige schatting",
    ),
  },
  vermedenKostenPerSuccesPerJaar: midden(
    45_000,
    70_000,
    "€ 45.000–70.000 per jaar",
    vng(
      `${IVT_FEITEN}: 'Als de inzet leidt tot voorkomen van een uithuisplaatsing, dit kan een besparing van 45.000-70.000 euro per jaar opleveren'`,
    ),
  ),
  duurJaren: {
    basis: 1.5,
    laag: 1,
    hoog: 2,
    bron: aanname(
      "de bron noemt een besparing per jaar maar niet hoe lang; een voorkomen uithuisplaatsing scheelt vaak meer dan " +
        "een jaar verblijf, maar het team verkort ook plaatsingen die toch nodig zijn. 1,5 jaar (1–2)",
    ),
  },
  aandeelGemeente: {
    basis: 1,
    bron: aanname(
      "verblijf bij uithuisplaatsing (pleegzorg, gezinshuis, residentieel) betaalt de gemeente onder de Jeugdwet",
    ),
  },
  disconteringsvoet: DISCONTERINGSVOET,
};

// ---- Survey range ----

const ENQUETE =
  "resultaten enquête en interviews bij de maatregel versterken bestaanszekerheid (maatwerkbudget, doorbraakmethode)";

const ENQUETE_BANDBREEDTE: BusinessCaseInvoer = {
  naam: "Enquête-bandbreedte maatwerkbudget",
  toelichting:
    "Bandbreedte van gemeenten die zicht hebben op de besparingen. Let op: geen van de gemeenten heeft aangegeven " +
    "dat het inzetten van het budget ook een macro-besparing met zich meebrengt; bij wachtlijsten wordt vrijgekomen " +
    "ruimte opnieuw gevuld (VNG 2022). Als kosten telt alleen het budget zelf, niet de project- of begeleidingskosten.",
  horizonJaren: STANDAARD_HORIZON_JAREN,
  startjaar: STANDAARD_STARTJAAR,
  casussenPerJaar: {
    basis: 5,
    bron: aanname(
      "de enquête noemt alleen dat het budget 'in een beperkt aantal casussen wordt ingezet'; 5 per jaar als voorbeeld",
    ),
  },
  bestedingPerCasus: midden(
    40_000,
    100_000,
    "€ 40.000–100.000 per casus",
    vng(`${ENQUETE}: 'het gemiddelde ingezette bedrag ongeveer 40.000-100.000 euro'`),
  ),
  programmakostenPerJaar: {
    basis: 0,
    bron: vng(
      `${ENQUETE}: 'Aan de kant van de kosten worden de kosten van het budget zelf meegenomen (en niet de projectkosten of de begeleidingskosten)'`,
    ),
  },
  succeskans: {
    basis: 1,
    bron: aanname("de besparing is berekend per casus waarin het budget is ingezet; geen aparte slagingskans"),
  },
  deadweight: {
    basis: 0,
    bron: aanname("de enquête noemt geen correctie; zie de waarschuwing over de macro-besparing in de toelichting"),
  },
  vermedenKostenPerSuccesPerJaar: midden(
    200_000,
    375_000,
    "€ 200.000–375.000 per casus",
    vng(`${ENQUETE}: 'de berekende besparingen liggen tussen 200.000 en 375.000 euro op casusniveau'`),
  ),
  duurJaren: {
    basis: 1,
    bron: aanname("de berekende besparing is een bedrag per casus, geen bedrag per jaar: eenmalig geteld"),
  },
  aandeelGemeente: {
    basis: 1,
    bron: aanname(
      "de opbrengsten zijn 'sociaal domein breed gemeten', dus binnen de gemeentebegroting; geheel bij de gemeente geteld",
    ),
  },
  disconteringsvoet: DISCONTERINGSVOET,
};

export const BUSINESS_CASE_PRESETS: Readonly<Record<BusinessCasePresetSleutel, BusinessCaseInvoer>> = {
  "den-haag-doorbraaklab": DEN_HAAG,
  "ivt-jim": IVT_JIM,
  "enquete-bandbreedte": ENQUETE_BANDBREEDTE,
};
