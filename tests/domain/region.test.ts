import fc from "fast-check";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import { JeugdAggregator } from "../../src/domain/iv3/aggregate";
import { aanname, bron, bronTekst } from "../../src/domain/model/bron";
import { renderFormula } from "../../src/domain/model/expr";
import { Model } from "../../src/domain/model/model";
import {
  berekenRegio,
  bouwRegio,
  IJSSELLAND,
  invoerVoorPreset,
  modelOmschrijving,
  naarCenten,
  REGIO_PRESETS,
  RegioFout,
  RIVIERENLAND,
  SLEUTEL_LABELS,
  valideerRegio,
  verdeelCenten,
  verdeelInCenten,
  type LidCijfers,
  type RegioInvoer,
  type RegioLid,
  type RegioResultaat,
  type VerdeelModel,
} from "../../src/domain/region";
import { asSnapshot, builtinIv3, gemeentenVan } from "../../src/sources/builtin";
import { formatRegioProbleem } from "../../src/i18n/nl";

const snapshot = asSnapshot(snapshotJson);

const SLEUTEL_BRON = aanname("testwaarden");
const GEBRUIK_BRON = aanname("testwaarden");

const PROFIJT: VerdeelModel = { soort: "profijt" };
const SOLIDARITEIT: VerdeelModel = { soort: "solidariteit" };
const mix = (solidairDeel: number): VerdeelModel => ({ soort: "mix", solidairDeel });

function invoer(leden: readonly RegioLid[], model: VerdeelModel, extra: Partial<RegioInvoer> = {}): RegioInvoer {
  return {
    naam: "Testregio",
    leden,
    sleutel: "inwoners",
    sleutelBron: SLEUTEL_BRON,
    gebruikBron: GEBRUIK_BRON,
    model,
    ...extra,
  };
}

/** Euros to integer cents, for exact comparisons (amounts in results are whole cents already). */
const ct = (euro: number): number => Math.round(euro * 100);
const somCenten = (xs: readonly number[]): number => xs.reduce((s, x) => s + ct(x), 0);

/**
 * Three members by hand. Key (inwoners) A 100, B 200, C 700 (Σ 1,000); own use A € 300, B € 500,
 * C € 200 (Σ € 1,000 = the amount to distribute, by default).
 *   aandeel     A 100/1000 = 0.1   B 200/1000 = 0.2   C 700/1000 = 0.7
 *   profijt     A 300              B 500              C 200
 *   solidair    A 1000×0.1 = 100   B 1000×0.2 = 200   C 1000×0.7 = 700
 *   mix 40%     A 0.4×100 + 0.6×300 = 40 + 180 = 220
 *               B 0.4×200 + 0.6×500 = 80 + 300 = 380
 *               C 0.4×700 + 0.6×200 = 280 + 120 = 400      Σ 1,000
 *   verschil    profijt 0, 0, 0; solidariteit −200, −300, +500; mix −80, −120, +200 (Σ 0 each)
 */
const DRIE: readonly RegioLid[] = [
  { gemeente: "A-dorp", sleutelwaarde: 100, eigenGebruik: 300 },
  { gemeente: "B-stad", sleutelwaarde: 200, eigenGebruik: 500 },
  { gemeente: "C-veen", sleutelwaarde: 700, eigenGebruik: 200 },
];

