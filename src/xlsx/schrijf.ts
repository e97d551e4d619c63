/**
 * The file adapter: a WerkmapSpec → the bytes of an .xlsx workbook.
 *
 * ExcelJS writes cells, styles, merges, column widths, frozen panes, tab colours, tables, print setup
 * and document properties; `pakket.ts` then adds what ExcelJS cannot write — sheet-scoped defined names
 * and native charts — by editing the zip package (see there). The metadata goes to the very hidden sheet
 * `_jeugdscenario` (see `metadata.ts`), always the last sheet so the spec's sheets keep their positions.
 *
 * Cell rules:
 * - A `formule` becomes a formula without cached result (`<f>` and no `<v>`), and the workbook asks for a
 *   full recalculation on load, so Excel and LibreOffice compute every value themselves.
 * - A `waarde` is written as a value: numbers as numbers, booleans as booleans, and text always as text.
 *   ExcelJS never turns a plain string into a formula, so `=HYPERLINK(…)`, `+1+1`, `-2` or `@SUM(A1)`
 *   from a user or a file stay inert text (formula injection); the tests prove it on the written file.
 *
 * A chart without series is left out (nothing to draw).
 *
 * The spec is checked first; anything Excel would reject or silently "repair" throws XlsxSpecFout with
 * a Dutch message instead of producing a damaged file.
 */
import ExcelJS from "exceljs";
import type { CellValue, PageSetup, Worksheet, WorksheetView } from "exceljs";
import type { AfdrukSpec, BladSpec, CelSpec, TabelSpec, WerkmapSpec } from "../workbook/spec";
import { type Bereik, XlsxSpecFout, adresVan, kolomLetters, leesAdres, leesBereik, positiesIn } from "./adres";
import { METADATA_BLAD, schrijfMetadataBlad } from "./metadata";
import { werkPakketBij } from "./pakket";
import { type CelInhoud, STANDAARD_KOLOMBREEDTE, STANDAARD_RIJHOOGTE, celStijl, geschatteRijhoogte } from "./stijlen";

export { METADATA_BLAD, leesMetadataBlad } from "./metadata";
export { XlsxSpecFout } from "./adres";
export { laadXlsx, leesMetadata, leesNamen, type GelezenNaam } from "./lees";

const VERBODEN_IN_BLADNAAM = /[[\]:*?/\\]/;
const MAX_KOPVOETTEKST = 255;
const TABELSTIJL = "TableStyleLight1";

// ---------------------------------------------------------------------------------------------------
// Validation

function controleerBladnamen(bladen: readonly BladSpec[]): void {
  const gezien = new Set<string>([METADATA_BLAD.toLowerCase()]);
  for (const blad of bladen) {
    const naam = blad.naam;
    if (naam.trim() === "" || naam.length > 31) {
      throw new XlsxSpecFout(`Bladnaam "${naam}" moet 1 tot 31 tekens lang zijn.`);
    }
    if (VERBODEN_IN_BLADNAAM.test(naam)) {
      throw new XlsxSpecFout(`Bladnaam "${naam}" bevat een teken dat Excel niet toestaat ([ ] : * ? / \\).`);
    }
    if (naam.startsWith("'") || naam.endsWith("'")) {
      throw new XlsxSpecFout(`Bladnaam "${naam}" mag niet met een apostrof beginnen of eindigen.`);
    }
    if (naam.toLowerCase() === "history") {
      throw new XlsxSpecFout(`Bladnaam "${naam}" is in Excel gereserveerd.`);
    }
    if (gezien.has(naam.toLowerCase())) {
      throw new XlsxSpecFout(`Bladnaam "${naam}" komt meer dan eens voor (hoofdletters tellen niet mee).`);
    }
    gezien.add(naam.toLowerCase());
  }
}

