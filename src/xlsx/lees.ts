/**
 * Reading back what `schrijfXlsx` wrote, for tests and the verify step.
 *
 * ExcelJS 4.4 loads sheet-scoped defined names as if they were workbook-scoped and keeps only the last
 * of several with the same name, so `leesNamen` reads them from `xl/workbook.xml` itself.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WerkmapMetadata } from "../workbook/spec";
import { XlsxSpecFout } from "./adres";
import { leesMetadataBlad } from "./metadata";

/** Loads .xlsx bytes into an ExcelJS workbook. */
export async function laadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // A copy with its own ArrayBuffer: ExcelJS's typings want an ArrayBuffer, not a view on one.
  return new ExcelJS.Workbook().xlsx.load(new Uint8Array(bytes).buffer);
}

/** The metadata stored by `schrijfXlsx`, or undefined when the workbook has none. */
export async function leesMetadata(bytes: Uint8Array): Promise<WerkmapMetadata | undefined> {
  return leesMetadataBlad(await laadXlsx(bytes));
}

export interface GelezenNaam {
  readonly naam: string;
  /** Name of the sheet the name is scoped to; undefined for a workbook-level name. */
  readonly blad: string | undefined;
  /** The reference as written, e.g. `'Scenario Basis'!$B$5`. */
  readonly verwijzing: string;
}

function xmlOntsleutel(tekst: string): string {
  return tekst.replace(
    /&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g,
    (_, naam: string, dec?: string, hex?: string) => {
      if (dec !== undefined) return String.fromCodePoint(Number(dec));
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
      return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[naam] ?? "";
    },
  );
}

/** All defined names of the workbook with their scope, read from `xl/workbook.xml`. */
export async function leesNamen(bytes: Uint8Array): Promise<GelezenNaam[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bestand = zip.file("xl/workbook.xml");
  if (!bestand) {
    throw new XlsxSpecFout("Dit is geen Excel-werkmap (xl/workbook.xml ontbreekt).");
  }
  const xml = await bestand.async("string");
  const bladen = [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) =>
    xmlOntsleutel(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ""),
  );
  return [...xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const attributen = m[1] ?? "";
    const lokaal = /\blocalSheetId="(\d+)"/.exec(attributen)?.[1];
    return {
      naam: xmlOntsleutel(/\bname="([^"]*)"/.exec(attributen)?.[1] ?? ""),
      blad: lokaal === undefined ? undefined : bladen[Number(lokaal)],
      verwijzing: xmlOntsleutel(m[2] ?? ""),
    };
  });
}