describe("three members by hand", () => {
  const bedragen = (r: RegioResultaat): number[] => r.leden.map((l) => l.bedrag);
  const verschillen = (r: RegioResultaat): number[] => r.leden.map((l) => l.verschilMetProfijt);

  test("profijt: everyone pays own use", () => {
    const r = berekenRegio(invoer(DRIE, PROFIJT));
    expect(r.leden.map((l) => l.aandeel)).toEqual([0.1, 0.2, 0.7]);
    expect(bedragen(r)).toEqual([300, 500, 200]);
    expect(verschillen(r)).toEqual([0, 0, 0]);
    expect(r.solidairDeel).toBe(0);
    expect(r.totaal.teVerdelen).toBe(1000);
    expect(r.totaal.bedrag).toBe(1000);
    expect(r.modelOmschrijving).toBe("profijt: iedere gemeente betaalt het eigen gebruik");
  });

  test("solidariteit: everything by the key", () => {
    const r = berekenRegio(invoer(DRIE, SOLIDARITEIT));
    expect(bedragen(r)).toEqual([100, 200, 700]);
    expect(r.leden.map((l) => l.profijt)).toEqual([300, 500, 200]);
    expect(verschillen(r)).toEqual([-200, -300, 500]);
    expect(r.totaal.verschilMetProfijt).toBe(0);
    expect(r.modelOmschrijving).toBe("solidariteit: alles verdeeld naar inwoners");
  });

  test("mix 40%", () => {
    const r = berekenRegio(invoer(DRIE, mix(0.4)));
    expect(bedragen(r)).toEqual([220, 380, 400]);
    expect(verschillen(r)).toEqual([-80, -120, 200]);
    expect(r.solidairDeel).toBe(0.4);
    expect(r.totaal.bedrag).toBe(1000);
    expect(r.totaal.verschilMetProfijt).toBe(0);
    expect(r.modelOmschrijving).toBe("mix: 40% naar inwoners, 60% naar eigen gebruik");
  });

  test("a given total (10% cut: € 900) is shared the same way", () => {
    // profijt 900×300/1000 = 270, 900×500/1000 = 450, 900×200/1000 = 180
    // solidair 900×0.1 = 90, 180, 630; mix 40%: 0.4×90 + 0.6×270 = 198, 0.4×180 + 0.6×450 = 342,
    // 0.4×630 + 0.6×180 = 360 (Σ 900); verschil −72, −108, +180.
    const r = berekenRegio(invoer(DRIE, mix(0.4), { teVerdelen: 900 }));
    expect(r.leden.map((l) => l.profijt)).toEqual([270, 450, 180]);
    expect(bedragen(r)).toEqual([198, 342, 360]);
    expect(verschillen(r)).toEqual([-72, -108, 180]);
    expect(r.totaal.teVerdelen).toBe(900);
  });

  test("rounding to cents: € 100 by equal keys gives 33.34, 33.33, 33.33", () => {
    // 100/3 = 33.333… each; floors 33.33 × 3 = 99.99; the missing cent goes to the largest remainder,
    // all equal, so to the first member. Profijt: 100, 0, 0; verschil −66.66, +33.33, +33.33 (Σ 0).
    const leden: RegioLid[] = [
      { gemeente: "A-dorp", sleutelwaarde: 1, eigenGebruik: 100 },
      { gemeente: "B-stad", sleutelwaarde: 1, eigenGebruik: 0 },
      { gemeente: "C-veen", sleutelwaarde: 1, eigenGebruik: 0 },
    ];
    const r = berekenRegio(invoer(leden, SOLIDARITEIT));
    expect(bedragen(r)).toEqual([33.34, 33.33, 33.33]);
    expect(r.leden[0]?.bedragOnafgerond).toBeCloseTo(100 / 3, 12);
    expect(verschillen(r)).toEqual([-66.66, 33.33, 33.33]);
    expect(somCenten(bedragen(r))).toBe(10000);
    expect(somCenten(verschillen(r))).toBe(0);
  });
});

