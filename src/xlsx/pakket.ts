/**
 * Post-processing of the package ExcelJS wrote, for what ExcelJS cannot write:
 *
 * 1. Sheet-scoped defined names. ExcelJS 4.4 writes defined names only at workbook level, so the same
 *    input name on two scenario sheets would collide. We write every defined name ourselves into
 *    `xl/workbook.xml` as `<definedName name="…" localSheetId="i">'Sheet'!$B$5</definedName>`, where i
 *    is the sheet's 0-based position in `<sheets>`: true sheet scope, exactly what Excel writes for a
 *    name whose scope is a sheet. The print titles (`_xlnm.Print_Titles`, always sheet-scoped) are
 *    written the same way, because ExcelJS does not double quotes in sheet names there.
 *    `<definedNames>` goes directly after `</sheets>` (CT_Workbook order: sheets, functionGroups,
 *    externalReferences, definedNames, calcPr, …; ExcelJS writes none of the two in between).
 * 2. Native charts: per sheet with charts a drawing part with one two-cell anchor per chart, one chart
 *    part per chart, the relationships sheet → drawing → chart, `<drawing r:id>` in the sheet, and the
 *    content-type overrides. In the sheet, `<drawing>` must follow headerFooter/rowBreaks/colBreaks/
 *    customProperties/cellWatches/ignoredErrors/smartTags and precede legacyDrawing, legacyDrawingHF,
 *    drawingHF, picture, oleObjects, controls, webPublishItems, tableParts and extLst (CT_Worksheet), so
 *    we insert it before the first of those that is present, else before `</worksheet>`.
 *
 * The XML edited here is what ExcelJS 4.4 itself wrote, so a few anchored string operations suffice;
 * every assumption is checked and a violated one throws instead of producing a damaged file.
 */
import JSZip from "jszip";
import type { BladSpec, GrafiekSpec, WerkmapSpec } from "../workbook/spec";
import {
  MAX_RIJ,
  XlsxSpecFout,
  adresVan,
  bladBereik,
  bladInVerwijzing,
  leesAdres,
  leesBereik,
  positiesIn,
  xmlTekst,
} from "./adres";
import {
  type Anker,
  type CategorieSoort,
  type Relatie,
  REL_CHART,
  REL_DRAWING,
  TYPE_CHART,
  TYPE_DRAWING,
  grafiekXml,
  relatiesXml,
  tekeningXml,
} from "./grafiek";

/** One sheet-scoped defined name, ready for workbook.xml. */
export interface GedefinieerdeNaam {
  readonly naam: string;
  /** 0-based position of the sheet in the workbook. */
  readonly bladIndex: number;
  /** Reference text, e.g. `'Scenario Basis'!$B$5`. */
  readonly verwijzing: string;
}

/** The defined names of all sheets: the spec's names and the print titles. */
export function gedefinieerdeNamen(bladen: readonly BladSpec[]): GedefinieerdeNaam[] {
  const namen: GedefinieerdeNaam[] = [];
  bladen.forEach((blad, bladIndex) => {
    for (const naam of blad.namen) {
      namen.push({ naam: naam.naam, bladIndex, verwijzing: bladBereik(blad.naam, leesBereik(naam.adres)) });
    }
    const titelRijen = blad.afdruk.titelRijen;
    if (titelRijen !== undefined) {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(titelRijen.trim());
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > MAX_RIJ) {
        throw new XlsxSpecFout(`Ongeldige titelrijen "${titelRijen}" op blad "${blad.naam}" (verwacht bijv. "1:4").`);
      }
      const verwijzing = `${bladInVerwijzing(blad.naam)}!$${m[1]}:$${m[2]}`;
      namen.push({ naam: "_xlnm.Print_Titles", bladIndex, verwijzing });
    }
  });
  // Excel itself writes names sorted; not required, but it keeps the file tidy and stable.
  const sleutel = (n: GedefinieerdeNaam): string => n.naam.toUpperCase();
  return namen.sort((a, b) => (sleutel(a) < sleutel(b) ? -1 : sleutel(a) > sleutel(b) ? 1 : a.bladIndex - b.bladIndex));
}

function namenXml(namen: readonly GedefinieerdeNaam[]): string {
  const delen = namen.map(
    (n) =>
      `<definedName name="${xmlTekst(n.naam)}" localSheetId="${n.bladIndex}">${xmlTekst(n.verwijzing)}</definedName>`,
  );
  return `<definedNames>${delen.join("")}</definedNames>`;
}