/** Excel's rules for defined names and table names. */
export function isGeldigeNaam(naam: string): boolean {
  if (naam.length === 0 || naam.length > 255) {
    return false;
  }
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(naam)) {
    return false;
  }
  // Must not read as a cell reference in A1 style ("AB12") or R1C1 style ("R", "C", "R1C1", "RC2").
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(naam);
  if (a1?.[1] !== undefined) {
    const letters = a1[1].toUpperCase();
    const kolom = [...letters].reduce((n, t) => n * 26 + t.charCodeAt(0) - 64, 0);
    if (kolom <= 16_384) {
      return false;
    }
  }
  if (/^[Rr]\d*([Cc]\d*)?$/.test(naam) || /^[Cc]\d*$/.test(naam)) {
    return false;
  }
  const klein = naam.toLowerCase();
  return klein !== "true" && klein !== "false" && !klein.startsWith("_xlnm.");
}

function cellenPerAdres(blad: BladSpec): Map<string, CelSpec> {
  const cellen = new Map<string, CelSpec>();
  for (const cel of blad.cellen) {
    const adres = adresVan(leesAdres(cel.adres));
    if (cellen.has(adres)) {
      throw new XlsxSpecFout(`Cel ${adres} staat twee keer in blad "${blad.naam}".`);
    }
    if (cel.waarde !== undefined && cel.formule !== undefined) {
      throw new XlsxSpecFout(`Cel ${adres} op blad "${blad.naam}" heeft zowel een waarde als een formule.`);
    }
    if (typeof cel.waarde === "number" && !Number.isFinite(cel.waarde)) {
      throw new XlsxSpecFout(`Cel ${adres} op blad "${blad.naam}" heeft geen eindig getal (${cel.waarde}).`);
    }
    cellen.set(adres, cel);
  }
  return cellen;
}

function overlappen(a: Bereik, b: Bereik): boolean {
  return (
    a.begin.rij <= b.eind.rij &&
    b.begin.rij <= a.eind.rij &&
    a.begin.kolom <= b.eind.kolom &&
    b.begin.kolom <= a.eind.kolom
  );
}

function tabelBereik(tabel: TabelSpec): Bereik {
  const begin = leesAdres(tabel.adres);
  const hoogte = 1 + tabel.rijen + (tabel.totaalRij ? 1 : 0);
  return {
    begin,
    eind: { rij: begin.rij + hoogte - 1, kolom: begin.kolom + tabel.kolommen.length - 1 },
  };
}

