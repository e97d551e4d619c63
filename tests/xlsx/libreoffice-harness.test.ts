import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  CellWaarde,
  describeMetLibreOffice,
  herberekenMetLibreOffice,
  isCelFout,
  leesWaarden,
} from "../support/libreoffice";

/** Deliberately wrong cached result: the harness must never let it through. */
const VERKEERD = 999;

/** Builds a workbook whose formula cells all carry the wrong cached result 999 (two sheets, cross-sheet refs). */
async function schrijfWerkmap(pad: string, a1: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Invoer");
  ws.getCell("A1").value = a1;
  ws.getCell("A2").value = 3;
  ws.getCell("A3").value = 4;
  ws.getCell("A4").value = 100;
  ws.getCell("A5").value = 200;
  ws.getCell("A6").value = 300;
  const formules: Record<string, string> = {
    B1: "A1*2",
    B2: "SUM(A1:A3)",
    B3: "IF(A1>1,1,0)",
    B4: "ROUND(1.005,2)",
    B5: "POWER(1.05,3)",
    B6: "MIN(A1:A3,A4)",
    B7: "NPV(0.1,A4:A6)",
    B8: "A1-A1",
    B9: "1/0",
    B10: 'A2&" kinderen"',
    B11: "A2>A3",
  };
  for (const [adres, formula] of Object.entries(formules)) ws.getCell(adres).value = { formula, result: VERKEERD };
  const ander = wb.addWorksheet("Uitkomst");
  ander.getCell("A1").value = { formula: "Invoer!B2*10", result: VERKEERD };
  await wb.xlsx.writeFile(pad);
}

function cel(bladen: Map<string, Map<string, CellWaarde>>, blad: string, adres: string): CellWaarde {
  const c = bladen.get(blad)?.get(adres);
  if (!c) throw new Error(`Cel ${blad}!${adres} ontbreekt in de herberekende werkmap`);
  return c;
}

function getal(bladen: Map<string, Map<string, CellWaarde>>, blad: string, adres: string): number {
  const w = cel(bladen, blad, adres).waarde;
  if (typeof w !== "number") throw new Error(`${blad}!${adres} is geen getal: ${JSON.stringify(w)}`);
  return w;
}

describeMetLibreOffice("LibreOffice-harnas (herberekening met echte rekenkern)", () => {
  let map = "";
  let bladenA = new Map<string, Map<string, CellWaarde>>();
  let bladenB = new Map<string, Map<string, CellWaarde>>();

  beforeAll(async () => {
    map = await mkdtemp(join(tmpdir(), "jeugd-lo-harnas-"));
    const a = join(map, "in", "a.xlsx");
    const b = join(map, "in", "b.xlsx");
    await mkdir(join(map, "in"));
    await schrijfWerkmap(a, 2);
    await schrijfWerkmap(b, 0.5);
    // Both files in one soffice run.
    const [uitA, uitB] = await herberekenMetLibreOffice([a, b], join(map, "uit"));
    if (!uitA || !uitB) throw new Error("herberekenMetLibreOffice gaf te weinig uitvoerpaden");
    bladenA = await leesWaarden(uitA);
    bladenB = await leesWaarden(uitB);
  }, 120_000);

  afterAll(async () => {
    if (map) await rm(map, { recursive: true, force: true });
  });

  it("the input really carries the wrong cached results (so the test below proves recalculation)", async () => {
    const bladen = await leesWaarden(join(map, "in", "a.xlsx"));
    expect(cel(bladen, "Invoer", "B1")).toEqual({ waarde: VERKEERD, formule: "A1*2" });
    expect(cel(bladen, "Invoer", "B8").waarde).toBe(VERKEERD);
  });

  it("recomputes every formula and ignores the stale cached 999", () => {
    // A1 = 2, A2 = 3, A3 = 4, A4..A6 = 100, 200, 300
    expect(cel(bladenA, "Invoer", "B1")).toEqual({ waarde: 4, formule: "A1*2" });
    expect(getal(bladenA, "Invoer", "B2")).toBe(2 + 3 + 4);
    expect(getal(bladenA, "Invoer", "B3")).toBe(1);
    // Spreadsheet rounding of 1.005 gives 1.01 (naive JS Math.round(1.005 * 100) / 100 gives 1).
    expect(getal(bladenA, "Invoer", "B4")).toBe(1.01);
    expect(getal(bladenA, "Invoer", "B5")).toBeCloseTo(1.157625, 12);
    expect(getal(bladenA, "Invoer", "B6")).toBe(2);
    expect(getal(bladenA, "Invoer", "B7")).toBeCloseTo(100 / 1.1 + 200 / 1.1 ** 2 + 300 / 1.1 ** 3, 9);
    expect(cel(bladenA, "Invoer", "B10").waarde).toBe("3 kinderen");
    expect(cel(bladenA, "Invoer", "B11").waarde).toBe(false);
    expect(getal(bladenA, "Uitkomst", "A1")).toBe((2 + 3 + 4) * 10);
  });

  it("reads a formula result of 0 back as 0, not undefined or null", () => {
    expect(cel(bladenA, "Invoer", "B8")).toEqual({ waarde: 0, formule: "A1-A1" });
  });

  it("represents an error result distinctly", () => {
    const w = cel(bladenA, "Invoer", "B9").waarde;
    expect(isCelFout(w)).toBe(true);
    expect(w).toEqual({ fout: "#DIV/0!" });
  });

  it("recomputes each file of a batch from its own inputs", () => {
    // A1 = 0.5 in the second file
    expect(getal(bladenB, "Invoer", "B1")).toBe(1);
    expect(getal(bladenB, "Invoer", "B2")).toBe(0.5 + 3 + 4);
    expect(getal(bladenB, "Invoer", "B3")).toBe(0);
    expect(getal(bladenB, "Invoer", "B6")).toBe(0.5);
    expect(getal(bladenB, "Uitkomst", "A1")).toBe(75);
    for (const adres of ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"]) {
      expect(cel(bladenB, "Invoer", adres).waarde).not.toBe(VERKEERD);
    }
  });

  it("fails with a clear message when an input is missing", async () => {
    await expect(herberekenMetLibreOffice([join(map, "in", "bestaat-niet.xlsx")], join(map, "uit2"))).rejects.toThrow(
      /bestaat niet/,
    );
  });

  it("fails with soffice's output when LibreOffice cannot convert a file", async () => {
    const kapot = join(map, "in", "kapot.xlsx");
    await writeFile(kapot, "dit is geen xlsx");
    await expect(herberekenMetLibreOffice([kapot], join(map, "uit3"))).rejects.toThrow(
      /LibreOffice-conversie[\s\S]*stderr/,
    );
  });
});