async function leesTekst(zip: JSZip, pad: string): Promise<string> {
  const bestand = zip.file(pad);
  if (!bestand) {
    throw new XlsxSpecFout(`Intern: onderdeel ${pad} ontbreekt in het pakket.`);
  }
  return bestand.async("string");
}

function voegInVoor(xml: string, kandidaten: readonly string[], invoeging: string, pad: string): string {
  let plek = -1;
  for (const kandidaat of kandidaten) {
    const i = xml.indexOf(kandidaat);
    if (i >= 0 && (plek < 0 || i < plek)) {
      plek = i;
    }
  }
  if (plek < 0) {
    throw new XlsxSpecFout(`Intern: invoegplek niet gevonden in ${pad}.`);
  }
  return xml.slice(0, plek) + invoeging + xml.slice(plek);
}

/** The worksheet part of each sheet, in workbook order, resolved through workbook.xml and its rels. */
async function bladOnderdelen(zip: JSZip): Promise<string[]> {
  const werkmap = await leesTekst(zip, "xl/workbook.xml");
  const rels = await leesTekst(zip, "xl/_rels/workbook.xml.rels");
  const doelen = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const doel = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && doel !== undefined) {
      doelen.set(id, doel);
    }
  }
  const onderdelen: string[] = [];
  for (const m of werkmap.matchAll(/<sheet\b[^>]*>/g)) {
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const doel = id === undefined ? undefined : doelen.get(id);
    if (doel === undefined) {
      throw new XlsxSpecFout("Intern: werkblad zonder relatie in xl/workbook.xml.");
    }
    onderdelen.push(doel.startsWith("/") ? doel.slice(1) : `xl/${doel}`);
  }
  return onderdelen;
}

function relsPadVan(onderdeel: string): string {
  const schuine = onderdeel.lastIndexOf("/");
  return `${onderdeel.slice(0, schuine)}/_rels/${onderdeel.slice(schuine + 1)}.rels`;
}