function controleerBlad(blad: BladSpec, tabelnamen: Set<string>, namenInWerkmap: Set<string>): Map<string, CelSpec> {
  const cellen = cellenPerAdres(blad);
  const waar = `op blad "${blad.naam}"`;

  const namen = new Set<string>();
  for (const naam of blad.namen) {
    if (!isGeldigeNaam(naam.naam)) {
      throw new XlsxSpecFout(`"${naam.naam}" ${waar} is geen geldige naam voor Excel.`);
    }
    if (namen.has(naam.naam.toLowerCase())) {
      throw new XlsxSpecFout(`De naam "${naam.naam}" komt ${waar} meer dan eens voor.`);
    }
    namen.add(naam.naam.toLowerCase());
    namenInWerkmap.add(naam.naam.toLowerCase());
    leesBereik(naam.adres);
  }

  const samengevoegd = blad.samengevoegd.map((s) => leesBereik(s));
  samengevoegd.forEach((bereik, i) => {
    samengevoegd.slice(i + 1).forEach((ander, j) => {
      if (overlappen(bereik, ander)) {
        throw new XlsxSpecFout(
          `Samengevoegde bereiken ${blad.samengevoegd[i]} en ${blad.samengevoegd[i + 1 + j]} ${waar} overlappen.`,
        );
      }
    });
    for (const positie of positiesIn(bereik).slice(1)) {
      const cel = cellen.get(adresVan(positie));
      if (cel && (cel.waarde !== undefined || cel.formule !== undefined)) {
        throw new XlsxSpecFout(
          `Cel ${adresVan(positie)} ${waar} valt binnen samengevoegd bereik ${blad.samengevoegd[i]} maar heeft een inhoud.`,
        );
      }
    }
  });

  const tabelBereiken: Bereik[] = [];
  for (const tabel of blad.tabellen) {
    if (!isGeldigeNaam(tabel.naam)) {
      throw new XlsxSpecFout(`"${tabel.naam}" ${waar} is geen geldige tabelnaam voor Excel.`);
    }
    if (tabelnamen.has(tabel.naam.toLowerCase())) {
      throw new XlsxSpecFout(`De tabelnaam "${tabel.naam}" komt meer dan eens voor in de werkmap.`);
    }
    tabelnamen.add(tabel.naam.toLowerCase());
    if (tabel.kolommen.length === 0 || !Number.isInteger(tabel.rijen) || tabel.rijen < 1) {
      throw new XlsxSpecFout(`Tabel "${tabel.naam}" ${waar} heeft geen kolommen of geen gegevensrijen.`);
    }
    const kolomnamen = new Set<string>();
    tabel.kolommen.forEach((kolom, j) => {
      if (kolom.trim() === "" || kolomnamen.has(kolom.toLowerCase())) {
        throw new XlsxSpecFout(`Tabel "${tabel.naam}" ${waar}: kolomnaam "${kolom}" is leeg of dubbel.`);
      }
      kolomnamen.add(kolom.toLowerCase());
      const begin = leesAdres(tabel.adres);
      const kop = cellen.get(adresVan({ rij: begin.rij, kolom: begin.kolom + j }));
      if (kop && (kop.formule !== undefined || (kop.waarde !== undefined && kop.waarde !== kolom))) {
        throw new XlsxSpecFout(
          `Tabel "${tabel.naam}" ${waar}: de kopcel ${kop.adres} moet de kolomnaam "${kolom}" als tekst bevatten.`,
        );
      }
    });
    const bereik = tabelBereik(tabel);
    for (const ander of [...tabelBereiken, ...samengevoegd]) {
      if (overlappen(bereik, ander)) {
        throw new XlsxSpecFout(`Tabel "${tabel.naam}" ${waar} overlapt een andere tabel of samengevoegde cellen.`);
      }
    }
    tabelBereiken.push(bereik);
  }

  for (const grafiek of blad.grafieken) {
    leesBereik(grafiek.categorieen);
    leesAdres(grafiek.positie.adres);
    const { breedte, hoogte } = grafiek.positie;
    if (!Number.isInteger(breedte) || !Number.isInteger(hoogte) || breedte < 1 || hoogte < 1) {
      throw new XlsxSpecFout(`Grafiek "${grafiek.titel}" ${waar} heeft een ongeldige afmeting.`);
    }
    for (const reeks of grafiek.reeksen) {
      leesBereik(reeks.waarden);
    }
  }

  if (blad.tabkleur !== undefined && !/^[0-9A-Fa-f]{6}$/.test(blad.tabkleur)) {
    throw new XlsxSpecFout(`Tabkleur "${blad.tabkleur}" ${waar} is geen RGB-kleur (zes hexadecimale tekens).`);
  }
  if (blad.vastzetten) {
    const { rijen, kolommen } = blad.vastzetten;
    if (!Number.isInteger(rijen) || !Number.isInteger(kolommen) || rijen < 0 || kolommen < 0) {
      throw new XlsxSpecFout(`Vastzetten ${waar} vraagt gehele, niet-negatieve aantallen.`);
    }
  }
  blad.kolombreedtes.forEach((breedte, i) => {
    if (!Number.isFinite(breedte) || breedte < 0 || breedte > 255) {
      throw new XlsxSpecFout(`Kolombreedte ${breedte} voor kolom ${kolomLetters(i + 1)} ${waar} is ongeldig.`);
    }
  });
  return cellen;
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** Header/footer text: `&` is a control character there, so user text doubles it. */
export function kopVoetTekst(tekst: string): string {
  return tekst.replace(/&/g, "&&");
}

/**
 * One header or footer: the user text left (escaped, shortened to fit Excel's 255-character limit
 * without cutting an escape in half), `rechts` (our own codes) right.
 */
export function kopVoetRegel(tekst: string, rechts: string): string {
  const ruimte = Math.max(0, MAX_KOPVOETTEKST - "&L".length - "&R".length - rechts.length);
  let links = kopVoetTekst(tekst);
  if (links.length > ruimte) {
    links = links.slice(0, ruimte);
    // An odd run of trailing "&" would start a control code: drop one.
    const m = /&+$/.exec(links);
    if (m && m[0].length % 2 === 1) {
      links = links.slice(0, -1);
    }
  }
  return `&L${links}&R${rechts}`;
}

function paginaInstelling(afdruk: AfdrukSpec): Partial<PageSetup> {
  return {
    orientation: afdruk.liggend ? "landscape" : "portrait",
    paperSize: 9, // A4
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(afdruk.passendInBreedte ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false }),
  };
}

