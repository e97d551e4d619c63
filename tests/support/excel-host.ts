/**
 * An ExcelHost on the strict fake, with a chosen ExcelApi version (the fake's switchable APIs follow it),
 * and the built-in scenario workbook specs the adapter tests write.
 */
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "./excel-fake";
import type { ExcelHost } from "../../src/excel/host";
import { werkmapVoor, standaardVarianten } from "../../src/app/werkmap-voor";
import { standaardScenario } from "../../src/domain/scenario/standaard";
import type { Scenario } from "../../src/domain/scenario/scenario";
import { nodeHasher } from "../../src/platform/hash-node";
import { loadSnapshot } from "../../src/sources/builtin";
import { RIVIERENLAND } from "../../src/domain/region/presets";
import type { WerkmapSpec } from "../../src/workbook/spec";

/** "1.10" > "1.9": compares dotted versions numerically. */
export function versieMinstens(heeft: string, vraagt: string): boolean {
  const a = heeft.split(".").map(Number);
  const b = vraagt.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export interface FakeHost {
  readonly fake: FakeExcel;
  readonly host: ExcelHost;
}

/** A fake workbook and a host for it that supports ExcelApi up to `excelApi` (default 1.9). */
export function fakeHost(options: FakeExcelOptions = {}, excelApi = "1.9"): FakeHost {
  const ok = (v: string): boolean => versieMinstens(excelApi, v);
  const fake = createFakeExcel({
    ...options,
    ondersteunt: {
      customXmlParts: ok("1.5"),
      settings: ok("1.4"),
      namedItems: ok("1.4"),
      pageLayout: ok("1.9"),
      suspendScreenUpdating: ok("1.9"),
      suspendApiCalculation: ok("1.6"),
      freezePanes: ok("1.7"),
      tabColor: ok("1.7"),
      ...options.ondersteunt,
    },
  });
  return {
    fake,
    host: {
      run: (batch) => fake.run(batch),
      ondersteunt: (set, versie) => set === "ExcelApi" && ok(versie),
      ...(options.payloadLimit !== undefined ? { maxBytes: options.payloadLimit } : {}),
    },
  };
}

export const DATUM = "2026-11-22";

export function basisScenario(gemeente = "Tiel", regio = false): Scenario {
  const s = standaardScenario(gemeente, "2024-begroting");
  return regio ? { ...s, regio: { naam: RIVIERENLAND.naam, leden: RIVIERENLAND.leden, sleutel: "inwoners", model: { mix: 40 } } } : s;
}

/** `n` scenarios: the three standard variants, then Basis copies with other names and realisation. */
export function scenarios(basis: Scenario, n: number): Scenario[] {
  const drie = standaardVarianten(basis);
  const uit = drie.slice(0, n);
  for (let i = uit.length; i < n; i++) uit.push({ ...basis, naam: `Variant ${i + 1}` });
  return uit;
}

export async function specMaker(
  basis: Scenario,
  opties: { aantal?: number; regio?: boolean } = {},
): Promise<(bestaand: readonly string[]) => Promise<WerkmapSpec>> {
  const snapshot = await loadSnapshot();
  return (bestaand) =>
    werkmapVoor(snapshot, basis, nodeHasher, {
      datum: DATUM,
      bestaandeBladen: bestaand,
      regio: opties.regio ?? true,
      ...(opties.aantal !== undefined ? { scenarios: scenarios(basis, opties.aantal) } : {}),
    });
}
