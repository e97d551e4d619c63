import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { laadXlsx } from "../../src/xlsx/lees";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jeugd-werkmap-"));

describe("jeugdscenario workbook", () => {
  test("writes the workbook with its sheets and prints where it is and a Dutch summary", async () => {
    const uit = join(dir, "tiel.xlsx");
    const r = await runCli([
      "workbook",
      "--gemeente",
      "Tiel",
      "--maatwerkbudget",
      "ivt-jim",
      "--regio",
      "Rivierenland",
      "--model",
      "mix:40",
      "--auteur",
      "=1+1",
      "--out",
      uit,
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Werkmap geschreven: ${uit}`);
    expect(r.out).toContain(
      "Bladen: Iv3 Tiel, Scenario Basis, Scenario Optimistisch, Scenario Pessimistisch, Vergelijking, Regio Rivierenland",
    );
    expect(r.out).toMatch(/Netto besparing \(Basis\): 2025 € 467\.244, 2026 € 1\.135\.744/);
    const wb = await laadXlsx(new Uint8Array(readFileSync(uit)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Iv3 Tiel",
      "Scenario Basis",
      "Scenario Optimistisch",
      "Scenario Pessimistisch",
      "Vergelijking",
      "Regio Rivierenland",
      "_jeugdscenario",
    ]);
    // the author from the command line is text on the sheet, not a formula
    const basis = wb.getWorksheet("Scenario Basis");
    let auteur: ExcelJS.Cell | undefined;
    basis?.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === "=1+1" && !auteur) auteur = c;
      }),
    );
    expect(auteur?.type).toBe(ExcelJS.ValueType.String);
    expect(wb.getWorksheet("_jeugdscenario")?.state).toBe("veryHidden");
  });

  test("batch: one workbook per member plus the region workbook, with a progress line each", async () => {
    const map = join(dir, "batch");
    const r = await runCli(["workbook", "--leden", "Tiel,Buren,Culemborg", "--batch", "--out-dir", map]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("4 werkmappen geschreven.\n");
    expect(
      r.err
        .trim()
        .split("\n")
        .map((l) => l.replace(/: .*$/, "")),
    ).toEqual(["[1/4] Tiel", "[2/4] Buren", "[3/4] Culemborg", "[4/4] Regio Eigen regio"]);
    for (const f of [
      "jeugdscenario-Tiel.xlsx",
      "jeugdscenario-Buren.xlsx",
      "jeugdscenario-Culemborg.xlsx",
      "jeugdscenario-regio-Eigen-regio.xlsx",
    ]) {
      expect(existsSync(join(map, f))).toBe(true);
    }
  });

  test("usage errors: no --out, batch without a region", async () => {
    const a = await runCli(["workbook", "--gemeente", "Tiel"]);
    expect(a.code).toBe(2);
    expect(a.err).toContain("Geef met --out het bestand op");
    const b = await runCli(["workbook", "--gemeente", "Tiel", "--batch", "--out-dir", dir]);
    expect(b.code).toBe(2);
    expect(b.err).toContain("--batch schrijft een werkmap per lid van een regio");
  });
});
