/**
 * DrawingML for native charts (ExcelJS cannot write charts). Pure string builders; `pakket.ts` puts the
 * parts into the package.
 *
 * Element order matters: Excel refuses (or "repairs") a part whose children are out of schema order.
 * The orders relied on here, from the ECMA-376 chart and spreadsheet-drawing schemas:
 *
 * - c:chartSpace: date1904, lang, roundedCorners, …, chart, spPr, txPr, …
 * - c:chart: title, autoTitleDeleted, …, plotArea, legend, plotVisOnly, dispBlanksAs
 * - c:plotArea: layout, (barChart | lineChart …)+, (catAx | valAx …)*, …
 * - c:barChart: barDir, grouping, varyColors, ser*, dLbls, gapWidth, overlap, serLines*, axId ×2
 * - c:lineChart: grouping, varyColors, ser*, dLbls, dropLines, hiLowLines, upDownBars, marker, smooth, axId ×2
 * - bar c:ser: idx, order, tx, spPr, invertIfNegative, pictureOptions, dPt*, dLbls, trendline*, errBars,
 *   cat, val, shape
 * - line c:ser: idx, order, tx, spPr, marker, dPt*, dLbls, trendline*, errBars, cat, val, smooth
 * - c:catAx / c:valAx: axId, scaling, delete, axPos, majorGridlines, minorGridlines, title, numFmt,
 *   majorTickMark, minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses, then
 *   catAx: auto, lblAlgn, lblOffset, noMultiLvlLbl — valAx: crossBetween
 * - c:scaling: logBase, orientation, max, min
 * - c:title: tx, layout, overlay; c:legend: legendPos, legendEntry*, layout, overlay
 * - a:ln: fill, prstDash, join; a:defRPr / a:rPr: fill before latin
 * - xdr:twoCellAnchor: from, to, graphicFrame, clientData; xdr:graphicFrame: nvGraphicFramePr, xfrm,
 *   a:graphic (xfrm is required even though a two-cell anchor ignores it)
 *
 * References carry no numCache/strCache: Excel rebuilds the caches from the cells when it opens the
 * file, LibreOffice reads the references directly, and a stale cache can never show a wrong figure.
 */
import type { GrafiekSpec } from "../workbook/spec";
import { bladBereik, leesAdres, leesBereik, xmlTekst } from "./adres";

export const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const XML_KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series colours: dark to light blue, then orange and green (colour-blind-safe pairs), then grey. */
// Distinct hues first (a stacked chart of seven measures must not repeat a colour).
const REEKSKLEUREN = ["1F4E79", "5B9BD5", "C55A11", "70AD47", "A5A5A5", "FFC000", "7030A0", "9DC3E6"] as const;

const AS_CATEGORIE = 500_000_001;
const AS_WAARDE = 500_000_002;

/** How the category labels are referenced: numbers (e.g. years) or text. */
export type CategorieSoort = "getal" | "tekst";

export interface GrafiekOpties {
  readonly categorieSoort: CategorieSoort;
  /**
   * Fix the value axis minimum at 0. Set for column charts whose values are all known to be ≥ 0: left
   * to themselves, Excel and LibreOffice start the axis above zero when the values lie close together,
   * which makes bars look more different than they are.
   */
  readonly vanafNul: boolean;
}

function kleur(index: number): string {
  return REEKSKLEUREN[index % REEKSKLEUREN.length] ?? "1F4E79";
}

function vlak(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
}

function lijn(rgb: string, breedte: number): string {
  return `<a:ln w="${breedte}">${vlak(rgb)}</a:ln>`;
}

/** Text properties for an element: font size in points, optional bold. */
function tekstOpmaak(punten: number, vet = false, draaiing?: number): string {
  const bodyPr = draaiing === undefined ? "<a:bodyPr/>" : `<a:bodyPr rot="${draaiing}" vert="horz"/>`;
  return (
    `<c:txPr>${bodyPr}<a:lstStyle/><a:p><a:pPr>` +
    `<a:defRPr sz="${punten * 100}" b="${vet ? 1 : 0}">${vlak("404040")}<a:latin typeface="Calibri"/></a:defRPr>` +
    `</a:pPr><a:endParaRPr lang="nl-NL"/></a:p></c:txPr>`
  );
}

