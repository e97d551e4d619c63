/**
 * Builds `window.__fake` (see venster.ts) over a strict Excel fake. Runs in the page.
 */
import { loadSnapshot } from "../../src/sources/builtin";
import { rekenScenarioBladen } from "../support/excel-rekenen";
import type { CellValue, FakeExcel, JsonValue } from "../support/excel-fake";
import type { FakeInspectie, NaamInfo } from "./venster";

function alsObject(value: JsonValue | undefined): Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, JsonValue>)
    : {};
}

export function inspectie(fake: FakeExcel): FakeInspectie {
  return {
    snapshot: () => fake.snapshot(),
    sheetNames: () => fake.state.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
    activeSheet: () => fake.state.sheets.find((s) => s.id === fake.state.activeSheetId)?.name ?? null,
    cell(sheet, address) {
      const c = fake.cell(sheet, address);
      return { value: c.value, formula: c.formula, numberFormat: c.numberFormat };
    },
    formula: (sheet, address) => fake.cell(sheet, address).formula,
    names() {
      const naam =
        (sheet: string | null) =>
        (n: { name: string; formula: string; visible: boolean }): NaamInfo => ({
          name: n.name,
          formula: n.formula,
          sheet,
          visible: n.visible,
        });
      return [...fake.state.names.map(naam(null)), ...fake.state.sheets.flatMap((s) => s.names.map(naam(s.name)))];
    },
    settings: () => alsObject(fake.snapshot()["settings"]),
    customXmlParts: () => fake.state.customXmlParts.map((p) => ({ namespaceUri: p.namespaceUri, xml: p.xml })),
    stats: () => ({
      runs: fake.stats.runs,
      syncs: fake.stats.syncs,
      maxBatchBytes: Math.max(0, ...fake.stats.batchBytes),
    }),
    async herbereken(): Promise<number> {
      return rekenScenarioBladen(fake, await loadSnapshot());
    },
    async setCell(sheet: string, address: string, value: CellValue): Promise<void> {
      await fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRange(address);
        if (typeof value === "string" && value.startsWith("=")) range.formulas = [[value]];
        else range.values = [[value]];
        await context.sync();
      });
    },
  };
}
