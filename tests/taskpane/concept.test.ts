/**
 * The pane's concept → the domain's scenario: the default concept is exactly the domain's default
 * scenario, the default variants are exactly `standaardVarianten`, and what the user changes goes in
 * as overrides (untouched values keep their source).
 */
import { standaardVarianten } from "../../src/app/werkmap-voor";
import { BUSINESS_CASE_PRESETS } from "../../src/domain/business-case/presets";
import { berekenBusinessCase } from "../../src/domain/business-case/bereken";
import { GEBRUIKER } from "../../src/domain/model/bron";
import { berekenVolledig, businessCaseInvoer } from "../../src/domain/scenario/bereken";
import { standaardScenario } from "../../src/domain/scenario/standaard";
import { loadSnapshot, type Snapshot } from "../../src/sources/builtin";
import { scenarioContext, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import {
  bereken,
  controleerConcept,
  inputNamen,
  veldLabel,
  variantScenarios,
} from "../../src/taskpane/staat/berekening";
import {
  actieveMaatregelen,
  businessCaseConcept,
  eigenPadUit,
  metDataset,
  metMaatregel,
  regioConcept,
  standaardConcept,
  type Concept,
} from "../../src/taskpane/staat/concept";

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot();
});
const ctx = () => scenarioContext(snapshot);

describe("default concept", () => {
  test.each(["2025-begroting", "2023-jaarrekening"] as const)("is the domain's default scenario (%s)", (ds) => {
    const c = controleerConcept(standaardConcept("Tiel", ds), ctx());
    expect(c.fouten.size).toBe(0);
    expect(c.scenario).toEqual(standaardScenario("Tiel", ds));
  });

  test("without a gemeente there is no scenario and no error to show yet", () => {
    const c = controleerConcept(standaardConcept(), ctx());
    expect(c.scenario).toBeUndefined();
    expect(c.fouten.size).toBe(0);
  });

  test("the default variants are the workbook's standard variants", () => {
    const basis = controleerConcept(standaardConcept("Tiel"), ctx()).scenario;
    if (!basis) throw new Error("geen scenario");
    const v = variantScenarios(basis, standaardConcept("Tiel").varianten, ctx());
    expect(v.fouten.size).toBe(0);
    expect(v.scenarios).toEqual(standaardVarianten(basis));
  });

  test("with a business case, the variants take the unfavourable and favourable ends as the domain does", () => {
    const c: Concept = { ...standaardConcept("Tiel"), businessCase: businessCaseConcept("ivt-jim", true) };
    const basis = controleerConcept(c, ctx()).scenario;
    if (!basis) throw new Error("geen scenario");
    expect(basis.businessCase).toEqual({ preset: "ivt-jim" });
    expect(variantScenarios(basis, c.varianten, ctx()).scenarios).toEqual(standaardVarianten(basis));
  });
});

describe("edits", () => {
  test("a changed measure setting reaches the scenario; the engine's input then says 'gebruiker'", () => {
    const c = metMaatregel(standaardConcept("Tiel"), "verwijzingen", { waterbed: "40", realisatiegraad: "62,5" });
    const s = controleerConcept(c, ctx()).scenario;
    const m = s?.maatregelen.find((x) => x.maatregel === "verwijzingen");
    expect(m).toMatchObject({ waterbed: 40, realisatiegraad: 62.5 });
    if (!s) throw new Error("geen scenario");
    const b = bereken(snapshot, s);
    expect(b.invoer.get(inputNamen("verwijzingen").waterbed)?.bron).toEqual(GEBRUIKER);
    expect(b.invoer.get(inputNamen("afbakening").waterbed)?.bron.soort).toBe("aanname");
    expect(b.resultaat?.totaal).toEqual(berekenVolledig(s, scenarioGegevens(snapshot, s)).totaal);
  });

  test("errors carry the field path and a Dutch text naming the field", () => {
    let c = metMaatregel(standaardConcept("Tiel"), "tariefdifferentiatie", { waterbed: "12,3,4" });
    c = metMaatregel(c, "afbakening", { realisatiegraad: "150" });
    c = { ...c, horizon: "12" };
    const r = controleerConcept(c, ctx());
    expect(r.scenario).toBeUndefined();
    expect(Object.fromEntries(r.fouten)).toEqual({
      "maatregelen[2].waterbed": "'12,3,4' is geen getal. Typ bijvoorbeeld 1.234,5 of 12,5.",
      "maatregelen[0].realisatiegraad": "'Realisatiegraad (Afbakening reikwijdte)': 150 ligt buiten 0–100%.",
      horizon: "'Jaren vooruit (meerjarenraming)': 12 ligt buiten het bereik 1–10.",
    });
  });

  test("switching the data set moves the begrotingsjaar and the start years that followed it", () => {
    let c = metMaatregel(standaardConcept("Tiel", "2025-begroting"), "poh-jeugd", { vanafJaar: "2027" });
    c = metDataset(c, "2023-jaarrekening");
    expect(c.begrotingsjaar).toBe("2024");
    expect(c.maatregelen.find((m) => m.maatregel === "afbakening")?.vanafJaar).toBe("2024");
    expect(c.maatregelen.find((m) => m.maatregel === "poh-jeugd")?.vanafJaar).toBe("2027");
    expect(controleerConcept(c, ctx()).scenario?.begrotingsjaar).toBe(2024);
  });

  test("the extra cut takes part only on its path", () => {
    const c = standaardConcept("Tiel");
    expect(actieveMaatregelen(c).map((m) => m.maatregel)).not.toContain("extra-bezuiniging");
    const extra = { ...c, pad: "cvw-1-mld-extra" as const };
    const s = controleerConcept(extra, ctx()).scenario;
    expect(s?.maatregelen.map((m) => m.maatregel)).toContain("extra-bezuiniging");
    if (!s) throw new Error("geen scenario");
    const r = bereken(snapshot, s).resultaat;
    expect(r?.maatregelen.find((m) => m.id === "extra-bezuiniging")?.besparing["2026"]).toBeGreaterThan(0);
  });

  test("an own path prefilled from a preset gives the preset's figures", () => {
    const c = standaardConcept("Tiel");
    const eigen: Concept = { ...c, pad: "eigen", eigenPad: eigenPadUit("cvw-1-mld", [2025, 2026, 2027, 2028]) };
    const a = controleerConcept(c, ctx()).scenario;
    const b = controleerConcept(eigen, ctx()).scenario;
    if (!a || !b) throw new Error("geen scenario");
    const ra = bereken(snapshot, a).resultaat;
    const rb = bereken(snapshot, b).resultaat;
    // The own path is in whole euros: at most a euro per measure per year apart, times the share.
    for (const j of ["2025", "2026", "2027", "2028"]) {
      expect(Math.abs((ra?.totaal[j] ?? 0) - (rb?.totaal[j] ?? 0))).toBeLessThan(1);
    }
  });
});

