/** Dutch text of the workbook reader (Iv3 from a selection, named range or table). Part of `nl` (see nl.ts). */

const aantal = (n: number): string => n.toLocaleString("nl-NL");

export const nlLezer = {
  /** Provenance of data read from the workbook; `waar` is one of the three below. */
  bron: (waar: string, indeling: string) => `Werkmap, ${waar} (${indeling})`,
  selectie: (bereik: string) => `selectie ${bereik}`,
  naam: (naam: string, bereik: string) => `naam ${naam} (${bereik})`,
  tabel: (naam: string, bereik: string) => `tabel ${naam} (${bereik})`,
  indeling: {
    "cbs-afgeleid": "indeling van de CBS-bestanden per taakveld, x € 1.000",
    "cbs-ruw": "indeling van CBS open data, catalogus IV3, x € 1.000",
    eigen: "eigen indeling",
  } as Record<string, string>,
  naamOnbekend: (naam: string) =>
    `De werkmap heeft geen naam '${naam}' (ook niet op het actieve blad). Een naam die bij een ander blad hoort, schrijft u als Blad!Naam, bijvoorbeeld 'Mijn blad'!${naam.replace(/^.*!/, "")}.`,
  naamGeenBereik: (naam: string) =>
    `De naam '${naam}' verwijst niet naar een bereik met cellen (maar naar een getal, tekst of formule).`,
  tabelOnbekend: (naam: string) => `De werkmap heeft geen tabel '${naam}'.`,
  geenEnkeleSelectie:
    "Selecteer één aaneengesloten bereik met cellen (niet meerdere gebieden, een grafiek of een vorm) en probeer het opnieuw.",
  rijTeGroot: (bereik: string, limietMb: string) =>
    `${bereik} bevat meer gegevens dan Excel in één keer kan doorgeven (${limietMb} MB). Maak de cellen in deze rij korter of laat lange toelichtingen buiten het bereik.`,
  voortgang: (gelezen: number, totaal: number) => `${aantal(gelezen)} van ${aantal(totaal)} rijen gelezen`,
} as const;
