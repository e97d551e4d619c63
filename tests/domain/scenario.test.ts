import fc from "fast-check";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import { NEDERLAND } from "../../src/domain/iv3/aggregate";
import {
  MAATREGELEN,
  padBedrag,
  PAD_PRESETS,
  SOM_2022,
  TOTAAL_2022,
  type MaatregelId,
} from "../../src/domain/measures/maatregelen";
import { bronTekst, type Bron } from "../../src/domain/model/bron";
import { renderFormula } from "../../src/domain/model/expr";
import { Model } from "../../src/domain/model/model";
import { canoniekeJson, vingerafdruk } from "../../src/domain/scenario/canoniek";
import { bouwScenarioModel, leesResultaat, type ScenarioGegevens } from "../../src/domain/scenario/engine";
import type { MaatregelInstelling, Scenario } from "../../src/domain/scenario/scenario";
import { STANDAARD, standaardScenario } from "../../src/domain/scenario/standaard";
import { nodeHasher } from "../../src/platform/hash-node";
import { webHasher } from "../../src/platform/hash-web";
import { asSnapshot, gemeentenVan } from "../../src/sources/builtin";
import { scenarioGegevens, sleutelwaarden } from "../../src/sources/scenario-gegevens";

const snapshot = asSnapshot(snapshotJson);

function run(s: Scenario, g: ScenarioGegevens = scenarioGegevens(snapshot, s)) {
  const model = new Model();
  const namen = bouwScenarioModel(s, g, model);
  return { model, namen, r: leesResultaat(s, g, namen, model), v: model.evaluator() };
}

const basis = (over: Partial<Scenario> = {}): Scenario => ({ ...standaardScenario("Tiel", "2025-begroting"), ...over });
const alle = (s: Scenario, over: Partial<MaatregelInstelling>): MaatregelInstelling[] =>
  s.maatregelen.map((m) => ({ ...m, ...over }));

describe("measure table and national paths", () => {
  test("the seven 2022 lines add up to € 215 mln, while the table prints € 214 mln as its total", () => {
    expect(MAATREGELEN.map((m) => [m.naam.split(" ")[0], (m.bedrag2022?.waarde ?? 0) / 1e6])).toEqual([
      ["Afbakening", 33],
      ["Contractering/Standaardisatie", 48],
      ["Tariefdifferentiatie", 6],
      ["Beperking", 36],
      ["Versterken", 101],
      ["Brede", 38],
      ["Regionalisering", -47],
    ]);
    // 33 + 48 + 6 + 36 + 101 + 38 − 47 = 215: the source's own total line says 214 (a rounding difference there).
    expect(MAATREGELEN.reduce((s, m) => s + (m.bedrag2022?.waarde ?? 0), 0)).toBe(215e6);
    expect(SOM_2022.waarde).toBe(215e6);
    expect(TOTAAL_2022.waarde).toBe(214e6);
    expect(bronTekst(SOM_2022.bron)).toContain("afrondingsverschil in de bron");
    expect(MAATREGELEN.filter((m) => m.code).map((m) => m.code)).toEqual(["B2", "B23", "B12"]);
  });

  test("paths: 2022 sourced, 2028 = € 1 bn (sourced), 2025 interpolated and labelled aanname", () => {
    const tot = (pad: "vng-2022" | "cvw-1-mld" | "cvw-1-mld-extra", jaar: number) =>
      MAATREGELEN.reduce((s, m) => s + padBedrag(pad, m.id, jaar).waarde, 0);
    expect(tot("cvw-1-mld", 2022)).toBe(215e6);
    expect(Math.round(tot("cvw-1-mld", 2028))).toBe(1000e6);
    // 2025: 215 + (1000 − 215) × 3/6 = 607.5 mln
    expect(Math.round(tot("cvw-1-mld", 2025))).toBe(607.5e6);
    expect(bronTekst(padBedrag("cvw-1-mld", "afbakening", 2025).bron)).toContain("aanname");
    expect(padBedrag("cvw-1-mld", "afbakening", 2022).bron.soort).toBe("bron");
    expect(tot("vng-2022", 2027)).toBe(215e6);
    expect(padBedrag("vng-2022", "poh-jeugd", 2027).bron.soort).toBe("aanname");
    // extra cut: 100 / 500 / 500 / 511 for 2024–2027 (brief VWS), only in its own preset
    expect(
      [2023, 2024, 2025, 2026, 2027, 2030].map(
        (j) => padBedrag("cvw-1-mld-extra", "extra-bezuiniging", j).waarde / 1e6,
      ),
    ).toEqual([0, 100, 500, 500, 511, 511]);
    expect(padBedrag("cvw-1-mld", "extra-bezuiniging", 2025).waarde).toBe(0);
  });
});

