/**
 * How a sheet spec's cells are laid out, shared by both writers (ExcelJS here, Office.js in src/excel)
 * so a sheet looks the same either way: what a cell holds (for alignment), header/footer text, and the
 * row heights wrapped text needs. Pure; imports no ExcelJS code.
 */
import type { BladSpec, CelSpec } from "../workbook/spec";
import { adresVan, leesAdres, leesBereik } from "./adres";
import { type CelInhoud, STANDAARD_KOLOMBREEDTE, STANDAARD_RIJHOOGTE, geschatteRijhoogte } from "./stijlen";

const MAX_KOPVOETTEKST = 255;

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

export function inhoudVan(cel: CelSpec): CelInhoud {
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

/** A column header aligns like the column it heads (the cell below it): right over numbers. */
export function uitlijnenAls(cel: CelSpec, cellen: Map<string, CelSpec>): CelInhoud {
  const inhoud = inhoudVan(cel);
  if (cel.stijl !== "kolomkop" || inhoud !== "tekst") {
    return inhoud;
  }
  const positie = leesAdres(cel.adres);
  const onder = cellen.get(adresVan({ rij: positie.rij + 1, kolom: positie.kolom }));
  return onder ? inhoudVan(onder) : inhoud;
}

/** Rows that need more than the default height for wrapped or large text (see `geschatteRijhoogte`). */
export function rijhoogten(blad: BladSpec, cellen: Map<string, CelSpec>): Map<number, number> {
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
