/**
 * The named cell styles of the sheet specs (`Stijl`) as ExcelJS styles: one font family (Calibri, 10 pt
 * body), a quiet palette, and the usual financial-model conventions — inputs in blue on light yellow,
 * calculations in black, totals bold with a rule above.
 *
 * Alignment follows the value: numbers (and formulas, which compute numbers on our sheets) right, text
 * left, booleans centred. Only `bron` (source notes, often long) wraps; other text overflows into empty
 * neighbouring cells, which suits titles and notes. Wrapped rows have no fixed height, so Excel and
 * LibreOffice fit the row height to the text when they open the file.
 */
import type { Alignment, Border, Borders, Fill, Font, Style } from "exceljs";
import type { Stijl } from "../workbook/spec";

/** What a cell holds, for alignment. */
export type CelInhoud = "getal" | "tekst" | "logisch" | "formule";

/** Excel table style of every table we write (both writers). */
export const TABELSTIJL = "TableStyleLight1";

export const LETTERTYPE = "Calibri";
export const BASISGROOTTE = 10;

const KLEUR = {
  zwart: "FF000000",
  donkerblauw: "FF1F3864",
  donkergrijs: "FF404040",
  grijs: "FF595959",
  lichtgrijs: "FF7F7F7F",
  lijn: "FFBFBFBF",
  lijnDonker: "FF808080",
  kopVulling: "FFDDE4EE",
  invoerVulling: "FFFFF2CC",
  invoerTekst: "FF0000FF",
  oranje: "FFC55A11",
} as const;

function lettertype(extra: Partial<Font> = {}): Partial<Font> {
  return { name: LETTERTYPE, family: 2, size: BASISGROOTTE, color: { argb: KLEUR.zwart }, ...extra };
}

