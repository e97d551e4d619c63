/**
 * Provenance of every default figure: a source (document and place) or the label "aanname".
 * Auditors read these on the sheet next to the figure; a test checks that no default lacks one.
 */
export type Bron =
  /** A figure taken from a document: name the document and the place in it. */
  | { readonly soort: "bron"; readonly document: string; readonly plaats: string }
  /** A figure computed from sourced figures: say how. */
  | { readonly soort: "afgeleid"; readonly berekening: string; readonly uit: readonly Bron[] }
  /** No source gives it: an assumption, with the reason for the value chosen. */
  | { readonly soort: "aanname"; readonly toelichting: string }
  /** Entered by the user. */
  | { readonly soort: "gebruiker" };

/** A number together with where it comes from. */
export interface Bronwaarde {
  readonly waarde: number;
  readonly bron: Bron;
}

export const aanname = (toelichting: string): Bron => ({ soort: "aanname", toelichting });
export const bron = (document: string, plaats: string): Bron => ({ soort: "bron", document, plaats });
export const afgeleid = (berekening: string, ...uit: Bron[]): Bron => ({ soort: "afgeleid", berekening, uit });
export const GEBRUIKER: Bron = { soort: "gebruiker" };

/** One line of text for a sheet or a tooltip: "VNG … (tabel …)" or "aanname: …". */
export function bronTekst(b: Bron): string {
  switch (b.soort) {
    case "bron":
      return `${b.document}, ${b.plaats}`;
    case "afgeleid":
      return `berekend: ${b.berekening} (${b.uit.map(bronTekst).join("; ")})`;
    case "aanname":
      return `aanname: ${b.toelichting}`;
    case "gebruiker":
      return "ingevoerd door de gebruiker";
  }
}

/**
 * A shorter line for a sheet cell: a derived figure names its calculation and only the kind or
 * document of what it was derived from (the full sources are listed in the sheet's notes).
 */
export function bronKort(b: Bron): string {
  if (b.soort !== "afgeleid") return bronTekst(b);
  const herkomst = b.uit.map((u) =>
    u.soort === "bron"
      ? (u.document.split(/[,(]/)[0] ?? u.document).trim()
      : u.soort === "aanname"
        ? "aanname"
        : "berekend",
  );
  return `berekend: ${b.berekening} (${[...new Set(herkomst)].join("; ")})`;
}

/** The leaf sources of a source (the documents and assumptions a derived figure rests on). */
export function bronBladeren(b: Bron): Bron[] {
  return b.soort === "afgeleid" ? b.uit.flatMap(bronBladeren) : [b];
}

/** The source documents of the seeds, named once. */
export const DOCUMENTEN = {
  vngMaatregelen2022:
    "VNG, 'Maatregelen jeugdhulp 2022 – Resultaten van een korte inventarisatie', 30 mei 2022 (bijlage bij VNG-ledenbrief Lbr. 22/033)",
  vngLedenbrief2022: "VNG-ledenbrief Lbr. 22/033 'Doorstart hervormingsagenda jeugd', 30 mei 2022",
  vwsBrief2022: "Brief VWS aan VNG inzake maatregelen € 511 miljoen, mei 2022 (bijlage bij Lbr. 22/033)",
  rivierenland: "Regio Rivierenland, visie jeugdhulp (regiovisie), 2022",
  ijsselland: "Praktijkscan IJsselland (concept), 17 december 2020",
  zorglandschap: "VNG, notitie landelijke ontwikkelingen zorglandschap in de 42 jeugdregio's",
} as const;
