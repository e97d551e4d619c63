/**
 * Bench section 5 (npm run bench): round trips and bytes of the Office.js writer against the strict
 * Excel fake, for 1, 3 and 10 scenarios and a 15-member region, and the same workbooks written the way
 * the Office docs warn against: one cell per operation and a `context.sync()` per row
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/correlated-objects-pattern).
 * Compiled by tsconfig.bench.json into bench-data/excel; prints one JSON line per case.
 *
 * The naive writer is a lower bound of that pattern's cost: it writes only cell contents and number
 * formats (no styles, merges, widths, tables, charts or names), so its true cost is higher still.
 */
import { schrijfInExcel } from "../src/excel/schrijver";
import type { ExcelHost } from "../src/excel/host";
import { leesAdres } from "../src/xlsx/adres";
import type { Scenario } from "../src/domain/scenario/scenario";
import type { WerkmapSpec } from "../src/workbook/spec";
import { basisScenario, fakeHost, specMaker } from "../tests/support/excel-host";

interface Meting {
  readonly geval: string;
  readonly bladen: number;
  readonly cellen: number;
  readonly ons: { syncs: number; operaties: number; bytes: number; grootsteBatch: number };
  readonly naief: { syncs: number; operaties: number; bytes: number; grootsteBatch: number };
}

/** One cell per operation, one sync per row: what a first attempt at an add-in writer usually does. */
async function naiefSchrijven(host: ExcelHost, spec: WerkmapSpec): Promise<void> {
  await host.run(async (context) => {
    for (const blad of spec.bladen) {
      const ws = context.workbook.worksheets.add(blad.naam);
      await context.sync();
      const perRij = new Map<number, typeof blad.cellen>();
      for (const cel of blad.cellen) {
        const rij = leesAdres(cel.adres).rij;
        perRij.set(rij, [...(perRij.get(rij) ?? []), cel]);
      }
      for (const rij of [...perRij.keys()].sort((a, b) => a - b)) {
        for (const cel of perRij.get(rij) ?? []) {
          const r = ws.getRange(cel.adres);
          if (cel.formule !== undefined) r.formulas = [[`=${cel.formule}`]];
          else if (cel.waarde !== undefined)
            r.values = [[typeof cel.waarde === "string" && cel.waarde !== "" ? `'${cel.waarde}` : cel.waarde]];
          if (cel.formaat !== undefined) r.numberFormat = [[cel.formaat]];
        }
        await context.sync();
      }
    }
  });
}

async function meet(geval: string, basis: Scenario, opties: { aantal: number; regio: boolean }): Promise<Meting> {
  const maak = await specMaker(basis, opties);
  const spec = await maak([]);
  const cellen = spec.bladen.reduce((n, b) => n + b.cellen.length, 0);

  const a = fakeHost();
  await schrijfInExcel(a.host, maak);
  const b = fakeHost();
  await naiefSchrijven(b.host, spec);

  const som = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const cijfers = (s: typeof a.fake.stats) => ({
    syncs: s.syncs,
    operaties: s.operations,
    bytes: som(s.batchBytes) + som(s.responseBytes),
    grootsteBatch: Math.max(...s.batchBytes),
  });
  return { geval, bladen: spec.bladen.length, cellen, ons: cijfers(a.fake.stats), naief: cijfers(b.fake.stats) };
}

async function main(): Promise<void> {
  const regio = {
    ...basisScenario("Deventer"),
    regio: {
      naam: "Stedendriehoek e.o.",
      // 15 gemeenten around Deventer (a free choice, not an official region).
      leden: [
        "Apeldoorn",
        "Deventer",
        "Zutphen",
        "Lochem",
        "Brummen",
        "Epe",
        "Heerde",
        "Hattem",
        "Voorst",
        "Olst-Wijhe",
        "Raalte",
        "Zwolle",
        "Kampen",
        "Dalfsen",
        "Staphorst",
      ],
      sleutel: "inwoners" as const,
      model: "solidariteit" as const,
    },
  };
  const gevallen: [string, Scenario, { aantal: number; regio: boolean }][] = [
    ["1 scenario (Tiel)", basisScenario("Tiel"), { aantal: 1, regio: false }],
    ["3 scenarios (Tiel)", basisScenario("Tiel"), { aantal: 3, regio: false }],
    ["10 scenarios (Tiel)", basisScenario("Tiel"), { aantal: 10, regio: false }],
    ["3 scenarios + 15-member region (Deventer)", regio, { aantal: 3, regio: true }],
  ];
  for (const [geval, basis, opties] of gevallen) console.log(JSON.stringify(await meet(geval, basis, opties)));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
