import fc from "fast-check";
import {
  berekenBusinessCase,
  bouwBusinessCase,
  BUSINESS_CASE_PARAMETERS,
  BUSINESS_CASE_PRESETS,
  controleerBusinessCase,
  maandenInclusief,
  PARAMETER_INFO,
  type Bereik,
  type BusinessCaseInvoer,
  type BusinessCaseParameter,
} from "../../src/domain/business-case";
import { aanname, type Bron } from "../../src/domain/model/bron";
import { evaluate, renderFormula } from "../../src/domain/model/expr";
import { Model } from "../../src/domain/model/model";

const A = aanname("test");
const v = (basis: number, laag?: number, hoog?: number): Bereik => ({
  basis,
  bron: A,
  ...(laag === undefined ? {} : { laag }),
  ...(hoog === undefined ? {} : { hoog }),
});

/**
 * Small made-up case, H = 2, r = 10%:
 *   n = 10, b = 1.000, p = 5.000, s = 0,5, d = 0,2, a = 4.000, L = 2, g = 0,75
 *   kosten_t = 10·1.000 + 5.000 = 15.000
 *   successen = 10·0,5·(1 − 0,2) = 4
 *   baten_1 = 4·4.000·MIN(1, 2) = 16.000; baten_2 = 4·4.000·MIN(2, 2) = 32.000
 *   batenGemeente = 12.000; 24.000   batenAnderen = 4.000; 8.000
 *   netto = −3.000; 9.000            cumulatief = −3.000; 6.000 → terugverdienjaar 2026
 *   ncw = −3.000/1,1 + 9.000/1,21 = (−3.300 + 9.000)/1,21 = 5.700/1,21 = 4.710,74
 *   ncw maatschappelijk = 1.000/1,1 + 17.000/1,21 = (1.100 + 17.000)/1,21 = 18.100/1,21 = 14.958,68
 */
const KLEIN: BusinessCaseInvoer = {
  naam: "Klein voorbeeld",
  horizonJaren: 2,
  startjaar: 2025,
  casussenPerJaar: v(10),
  bestedingPerCasus: v(1_000),
  programmakostenPerJaar: v(5_000),
  succeskans: v(0.5),
  deadweight: v(0.2),
  vermedenKostenPerSuccesPerJaar: v(4_000),
  duurJaren: v(2),
  aandeelGemeente: v(0.75),
  disconteringsvoet: v(0.1),
};

const met = (invoer: BusinessCaseInvoer, p: BusinessCaseParameter, basis: number): BusinessCaseInvoer => ({
  ...invoer,
  [p]: v(basis),
});