describe("model cells", () => {
  test("names are member-index based; labels are Dutch with the gemeente name", () => {
    const model = new Model();
    const c = bouwRegio(model, invoer(DRIE, mix(0.4)), "r_");
    expect(c.leden.map((l) => l.bedrag)).toEqual(["r_lid1_bedrag", "r_lid2_bedrag", "r_lid3_bedrag"]);
    expect(c.leden[2]?.aandeel).toBe("r_lid3_aandeel");
    expect(model.getCel("r_lid2_verschil")?.label).toBe("B-stad: verschil met profijt");
    expect(model.getInput("r_lid3_sleutel")).toMatchObject({
      label: "C-veen: inwoners",
      eenheid: "aantal",
      waarde: 700,
    });
    expect(model.getInput("r_lid1_gebruik")).toMatchObject({ eenheid: "euro", waarde: 300, bron: GEBRUIK_BRON });
    expect(model.getInput("r_solidair_deel")?.waarde).toBe(0.4);
    // Default total Σ own use: a cell, not an input.
    expect(c.teVerdelenIsInput).toBe(false);
    expect(model.getCel("r_te_verdelen")).toBeDefined();
    expect(model.inputs.map((i) => i.naam)).toEqual([
      "r_solidair_deel",
      "r_lid1_sleutel",
      "r_lid1_gebruik",
      "r_lid2_sleutel",
      "r_lid2_gebruik",
      "r_lid3_sleutel",
      "r_lid3_gebruik",
    ]);
    const v = model.evaluator();
    expect(v("r_bedrag_totaal")).toBeCloseTo(1000, 9);
    expect(v("r_aandeel_totaal")).toBeCloseTo(1, 12);
    expect(v("r_verschil_totaal")).toBeCloseTo(0, 9);
    // Every input carries a source or an assumption.
    for (const i of model.inputs) expect(bronTekst(i.bron).length).toBeGreaterThan(0);
  });

  test("a member's bedrag cell renders as x·solidair + (1−x)·profijt", () => {
    const model = new Model();
    bouwRegio(model, invoer(DRIE, mix(0.4)), "r_");
    const bedrag = model.getCel("r_lid2_bedrag");
    if (!bedrag) throw new Error("no cell");
    expect(renderFormula(bedrag.expr, (n) => n)).toBe(
      "r_solidair_deel*r_lid2_solidair+(1-r_solidair_deel)*r_lid2_profijt",
    );
    const render = (naam: string): string => renderFormula(model.getCel(naam)?.expr ?? { op: "num", v: NaN }, (n) => n);
    expect(render("r_lid2_aandeel")).toBe("r_lid2_sleutel/r_sleutel_totaal");
    expect(render("r_lid2_solidair")).toBe("r_te_verdelen*r_lid2_aandeel");
    expect(render("r_lid2_profijt")).toBe("r_lid2_gebruik");
    expect(render("r_sleutel_totaal")).toBe("SUM(r_lid1_sleutel,r_lid2_sleutel,r_lid3_sleutel)");
  });

  test("a given total is an input with its source; profijt is then shared by own use", () => {
    const model = new Model();
    const teVerdelenBron = bron("Begroting", "p. 1");
    const c = bouwRegio(model, invoer(DRIE, PROFIJT, { teVerdelen: 900, teVerdelenBron }), "r_");
    expect(c.teVerdelenIsInput).toBe(true);
    expect(model.getInput("r_te_verdelen")).toMatchObject({ waarde: 900, bron: teVerdelenBron });
    const profijt = model.getCel("r_lid1_profijt");
    if (!profijt) throw new Error("no cell");
    expect(renderFormula(profijt.expr, (n) => n)).toBe(
      "IF(r_gebruik_totaal=0,0,r_te_verdelen*r_lid1_gebruik/r_gebruik_totaal)",
    );
  });

  test("the overrides of the evaluator recompute the distribution (one definition)", () => {
    const model = new Model();
    bouwRegio(model, invoer(DRIE, mix(0.4)), "r_");
    // x = 1: solidariteit, A gets 100.
    expect(model.evaluator({ r_solidair_deel: 1 })("r_lid1_bedrag")).toBeCloseTo(100, 9);
  });

  test("invalid input throws RegioFout with the Dutch messages", () => {
    expect(() => bouwRegio(new Model(), invoer(DRIE.slice(0, 1), PROFIJT), "r_")).toThrow(RegioFout);
    try {
      berekenRegio(invoer(DRIE, mix(2)));
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(RegioFout);
      expect((e as RegioFout).problemen.map(formatRegioProbleem)).toEqual([
        "Het solidaire deel moet tussen 0% en 100% liggen; opgegeven: 200%.",
      ]);
    }
  });
});