function weergave(blad: BladSpec): Partial<WorksheetView>[] {
  const rijen = blad.vastzetten?.rijen ?? 0;
  const kolommen = blad.vastzetten?.kolommen ?? 0;
  if (rijen === 0 && kolommen === 0) {
    return [{ state: "normal", activeCell: "A1" }];
  }
  return [
    {
      state: "frozen",
      xSplit: kolommen,
      ySplit: rijen,
      topLeftCell: adresVan({ rij: rijen + 1, kolom: kolommen + 1 }),
      activeCell: adresVan({ rij: rijen + 1, kolom: kolommen + 1 }),
    },
  ];
}

function celWaarde(cel: CelSpec): CellValue {
  if (cel.formule !== undefined) {
    const formule = cel.formule.trim().replace(/^=/, "");
    // No `result`: the file carries no cached value, so every spreadsheet recomputes it.
    return { formula: formule };
  }
  return cel.waarde ?? null;
}

function inhoudVan(cel: CelSpec): CelInhoud {
  if (cel.formule !== undefined) {
    return "formule";
  }
  switch (typeof cel.waarde) {
    case "number":
      return "getal";
    case "boolean":
      return "logisch";
    default:
      return "tekst";
  }
}

function voegTabelToe(werkblad: Worksheet, tabel: TabelSpec, cellen: Map<string, CelSpec>): void {
  const begin = leesAdres(tabel.adres);
  const waardeOp = (rij: number, kolom: number): CellValue => {
    const cel = cellen.get(adresVan({ rij, kolom }));
    return cel ? celWaarde(cel) : null;
  };
  const rijen: CellValue[][] = [];
  for (let r = 1; r <= tabel.rijen; r++) {
    rijen.push(tabel.kolommen.map((_, j) => waardeOp(begin.rij + r, begin.kolom + j)));
  }
  const totaalLabel = tabel.totaalRij ? waardeOp(begin.rij + tabel.rijen + 1, begin.kolom) : null;
  werkblad.addTable({
    name: tabel.naam,
    displayName: tabel.naam,
    ref: adresVan(begin),
    headerRow: true,
    totalsRow: tabel.totaalRij === true,
    style: { theme: TABELSTIJL, showRowStripes: true },
    columns: tabel.kolommen.map((naam, j) => ({
      name: naam,
      filterButton: true,
      // The totals row's cells come from the spec; only the label is table metadata.
      ...(j === 0 && tabel.totaalRij ? { totalsRowLabel: typeof totaalLabel === "string" ? totaalLabel : "" } : {}),
    })),
    rows: rijen,
  });
}

function schrijfBlad(werkmap: ExcelJS.Workbook, blad: BladSpec, cellen: Map<string, CelSpec>): void {
  const werkblad = werkmap.addWorksheet(blad.naam, {
    properties: blad.tabkleur === undefined ? {} : { tabColor: { argb: `FF${blad.tabkleur.toUpperCase()}` } },
    views: weergave(blad),
    pageSetup: paginaInstelling(blad.afdruk),
    headerFooter: {
      oddHeader: kopVoetRegel(blad.afdruk.koptekst, "&A"),
      oddFooter: kopVoetRegel(blad.afdruk.voettekst, "Pagina &P van &N"),
    },
  });

  blad.kolombreedtes.forEach((breedte, i) => {
    werkblad.getColumn(i + 1).width = breedte;
  });

  // Tables first: ExcelJS's addTable writes the header and data cells itself; the loop below then
  // writes every spec cell over them, so the table's cells are exactly the spec's.
  for (const tabel of blad.tabellen) {
    voegTabelToe(werkblad, tabel, cellen);
  }

  for (const [adres, cel] of cellen) {
    const doel = werkblad.getCell(adres);
    doel.value = celWaarde(cel);
    doel.style = celStijl(cel.stijl, inhoudVan(cel), cel.formaat, uitlijnenAls(cel, cellen));
  }

  for (const bereik of blad.samengevoegd) {
    werkblad.mergeCells(bereik);
  }

  for (const [rij, hoogte] of rijhoogten(blad, cellen)) {
    werkblad.getRow(rij).height = hoogte;
  }
}