describe("berekenBusinessCase: hand calculations", () => {
  const r = berekenBusinessCase(KLEIN);

  test("per-year rows", () => {
    expect(r.jaren.map((j) => j.jaar)).toEqual([2025, 2026]);
    expect(r.jaren.map((j) => j.kosten)).toEqual([15_000, 15_000]);
    expect(r.jaren.map((j) => j.baten)).toEqual([16_000, 32_000]);
    expect(r.jaren.map((j) => j.batenGemeente)).toEqual([12_000, 24_000]);
    expect(r.jaren.map((j) => j.batenAnderen)).toEqual([4_000, 8_000]);
    expect(r.jaren.map((j) => j.netto)).toEqual([-3_000, 9_000]);
    expect(r.jaren.map((j) => j.cumulatief)).toEqual([-3_000, 6_000]);
    expect(r.jaren[0]?.discontofactor).toBeCloseTo(1 / 1.1, 12);
    expect(r.jaren[1]?.discontofactor).toBeCloseTo(1 / 1.21, 12);
  });

  test("totals: sums, ratios, NPV", () => {
    const t = r.totalen;
    expect(t.successenPerJaar).toBeCloseTo(4, 12);
    expect(t.kosten).toBe(30_000);
    expect(t.baten).toBe(48_000);
    expect(t.batenGemeente).toBe(36_000);
    expect(t.batenAnderen).toBe(12_000);
    expect(t.netto).toBe(6_000); // 36.000 − 30.000
    expect(t.nettoMaatschappelijk).toBe(18_000); // 48.000 − 30.000
    expect(t.ratio).toBeCloseTo(1.6, 12); // 48.000 / 30.000
    expect(t.ratioGemeente).toBeCloseTo(1.2, 12); // 36.000 / 30.000
    expect(t.ncw).toBeCloseTo(5_700 / 1.21, 8); // 4.710,74
    expect(t.ncw).toBeCloseTo(4_710.74, 2);
    expect(t.ncwMaatschappelijk).toBeCloseTo(18_100 / 1.21, 8); // 14.958,68
  });

  test("break-even success rate", () => {
    // PV(kosten) = 15.000/1,1 + 15.000/1,21 = (16.500 + 15.000)/1,21 = 31.500/1,21
    // PV(baten gemeente) = 12.000/1,1 + 24.000/1,21 = (13.200 + 24.000)/1,21 = 37.200/1,21
    // s* = 0,5 · 31.500 / 37.200 = 0,42339
    // Check: at s*, baten gemeente_t = 0,75 · 10·s*·0,8 · 4.000 · t = 24.000·s*·t,
    //   PV = 24.000·s*·(1,1 + 2)/1,21 = 74.400·s*/1,21 = 31.500/1,21 = PV(kosten). ✓
    const s = r.totalen.breakEvenSucceskans;
    expect(s).toBeCloseTo((0.5 * 31_500) / 37_200, 12);
    expect(s).toBeCloseTo(0.42339, 5);
    expect(berekenBusinessCase(met(KLEIN, "succeskans", s ?? 0)).totalen.ncw).toBeCloseTo(0, 6);
  });

  test("payback year", () => {
    // cumulatief −3.000 (2025), 6.000 (2026): first year ≥ 0 is 2026.
    expect(r.totalen.terugverdienjaar).toBe(2026);
    // Success rate 0,1: baten gemeente 2.400; 4.800 against 15.000 per year: never within 2 years.
    expect(berekenBusinessCase(met(KLEIN, "succeskans", 0.1)).totalen.terugverdienjaar).toBeNull();
    // Without programme costs: netto_1 = 12.000 − 10.000 ≥ 0, paid back in year 1.
    expect(berekenBusinessCase(met(KLEIN, "programmakostenPerJaar", 0)).totalen.terugverdienjaar).toBe(2025);
    // Another start year moves the calendar year.
    expect(berekenBusinessCase({ ...KLEIN, startjaar: 2030 }).totalen.terugverdienjaar).toBe(2031);
  });

  test("fractional duration: each cohort yields a for L years from its own year", () => {
    // L = 1,5, H = 3: factor MIN(t, 1,5) = 1; 1,5; 1,5.
    // Cohort 1 yields 1 (yr 1) + 0,5 (yr 2); cohort 2: 1 (yr 2) + 0,5 (yr 3); cohort 3: 1 (yr 3).
    const x = berekenBusinessCase({ ...met(KLEIN, "duurJaren", 1.5), horizonJaren: 3 });
    expect(x.jaren.map((j) => j.baten)).toEqual([16_000, 24_000, 24_000]);
  });

  test("no costs and no own benefits: sentinels become null", () => {
    const leeg = {
      ...KLEIN,
      bestedingPerCasus: v(0),
      programmakostenPerJaar: v(0),
      aandeelGemeente: v(0),
    };
    const t = berekenBusinessCase(leeg).totalen;
    expect(t.ratio).toBeNull();
    expect(t.ratioGemeente).toBeNull();
    expect(t.breakEvenSucceskans).toBeNull();
  });
});