describe("valideerRegio", () => {
  test("a valid region has no messages", () => {
    expect(valideerRegio(invoer(DRIE, mix(0.4))).map(formatRegioProbleem)).toEqual([]);
  });

  test("fewer than two members", () => {
    expect(valideerRegio(invoer(DRIE.slice(0, 1), PROFIJT)).map(formatRegioProbleem)).toEqual([
      "Een regio heeft minstens twee gemeenten nodig; opgegeven: 1.",
    ]);
  });

  test("duplicate member (ignoring case and accents), naming both positions", () => {
    const leden = [...DRIE, { gemeente: "b-STAD ", sleutelwaarde: 1, eigenGebruik: 1 }];
    expect(valideerRegio(invoer(leden, PROFIJT)).map(formatRegioProbleem)).toEqual([
      "b-STAD staat meer dan eens in de regio (lid 2 en lid 4).",
    ]);
  });

  test("negative and non-finite key values, non-finite own use, empty name", () => {
    const leden: RegioLid[] = [
      { gemeente: "A-dorp", sleutelwaarde: -1234.5, eigenGebruik: 1 },
      { gemeente: "B-stad", sleutelwaarde: Number.NaN, eigenGebruik: Number.POSITIVE_INFINITY },
      { gemeente: " ", sleutelwaarde: 5, eigenGebruik: 1 },
    ];
    expect(valideerRegio(invoer(leden, PROFIJT)).map(formatRegioProbleem)).toEqual([
      "A-dorp: de sleutelwaarde (inwoners) is negatief (-1.234,5).",
      "B-stad: de sleutelwaarde (inwoners) is geen eindig getal.",
      "B-stad: het eigen gebruik is geen eindig getal.",
      "Lid 3 van de regio heeft geen gemeentenaam.",
    ]);
  });

  test("all key values zero", () => {
    const leden = DRIE.map((l) => ({ ...l, sleutelwaarde: 0 }));
    expect(valideerRegio(invoer(leden, SOLIDARITEIT, { sleutel: "jeugdigen" })).map(formatRegioProbleem)).toEqual([
      "Alle sleutelwaarden (jeugdigen (opgegeven)) zijn 0; naar deze sleutel valt niets te verdelen.",
    ]);
  });

  test("solidairDeel outside 0..1 or not finite; total not finite", () => {
    expect(valideerRegio(invoer(DRIE, mix(-0.1))).map(formatRegioProbleem)).toEqual([
      "Het solidaire deel moet tussen 0% en 100% liggen; opgegeven: -10%.",
    ]);
    expect(valideerRegio(invoer(DRIE, mix(Number.NaN))).map(formatRegioProbleem)).toEqual([
      "Het solidaire deel van het verdeelmodel is geen eindig getal.",
    ]);
    expect(valideerRegio(invoer(DRIE, PROFIJT, { teVerdelen: Number.NaN })).map(formatRegioProbleem)).toEqual([
      "Het te verdelen bedrag is geen eindig getal.",
    ]);
  });

  test("a given total with Σ own use = 0 cannot be shared by profijt, but can by solidariteit", () => {
    const leden = DRIE.map((l) => ({ ...l, eigenGebruik: 0 }));
    expect(valideerRegio(invoer(leden, mix(0.5), { teVerdelen: 1000 })).map(formatRegioProbleem)).toEqual([
      "Het eigen gebruik van de gemeenten is samen € 0; het deel dat naar profijt wordt verdeeld kan dan niet worden toegerekend.",
    ]);
    const r = berekenRegio(invoer(leden, SOLIDARITEIT, { teVerdelen: 1000 }));
    expect(r.leden.map((l) => l.bedrag)).toEqual([100, 200, 700]);
    expect(r.leden.map((l) => l.profijt)).toEqual([0, 0, 0]);
    expect(r.leden.map((l) => l.verschilMetProfijt)).toEqual([100, 200, 700]);
  });
});