/** A title with literal rich text (chart title or axis title). */
function titel(tekst: string, punten: number, draaiing?: number): string {
  const bodyPr = draaiing === undefined ? "<a:bodyPr/>" : `<a:bodyPr rot="${draaiing}" vert="horz"/>`;
  const rPr = `sz="${punten * 100}" b="1"`;
  return (
    `<c:title><c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p>` +
    `<a:pPr><a:defRPr ${rPr}/></a:pPr>` +
    `<a:r><a:rPr lang="nl-NL" ${rPr}>${vlak("262626")}<a:latin typeface="Calibri"/></a:rPr>` +
    `<a:t>${xmlTekst(tekst)}</a:t></a:r>` +
    `</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function reeksXml(blad: string, grafiek: GrafiekSpec, index: number, categorieSoort: CategorieSoort): string {
  const reeks = grafiek.reeksen[index];
  if (!reeks) {
    return "";
  }
  const rgb = kleur(index);
  const categorieen = bladBereik(blad, leesBereik(grafiek.categorieen));
  const cat =
    categorieSoort === "getal"
      ? `<c:cat><c:numRef><c:f>${xmlTekst(categorieen)}</c:f></c:numRef></c:cat>`
      : `<c:cat><c:strRef><c:f>${xmlTekst(categorieen)}</c:f></c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${xmlTekst(bladBereik(blad, leesBereik(reeks.waarden)))}</c:f></c:numRef></c:val>`;
  const kop = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${xmlTekst(reeks.naam)}</c:v></c:tx>`;
  if (grafiek.soort === "lijn") {
    return (
      `<c:ser>${kop}<c:spPr><a:ln w="28575" cap="rnd">${vlak(rgb)}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${vlak(rgb)}${lijn(rgb, 9525)}</c:spPr></c:marker>` +
      `${cat}${val}<c:smooth val="0"/></c:ser>`
    );
  }
  return `<c:ser>${kop}<c:spPr>${vlak(rgb)}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
}

function assen(grafiek: GrafiekSpec, vanafNul: boolean): string {
  const getalnotatie =
    grafiek.formaat === undefined
      ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
      : `<c:numFmt formatCode="${xmlTekst(grafiek.formaat)}" sourceLinked="0"/>`;
  const catAx =
    `<c:catAx><c:axId val="${AS_CATEGORIE}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:spPr>${lijn("BFBFBF", 9525)}</c:spPr>${tekstOpmaak(9)}` +
    `<c:crossAx val="${AS_WAARDE}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${AS_WAARDE}"/>` +
    `<c:scaling><c:orientation val="minMax"/>${vanafNul ? '<c:min val="0"/>' : ""}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr>${lijn("E0E0E0", 6350)}</c:spPr></c:majorGridlines>` +
    (grafiek.asTitel === undefined ? "" : titel(grafiek.asTitel, 9, -5_400_000)) +
    `${getalnotatie}<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${tekstOpmaak(9)}` +
    `<c:crossAx val="${AS_CATEGORIE}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

function diagram(blad: string, grafiek: GrafiekSpec, categorieSoort: CategorieSoort): string {
  const reeksen = grafiek.reeksen.map((_, i) => reeksXml(blad, grafiek, i, categorieSoort)).join("");
  const asIds = `<c:axId val="${AS_CATEGORIE}"/><c:axId val="${AS_WAARDE}"/>`;
  switch (grafiek.soort) {
    case "kolom":
      return (
        `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        `${reeksen}<c:gapWidth val="80"/>${asIds}</c:barChart>`
      );
    case "gestapeldeKolom":
      return (
        `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>` +
        `${reeksen}<c:gapWidth val="60"/><c:overlap val="100"/>${asIds}</c:barChart>`
      );
    case "lijn":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        `${reeksen}<c:marker val="1"/>${asIds}</c:lineChart>`
      );
  }
}

/** The chart part (`xl/charts/chartN.xml`) for one chart on sheet `blad`. */
export function grafiekXml(blad: string, grafiek: GrafiekSpec, opties: GrafiekOpties): string {
  return (
    XML_KOP +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWINGML}" xmlns:r="${NS_RELATIONSHIPS}">` +
    `<c:date1904 val="0"/><c:lang val="nl-NL"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titel(grafiek.titel, 12)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${diagram(blad, grafiek, opties.categorieSoort)}${assen(grafiek, opties.vanafNul)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${tekstOpmaak(9)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${vlak("FFFFFF")}${lijn("D9D9D9", 9525)}</c:spPr>` +
    tekstOpmaak(9) +
    `</c:chartSpace>`
  );
}

export interface Anker {
  readonly grafiek: GrafiekSpec;
  /** Relationship id of the chart in the drawing's rels. */
  readonly relatieId: string;
}

function markering(tag: "from" | "to", kolom0: number, rij0: number): string {
  return (
    `<xdr:${tag}><xdr:col>${kolom0}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${rij0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part (`xl/drawings/drawingN.xml`): one two-cell anchor per chart, from `positie`. */
export function tekeningXml(ankers: readonly Anker[]): string {
  const delen = ankers.map(({ grafiek, relatieId }, i) => {
    const links = leesAdres(grafiek.positie.adres);
    const kolom0 = links.kolom - 1;
    const rij0 = links.rij - 1;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      markering("from", kolom0, rij0) +
      markering("to", kolom0 + grafiek.positie.breedte, rij0 + grafiek.positie.hoogte) +
      `<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Grafiek ${i + 1}" descr="${xmlTekst(grafiek.titel)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_CHART}">` +
      `<c:chart xmlns:c="${NS_CHART}" r:id="${relatieId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_KOP +
    `<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWINGML}" xmlns:r="${NS_RELATIONSHIPS}">` +
    delen.join("") +
    `</xdr:wsDr>`
  );
}

export interface Relatie {
  readonly id: string;
  readonly type: string;
  readonly doel: string;
}

export function relatiesXml(relaties: readonly Relatie[]): string {
  return (
    XML_KOP +
    `<Relationships xmlns="${NS_PACKAGE_RELATIONSHIPS}">` +
    relaties
      .map((r) => `<Relationship Id="${xmlTekst(r.id)}" Type="${xmlTekst(r.type)}" Target="${xmlTekst(r.doel)}"/>`)
      .join("") +
    `</Relationships>`
  );
}