describe("allocation to one gemeente", () => {
  test("2022 allocation = national amount × gemeentefonds jeugd share (hand calculation for Tiel)", () => {
    // Meicirculaire 2024 (uitkeringsjaar 2025), cluster Individuele voorzieningen Jeugd:
    // Tiel € 21,149,891.91; Nederland € 7,648,442,362.13 → share 0.0027652548.
    // The table's printed total: 214,000,000 × share = € 591,764.53.
    // The engine allocates the sourced lines, which add up to 215 mln: 215,000,000 × share = € 594,529.78.
    const s = basis({ begrotingsjaar: 2022, horizon: 1, pad: { preset: "vng-2022" } });
    const { r } = run(s);
    expect(r.toedeling.aandeel).toBeCloseTo(21_149_891.91 / 7_648_442_362.13, 15);
    expect(TOTAAL_2022.waarde * r.toedeling.aandeel).toBeCloseTo(591_764.53, 1);
    const bruto2022 = r.maatregelen.reduce((sum, m) => sum + (m.bruto["2022"] ?? 0), 0);
    expect(bruto2022).toBeCloseTo(594_529.78, 1);
    // Afbakening alone: 33,000,000 × share = € 91,253.41
    expect(r.maatregelen.find((m) => m.id === "afbakening")?.bruto["2022"]).toBeCloseTo(91_253.41, 2);
    expect(bronTekst(r.toedeling.bron)).toContain("GF_M2024_2025.csv: Tiel € 21.149.892, Nederland € 7.648.442.362");
  });

  test("the key, its value and its source are part of the result for every key kind", () => {
    for (const sleutel of ["gemeentefonds", "iv3-saldo", "inwoners"] as const) {
      const { r } = run(basis({ toedeling: { sleutel } }));
      expect(r.toedeling.sleutel).toBe(sleutel);
      expect(r.toedeling.aandeel).toBeGreaterThan(0.001);
      expect(r.toedeling.aandeel).toBeLessThan(0.01);
      expect(bronTekst(r.toedeling.bron).length).toBeGreaterThan(20);
    }
    // Tiel has 42,590 inwoners in the 2025 begroting file; Nederland 17,947,406 (same file's Nederland row).
    const inw = sleutelwaarden(snapshot, "Tiel", { sleutel: "inwoners" }, "2025-begroting");
    expect(inw?.teller).toBe(42_590);
    const eigen = run(basis({ toedeling: { sleutel: "eigen", percentage: 0.5 } }));
    expect(eigen.r.toedeling.aandeel).toBe(0.005);
  });

  test("property: shares of all 342 gemeenten sum to 1 and their amounts to the national total within € 1", () => {
    for (const t of [
      { sleutel: "gemeentefonds" } as const,
      { sleutel: "iv3-saldo", dataset: "2023-jaarrekening" } as const,
      { sleutel: "inwoners" } as const,
    ]) {
      let share = 0;
      let amount = 0;
      for (const g of gemeentenVan(snapshot)) {
        const k = sleutelwaarden(snapshot, g.naam, t, "2025-begroting");
        if (!k) throw new Error("no key");
        share += k.teller / k.noemer;
        amount += (TOTAAL_2022.waarde * k.teller) / k.noemer;
      }
      expect(Math.abs(share - 1)).toBeLessThan(1e-6);
      expect(Math.abs(amount - TOTAAL_2022.waarde)).toBeLessThan(1);
    }
  });
});