describe("verdeelCenten", () => {
  test("hand examples", () => {
    // 3333.3, 3333.3, 3333.4 cents: floors 9,999; one cent to the largest remainder (.4, member 3).
    expect(verdeelCenten([33.333, 33.333, 33.334], 100)).toEqual([33.33, 33.33, 33.34]);
    // Equal remainders: the lower index first.
    expect(verdeelCenten([1 / 3, 1 / 3, 1 / 3], 1)).toEqual([0.34, 0.33, 0.33]);
    // Negative: −33.33… cents round down to −34 (remainder .67 each); −102 → −100: two cents back,
    // to members 1 and 2.
    expect(verdeelCenten([-1 / 3, -1 / 3, -1 / 3], -1)).toEqual([-0.33, -0.33, -0.34]);
    // Mixed signs: 10.005 → 1000.5 cents, −3.004 → −300.4 → floors 1000, −301 (Σ 699); total 7.001
    // rounds to 700 cents: one cent to the larger remainder (.6 of −300.4).
    expect(verdeelCenten([10.005, -3.004], 7.001)).toEqual([10, -3]);
    // Binary noise: 0.29 × 100 = 28.999999999999996, still 29 cents.
    expect(verdeelCenten([0.29, 0.01], 0.3)).toEqual([0.29, 0.01]);
    expect(verdeelCenten([], 0)).toEqual([]);
    expect(verdeelInCenten([0, 0], 0)).toEqual([0, 0]);
    expect(Object.is(verdeelCenten([-0.001, 0.001], 0)[0], -0)).toBe(false);
  });

  test("the total is rounded half away from zero, like Excel's ROUND", () => {
    expect(naarCenten(0.145)).toBe(15);
    expect(naarCenten(-0.145)).toBe(-15);
    expect(naarCenten(123456789.0044)).toBe(12345678900);
    expect(naarCenten(1.005)).toBe(101);
  });

  test("a total far from Σ amounts is spread evenly first", () => {
    // Σ = 0, total 1.00: 100 cents over 3 → 33 each + 1 to the first.
    expect(verdeelCenten([0, 0, 0], 1)).toEqual([0.34, 0.33, 0.33]);
    expect(() => verdeelCenten([], 1)).toThrow(RangeError);
    expect(() => verdeelCenten([Number.NaN], 0)).toThrow(RangeError);
  });

  const bedrag = fc.double({ min: -1e8, max: 1e8, noNaN: true, noDefaultInfinity: true });

  test("property: Σ rounded = total exactly in cents; each part within one cent", () => {
    fc.assert(
      fc.property(fc.array(bedrag, { minLength: 1, maxLength: 20 }), (xs) => {
        const totaal = xs.reduce((s, x) => s + x, 0);
        const uit = verdeelCenten(xs, totaal);
        expect(somCenten(uit)).toBe(naarCenten(totaal));
        uit.forEach((u, i) => {
          expect(Number.isInteger(ct(u))).toBe(true);
          expect(Math.abs(u - (xs[i] ?? 0))).toBeLessThanOrEqual(0.01 + 1e-9 * Math.max(1, Math.abs(u)));
        });
      }),
    );
  });

  test("property: amounts in whole cents are left as they are", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e10, max: 1e10 }), { minLength: 1, maxLength: 20 }), (cs) => {
        const xs = cs.map((c) => c / 100);
        expect(verdeelInCenten(xs, cs.reduce((s, c) => s + c, 0) / 100)).toEqual(cs.map((c) => c + 0));
      }),
    );
  });
});

