/**
 * Cell formats for the Office.js writer, derived from the same style table as the .xlsx writer
 * (`celStijl` in src/xlsx/stijlen.ts), so a sheet looks the same whichever writer made it. The ExcelJS
 * style is translated once into the terms of the Excel JavaScript API (colours "#RRGGBB", border
 * style + weight, "Left"/"Right"/"Center" alignment).
 */
import type { Border, Borders, Style } from "exceljs";
import { celStijl, type CelInhoud } from "../xlsx/stijlen";
import type { Stijl } from "../workbook/spec";

export type Rand = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface RandOpmaak {
  readonly style: "Continuous" | "Double";
  readonly weight: "Thin" | "Medium";
  readonly color: string;
}

export interface OfficeOpmaak {
  readonly font: {
    readonly name: string;
    readonly size: number;
    readonly bold: boolean;
    readonly italic: boolean;
    readonly color: string;
  };
  /** Fill colour, or undefined for no fill. */
  readonly fill?: string;
  readonly horizontalAlignment: "Left" | "Right" | "Center";
  readonly verticalAlignment: "Top" | "Center" | "Bottom";
  readonly wrapText: boolean;
  readonly borders: Partial<Record<Rand, RandOpmaak>>;
  /** Inputs stay editable when a user protects the sheet. */
  readonly locked: boolean;
}

/** "FF1F3864" (ExcelJS ARGB) → "#1F3864". */
export function kleurVan(argb: string | undefined, standaard = "#000000"): string {
  if (argb === undefined) return standaard;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function rand(b: Partial<Border> | undefined): RandOpmaak | undefined {
  if (!b?.style) return undefined;
  return {
    style: b.style === "double" ? "Double" : "Continuous",
    weight: b.style === "medium" ? "Medium" : "Thin",
    color: kleurVan(b.color?.argb),
  };
}

function randen(b: Partial<Borders> | undefined): Partial<Record<Rand, RandOpmaak>> {
  const uit: Partial<Record<Rand, RandOpmaak>> = {};
  const zet = (kant: Rand, r: RandOpmaak | undefined): void => {
    if (r) uit[kant] = r;
  };
  zet("EdgeTop", rand(b?.top));
  zet("EdgeBottom", rand(b?.bottom));
  zet("EdgeLeft", rand(b?.left));
  zet("EdgeRight", rand(b?.right));
  return uit;
}

/** The Office.js format of a cell with this style, content and alignment. */
export function officeOpmaak(stijl: Stijl | undefined, inhoud: CelInhoud, uitlijnenAls: CelInhoud): OfficeOpmaak {
  const s: Partial<Style> = celStijl(stijl, inhoud, undefined, uitlijnenAls);
  const fill = s.fill?.type === "pattern" ? s.fill.fgColor?.argb : undefined;
  const h = s.alignment?.horizontal;
  const v = s.alignment?.vertical;
  return {
    font: {
      name: s.font?.name ?? "Calibri",
      size: s.font?.size ?? 11,
      bold: s.font?.bold === true,
      italic: s.font?.italic === true,
      color: kleurVan(s.font?.color?.argb),
    },
    ...(fill !== undefined ? { fill: kleurVan(fill) } : {}),
    horizontalAlignment: h === "right" ? "Right" : h === "center" ? "Center" : "Left",
    verticalAlignment: v === "middle" ? "Center" : v === "bottom" ? "Bottom" : "Top",
    wrapText: s.alignment?.wrapText === true,
    borders: randen(s.border),
    locked: s.protection?.locked !== false,
  };
}

/**
 * Column width in points for a width in characters (the unit of .xlsx files and of the sheet specs).
 * Excel's rule: pixels = trunc((256·w + trunc(128/7)) / 256 · 7) for Calibri 11, whose widest digit
 * is 7 px at 96 dpi (ECMA-376 part 1, §18.3.1.13 "col", width); points = pixels · 72/96.
 */
export function kolombreedteInPunten(tekens: number): number {
  if (tekens <= 0) return 0;
  const pixels = Math.trunc(((256 * tekens + Math.trunc(128 / 7)) / 256) * 7);
  return (pixels * 72) / 96;
}

/** The inverse of `kolombreedteInPunten`, to two decimals (for comparing with .xlsx widths). */
export function kolombreedteInTekens(punten: number): number {
  if (punten <= 0) return 0;
  return Math.round(((punten * 96) / 72 / 7) * 100) / 100;
}
