import { readFileSync } from "node:fs";
import { join } from "node:path";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import type { Scenario } from "../../src/domain/scenario/scenario";
import { standaardScenario } from "../../src/domain/scenario/standaard";
import { variantScenario, VARIANTEN } from "../../src/domain/scenario/varianten";
import { asSnapshot, builtinIv3 } from "../../src/sources/builtin";
import { regioInvoer, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import { VERSIE } from "../../src/versie";
import { geldigeBladnaam, isGeldigeBladnaam } from "../../src/workbook/bladnaam";
import type { WerkmapSpec } from "../../src/workbook/spec";
import { bouwWerkmap } from "../../src/workbook/werkmap";

const snapshot = asSnapshot(snapshotJson);

function werkmap(basis: Scenario, extra: { auteur?: string; bestaandeBladen?: string[] } = {}): WerkmapSpec {
  return bouwWerkmap({
    gemeente: basis.gemeente,
    iv3: { data: builtinIv3(snapshot, basis.dataset, basis.gemeente), datasetNaam: basis.dataset },
    scenarios: VARIANTEN.map((v) => {
      const s = v.id === "basis" ? basis : variantScenario(basis, v.id);
      return { scenario: s, gegevens: scenarioGegevens(snapshot, s), vingerafdruk: "sha256:test" };
    }),
    ...(basis.regio ? { regio: regioInvoer(snapshot, basis.regio, basis.dataset) } : {}),
    versie: VERSIE,
    datum: "2026-11-22",
    ...extra,
  });
}

describe("sheet names", () => {
  test("long names, apostrophes, / and : give valid, unique names", () => {
    const bezet = new Set<string>();
    const namen = [
      geldigeBladnaam("Iv3 Súdwest-Fryslân", bezet),
      geldigeBladnaam("'s-Hertogenbosch", bezet),
      geldigeBladnaam("Regio Gooi/Vecht: samenwerking jeugdhulp en meer tekst", bezet),
      geldigeBladnaam("Regio Gooi/Vecht: samenwerking jeugdhulp en meer tekst", bezet),
      geldigeBladnaam("Scenario [test]*?", bezet),
      geldigeBladnaam("history", bezet),
      geldigeBladnaam("SCENARIO BASIS", new Set(["scenario basis"])),
    ];
    expect(namen).toEqual(
      [
        "Iv3 Súdwest-Fryslân",
        "s-Hertogenbosch",
        "Regio Gooi-Vecht- samenwerking ",
        "Regio Gooi-Vecht- samenwerk (2)",
        "Scenario -test---",
        "Blad history",
        "SCENARIO BASIS (2)",
      ].map((n) => n.trimEnd()),
    );
    for (const n of namen) expect(isGeldigeBladnaam(n)).toBe(true);
    expect(new Set(namen.map((n) => n.toLowerCase())).size).toBe(namen.length);
  });

  test("a workbook for 's-Hertogenbosch with a region named with / and : has valid, unique sheet names", () => {
    const s: Scenario = {
      ...standaardScenario("'s-Hertogenbosch", "2025-begroting"),
      regio: {
        naam: "Meierij/Bommel: jeugd",
        leden: ["'s-Hertogenbosch", "Zaltbommel", "Maasdriel"],
        sleutel: "inwoners",
        model: "profijt",
      },
    };
    const spec = werkmap(s, { bestaandeBladen: ["Scenario Basis"] });
    const namen = spec.bladen.map((b) => b.naam);
    expect(namen).toEqual([
      "Iv3 's-Hertogenbosch",
      "Scenario Basis (2)",
      "Scenario Optimistisch",
      "Scenario Pessimistisch",
      "Vergelijking",
      "Regio Meierij-Bommel- jeugd",
    ]);
    for (const n of namen) expect(isGeldigeBladnaam(n)).toBe(true);
  });
});

describe("what the sheets hold", () => {
  const basis: Scenario = { ...standaardScenario("Tiel", "2025-begroting"), businessCase: { preset: "ivt-jim" } };
  const spec = werkmap(basis, { auteur: "+1+1" });

  test("every number on a scenario sheet is an input cell or a formula; inputs carry names", () => {
    for (const blad of spec.bladen.filter((b) => b.soort === "scenario")) {
      for (const c of blad.cellen) {
        if (typeof c.waarde === "number") {
          // numbers that are not model inputs: year headers, and the low/high range inputs of the business case
          expect(c.modelNaam !== undefined || c.stijl === "kolomkop" || c.stijl === "invoer").toBe(true);
        }
      }
      const inputs = blad.cellen.filter((c) => c.stijl === "invoer" && c.modelNaam);
      expect(blad.namen.map((n) => n.naam).sort()).toEqual(inputs.map((c) => c.modelNaam).sort());
      expect(blad.cellen.filter((c) => c.formule).length).toBeGreaterThan(200);
    }
  });

  test("user text stays text: author and scenario name are values, never formulas", () => {
    const evil: Scenario = { ...basis, naam: '=HYPERLINK("http://x","y")' };
    const s2 = werkmap(evil, { auteur: "@SUM(A1)" });
    const blad = s2.bladen.find((b) => b.soort === "scenario");
    const naamCel = blad?.cellen.find((c) => c.waarde === '=HYPERLINK("http://x","y")');
    expect(naamCel).toBeDefined();
    expect(naamCel?.formule).toBeUndefined();
    const auteur = blad?.cellen.find((c) => c.waarde === "@SUM(A1)");
    expect(auteur?.formule).toBeUndefined();
    // User text reaches a formula only inside a quoted sheet name of a cross-sheet reference.
    for (const b of s2.bladen)
      for (const c of b.cellen)
        if (c.formule?.includes("HYPERLINK")) expect(c.formule).toMatch(/^'[^']*'!\$[A-Z]+\$\d+$/);
  });

  test("the comparison sheet refers to the scenario sheets", () => {
    const v = spec.bladen.find((b) => b.soort === "vergelijking");
    const f = v?.cellen.find((c) => c.formule?.startsWith("'Scenario Optimistisch'!"));
    expect(f?.formule).toMatch(/^'Scenario Optimistisch'!\$[A-Z]+\$\d+$/);
    expect(v?.grafieken).toHaveLength(1);
  });

  test("three charts on a scenario sheet with a business case, with ranges on the sheet", () => {
    const blad = spec.bladen.find((b) => b.naam === "Scenario Basis");
    expect(blad?.grafieken.map((g) => g.soort)).toEqual(["gestapeldeKolom", "lijn", "kolom"]);
    expect(blad?.grafieken[0]?.reeksen).toHaveLength(7);
  });

  test("metadata holds each scenario's canonical input and fingerprint", () => {
    expect(spec.metadata.scenarios.map((s) => s.naam)).toEqual(["Basis", "Optimistisch", "Pessimistisch"]);
    expect(JSON.parse(spec.metadata.scenarios[0]?.invoer ?? "{}")).toMatchObject({ gemeente: "Tiel", schema: 1 });
  });

  test("the variants differ only in the documented assumptions", () => {
    const [b, o, p] = VARIANTEN.map((v) => (v.id === "basis" ? basis : variantScenario(basis, v.id)));
    expect(o?.maatregelen[0]).toMatchObject({ realisatiegraad: 100, waterbed: 10, ingroeijaren: 1 });
    expect(p?.maatregelen[0]).toMatchObject({ realisatiegraad: 50, waterbed: 50, ingroeijaren: 3 });
    expect(o?.businessCase).toEqual({ preset: "ivt-jim", variant: "hoog" });
    expect({ ...o, naam: "", maatregelen: [], businessCase: undefined }).toEqual({
      ...b,
      naam: "",
      maatregelen: [],
      businessCase: undefined,
    });
    // every variant value has a source labelled aanname
    for (const v of VARIANTEN)
      for (const k of ["realisatiegraad", "waterbed", "ingroeijaren"] as const)
        expect(v[k].bron.soort).not.toBe("gebruiker");
  });
});

test("the version shown on sheets equals package.json", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  expect(VERSIE).toBe(pkg.version);
});

test("sheet names count UTF-16 units and never split an emoji", () => {
  const naam = geldigeBladnaam(`Regio ${"😀".repeat(20)}`, new Set());
  expect(naam.length).toBeLessThanOrEqual(31);
  expect(naam).toBe(`Regio ${"😀".repeat(12)}`);
  expect(isGeldigeBladnaam(`${"😀".repeat(16)}`)).toBe(false);
});