describe("bereik and gevoeligheid", () => {
  const ranged: BusinessCaseInvoer = {
    ...KLEIN,
    horizonJaren: 4,
    casussenPerJaar: v(10, 5, 20),
    bestedingPerCasus: v(1_000, 500, 3_000),
    succeskans: v(0.5, 0.3, 0.7),
    deadweight: v(0.2, 0, 0.5),
    duurJaren: v(2, 1, 3),
  };
  const r = berekenBusinessCase(ranged);

  test("low ≤ base ≤ high for the NPV", () => {
    expect(r.bereik.basis.totalen.ncw).toBeCloseTo(r.totalen.ncw, 9);
    expect(r.bereik.laag.totalen.ncw).toBeLessThanOrEqual(r.bereik.basis.totalen.ncw);
    expect(r.bereik.basis.totalen.ncw).toBeLessThanOrEqual(r.bereik.hoog.totalen.ncw);
  });

  test("low and high pick the worse and better end of each parameter", () => {
    expect(r.bereik.laag.parameters).toMatchObject({ bestedingPerCasus: 3_000, succeskans: 0.3, deadweight: 0.5 });
    expect(r.bereik.hoog.parameters).toMatchObject({ bestedingPerCasus: 500, succeskans: 0.7, deadweight: 0 });
    // Unranged parameters stay at basis.
    expect(r.bereik.laag.parameters.programmakostenPerJaar).toBe(5_000);
    expect(r.bereik.hoog.parameters.disconteringsvoet).toBe(0.1);
  });

  test("sensitivity: one entry per ranged parameter, sorted by spread, Dutch labels", () => {
    const g = r.gevoeligheid;
    expect(g.map((x) => x.parameter).sort()).toEqual(
      ["bestedingPerCasus", "casussenPerJaar", "deadweight", "duurJaren", "succeskans"].sort(),
    );
    for (let i = 1; i < g.length; i++) expect(g[i - 1]?.spreiding).toBeGreaterThanOrEqual(g[i]?.spreiding ?? 0);
    for (const x of g) {
      expect(x.label).toBe(PARAMETER_INFO[x.parameter].label);
      expect(x.spreiding).toBeCloseTo(Math.abs(x.hoog.ncw - x.laag.ncw), 9);
      // Each end equals a fresh calculation with only that parameter changed.
      expect(berekenBusinessCase(met(ranged, x.parameter, x.laag.waarde)).totalen.ncw).toBeCloseTo(x.laag.ncw, 6);
      expect(berekenBusinessCase(met(ranged, x.parameter, x.hoog.waarde)).totalen.ncw).toBeCloseTo(x.hoog.ncw, 6);
    }
  });

  test("each preset: low ≤ base ≤ high", () => {
    for (const invoer of Object.values(BUSINESS_CASE_PRESETS)) {
      const b = berekenBusinessCase(invoer).bereik;
      expect(b.laag.totalen.ncw).toBeLessThanOrEqual(b.basis.totalen.ncw + 1e-6);
      expect(b.basis.totalen.ncw).toBeLessThanOrEqual(b.hoog.totalen.ncw + 1e-6);
    }
  });
});

describe("presets", () => {
  test("Den Haag: 13 cases in 17 months, ratio 20.000 / 3.000 = 6,67", () => {
    const invoer = BUSINESS_CASE_PRESETS["den-haag-doorbraaklab"];
    expect(maandenInclusief(2020, 7, 2021, 11)).toBe(17); // jul 2020 … nov 2021
    expect(invoer.casussenPerJaar.basis).toBeCloseTo((13 * 12) / 17, 12); // 9,18
    const r = berekenBusinessCase(invoer);
    // kosten_t = n·3.000, baten_t = n·1·(1 − 0)·20.000·MIN(t, 1) = n·20.000 → 20.000 / 3.000
    expect(r.totalen.ratio).toBeCloseTo(6.67, 2);
    expect(r.totalen.ratioGemeente).toBeCloseTo(20_000 / 3_000, 12);
    expect(r.totalen.terugverdienjaar).toBe(2025);
    expect(r.gevoeligheid.map((g) => g.parameter)).toEqual(["bestedingPerCasus"]);
  });

  test("Nijmegen: € 17.000 per case, 96% success", () => {
    const invoer = BUSINESS_CASE_PRESETS["ivt-jim"];
    expect(invoer.bestedingPerCasus.basis).toBe(17_000);
    expect(invoer.succeskans.basis).toBe(0.96);
    expect(invoer.vermedenKostenPerSuccesPerJaar).toMatchObject({ basis: 57_500, laag: 45_000, hoog: 70_000 });
    expect(invoer.bestedingPerCasus.bron.soort).toBe("afgeleid");
    expect(invoer.succeskans.bron.soort).toBe("bron");
    expect(invoer.casussenPerJaar.bron.soort).toBe("aanname");
  });

  test("survey range: budget only as cost, macro warning", () => {
    const invoer = BUSINESS_CASE_PRESETS["enquete-bandbreedte"];
    expect(invoer.bestedingPerCasus).toMatchObject({ laag: 40_000, hoog: 100_000 });
    expect(invoer.vermedenKostenPerSuccesPerJaar).toMatchObject({ laag: 200_000, hoog: 375_000 });
    expect(invoer.programmakostenPerJaar).toMatchObject({ basis: 0, bron: { soort: "bron" } });
    expect(invoer.toelichting).toMatch(/macro-besparing/);
  });

  test("every preset is valid and uses the defaults", () => {
    for (const invoer of Object.values(BUSINESS_CASE_PRESETS)) {
      expect(controleerBusinessCase(invoer)).toEqual([]);
      expect(invoer.horizonJaren).toBe(4);
      expect(invoer.startjaar).toBe(2025);
      expect(invoer.disconteringsvoet).toMatchObject({ basis: 0.0225, bron: { soort: "aanname" } });
    }
  });

  test("every numeric figure in every preset carries a Bron", () => {
    const isBron = (x: unknown): x is Bron => {
      if (typeof x !== "object" || x === null || !("soort" in x)) return false;
      switch (x.soort) {
        case "bron":
          return "document" in x && typeof x.document === "string" && x.document.length > 0 && "plaats" in x;
        case "afgeleid":
          return "uit" in x && Array.isArray(x.uit) && x.uit.length > 0 && x.uit.every(isBron);
        case "aanname":
          return "toelichting" in x && typeof x.toelichting === "string" && x.toelichting.length > 10;
        default:
          return false;
      }
    };
    const zonderBron: string[] = [];
    let gezien = 0;
    const loop = (x: unknown, pad: string, bron: boolean): void => {
      if (typeof x === "number") {
        gezien++;
        if (!bron) zonderBron.push(pad);
        return;
      }
      if (typeof x !== "object" || x === null) return;
      if (isBron(x)) return;
      const heeftBron = "bron" in x && isBron(x.bron);
      for (const [k, y] of Object.entries(x)) loop(y, `${pad}.${k}`, heeftBron);
    };
    for (const [sleutel, invoer] of Object.entries(BUSINESS_CASE_PRESETS)) {
      // horizonJaren and startjaar are plain settings of the calculation, not figures from a source.
      const { horizonJaren: _h, startjaar: _s, ...cijfers } = invoer;
      loop(cijfers, sleutel, false);
      for (const p of BUSINESS_CASE_PARAMETERS) expect(isBron(invoer[p].bron)).toBe(true);
    }
    expect(gezien).toBeGreaterThanOrEqual(3 * BUSINESS_CASE_PARAMETERS.length);
    expect(zonderBron).toEqual([]);
  });
});

