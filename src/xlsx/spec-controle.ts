/**
 * Checks a WerkmapSpec before either writer touches a workbook: anything Excel would reject or silently
 * "repair" (invalid or duplicate sheet, defined or table names; overlapping merges or tables; a table
 * header that differs from its column name; a non-finite number; invalid addresses or colours) throws
 * XlsxSpecFout with a Dutch message. Shared by the .xlsx writer and the Office.js writer. Pure.
 */
import type { BladSpec, CelSpec, TabelSpec, WerkmapSpec } from "../workbook/spec";
import { type Bereik, XlsxSpecFout, adresVan, kolomLetters, leesAdres, leesBereik, positiesIn } from "./adres";
import { METADATA_BLAD } from "./metadata";

const VERBODEN_IN_BLADNAAM = /[[\]:*?/\\]/;

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

export function tabelBereik(tabel: TabelSpec): Bereik {
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

/**
 * Checks the whole spec; returns each sheet's cells by normalised address (same order as `spec.bladen`).
 *
 * @throws XlsxSpecFout when the spec cannot be written as a valid workbook.
 */
export function controleerSpec(spec: WerkmapSpec): Map<string, CelSpec>[] {
  controleerBladnamen(spec.bladen);
  const tabelnamen = new Set<string>();
  const namen = new Set<string>();
  const cellenPerBlad = spec.bladen.map((blad) => controleerBlad(blad, tabelnamen, namen));
  for (const tabelnaam of tabelnamen) {
    if (namen.has(tabelnaam)) {
      throw new XlsxSpecFout(`"${tabelnaam}" is zowel een tabelnaam als een gedefinieerde naam.`);
    }
  }
  return cellenPerBlad;
}
