/**
 * A1 addresses, sheet references and XML text for the .xlsx writer. Pure functions, no I/O.
 */

import { kolomLetters as letters } from "../workbook/adres";

/** Thrown when a WerkmapSpec cannot be written as a valid .xlsx file. Messages are Dutch (shown to users). */
export class XlsxSpecFout extends Error {
  constructor(bericht: string) {
    super(bericht);
    this.name = "XlsxSpecFout";
  }
}

/** Excel's grid limits. */
export const MAX_RIJ = 1_048_576;
export const MAX_KOLOM = 16_384;

/** A cell position, 1-based like Excel. */
export interface CelPositie {
  readonly rij: number;
  readonly kolom: number;
}

export interface Bereik {
  readonly begin: CelPositie;
  readonly eind: CelPositie;
}

const ADRES = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** Column number (1-based) from letters: "A" → 1, "AA" → 27. */
export function kolomNummer(letters: string): number {
  let n = 0;
  for (const teken of letters.toUpperCase()) {
    n = n * 26 + (teken.charCodeAt(0) - 64);
  }
  return n;
}

/** Column letters from a number (1-based), within Excel's grid: 1 → "A", 27 → "AA". */
export function kolomLetters(kolom: number): string {
  if (!Number.isInteger(kolom) || kolom < 1 || kolom > MAX_KOLOM) {
    throw new XlsxSpecFout(`Ongeldig kolomnummer ${kolom}.`);
  }
  return letters(kolom);
}

/** Parses "B5" (optionally with "$") into a position; throws on anything else or outside the grid. */
export function leesAdres(adres: string): CelPositie {
  const m = ADRES.exec(adres.trim());
  if (!m?.[1] || !m[2]) {
    throw new XlsxSpecFout(`Ongeldig celadres "${adres}".`);
  }
  const kolom = kolomNummer(m[1]);
  const rij = Number(m[2]);
  if (kolom > MAX_KOLOM || rij > MAX_RIJ) {
    throw new XlsxSpecFout(`Celadres "${adres}" ligt buiten het werkblad.`);
  }
  return { rij, kolom };
}

/** Parses "C5:F5" (or a single cell "C5") into a normalised range (begin top-left, eind bottom-right). */
export function leesBereik(bereik: string): Bereik {
  const delen = bereik.split(":");
  if (delen.length > 2 || !delen[0]) {
    throw new XlsxSpecFout(`Ongeldig bereik "${bereik}".`);
  }
  const a = leesAdres(delen[0]);
  const b = delen[1] === undefined ? a : leesAdres(delen[1]);
  return {
    begin: { rij: Math.min(a.rij, b.rij), kolom: Math.min(a.kolom, b.kolom) },
    eind: { rij: Math.max(a.rij, b.rij), kolom: Math.max(a.kolom, b.kolom) },
  };
}

export function adresVan(positie: CelPositie): string {
  return `${kolomLetters(positie.kolom)}${positie.rij}`;
}

/** "$C$5" or "$C$5:$F$5" (a one-cell range collapses to one cell). */
export function absoluutBereik(bereik: Bereik): string {
  const begin = `$${kolomLetters(bereik.begin.kolom)}$${bereik.begin.rij}`;
  if (bereik.begin.rij === bereik.eind.rij && bereik.begin.kolom === bereik.eind.kolom) {
    return begin;
  }
  return `${begin}:$${kolomLetters(bereik.eind.kolom)}$${bereik.eind.rij}`;
}

/** All positions in a range, row by row. */
export function positiesIn(bereik: Bereik): CelPositie[] {
  const posities: CelPositie[] = [];
  for (let rij = bereik.begin.rij; rij <= bereik.eind.rij; rij++) {
    for (let kolom = bereik.begin.kolom; kolom <= bereik.eind.kolom; kolom++) {
      posities.push({ rij, kolom });
    }
  }
  return posities;
}

/**
 * Sheet name as used in a formula or chart reference: always single-quoted (valid for every name),
 * with single quotes inside the name doubled: `O'Brien` → `'O''Brien'`.
 */
export function bladInVerwijzing(blad: string): string {
  return `'${blad.replace(/'/g, "''")}'`;
}

/** `'Scenario Basis'!$C$5:$F$5` */
export function bladBereik(blad: string, bereik: Bereik): string {
  return `${bladInVerwijzing(blad)}!${absoluutBereik(bereik)}`;
}

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped
const ONGELDIG_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML element content and double-quoted attribute values; drops characters XML forbids. */
export function xmlTekst(tekst: string): string {
  return tekst
    .replace(ONGELDIG_IN_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