describe("business case", () => {
  test("untouched preset values are no overrides; a change is, and keeps the range", () => {
    const bc = businessCaseConcept("ivt-jim", true);
    const c: Concept = { ...standaardConcept("Tiel"), businessCase: bc };
    expect(controleerConcept(c, ctx()).scenario?.businessCase).toEqual({ preset: "ivt-jim" });

    const gewijzigd: Concept = {
      ...c,
      businessCase: {
        ...bc,
        waarden: {
          ...bc.waarden,
          casussenPerJaar: { ...bc.waarden.casussenPerJaar, basis: "12" },
          deadweight: { basis: "25", laag: "10", hoog: "50" },
        },
      },
    };
    const s = controleerConcept(gewijzigd, ctx()).scenario;
    expect(s?.businessCase).toEqual({
      preset: "ivt-jim",
      aanpassingen: { casussenPerJaar: 12, deadweight: { basis: 25, laag: 10, hoog: 50 } },
    });
    if (!s?.businessCase) throw new Error("geen business case");
    const verwacht = berekenBusinessCase(businessCaseInvoer(s.businessCase));
    expect(bereken(snapshot, s).resultaat?.businessCase?.totalen).toEqual(verwacht.totalen);
    // The preset's own figures: 20 cases, 96% success; at 12 cases the net changes.
    expect(BUSINESS_CASE_PRESETS["ivt-jim"].casussenPerJaar.basis).toBe(20);
  });

  test.each(Object.keys(BUSINESS_CASE_PRESETS) as (keyof typeof BUSINESS_CASE_PRESETS)[])(
    "preset %s reads back as itself",
    (preset) => {
      const c: Concept = { ...standaardConcept("Tiel"), businessCase: businessCaseConcept(preset, true) };
      expect(controleerConcept(c, ctx()).scenario?.businessCase).toEqual({ preset });
    },
  );
});

describe("region", () => {
  test("a preset region is distributed; a member problem is a Dutch message, the rest still computes", () => {
    const c: Concept = { ...standaardConcept("Tiel"), regio: regioConcept("rivierenland", true) };
    const s = controleerConcept(c, ctx()).scenario;
    expect(s?.regio?.leden).toHaveLength(8);
    if (!s) throw new Error("geen scenario");
    const r = bereken(snapshot, s);
    expect(r.regioFouten).toEqual([]);
    const leden = r.resultaat?.regio?.leden ?? [];
    expect(leden.reduce((x, l) => x + Math.round(l.bedrag * 100), 0)).toBe(
      Math.round((r.resultaat?.regio?.totaal.bedrag ?? 0) * 100),
    );

    const eigen: Concept = { ...c, regio: { ...c.regio, sleutel: "eigen", leden: ["Tiel", "Buren"], waarden: {} } };
    const f = controleerConcept(eigen, ctx());
    expect(f.fouten.get("regio.waarden.Tiel")).toBe("'Sleutelwaarde Tiel' ontbreekt.");
    const nul: Concept = { ...eigen, regio: { ...eigen.regio, waarden: { Tiel: "0", Buren: "0" } } };
    const s0 = controleerConcept(nul, ctx()).scenario;
    if (!s0) throw new Error("geen scenario");
    const r0 = bereken(snapshot, s0);
    expect(r0.regioFouten[0]).toMatch(/^Alle sleutelwaarden \(eigen gewichten\) zijn 0/);
    expect(r0.resultaat?.totaal).toBeDefined();
  });
});

describe("labels", () => {
  test.each([
    ["groei", "Autonome groei per jaar"],
    ["pad.eigen.afbakening.2026", "Landelijk bedrag 2026"],
    ["businessCase.aanpassingen.deadweight.laag", "Deadweight (aandeel dat ook zonder budget was geslaagd) (laag)"],
    ["businessCase.aanpassingen.horizonJaren", "Horizon (jaren)"],
    ["regio.leden[2]", "Lid 3"],
    ["varianten[1].waterbed", "Waterbedfactor"],
    ["iets.onbekends", "iets.onbekends"],
  ])("%s → %s", (veld, label) => {
    expect(veldLabel(veld)).toBe(label);
  });
});
