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
} as const;
