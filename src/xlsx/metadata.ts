/**
 * The workbook's metadata (product, version, date, sources, and per scenario its sheet, fingerprint and
 * canonical input JSON) on a very hidden sheet, so a later "verify" can recompute every scenario.
 *
 * Layout of the sheet `_jeugdscenario` (column A holds the key; all values are text cells except the
 * format number):
 *
 *   formaat  | 1
 *   product  | <product>
 *   versie   | <version>
 *   datum    | <ISO date>
 *   bronnen  | <JSON array of strings, split over B, C, … when longer than one cell may hold>
 *   scenario | <name> | <sheet> | <fingerprint> | <canonical input JSON, split over E, F, …>
 *   scenario | …
 *   blad     | <sheet name> | <soort> | <key>   (one row per sheet written; see `bladSleutel`)
 *
 * Excel cells hold at most 32,767 characters, so long JSON is cut into pieces (never inside a UTF-16
 * surrogate pair) written to consecutive cells of the row; the reader joins them again.
 */
import type { Workbook, Worksheet } from "exceljs";
import { type BladInMetadata, isBladSoort, type WerkmapMetadata } from "../workbook/spec";
import { XlsxSpecFout } from "./adres";

export const METADATA_BLAD = "_jeugdscenario";
export const METADATA_FORMAAT = 1;

/** Well under Excel's limit of 32,767 characters per cell. */
const STUK = 32_000;

/** Cuts text into pieces of at most `lengte` UTF-16 units without splitting a surrogate pair. */
export function inStukken(tekst: string, lengte: number = STUK): string[] {
  if (tekst === "") {
    return [""];
  }
  const stukken: string[] = [];
  let begin = 0;
  while (begin < tekst.length) {
    let eind = Math.min(begin + lengte, tekst.length);
    const laatste = tekst.charCodeAt(eind - 1);
    if (eind < tekst.length && laatste >= 0xd800 && laatste <= 0xdbff) {
      eind -= 1;
    }
    stukken.push(tekst.slice(begin, eind));
    begin = eind;
  }
  return stukken;
}

/** Adds the very hidden metadata sheet (call it after the visible sheets: it must come last). */
export function schrijfMetadataBlad(werkmap: Workbook, metadata: WerkmapMetadata): Worksheet {
  const blad = werkmap.addWorksheet(METADATA_BLAD, { state: "veryHidden" });
  const rij = (sleutel: string, waarden: readonly (string | number)[]): void => {
    blad.addRow([sleutel, ...waarden]);
  };
  rij("formaat", [METADATA_FORMAAT]);
  rij("product", [metadata.product]);
  rij("versie", [metadata.versie]);
  rij("datum", [metadata.datum]);
  rij("bronnen", inStukken(JSON.stringify(metadata.bronnen)));
  for (const scenario of metadata.scenarios) {
    rij("scenario", [scenario.naam, scenario.blad, scenario.vingerafdruk, ...inStukken(scenario.invoer)]);
  }
  for (const b of metadata.bladen ?? []) {
    rij("blad", [b.naam, b.soort, b.sleutel]);
  }
  blad.getColumn(1).width = 12;
  return blad;
}

/** A cell's text, or undefined when it holds no text. */
type Rij = readonly unknown[];

function tekstIn(rijen: readonly Rij[], rij: number, kolom: number): string | undefined {
  const waarde = rijen[rij - 1]?.[kolom - 1];
  return typeof waarde === "string" ? waarde : undefined;
}

/** Joins the text cells of a row from `vanKolom` on, up to the first cell that is not text. */
function samengevoegd(rijen: readonly Rij[], rij: number, vanKolom: number): string {
  let tekst = "";
  for (let kolom = vanKolom; ; kolom++) {
    const stuk = tekstIn(rijen, rij, kolom);
    if (stuk === undefined) {
      return tekst;
    }
    tekst += stuk;
  }
}

function isTekstLijst(waarde: unknown): waarde is string[] {
  return Array.isArray(waarde) && waarde.every((x) => typeof x === "string");
}

/**
 * Reads the metadata back from a workbook loaded with ExcelJS. Returns undefined when the workbook has
 * no metadata sheet; throws XlsxSpecFout when the sheet exists but cannot be read.
 */
export function leesMetadataBlad(werkmap: Workbook): WerkmapMetadata | undefined {
  const blad = werkmap.getWorksheet(METADATA_BLAD);
  if (!blad) {
    return undefined;
  }
  const rijen: unknown[][] = [];
  for (let rij = 1; rij <= blad.rowCount; rij++) {
    const cellen: unknown[] = [];
    blad.getRow(rij).eachCell({ includeEmpty: true }, (cel, kolom) => {
      cellen[kolom - 1] = cel.value;
    });
    rijen.push(cellen);
  }
  return leesMetadataRijen(rijen);
}

/**
 * The metadata from the rows of the metadata sheet (cell values, row 1 first), whichever way they were
 * read (ExcelJS here, Office.js in the add-in).
 *
 * @throws XlsxSpecFout when the rows are not metadata of a known format.
 */
export function leesMetadataRijen(blad: readonly Rij[]): WerkmapMetadata {
  const formaat = blad[0]?.[1];
  if (tekstIn(blad, 1, 1) !== "formaat" || formaat !== METADATA_FORMAAT) {
    throw new XlsxSpecFout(`Het metadatablad ${METADATA_BLAD} heeft een onbekend formaat.`);
  }
  const waarden = new Map<string, string>();
  const scenarios: WerkmapMetadata["scenarios"][number][] = [];
  const bladen: BladInMetadata[] = [];
  for (let rij = 2; rij <= blad.length; rij++) {
    const sleutel = tekstIn(blad, rij, 1);
    if (sleutel === "scenario") {
      scenarios.push({
        naam: tekstIn(blad, rij, 2) ?? "",
        blad: tekstIn(blad, rij, 3) ?? "",
        vingerafdruk: tekstIn(blad, rij, 4) ?? "",
        invoer: samengevoegd(blad, rij, 5),
      });
    } else if (sleutel === "blad") {
      const soort = tekstIn(blad, rij, 3);
      if (!isBladSoort(soort)) {
        throw new XlsxSpecFout(`Het metadatablad ${METADATA_BLAD} noemt een onbekende bladsoort in rij ${rij}.`);
      }
      bladen.push({ naam: tekstIn(blad, rij, 2) ?? "", soort, sleutel: tekstIn(blad, rij, 4) ?? "" });
    } else if (sleutel !== undefined) {
      waarden.set(sleutel, samengevoegd(blad, rij, 2));
    }
  }
  let bronnen: unknown;
  try {
    bronnen = JSON.parse(waarden.get("bronnen") ?? "[]");
  } catch {
    bronnen = undefined;
  }
  if (!isTekstLijst(bronnen)) {
    throw new XlsxSpecFout(`De bronnen op het metadatablad ${METADATA_BLAD} zijn onleesbaar.`);
  }
  return {
    product: waarden.get("product") ?? "",
    versie: waarden.get("versie") ?? "",
    datum: waarden.get("datum") ?? "",
    scenarios,
    bronnen,
    ...(bladen.length > 0 ? { bladen } : {}),
  };
}