/** Rivierenland from the built-in data: inwoners (begroting 2025) as key, Iv3 jeugd saldo (jaarrekening 2023) as use. */
function rivierenlandCijfers(): LidCijfers {
  const data = builtinIv3(snapshot, "2023-jaarrekening");
  const agg = new JeugdAggregator(data.regime).addAll(data.rows);
  const uit: Record<string, { sleutelwaarde: number; eigenGebruik: number }> = {};
  for (const naam of RIVIERENLAND.leden) {
    const g = snapshot.gemeenten.find((x) => x.naam === naam);
    const inwoners = g?.inwoners["2025-begroting"];
    const saldo = agg.overzicht(naam).jeugd.saldo;
    if (inwoners === undefined || saldo === null) throw new Error(`no data for ${naam}`);
    uit[naam] = { sleutelwaarde: inwoners, eigenGebruik: saldo };
  }
  return uit;
}

describe("Rivierenland from the built-in data", () => {
  const cijfers = rivierenlandCijfers();
  const opties = {
    sleutel: "inwoners" as const,
    sleutelBron: bron("CBS 45071NED (Iv3 begroting 2025)", "inwoners per gemeente"),
    gebruikBron: bron("CBS 45063NED (Iv3 jaarrekening 2023)", "jeugd saldo (lasten − baten)"),
  };

  test("the key values are the CBS inwoners; the region has about 250,000 inwoners", () => {
    expect(cijfers["Buren"]?.sleutelwaarde).toBe(27976);
    expect(cijfers["Tiel"]?.sleutelwaarde).toBe(42590);
    const totaal = RIVIERENLAND.leden.reduce((s, g) => s + (cijfers[g]?.sleutelwaarde ?? 0), 0);
    // 27,976 + 30,293 + 26,288 + 25,800 + 42,590 + 53,263 + 20,601 + 30,396 = 257,207
    expect(totaal).toBe(257_207);
    expect(Math.abs(totaal - (RIVIERENLAND.inwonersCirca?.waarde ?? 0)) / totaal).toBeLessThan(0.05);
  });

  test.each([
    ["profijt", PROFIJT],
    ["solidariteit", SOLIDARITEIT],
    ["mix 40%", mix(0.4)],
    ["mix 1/3", mix(1 / 3)],
  ])("%s: members add up to the region total exactly to the cent", (_, model) => {
    const r = berekenRegio(invoerVoorPreset(RIVIERENLAND, cijfers, { ...opties, model }));
    const gebruik = RIVIERENLAND.leden.reduce((s, g) => s + ct(cijfers[g]?.eigenGebruik ?? 0), 0);
    expect(r.leden.map((l) => l.gemeente)).toEqual(RIVIERENLAND.leden);
    expect(ct(r.totaal.teVerdelen)).toBe(gebruik);
    expect(somCenten(r.leden.map((l) => l.bedrag))).toBe(gebruik);
    expect(ct(r.totaal.bedrag)).toBe(gebruik);
    expect(somCenten(r.leden.map((l) => l.verschilMetProfijt))).toBe(0);
    // Profijt: the Iv3 saldo itself, to the cent.
    r.leden.forEach((l) => expect(ct(l.profijt)).toBe(ct(cijfers[l.gemeente]?.eigenGebruik ?? 0)));
    r.leden.forEach((l) => expect(Math.abs(l.bedrag - l.bedragOnafgerond)).toBeLessThan(0.01));
    expect(r.sleutelLabel).toBe("inwoners");
  });

  test("solidariteit by inwoners: Tiel pays its share of the region's saldo", () => {
    const r = berekenRegio(invoerVoorPreset(RIVIERENLAND, cijfers, { ...opties, model: SOLIDARITEIT }));
    const tiel = r.leden.find((l) => l.gemeente === "Tiel");
    const totaal = RIVIERENLAND.leden.reduce((s, g) => s + (cijfers[g]?.eigenGebruik ?? 0), 0);
    expect(tiel?.aandeel).toBeCloseTo(42590 / 257207, 12);
    expect(Math.abs((tiel?.bedrag ?? 0) - (totaal * 42590) / 257207)).toBeLessThan(0.01);
  });
});

