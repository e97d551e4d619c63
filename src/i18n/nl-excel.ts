/** Dutch text of the Office.js adapter (writer, metadata, verify). Part of `nl` (see nl.ts). */
export const nlExcel = {
  voortgangLezen: "Werkmap lezen…",
  voortgangSchrijven: (n: number) => `${n} ${n === 1 ? "blad" : "bladen"} schrijven…`,
  klaar: "Klaar.",
  teOudeExcel: (v: string) =>
    `Deze versie van Excel ondersteunt ExcelApi ${v} niet; de invoegtoepassing heeft minstens Excel 2019, Excel 2021, Microsoft 365 of Excel op het web nodig.`,
  zonderPagina:
    "Afdrukinstellingen (liggend, passend op één pagina, kop- en voettekst) zijn niet gezet: deze Excel-versie ondersteunt ExcelApi 1.9 niet.",
  zonderAsOpmaak: "De getalnotatie van de grafiekassen is niet gezet: deze Excel-versie ondersteunt ExcelApi 1.8 niet.",
  zonderXml:
    "Deze Excel-versie kan geen aangepaste XML-onderdelen opslaan; de gegevens voor de controle staan op het verborgen blad _jeugdscenario.",
  tabelTotaalRij: (tabel: string, blad: string) =>
    `Tabel '${tabel}' op blad '${blad}' heeft een totaalrij; die kan de invoegtoepassing niet in Excel schrijven.`,
  schrijvenMislukt: (reden: string, hersteld: boolean) =>
    `Schrijven naar de werkmap is mislukt (${reden}).${hersteld ? " De werkmap is teruggezet zoals hij was; er is niets veranderd." : ""}`,
  herstelMislukt: (reden: string, herstel: string) =>
    `Schrijven naar de werkmap is mislukt (${reden}) en terugzetten lukte niet volledig (${herstel}). Bladen waarvan de naam met '~js' begint, zijn onvolledig en mogen worden verwijderd.`,
  opruimenMislukt:
    "De nieuwe bladen zijn geschreven, maar de vervangen bladen konden niet worden verwijderd; ze zijn verborgen en worden bij de volgende keer schrijven opgeruimd.",
  metadataOnleesbaar: (detail: string) =>
    `De gegevens van de invoegtoepassing in deze werkmap zijn onleesbaar (${detail}). Er is niets geschreven.`,
  leeg: "(leeg)",
  invoerGewijzigd: (cel: string, naam: string, oud: string, nieuw: string) =>
    `Invoer gewijzigd in ${cel} (${naam}): was ${oud}, nu ${nieuw}.`,
  formuleVervangen: (cel: string, naam: string, waarde: string) =>
    `Formule vervangen door een waarde in ${cel} (${naam}): er staat nu ${waarde}.`,
  formuleGewijzigd: (cel: string, naam: string, verwacht: string, gevonden: string) =>
    `Formule gewijzigd in ${cel} (${naam}): verwacht ${verwacht}, gevonden ${gevonden}.`,
  waardeWijktAf: (cel: string, naam: string, verwacht: string, gevonden: string) =>
    `Berekende waarde wijkt af in ${cel} (${naam}): de rekenkern geeft ${verwacht}, het blad ${gevonden}.`,
  nietInMetadata: (naam: string) =>
    `Scenario '${naam}' staat niet in de gegevens van de invoegtoepassing in deze werkmap.`,
  geenScenarios: "Er is geen scenario om te schrijven.",
  bladNietGevonden:
    "Dit blad staat niet meer in de werkmap (verwijderd of door iemand anders vervangen). Schrijf de scenario's opnieuw.",
  bladOntbreekt: (blad: string) => `Het blad '${blad}' van dit scenario ontbreekt: het is verwijderd.`,
  invoerOnleesbaar:
    "De opgeslagen invoer van dit scenario is onleesbaar; het scenario kan niet opnieuw worden berekend.",
  vingerafdrukWijkt: (oud: string, nu: string) =>
    `De opgeslagen invoer past niet bij de vingerafdruk: opgeslagen ${oud.slice(0, 12)}…, berekend ${nu.slice(0, 12)}…. De gegevens van de invoegtoepassing zijn gewijzigd.`,
  inOrde: (naam: string, blad: string, vinger: string) =>
    `Scenario ${naam} (blad '${blad}') is in orde: invoer, formules en uitkomsten komen overeen met de rekenkern (vingerafdruk ${vinger}).`,
  nietInOrde: (naam: string, n: number) => `Scenario ${naam}: ${n} ${n === 1 ? "bevinding" : "bevindingen"}.`,
} as const;
