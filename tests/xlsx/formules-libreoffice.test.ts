/**
 * Proof by a real spreadsheet engine: workbooks for more than 100 scenarios are written with the .xlsx
 * writer, recalculated by LibreOffice (cached values never trusted), read back, and every computed cell
 * must equal the engine's value within € 0.01 (1e-9 for shares and factors), and every input and label
 * must come back unchanged. Each workbook holds three scenario sheets, so a name collision between
 * scenarios would fail here.
 */
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IJSSELLAND, RIVIERENLAND } from "../../src/domain/region/presets";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import { vingerafdruk } from "../../src/domain/scenario/canoniek";
import type { MaatregelInstelling, Scenario } from "../../src/domain/scenario/scenario";
import { standaardScenario } from "../../src/domain/scenario/standaard";
import { variantScenario, VARIANTEN } from "../../src/domain/scenario/varianten";
import { nodeHasher } from "../../src/platform/hash-node";
import { asSnapshot, builtinIv3, DATASET_IDS, gemeentenVan } from "../../src/sources/builtin";
import { regioInvoer, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import type { WerkmapSpec } from "../../src/workbook/spec";
import { bouwWerkmap } from "../../src/workbook/werkmap";
import { schrijfXlsx } from "../../src/xlsx/schrijf";
import { describeMetLibreOffice, herberekenMetLibreOffice, isCelFout, leesWaarden } from "../support/libreoffice";

const snapshot = asSnapshot(snapshotJson);
const GEMEENTEN = gemeentenVan(snapshot).map((g) => g.naam);

async function werkmap(basis: Scenario): Promise<WerkmapSpec> {
  const scenarios = await Promise.all(
    VARIANTEN.map(async (v) => {
      const s = v.id === "basis" ? basis : variantScenario(basis, v.id);
      return { scenario: s, gegevens: scenarioGegevens(snapshot, s), vingerafdruk: await vingerafdruk(s, nodeHasher) };
    }),
  );
  return bouwWerkmap({
    gemeente: basis.gemeente,
    iv3: { data: builtinIv3(snapshot, basis.dataset, basis.gemeente), datasetNaam: basis.dataset },
    scenarios,
    ...(basis.regio ? { regio: regioInvoer(snapshot, basis.regio, basis.dataset) } : {}),
    versie: "test",
    datum: "2026-11-22",
  });
}

/** The scenarios: defaults across gemeenten and data sets, regions, edge cases and random valid ones. */
function scenarios(): Scenario[] {
  const out: Scenario[] = [];
  const pick = (i: number): string => GEMEENTEN[(i * 37) % GEMEENTEN.length] ?? "Tiel";
  // Defaults: every data set, several gemeenten (incl. awkward names).
  for (const [i, ds] of DATASET_IDS.entries()) out.push(standaardScenario(pick(i), ds));
  for (const g of ["Súdwest-Fryslân", "'s-Hertogenbosch", "'s-Gravenhage", "Amsterdam", "Vlieland", "Tiel"]) {
    out.push(standaardScenario(g, "2025-begroting"));
  }
  const basis = standaardScenario("Tiel", "2025-begroting");
  const alle = (s: Scenario, over: Partial<MaatregelInstelling>): MaatregelInstelling[] =>
    s.maatregelen.map((m) => ({ ...m, ...over }));
  // Regions and business cases.
  out.push({
    ...basis,
    businessCase: { preset: "ivt-jim" },
    regio: {
      naam: "Rivierenland",
      leden: [...RIVIERENLAND.leden],
      sleutel: "inwoners",
      model: { mix: 40 },
    },
  });
  out.push({
    ...basis,
    gemeente: "Zwolle",
    businessCase: { preset: "den-haag-doorbraaklab" },
    regio: {
      naam: "IJsselland",
      leden: [...IJSSELLAND.leden],
      sleutel: "gemeentefonds",
      model: "profijt",
    },
  });
  out.push({
    ...basis,
    businessCase: { preset: "enquete-bandbreedte" },
    regio: { naam: "Regio A/B: test", leden: ["Tiel", "Buren"], sleutel: "iv3-saldo", model: "solidariteit" },
  });
  out.push({
    ...basis,
    regio: {
      naam: "Jeugdigen",
      leden: ["Tiel", "Buren", "Culemborg"],
      sleutel: "jeugdigen",
      model: { mix: 75 },
      waarden: { Tiel: 9000, Buren: 6000, Culemborg: 7000 },
    },
  });
  // Edge cases.
  out.push({ ...basis, maatregelen: alle(basis, { realisatiegraad: 0 }) });
  out.push({ ...basis, maatregelen: alle(basis, { waterbed: 100 }) });
  out.push({ ...basis, maatregelen: alle(basis, { status: "gerealiseerd" }) });
  out.push({ ...basis, maatregelen: alle(basis, { status: "niet" }) });
  out.push({ ...basis, maatregelen: alle(basis, { vanafJaar: 2030 }) });
  out.push({ ...basis, maatregelen: alle(basis, { ingroeijaren: 10 }) });
  out.push({ ...basis, maatregelen: alle(basis, { verdeling: { "6.751": 1, "6.821": 0, "6.762": 2.5 } }) });
  out.push({ ...basis, maatregelen: alle(basis, { verdeling: { "6.751": 0 } }) });
  out.push({ ...basis, horizon: 10 });
  out.push({ ...basis, horizon: 1, begrotingsjaar: 2022, pad: { preset: "vng-2022" } });
  out.push({
    ...basis,
    pad: { preset: "cvw-1-mld-extra" },
    maatregelen: [
      ...basis.maatregelen,
      { ...(basis.maatregelen[0] as MaatregelInstelling), maatregel: "extra-bezuiniging" },
    ],
  });
  out.push({
    ...basis,
    pad: { eigen: { afbakening: { "2025": 1e8, "2026": -5e7 }, regionalisering: { "2027": -1e9 } } },
  });
  out.push({ ...basis, toedeling: { sleutel: "eigen", percentage: 0 } });
  out.push({ ...basis, toedeling: { sleutel: "eigen", percentage: 100 } });
  out.push({ ...basis, toedeling: { sleutel: "inwoners", dataset: "2023-jaarrekening" } });
  out.push({ ...basis, toedeling: { sleutel: "iv3-saldo", dataset: "2024-begroting" } });
  out.push({ ...basis, groei: -50, indexatie: 50 });
  out.push({ ...basis, maatregelen: [] });
  out.push({ ...basis, naam: '=HYPERLINK("http://x","y")' });
  out.push({ ...basis, businessCase: { preset: "ivt-jim", aanpassingen: { casussenPerJaar: 0 } } });
  out.push({
    ...basis,
    businessCase: { preset: "den-haag-doorbraaklab", aanpassingen: { aandeelGemeente: 0, horizonJaren: 10 } },
  });
  // Random valid scenarios (seeded, so a failure is reproducible).
  const willekeurig = fc.sample(
    fc.record({
      g: fc.integer({ min: 0, max: GEMEENTEN.length - 1 }),
      ds: fc.constantFrom(...DATASET_IDS),
      horizon: fc.integer({ min: 1, max: 10 }),
      groei: fc.double({ min: -10, max: 10, noNaN: true }),
      indexatie: fc.double({ min: 0, max: 8, noNaN: true }),
      sleutel: fc.constantFrom("gemeentefonds" as const, "iv3-saldo" as const, "inwoners" as const),
      pad: fc.constantFrom("vng-2022" as const, "cvw-1-mld" as const, "cvw-1-mld-extra" as const),
      real: fc.integer({ min: 0, max: 100 }),
      waterbed: fc.integer({ min: 0, max: 100 }),
      ingroei: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom("gepland" as const, "gerealiseerd" as const, "niet" as const),
      bc: fc.option(
        fc.constantFrom("den-haag-doorbraaklab" as const, "ivt-jim" as const, "enquete-bandbreedte" as const),
      ),
    }),
    { numRuns: 80, seed: 20261122 },
  );
  for (const w of willekeurig) {
    const s = standaardScenario(GEMEENTEN[w.g] ?? "Tiel", w.ds);
    out.push({
      ...s,
      horizon: w.horizon,
      groei: Math.round(w.groei * 100) / 100,
      indexatie: Math.round(w.indexatie * 100) / 100,
      toedeling: { sleutel: w.sleutel },
      pad: { preset: w.pad },
      maatregelen: s.maatregelen.map((m, i) => ({
        ...m,
        realisatiegraad: w.real,
        waterbed: m.maatregel === "regionalisering" ? 0 : w.waterbed,
        ingroeijaren: w.ingroei,
        status: i % 3 === 0 ? w.status : m.status,
      })),
      ...(w.bc ? { businessCase: { preset: w.bc } } : {}),
    });
  }
  return out;
}

const tolerantie = (formaat: string | undefined): number => (formaat && formaat.includes("€") ? 0.01 : 1e-9);

describeMetLibreOffice("workbooks recalculated by LibreOffice equal the engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "jeugd-lo-"));
  const lijst = scenarios();
  const specs: WerkmapSpec[] = [];
  let herberekend: string[] = [];

  beforeAll(async () => {
    const bestanden: string[] = [];
    for (const [i, s] of lijst.entries()) {
      const spec = await werkmap(s);
      specs.push(spec);
      const f = join(dir, `wb${String(i).padStart(3, "0")}.xlsx`);
      writeFileSync(f, await schrijfXlsx(spec));
      bestanden.push(f);
    }
    herberekend = await herberekenMetLibreOffice(bestanden, join(dir, "uit"));
  }, 600_000);

  test("at least 100 scenarios, each workbook with three scenario sheets", () => {
    expect(lijst.length).toBeGreaterThanOrEqual(100);
    for (const s of specs) expect(s.bladen.filter((b) => b.soort === "scenario")).toHaveLength(3);
  });

  test("every computed cell within € 0.01 of the engine; every input and label unchanged", async () => {
    let vergeleken = 0;
    let invoer = 0;
    let maxVerschil = 0;
    const fouten: string[] = [];
    for (const [i, spec] of specs.entries()) {
      const waarden = await leesWaarden(herberekend[i] ?? "");
      for (const blad of spec.bladen) {
        const cellen = waarden.get(blad.naam);
        if (!cellen) {
          fouten.push(`wb${i}: sheet ${blad.naam} missing`);
          continue;
        }
        for (const c of blad.cellen) {
          const gelezen = cellen.get(c.adres);
          if (c.formule !== undefined) {
            const v = gelezen?.waarde;
            const verwacht = c.verwacht ?? NaN;
            if (!Number.isFinite(verwacht)) {
              // The engine's NaN is Excel's #DIV/0! (e.g. a ratio without costs).
              if (!(v !== undefined && v !== null && isCelFout(v)))
                fouten.push(`wb${i} ${blad.naam}!${c.adres}: expected an error, got ${JSON.stringify(v)}`);
              vergeleken++;
              continue;
            }
            if (typeof v !== "number") {
              fouten.push(
                `wb${i} ${blad.naam}!${c.adres} (${c.formule}): expected ${verwacht}, got ${JSON.stringify(v)}`,
              );
              continue;
            }
            const d = Math.abs(v - verwacht);
            maxVerschil = Math.max(maxVerschil, c.formaat?.includes("€") ? d : 0);
            if (d > tolerantie(c.formaat))
              fouten.push(`wb${i} ${blad.naam}!${c.adres} (${c.formule}): engine ${verwacht}, LibreOffice ${v}`);
            vergeleken++;
          } else if (c.waarde !== undefined) {
            const v = gelezen?.waarde;
            // Numbers come back with LibreOffice's 15 significant digits: equal within 1e-12 relative.
            const gelijk =
              typeof c.waarde === "number" && typeof v === "number"
                ? Math.abs(v - c.waarde) <= 1e-12 * Math.max(1, Math.abs(c.waarde))
                : v === c.waarde;
            if (!gelijk)
              fouten.push(
                `wb${i} ${blad.naam}!${c.adres}: wrote ${JSON.stringify(c.waarde)}, read ${JSON.stringify(v)}`,
              );
            invoer++;
          }
        }
      }
    }
    console.log(
      `LibreOffice-proef: ${specs.length} werkmappen, ${vergeleken} berekende cellen vergeleken, ${invoer} invoer- en labelcellen, grootste verschil € ${maxVerschil.toExponential(2)}`,
    );
    expect(fouten.slice(0, 20)).toEqual([]);
    expect(vergeleken).toBeGreaterThan(20_000);
  }, 600_000);
});