describe("presets", () => {
  const namen = new Set(gemeentenVan(snapshot).map((g) => g.naam));

  test("every member exists exactly (same spelling) in the built-in data, once", () => {
    for (const p of REGIO_PRESETS) {
      for (const g of p.leden) expect([p.naam, g, namen.has(g)]).toEqual([p.naam, g, true]);
      expect(new Set(p.leden).size).toBe(p.leden.length);
    }
    expect(RIVIERENLAND.leden).toHaveLength(8);
    expect(IJSSELLAND.leden).toHaveLength(11);
    // The regiovisie's misspelling is not carried over.
    expect(RIVIERENLAND.leden).toContain("Maasdriel");
    expect(bronTekst(RIVIERENLAND.ledenBron)).toContain("Maasdiel");
  });

  test("sources and notes", () => {
    expect(RIVIERENLAND.inwonersCirca?.waarde).toBe(250_000);
    const tabel = RIVIERENLAND.indicatoren[0];
    expect(Object.keys(tabel?.perGemeente ?? {}).sort()).toEqual([...RIVIERENLAND.leden].sort());
    expect(tabel?.perGemeente["Tiel"]).toBe(0.184);
    expect(RIVIERENLAND.toelichting.join(" ")).toContain("Tiel 18,4%");
    expect(RIVIERENLAND.voorgesteldModel).toBeUndefined();
    expect(IJSSELLAND.voorgesteldModel).toEqual({ soort: "profijt" });
    expect(bronTekst(IJSSELLAND.modelBron ?? aanname(""))).toContain("Groningen en IJsselland");
    expect(IJSSELLAND.toelichting.join(" ")).toContain("financiële solidariteit losgelaten");
  });

  test("invoerVoorPreset: the preset's model and its source by default; missing figures throw", () => {
    const cijfers = Object.fromEntries(IJSSELLAND.leden.map((g, i) => [g, { sleutelwaarde: i + 1, eigenGebruik: 10 }]));
    const inv = invoerVoorPreset(IJSSELLAND, cijfers, {
      sleutel: "eigen",
      sleutelBron: SLEUTEL_BRON,
      gebruikBron: GEBRUIK_BRON,
    });
    expect(inv.model).toEqual({ soort: "profijt" });
    expect(inv.modelBron).toBe(IJSSELLAND.modelBron);
    const model = new Model();
    bouwRegio(model, inv, "ij_");
    expect(model.getInput("ij_solidair_deel")?.bron).toBe(IJSSELLAND.modelBron);
    expect(model.getInput("ij_lid11_sleutel")?.label).toBe("Zwolle: eigen gewichten");
    const zonderZwolle = Object.fromEntries(Object.entries(cijfers).filter(([g]) => g !== "Zwolle"));
    expect(() =>
      invoerVoorPreset(IJSSELLAND, zonderZwolle, {
        sleutel: "eigen",
        sleutelBron: SLEUTEL_BRON,
        gebruikBron: GEBRUIK_BRON,
      }),
    ).toThrow("Zwolle");
  });
});