describe("model cells: one definition, also as a formula", () => {
  const model = new Model();
  const c = bouwBusinessCase(model, KLEIN, "bc_");
  const formule = (naam: string): string => {
    const cel = model.getCel(naam);
    if (!cel) throw new Error(`no cell ${naam}`);
    return renderFormula(cel.expr, (x) => x);
  };

  test("input names and formula text", () => {
    expect(c.invoer).toEqual({
      casussenPerJaar: "bc_n",
      bestedingPerCasus: "bc_b",
      programmakostenPerJaar: "bc_p",
      succeskans: "bc_s",
      deadweight: "bc_d",
      vermedenKostenPerSuccesPerJaar: "bc_a",
      duurJaren: "bc_L",
      aandeelGemeente: "bc_g",
      disconteringsvoet: "bc_r",
    });
    expect(c.perJaar.map((j) => j.kosten)).toEqual(["bc_kosten_1", "bc_kosten_2"]);
    expect(formule("bc_kosten_1")).toBe("bc_n*bc_b+bc_p");
    expect(formule("bc_successen")).toBe("bc_n*bc_s*(1-bc_d)");
    expect(formule("bc_baten_2")).toBe("bc_successen*bc_a*MIN(2,bc_L)");
    expect(formule("bc_batenAnderen_1")).toBe("bc_baten_1-bc_batenGemeente_1");
    expect(formule("bc_cumulatief_2")).toBe("bc_cumulatief_1+bc_netto_2");
    expect(formule("bc_discontofactor_2")).toBe("1/POWER(1+bc_r,2)");
    expect(formule("bc_ncw")).toBe("SUM(bc_netto_1*bc_discontofactor_1,bc_netto_2*bc_discontofactor_2)");
    expect(formule("bc_breakEvenSucceskans")).toBe(
      "IF(bc_contanteBatenGemeente=0,0,bc_s*bc_contanteKosten/bc_contanteBatenGemeente)",
    );
    expect(formule("bc_terugverdienjaar")).toBe("IF(bc_cumulatief_1>=0,bc_jaar_1,IF(bc_cumulatief_2>=0,bc_jaar_2,0))");
  });

  test("inputs carry label, unit, source and group; every cell renders", () => {
    for (const p of BUSINESS_CASE_PARAMETERS) {
      const i = model.getInput(c.invoer[p]);
      expect(i).toMatchObject({ waarde: KLEIN[p].basis, bron: A, groep: "Maatwerkbudget" });
      expect(i?.label).toBe(PARAMETER_INFO[p].label);
    }
    expect(model.getInput(c.startjaar)?.waarde).toBe(2025);
    for (const cel of model.cellen) expect(() => renderFormula(cel.expr, (x) => x)).not.toThrow();
  });

  test("evaluating the expressions cell by cell gives the evaluator's values", () => {
    const w = model.evaluator();
    for (const cel of model.cellen) {
      const x = evaluate(cel.expr, w);
      if (Number.isNaN(x)) expect(w(cel.naam)).toBeNaN();
      else expect(x).toBe(w(cel.naam));
    }
  });

  test("two business cases in one model with different prefixes; bad prefixes and input refused", () => {
    bouwBusinessCase(model, BUSINESS_CASE_PRESETS["ivt-jim"], "ivt_");
    expect(model.evaluator()("ivt_ncw")).toBeCloseTo(
      berekenBusinessCase(BUSINESS_CASE_PRESETS["ivt-jim"]).totalen.ncw,
      6,
    );
    expect(() => bouwBusinessCase(model, KLEIN, "bc_")).toThrow(/duplicate/);
    expect(() => bouwBusinessCase(new Model(), KLEIN, "")).toThrow(/prefix/);
    expect(() => bouwBusinessCase(new Model(), KLEIN, "1x_")).toThrow(/prefix/);
    expect(() => bouwBusinessCase(new Model(), { ...KLEIN, horizonJaren: 11 }, "bc_")).toThrow(/invalid/);
  });
});