describe("measures for the gemeente", () => {
  test("net saving = gross × realisation × phase-in × (1 − waterbed), by hand", () => {
    // Afbakening on the CvW path in 2025: 33 mln × 607.5/215 = 93,244,186.05 national.
    // Tiel share 0.0027652548 → gross 257,843.94. Planned from 2025 with 2 years phase-in: 2025 = 1/2, 2026 = 1.
    // 2025: 257,843.94 × 0.8 × 0.5 × 0.75 = 77,353.18
    const { r } = run(basis());
    const m = r.maatregelen.find((x) => x.id === "afbakening");
    expect(m?.nationaal["2025"]).toBeCloseTo(93_244_186.05, 1);
    expect(m?.bruto["2025"]).toBeCloseTo(257_843.94, 1);
    expect(m?.besparing["2025"]).toBeCloseTo(77_353.18, 1);
    expect(m?.besparing["2026"]).toBeCloseTo((m?.bruto["2026"] ?? 0) * 0.8 * 1 * 0.75, 1);
  });

  test("regionalisering is a cost: negative, and no waterbed applies to it", () => {
    const s = basis({ maatregelen: alle(basis(), { waterbed: 50 }) });
    const { r } = run(s);
    const reg = r.maatregelen.find((x) => x.id === "regionalisering");
    expect(reg?.besparing["2026"]).toBeLessThan(0);
    expect(reg?.besparing["2026"]).toBeCloseTo((reg?.bruto["2026"] ?? 0) * 0.8, 1);
  });

  test("a measure marked already realised (or not taken) adds nothing", () => {
    for (const status of ["gerealiseerd", "niet"] as const) {
      const s = basis({
        maatregelen: basis().maatregelen.map((m) => (m.maatregel === "poh-jeugd" ? { ...m, status } : m)),
      });
      const { r } = run(s);
      const poh = r.maatregelen.find((x) => x.id === "poh-jeugd");
      for (const j of r.jaren) expect(poh?.besparing[String(j)]).toBe(0);
    }
  });

  test("property: marking any measure 'already realised' removes exactly its own saving and nothing else", () => {
    const g = scenarioGegevens(snapshot, basis());
    const ids = basis().maatregelen.map((m) => m.maatregel);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 4 }),
        (id, real, waterbed, ingroei) => {
          const voor = basis({
            maatregelen: alle(basis(), { realisatiegraad: real, waterbed, ingroeijaren: ingroei }),
          });
          const na = {
            ...voor,
            maatregelen: voor.maatregelen.map((m) =>
              m.maatregel === id ? { ...m, status: "gerealiseerd" as const } : m,
            ),
          };
          const a = run(voor, g).r;
          const b = run(na, g).r;
          for (const j of a.jaren.map(String)) {
            expect(b.maatregelen.find((m) => m.id === id)?.besparing[j]).toBe(0);
            const eigen = a.maatregelen.find((m) => m.id === id)?.besparing[j] ?? 0;
            expect(b.totaal[j] ?? NaN).toBeCloseTo((a.totaal[j] ?? NaN) - eigen, 1);
            for (const m of b.maatregelen)
              if (m.id !== id) expect(m.besparing[j]).toBe(a.maatregelen.find((x) => x.id === m.id)?.besparing[j]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  test("planned from a later year: nothing before it", () => {
    const s = basis({ maatregelen: basis().maatregelen.map((m) => ({ ...m, vanafJaar: 2027, ingroeijaren: 1 })) });
    const { r } = run(s);
    expect(r.totaal["2025"]).toBe(0);
    expect(r.totaal["2026"]).toBe(0);
    expect(r.totaal["2027"]).toBeGreaterThan(0);
  });

  test("property: a higher waterbed factor never raises the net saving", () => {
    const g = scenarioGegevens(snapshot, basis());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("vng-2022" as const, "cvw-1-mld" as const),
        (w1, w2, real, preset) => {
          const [lo, hi] = w1 <= w2 ? [w1, w2] : [w2, w1];
          const mk = (w: number) =>
            basis({ pad: { preset }, maatregelen: alle(basis(), { waterbed: w, realisatiegraad: real }) });
          const a = run(mk(lo), g).r;
          const b = run(mk(hi), g).r;
          for (const j of a.jaren)
            expect(b.totaal[String(j)] ?? 0).toBeLessThanOrEqual((a.totaal[String(j)] ?? 0) + 1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("savings are distributed pro rata to the baseline, or by own weights, and add up", () => {
    const { r } = run(basis());
    for (const j of r.jaren) {
      const sumTv = r.projectie.taakvelden.reduce((s, t) => s + (t.besparing[String(j)] ?? 0), 0);
      expect(sumTv).toBeCloseTo(r.totaal[String(j)] ?? 0, 1);
    }
    const w = basis({ maatregelen: alle(basis(), { verdeling: { "6.751": 1, "6.821": 3 } }) });
    const rw = run(w).r;
    const t751 = rw.projectie.taakvelden.find((t) => t.code === "6.751")?.besparing["2026"] ?? 0;
    const t821 = rw.projectie.taakvelden.find((t) => t.code === "6.821")?.besparing["2026"] ?? 0;
    expect(t821).toBeCloseTo(3 * t751, 1);
    expect(t751 + t821).toBeCloseTo(rw.totaal["2026"] ?? 0, 1);
  });
});

describe("projection", () => {
  test("without measures: baseline × ((1 + groei)(1 + indexatie))^(t − basisjaar); with = without − savings", () => {
    const { r } = run(basis());
    // Tiel 2025 begroting jeugd lasten (sum of the 2025 jeugd taakvelden in the CBS file): € 18,816,000
    expect(r.projectie.totaal.basis).toBe(18_816_000);
    const f = (1 + STANDAARD.groei.waarde / 100) * (1 + STANDAARD.indexatie.waarde / 100);
    expect(r.projectie.totaal.zonder["2025"]).toBe(18_816_000);
    expect(r.projectie.totaal.zonder["2027"]).toBeCloseTo(18_816_000 * f * f, 1);
    for (const j of r.jaren) {
      const k = String(j);
      expect(r.projectie.totaal.met[k]).toBeCloseTo((r.projectie.totaal.zonder[k] ?? 0) - (r.totaal[k] ?? 0), 1);
    }
  });

  test("horizon: begrotingsjaar + 3 by default, up to 10", () => {
    expect(run(basis()).r.jaren).toEqual([2025, 2026, 2027, 2028]);
    expect(run(basis({ horizon: 10 })).r.jaren).toHaveLength(11);
  });
});

describe("one definition per computed cell", () => {
  test("the net saving cell renders as an Excel formula over the same names", () => {
    const { model } = run(basis());
    const cel = model.getCel("netto_afbakening_2025");
    expect(cel && renderFormula(cel.expr, (n) => n)).toBe(
      "IF(bruto_afbakening_2025>0,bruto_afbakening_2025*actief_afbakening*real_afbakening*fase_afbakening_2025*(1-waterbed_afbakening),bruto_afbakening_2025*actief_afbakening*real_afbakening*fase_afbakening_2025)",
    );
    const fase = model.getCel("fase_afbakening_2026");
    expect(fase && renderFormula(fase.expr, (n) => n)).toBe(
      "IF(2026<vanaf_afbakening,0,MIN(1,(2026-vanaf_afbakening+1)/ingroei_afbakening))",
    );
  });
});

describe("every default figure carries a source or 'aanname'", () => {
  const check = (b: Bron, waar: string) => {
    expect(b.soort === "gebruiker" ? `${waar}: default zonder bron` : "ok").toBe("ok");
    expect(bronTekst(b).length).toBeGreaterThan(15);
    if (b.soort === "bron") {
      expect(b.document.length).toBeGreaterThan(5);
      expect(b.plaats.length).toBeGreaterThan(3);
    }
  };
  test("measure table, paths and defaults", () => {
    for (const m of MAATREGELEN) if (m.bedrag2022) check(m.bedrag2022.bron, m.id);
    for (const p of PAD_PRESETS)
      for (const m of [...MAATREGELEN.map((x) => x.id), "extra-bezuiniging" as MaatregelId])
        for (let j = 2022; j <= 2032; j++) check(padBedrag(p.id, m, j).bron, `${p.id}/${m}/${j}`);
    for (const [k, v] of Object.entries(STANDAARD)) check(v.bron, k);
  });
  test("every input of the default scenario model", () => {
    const { model } = run(basis());
    for (const i of model.inputs) check(i.bron, i.naam);
    expect(model.inputs.length).toBeGreaterThan(50);
  });
});

describe("canonical JSON and fingerprint", () => {
  test("stable key order: equal inputs give equal bytes", () => {
    expect(canoniekeJson({ b: 1, a: [2, { d: -0, c: "x" }], e: undefined })).toBe('{"a":[2,{"c":"x","d":0}],"b":1}');
    const s = basis();
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    expect(canoniekeJson(reordered)).toBe(canoniekeJson(s));
  });
  test("SHA-256 test vector, and Node and Web Crypto agree", async () => {
    // FIPS 180-2 test vector: SHA-256("abc")
    expect(await nodeHasher.sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await webHasher.sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const s = basis();
    const a = await vingerafdruk(s, nodeHasher);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await vingerafdruk(s, webHasher)).toBe(a);
    expect(await vingerafdruk({ ...s, groei: 3 }, nodeHasher)).not.toBe(a);
  });
  test("the national row is not a gemeente for allocation", () => {
    expect(gemeentenVan(snapshot).some((g) => g.naam === NEDERLAND)).toBe(false);
  });
});
