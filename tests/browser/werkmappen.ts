/**
 * Seeded user workbooks for the browser tests: what a controller has open before the pane runs.
 * The page picks one with ?werkmap=<name> (default "begroting").
 */
import type { FakeExcelOptions, SeedCell } from "../support/excel-fake";

/** An own Iv3 export (euros, 2025 regime taakvelden), as a controller would paste it. */
const EXPORT_KOP: readonly SeedCell[] = ["Taakveld", "Omschrijving", "Lasten", "Baten"];
const EXPORT_RIJEN: readonly (readonly SeedCell[])[] = [
  ["6.751", "Jeugdhulp ambulant lokaal", 4_250_000, 120_000],
  ["6.752", "Jeugdhulp ambulant regionaal", 2_180_000, 0],
  ["6.761", "Jeugdhulp met verblijf lokaal", 1_340_000, 15_000],
  ["6.762", "Jeugdhulp met verblijf regionaal", 3_905_000, 0],
  ["6.821", "Jeugdbescherming", 1_120_000, 0],
  ["6.822", "Jeugdreclassering", 310_000, 0],
];

function exportMet(rijen: readonly (readonly SeedCell[])[]): readonly (readonly SeedCell[])[] {
  const laatste = rijen.length + 1;
  return [
    EXPORT_KOP,
    ...rijen,
    ["Totaal", "", { formula: `=SUM(C2:C${laatste})` }, { formula: `=SUM(D2:D${laatste})` }],
  ];
}

export const WERKMAPPEN = {
  /** A new, empty workbook. */
  leeg: { sheets: [{ name: "Blad1" }] },
  /** A controller's workbook: a notes sheet and a valid Iv3 export with a total row (formulas). */
  begroting: {
    sheets: [
      { name: "Toelichting", values: [["Begroting 2025 gemeente Tiel, eigen export uit het financiële systeem"]] },
      { name: "Begroting 2025", values: exportMet(EXPORT_RIJEN) },
    ],
    activeSheet: "Begroting 2025",
  },
  /** The same export with one invalid amount (C4 = "n.v.t."): reading it must fail cell-precisely. */
  fout: {
    sheets: [
      {
        name: "Begroting 2025",
        values: exportMet(
          EXPORT_RIJEN.map((rij, i) => (i === 2 ? [...rij.slice(0, 2), "n.v.t.", ...rij.slice(3)] : rij)),
        ),
      },
    ],
  },
} as const satisfies Record<string, FakeExcelOptions>;

export type WerkmapNaam = keyof typeof WERKMAPPEN;

export function isWerkmapNaam(naam: string): naam is WerkmapNaam {
  return Object.prototype.hasOwnProperty.call(WERKMAPPEN, naam);
}