/** A column header aligns like the column it heads (the cell below it): right over numbers. */
function uitlijnenAls(cel: CelSpec, cellen: Map<string, CelSpec>): CelInhoud {
  const inhoud = inhoudVan(cel);
  if (cel.stijl !== "kolomkop" || inhoud !== "tekst") {
    return inhoud;
  }
  const positie = leesAdres(cel.adres);
  const onder = cellen.get(adresVan({ rij: positie.rij + 1, kolom: positie.kolom }));
  return onder ? inhoudVan(onder) : inhoud;
}

/** Rows that need more than the default height for wrapped or large text (see `geschatteRijhoogte`). */
function rijhoogten(blad: BladSpec, cellen: Map<string, CelSpec>): Map<number, number> {
  const samengevoegd = blad.samengevoegd.map((s) => leesBereik(s));
  const kolombreedte = (kolom: number): number => blad.kolombreedtes[kolom - 1] ?? STANDAARD_KOLOMBREEDTE;
  const hoogten = new Map<number, number>();
  for (const [adres, cel] of cellen) {
    if (typeof cel.waarde !== "string") {
      continue;
    }
    const positie = leesAdres(adres);
    const bereik = samengevoegd.find((b) => b.begin.rij === positie.rij && b.begin.kolom === positie.kolom);
    if (bereik && bereik.eind.rij > bereik.begin.rij) {
      continue; // Spans several rows: its height is the spec's business.
    }
    let breedte = 0;
    for (let kolom = positie.kolom; kolom <= (bereik?.eind.kolom ?? positie.kolom); kolom++) {
      breedte += kolombreedte(kolom);
    }
    const hoogte = geschatteRijhoogte(cel.waarde, breedte, cel.stijl);
    if (hoogte !== undefined && hoogte > (hoogten.get(positie.rij) ?? STANDAARD_RIJHOOGTE)) {
      hoogten.set(positie.rij, hoogte);
    }
  }
  return hoogten;
}

function datumVan(iso: string): Date {
  const datum = new Date(iso);
  if (Number.isNaN(datum.getTime())) {
    throw new XlsxSpecFout(`De datum "${iso}" in de metadata is geen geldige ISO-datum.`);
  }
  return datum;
}

/**
 * Writes the workbook described by `spec` and returns the bytes of the .xlsx file.
 *
 * @throws XlsxSpecFout when the spec cannot be written as a valid workbook (invalid or duplicate sheet
 *   names, names or table names; overlapping merges or tables; a table header that differs from its
 *   column name; a non-finite number; an invalid address, colour or date).
 */
export async function schrijfXlsx(spec: WerkmapSpec): Promise<Uint8Array> {
  controleerBladnamen(spec.bladen);
  const tabelnamen = new Set<string>();
  const namen = new Set<string>();
  const cellenPerBlad = spec.bladen.map((blad) => controleerBlad(blad, tabelnamen, namen));
  for (const tabelnaam of tabelnamen) {
    if (namen.has(tabelnaam)) {
      throw new XlsxSpecFout(`"${tabelnaam}" is zowel een tabelnaam als een gedefinieerde naam.`);
    }
  }

  const werkmap = new ExcelJS.Workbook();
  const datum = datumVan(spec.metadata.datum);
  werkmap.creator = spec.metadata.product;
  werkmap.lastModifiedBy = spec.metadata.product;
  werkmap.created = datum;
  werkmap.modified = datum;
  werkmap.title = spec.metadata.scenarios.map((s) => s.naam).join(", ") || spec.metadata.product;
  werkmap.subject = "Jeugdhulp-besparingsscenario's";
  werkmap.calcProperties.fullCalcOnLoad = true;

  spec.bladen.forEach((blad, i) => {
    const cellen = cellenPerBlad[i];
    if (cellen) {
      schrijfBlad(werkmap, blad, cellen);
    }
  });
  schrijfMetadataBlad(werkmap, spec.metadata);

  const bytes = await werkmap.xlsx.writeBuffer();
  return werkPakketBij(bytes, spec);
}