describe("controleerBusinessCase", () => {
  test("reports structured problems", () => {
    const fout: BusinessCaseInvoer = {
      ...KLEIN,
      naam: " ",
      horizonJaren: 2.5,
      startjaar: 1990,
      succeskans: v(1.2),
      deadweight: v(0.2, 0.3),
      casussenPerJaar: v(Number.NaN),
    };
    expect(controleerBusinessCase(fout)).toEqual([
      { veld: "naam", code: "lege-naam" },
      { veld: "horizonJaren", code: "geen-geheel-getal", waarde: 2.5 },
      { veld: "startjaar", code: "buiten-bereik", waarde: 1990, min: 2000, max: 2100 },
      { veld: "casussenPerJaar", deel: "basis", code: "geen-getal", waarde: Number.NaN },
      { veld: "succeskans", deel: "basis", code: "buiten-bereik", waarde: 1.2, min: 0, max: 1 },
      { veld: "deadweight", deel: "laag", code: "volgorde", waarde: 0.3 },
    ]);
  });
});

// ---- properties ----

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const euro = fc.double({ min: 0, max: 500_000, noNaN: true });
const invoerArb: fc.Arbitrary<BusinessCaseInvoer> = fc
  .record({
    n: fc.double({ min: 0, max: 200, noNaN: true }),
    b: euro,
    p: euro,
    s: frac,
    d: frac,
    a: euro,
    L: fc.double({ min: 0, max: 12, noNaN: true }),
    g: frac,
    r: fc.double({ min: 0, max: 0.2, noNaN: true }),
    H: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ n, b, p, s, d, a, L, g, r, H }) => ({
    naam: "eigenschap",
    horizonJaren: H,
    startjaar: 2025,
    casussenPerJaar: v(n),
    bestedingPerCasus: v(b),
    programmakostenPerJaar: v(p),
    succeskans: v(s),
    deadweight: v(d),
    vermedenKostenPerSuccesPerJaar: v(a),
    duurJaren: v(L),
    aandeelGemeente: v(g),
    disconteringsvoet: v(r),
  }));

const tol = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