/** Adds a relationship to a rels part (creating it when absent) and returns the new id. */
async function voegRelatieToe(zip: JSZip, relsPad: string, type: string, doel: string): Promise<string> {
  const bestaand = zip.file(relsPad) ? await leesTekst(zip, relsPad) : undefined;
  if (bestaand === undefined) {
    zip.file(relsPad, relatiesXml([{ id: "rId1", type, doel }]));
    return "rId1";
  }
  const gebruikt = new Set([...bestaand.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (gebruikt.has(`rId${n}`)) {
    n++;
  }
  const id = `rId${n}`;
  const relatie = `<Relationship Id="${id}" Type="${xmlTekst(type)}" Target="${xmlTekst(doel)}"/>`;
  zip.file(relsPad, voegInVoor(bestaand, ["</Relationships>"], relatie, relsPad));
  return id;
}

function vrijNummer(zip: JSZip, map: string, voorvoegsel: string, vanaf: number): number {
  let n = vanaf;
  while (zip.file(`${map}/${voorvoegsel}${n}.xml`)) {
    n++;
  }
  return n;
}

/**
 * How a chart references its categories: as numbers when every category cell holds a number or a formula
 * (years, usually), as text as soon as one holds text.
 */
export function categorieSoort(blad: BladSpec, grafiek: GrafiekSpec): CategorieSoort {
  const cellen = new Map(blad.cellen.map((c) => [adresVan(leesAdres(c.adres)), c]));
  for (const positie of positiesIn(leesBereik(grafiek.categorieen))) {
    const cel = cellen.get(adresVan(positie));
    if (cel && cel.formule === undefined && typeof cel.waarde !== "number") {
      return "tekst";
    }
  }
  return "getal";
}

/**
 * Whether a column chart's value axis can start at 0: every value cell holds a number or a formula with
 * the engine's expected value, and none is negative. Line charts keep the automatic axis.
 */
export function vanafNul(blad: BladSpec, grafiek: GrafiekSpec): boolean {
  if (grafiek.soort === "lijn") {
    return false;
  }
  const cellen = new Map(blad.cellen.map((c) => [adresVan(leesAdres(c.adres)), c]));
  for (const reeks of grafiek.reeksen) {
    for (const positie of positiesIn(leesBereik(reeks.waarden))) {
      const cel = cellen.get(adresVan(positie));
      const waarde = cel?.formule !== undefined ? cel.verwacht : cel?.waarde;
      if (cel !== undefined && (typeof waarde !== "number" || !(waarde >= 0))) {
        return false;
      }
    }
  }
  return true;
}

/** Writes the sheet-scoped names and the charts into the package ExcelJS produced. */
export async function werkPakketBij(invoer: ArrayBuffer | Uint8Array, spec: WerkmapSpec): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(invoer);

  // 1. Defined names.
  const werkmapPad = "xl/workbook.xml";
  const werkmap = await leesTekst(zip, werkmapPad);
  if (werkmap.includes("<definedNames")) {
    throw new XlsxSpecFout("Intern: ExcelJS schreef zelf namen; verwacht werd dat alle namen hier worden geschreven.");
  }
  const namen = gedefinieerdeNamen(spec.bladen);
  if (namen.length > 0) {
    const einde = werkmap.indexOf("</sheets>");
    if (einde < 0) {
      throw new XlsxSpecFout(`Intern: </sheets> niet gevonden in ${werkmapPad}.`);
    }
    const na = einde + "</sheets>".length;
    zip.file(werkmapPad, werkmap.slice(0, na) + namenXml(namen) + werkmap.slice(na));
  }

  // 2. Charts.
  const onderdelen = await bladOnderdelen(zip);
  const typesPad = "[Content_Types].xml";
  const overrides: string[] = [];
  let volgendeTekening = vrijNummer(zip, "xl/drawings", "drawing", 1);
  let volgendeGrafiek = vrijNummer(zip, "xl/charts", "chart", 1);
  for (const [bladIndex, blad] of spec.bladen.entries()) {
    // A chart without series has nothing to show (e.g. a scenario without measures): it is left out.
    const grafieken = blad.grafieken.filter((g) => g.reeksen.length > 0);
    if (grafieken.length === 0) {
      continue;
    }
    const bladPad = onderdelen[bladIndex];
    if (bladPad === undefined) {
      throw new XlsxSpecFout(`Intern: werkblad "${blad.naam}" niet gevonden in het pakket.`);
    }
    let bladXml = await leesTekst(zip, bladPad);
    if (bladXml.includes("<drawing ")) {
      throw new XlsxSpecFout(`Intern: werkblad "${blad.naam}" heeft al een tekening.`);
    }
    const tekeningNummer = volgendeTekening++;
    const tekeningPad = `xl/drawings/drawing${tekeningNummer}.xml`;
    const ankers: Anker[] = [];
    const tekeningRelaties: Relatie[] = [];
    for (const [i, grafiek] of grafieken.entries()) {
      const grafiekNummer = volgendeGrafiek++;
      const relatieId = `rId${i + 1}`;
      zip.file(
        `xl/charts/chart${grafiekNummer}.xml`,
        grafiekXml(blad.naam, grafiek, {
          categorieSoort: categorieSoort(blad, grafiek),
          vanafNul: vanafNul(blad, grafiek),
        }),
      );
      overrides.push(`<Override PartName="/xl/charts/chart${grafiekNummer}.xml" ContentType="${TYPE_CHART}"/>`);
      ankers.push({ grafiek, relatieId });
      tekeningRelaties.push({ id: relatieId, type: REL_CHART, doel: `../charts/chart${grafiekNummer}.xml` });
    }
    zip.file(tekeningPad, tekeningXml(ankers));
    zip.file(relsPadVan(tekeningPad), relatiesXml(tekeningRelaties));
    overrides.push(`<Override PartName="/${tekeningPad}" ContentType="${TYPE_DRAWING}"/>`);

    const relatieId = await voegRelatieToe(
      zip,
      relsPadVan(bladPad),
      REL_DRAWING,
      `../drawings/drawing${tekeningNummer}.xml`,
    );
    bladXml = voegInVoor(
      bladXml,
      [
        "<legacyDrawing ",
        "<legacyDrawingHF ",
        "<drawingHF ",
        "<picture ",
        "<oleObjects",
        "<controls",
        "<webPublishItems",
        "<tableParts",
        "<extLst",
        "</worksheet>",
      ],
      `<drawing r:id="${relatieId}"/>`,
      bladPad,
    );
    zip.file(bladPad, bladXml);
  }
  if (overrides.length > 0) {
    const types = await leesTekst(zip, typesPad);
    zip.file(typesPad, voegInVoor(types, ["</Types>"], overrides.join(""), typesPad));
  }

  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