describe("properties of the distribution", () => {
  const lid = fc.record({
    sleutelwaarde: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 200_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
    eigenGebruik: fc.oneof(
      fc.constant(0),
      fc.integer({ min: -1e9, max: 1e10 }).map((c) => c / 100),
      fc.double({ min: -1e7, max: 1e8, noNaN: true }),
    ),
  });
  const model: fc.Arbitrary<VerdeelModel> = fc.oneof(
    fc.constant(PROFIJT),
    fc.constant(SOLIDARITEIT),
    fc.double({ min: 0, max: 1, noNaN: true }).map(mix),
  );
  const regio = fc
    .record({
      leden: fc.array(lid, { minLength: 2, maxLength: 12 }),
      model,
      teVerdelen: fc.option(fc.double({ min: -1e8, max: 1e9, noNaN: true }), { nil: undefined }),
    })
    .map(({ leden, model, teVerdelen }) =>
      invoer(
        leden.map((l, i) => ({ gemeente: `Gemeente ${i + 1}`, ...l })),
        model,
        teVerdelen === undefined ? {} : { teVerdelen },
      ),
    )
    .filter((inv) => valideerRegio(inv).length === 0);

  test("Σ rounded amounts = total exactly (cents); Σ verschil = 0 whenever Σ own use ≠ 0", () => {
    fc.assert(
      fc.property(regio, (inv) => {
        const r = berekenRegio(inv);
        const totaal = inv.teVerdelen ?? inv.leden.reduce((s, l) => s + l.eigenGebruik, 0);
        expect(somCenten(r.leden.map((l) => l.bedrag))).toBe(naarCenten(totaal));
        expect(ct(r.totaal.bedrag)).toBe(ct(r.totaal.teVerdelen));
        if (r.totaal.eigenGebruik !== 0) {
          expect(somCenten(r.leden.map((l) => l.verschilMetProfijt))).toBe(0);
          expect(somCenten(r.leden.map((l) => l.profijt))).toBe(naarCenten(totaal));
        }
        r.leden.forEach((l) => {
          expect(ct(l.verschilMetProfijt)).toBe(ct(l.bedrag) - ct(l.profijt));
          const schaal = 1e-9 * Math.max(1, Math.abs(l.bedragOnafgerond));
          expect(Math.abs(l.bedrag - l.bedragOnafgerond)).toBeLessThanOrEqual(0.01 + schaal);
        });
      }),
      { numRuns: 300 },
    );
  });

  test("profijt and solidariteit coincide to the cent when the key equals own use", () => {
    const eigen = fc
      .array(fc.integer({ min: 0, max: 1e10 }), { minLength: 2, maxLength: 12 })
      .filter((cs) => cs.some((c) => c > 0));
    fc.assert(
      fc.property(eigen, (cs) => {
        const leden = cs.map((c, i) => ({
          gemeente: `Gemeente ${i + 1}`,
          sleutelwaarde: c / 100,
          eigenGebruik: c / 100,
        }));
        const p = berekenRegio(invoer(leden, PROFIJT, { sleutel: "iv3-saldo" }));
        const s = berekenRegio(invoer(leden, SOLIDARITEIT, { sleutel: "iv3-saldo" }));
        expect(s.leden.map((l) => ct(l.bedrag))).toEqual(p.leden.map((l) => ct(l.bedrag)));
        expect(p.leden.map((l) => ct(l.bedrag))).toEqual(cs);
      }),
    );
  });

  test("mix amounts lie between profijt and solidariteit per member", () => {
    fc.assert(
      fc.property(regio, fc.double({ min: 0, max: 1, noNaN: true }), (inv, x) => {
        const metMix = { ...inv, model: mix(x) };
        fc.pre(valideerRegio(metMix).length === 0);
        const r = berekenRegio(metMix);
        r.leden.forEach((l) => {
          const lo = Math.min(l.profijtOnafgerond, l.solidairOnafgerond);
          const hi = Math.max(l.profijtOnafgerond, l.solidairOnafgerond);
          const eps = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
          expect(l.bedragOnafgerond).toBeGreaterThanOrEqual(lo - eps);
          expect(l.bedragOnafgerond).toBeLessThanOrEqual(hi + eps);
          // Rounded: within a cent of the interval.
          expect(l.bedrag).toBeGreaterThanOrEqual(lo - 0.01 - eps);
          expect(l.bedrag).toBeLessThanOrEqual(hi + 0.01 + eps);
        });
      }),
      { numRuns: 300 },
    );
  });
});

test("labels of keys and models", () => {
  expect(SLEUTEL_LABELS).toEqual({
    inwoners: "inwoners",
    jeugdigen: "jeugdigen (opgegeven)",
    gemeentefonds: "aandeel gemeentefonds jeugd",
    "iv3-saldo": "historisch gebruik (Iv3 jeugd saldo)",
    eigen: "eigen gewichten",
  });
  expect(modelOmschrijving(mix(0.375), "gemeentefonds")).toBe(
    "mix: 37,5% naar aandeel gemeentefonds jeugd, 62,5% naar eigen gebruik",
  );
});