describe("properties", () => {
  test("a higher success rate never lowers the gemeente's NPV", () => {
    fc.assert(
      fc.property(invoerArb, frac, frac, (invoer, s1, s2) => {
        const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const a = berekenBusinessCase(met(invoer, "succeskans", lo)).totalen.ncw;
        const b = berekenBusinessCase(met(invoer, "succeskans", hi)).totalen.ncw;
        expect(b).toBeGreaterThanOrEqual(a - tol(a));
      }),
    );
  });

  test("deadweight 1 gives zero benefits", () => {
    fc.assert(
      fc.property(invoerArb, (invoer) => {
        const r = berekenBusinessCase(met(invoer, "deadweight", 1));
        for (const j of r.jaren) expect(j.baten).toBe(0);
        expect(r.totalen.baten).toBe(0);
        expect(r.totalen.batenGemeente).toBe(0);
      }),
    );
  });

  test("aandeelGemeente 0: no own benefits, society totals unchanged", () => {
    fc.assert(
      fc.property(invoerArb, (invoer) => {
        const basis = berekenBusinessCase(invoer).totalen;
        const nul = berekenBusinessCase(met(invoer, "aandeelGemeente", 0)).totalen;
        expect(nul.batenGemeente).toBe(0);
        expect(nul.batenAnderen).toBe(nul.baten);
        expect(nul.baten).toBe(basis.baten);
        expect(nul.kosten).toBe(basis.kosten);
        expect(nul.nettoMaatschappelijk).toBe(basis.nettoMaatschappelijk);
        expect(nul.ncwMaatschappelijk).toBe(basis.ncwMaatschappelijk);
        expect(nul.ratio).toBe(basis.ratio);
      }),
    );
  });

  test("batenGemeente + batenAnderen = baten, per year and in total", () => {
    fc.assert(
      fc.property(invoerArb, (invoer) => {
        const r = berekenBusinessCase(invoer);
        for (const j of r.jaren) expect(j.batenGemeente + j.batenAnderen).toBeCloseTo(j.baten, 6);
        const t = r.totalen;
        expect(Math.abs(t.batenGemeente + t.batenAnderen - t.baten)).toBeLessThanOrEqual(tol(t.baten) * 100);
      }),
    );
  });

  test("NPV = PV(own benefits) − PV(costs); break-even rate gives NPV 0", () => {
    fc.assert(
      fc.property(invoerArb, (invoer) => {
        const t = berekenBusinessCase(invoer).totalen;
        const schaal = Math.max(1, t.contanteKosten, t.contanteBatenGemeente);
        expect(Math.abs(t.ncw - (t.contanteBatenGemeente - t.contanteKosten))).toBeLessThanOrEqual(1e-9 * schaal);
        if (t.breakEvenSucceskans !== null && t.breakEvenSucceskans <= 1) {
          const z = berekenBusinessCase(met(invoer, "succeskans", t.breakEvenSucceskans)).totalen.ncw;
          expect(Math.abs(z)).toBeLessThanOrEqual(1e-7 * schaal);
        }
      }),
    );
  });

  test("with ranges (discount rate fixed): low ≤ base ≤ high", () => {
    // With r fixed, the NPV is monotone in every parameter but n, and n's effect has the sign of the
    // per-case margin, which the other parameters' low (high) choices only lower (raise). With a ranged
    // r that argument fails: the margin's sign may flip with r.
    const spreid = (x: Bereik, lo: number, hi: number, max: number): Bereik =>
      v(x.basis, x.basis * (1 - lo), Math.min(max, x.basis * (1 + hi)));
    fc.assert(
      fc.property(invoerArb, fc.array(frac, { minLength: 16, maxLength: 16 }), (invoer, f) => {
        const ranged: BusinessCaseInvoer = { ...invoer };
        const mutable = ranged as { -readonly [K in BusinessCaseParameter]: Bereik };
        BUSINESS_CASE_PARAMETERS.filter((p) => p !== "disconteringsvoet").forEach((p, i) => {
          mutable[p] = spreid(invoer[p], f[2 * i] ?? 0, f[2 * i + 1] ?? 0, PARAMETER_INFO[p].max ?? Infinity);
        });
        expect(controleerBusinessCase(ranged)).toEqual([]);
        const b = berekenBusinessCase(ranged).bereik;
        const schaal = Math.max(1, Math.abs(b.basis.totalen.contanteKosten), b.hoog.totalen.contanteBatenGemeente);
        expect(b.laag.totalen.ncw).toBeLessThanOrEqual(b.basis.totalen.ncw + 1e-9 * schaal);
        expect(b.basis.totalen.ncw).toBeLessThanOrEqual(b.hoog.totalen.ncw + 1e-9 * schaal);
      }),
    );
  });
});
