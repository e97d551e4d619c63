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
import { XlsxSpecFout, adresVan, leesAdres } from "./adres";
import { schrijfMetadataBlad } from "./metadata";
import { werkPakketBij } from "./pakket";
import { controleerSpec } from "./spec-controle";
import { inhoudVan, kopVoetRegel, rijhoogten, uitlijnenAls } from "./celindeling";
import { TABELSTIJL, celStijl } from "./stijlen";

export { METADATA_BLAD, leesMetadataBlad } from "./metadata";
export { XlsxSpecFout } from "./adres";
export { kopVoetRegel, kopVoetTekst } from "./celindeling";
export { isGeldigeNaam } from "./spec-controle";
export { laadXlsx, leesMetadata, leesNamen, type GelezenNaam } from "./lees";

// ---------------------------------------------------------------------------------------------------
// Writing

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
  const cellenPerBlad = controleerSpec(spec);

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