function vulling(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

function lijn(stijl: "thin" | "double" | "medium", argb: string): Partial<Border> {
  return { style: stijl, color: { argb } };
}

interface StijlDeel {
  readonly font: Partial<Font>;
  readonly fill?: Fill;
  readonly border?: Partial<Borders>;
  readonly wrap?: boolean;
  readonly vertical?: Alignment["vertical"];
}

function stijlDeel(stijl: Stijl | undefined): StijlDeel {
  switch (stijl) {
    case "titel":
      return { font: lettertype({ size: 16, bold: true, color: { argb: KLEUR.donkerblauw } }), vertical: "middle" };
    case "subtitel":
      return { font: lettertype({ size: 12, color: { argb: KLEUR.grijs } }), vertical: "middle" };
    case "kop":
      return {
        font: lettertype({ size: 11, bold: true, color: { argb: KLEUR.donkerblauw } }),
        fill: vulling(KLEUR.kopVulling),
        vertical: "middle",
      };
    case "kolomkop":
      return {
        font: lettertype({ bold: true }),
        border: { bottom: lijn("thin", KLEUR.lijnDonker) },
        wrap: true,
        vertical: "bottom",
      };
    case "invoer":
      return {
        font: lettertype({ color: { argb: KLEUR.invoerTekst } }),
        fill: vulling(KLEUR.invoerVulling),
        border: {
          top: lijn("thin", KLEUR.lijn),
          left: lijn("thin", KLEUR.lijn),
          bottom: lijn("thin", KLEUR.lijn),
          right: lijn("thin", KLEUR.lijn),
        },
      };
    case "subtotaal":
      return { font: lettertype({ bold: true }), border: { top: lijn("thin", KLEUR.lijn) } };
    case "totaal":
      return {
        font: lettertype({ bold: true }),
        border: { top: lijn("thin", KLEUR.zwart), bottom: lijn("double", KLEUR.zwart) },
      };
    case "bron":
      return { font: lettertype({ size: 9, italic: true, color: { argb: KLEUR.lichtgrijs } }), wrap: true };
    case "notitie":
      return { font: lettertype({ color: { argb: KLEUR.grijs } }) };
    case "waarschuwing":
      return { font: lettertype({ bold: true, color: { argb: KLEUR.oranje } }) };
    case "label":
    case "tekst":
    case "berekend":
    case undefined:
      return { font: lettertype() };
  }
}

function horizontaal(inhoud: CelInhoud): Alignment["horizontal"] {
  switch (inhoud) {
    case "getal":
    case "formule":
      return "right";
    case "logisch":
      return "center";
    case "tekst":
      return "left";
  }
}

/**
 * The complete ExcelJS style of a cell (`uitlijnenAls`: align as if the cell held this kind, e.g. a
 * column header over numbers aligns right): a fresh object each call (ExcelJS keeps style objects by
 * reference, so sharing one between cells would let a later change leak into all of them).
 */
export function celStijl(
  stijl: Stijl | undefined,
  inhoud: CelInhoud,
  formaat: string | undefined,
  uitlijnenAls: CelInhoud = inhoud,
): Partial<Style> {
  const deel = stijlDeel(stijl);
  const uitlijning: Partial<Alignment> = {
    horizontal: horizontaal(uitlijnenAls),
    vertical: deel.vertical ?? "top",
    ...(deel.wrap ? { wrapText: true } : {}),
  };
  const resultaat: Partial<Style> = { font: deel.font, alignment: uitlijning };
  if (deel.fill) {
    resultaat.fill = deel.fill;
  }
  if (deel.border) {
    resultaat.border = deel.border;
  }
  if (formaat !== undefined) {
    resultaat.numFmt = formaat;
  }
  if (stijl === "invoer") {
    // Inputs stay editable when a user protects the sheet.
    resultaat.protection = { locked: false };
  }
  return resultaat;
}

/** Excel's default column width in characters, for columns the spec gives no width. */
export const STANDAARD_KOLOMBREEDTE = 8.43;
/** Default row height in points (Calibri 11, the workbook's default font). */
export const STANDAARD_RIJHOOGTE = 15;
/** Excel's largest row height in points. */
export const MAX_RIJHOOGTE = 409;

/**
 * Estimated row height in points for a text cell `breedte` characters wide, or undefined when the default
 * height suffices. Neither LibreOffice nor Excel reliably fits row heights to wrapped or large text when
 * they open a generated file, so the writer sets them. Wrapping is estimated by greedy word wrap with a
 * generous average character width (column widths count widths of "0" in the 11 pt default font), so
 * the estimate errs towards a little white space rather than clipped text.
 */
export function geschatteRijhoogte(tekst: string, breedte: number, stijl: Stijl | undefined): number | undefined {
  const deel = stijlDeel(stijl);
  const grootte = deel.font.size ?? BASISGROOTTE;
  const regels = deel.wrap ? aantalRegels(tekst, breedte, grootte, deel.font.bold === true) : 1;
  const hoogte = Math.min(MAX_RIJHOOGTE, Math.ceil(regels * grootte * 1.36 + (regels > 1 ? 2 : 0)));
  return hoogte > STANDAARD_RIJHOOGTE ? hoogte : undefined;
}

function aantalRegels(tekst: string, breedte: number, grootte: number, vet: boolean): number {
  const tekenbreedte = ((0.95 * grootte) / 11) * (vet ? 1.08 : 1);
  const ruimte = Math.max(1, (breedte - 0.7) / tekenbreedte);
  let regels = 0;
  for (const alinea of tekst.split(/\r?\n/)) {
    regels++;
    let regel = 0; // width used on the current line
    for (const woord of alinea.split(/\s+/).filter((w) => w !== "")) {
      let lengte = woord.length;
      if (regel > 0 && regel + 1 + lengte <= ruimte) {
        regel += 1 + lengte;
        continue;
      }
      if (regel > 0) {
        regels++;
      }
      // The word starts a line; a word longer than a line breaks over several.
      while (lengte > ruimte) {
        regels++;
        lengte -= ruimte;
      }
      regel = lengte;
    }
  }
  return regels;
}
