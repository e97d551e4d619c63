import fc from "fast-check";
import { JeugdAggregator, jeugdOverzicht, NEDERLAND } from "../../src/domain/iv3/aggregate";
import type { Iv3Row } from "../../src/domain/iv3/types";
import { asSnapshot, builtinIv3, DATASET_IDS } from "../../src/sources/builtin";
import { readIv3CsvFile } from "../../src/sources/csv-node";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import { join } from "node:path";
import { withSharedData } from "../support/shared-data";

const snapshot = asSnapshot(snapshotJson);

/**
 * BRIEF §3: national jeugd lasten in Iv3 jaarrekening 2023, summed over 6.72*, 6.73*, 6.74*, 6.82* of
 * the Nederland rows, is € 6,277.8 mln. The Nederland rows (in € 1,000) are:
 * 6.72 5,917 · 6.72a 1,081,009 · 6.72b 995,533 · 6.72c 363,280 · 6.72d 549,287 · 6.73a 252,749 ·
 * 6.73b 409,633 · 6.73c 787,357 · 6.74a 774,831 · 6.74b 381,025 · 6.74c 118,969 · 6.82 7,464 ·
 * 6.82a 493,268 · 6.82b 57,458 → 6,277,780 thousand = € 6,277,780,000.
 */
const NATIONAAL_JEUGD_LASTEN_JR2023 = 6_277_780_000;

describe("national totals", () => {
  test("jaarrekening 2023 national jeugd lasten = € 6,277.8 mln (built-in data)", () => {
    const data = builtinIv3(snapshot, "2023-jaarrekening", NEDERLAND);
    const o = new JeugdAggregator(data.regime).addAll(data.rows).overzicht(NEDERLAND);
    expect(o.jeugd.lasten).toBe(NATIONAAL_JEUGD_LASTEN_JR2023);
    expect(Math.round((o.jeugd.lasten ?? 0) / 1e5) / 10).toBe(6277.8);
  });

  test("the 342 gemeenten add up to the Nederland row for every data set", () => {
    for (const id of DATASET_IDS) {
      const data = builtinIv3(snapshot, id);
      const agg = new JeugdAggregator(data.regime).addAll(data.rows);
      const nat = agg.overzicht(NEDERLAND).jeugd;
      let lasten = 0;
      let n = 0;
      for (const g of agg.gemeenten()) {
        if (g === NEDERLAND) continue;
        lasten += agg.overzicht(g).jeugd.lasten ?? 0;
        n++;
      }
      expect(n).toBe(342);
      expect(lasten).toBe(nat.lasten);
    }
  });
});

describe("one gemeente", () => {
  /**
   * Tiel, jaarrekening 2023 (rows of the CBS file, € 1,000): 6.72a 3,317 · 6.72b 6 · 6.72c 2,655 ·
   * 6.72d 3 · 6.73a 605 · 6.73b 884 · 6.73c 3,388 · 6.74a 1,649 · 6.74b 2,105 · 6.74c 42 ·
   * 6.82a 1,132 · 6.82b 86 (6.72 and 6.82 are 0).
   * zonder verblijf = 3,317 + 6 + 2,655 + 3 + 1,649 = 7,630; met verblijf = 605 + 884 + 3,388 + 2,105 + 42 = 7,024;
   * total = 7,630 + 7,024 + 1,132 + 86 = 15,872. Baten: 6.72a 1, 6.72c 5, 6.74a 1 → 7.
   */
  test("Tiel jaarrekening 2023 per group and in total (hand calculation)", () => {
    const data = builtinIv3(snapshot, "2023-jaarrekening", "Tiel");
    const o = jeugdOverzicht(data.rows, "Tiel", data.regime);
    const g = Object.fromEntries(o.groepen.map((x) => [x.id, x.lasten]));
    expect(g).toEqual({
      "zonder-verblijf": 7_630_000,
      "met-verblijf": 7_024_000,
      jeugdbescherming: 1_132_000,
      jeugdreclassering: 86_000,
      "verblijf-bescherming-reclassering": 0,
    });
    expect(o.jeugd).toEqual({ lasten: 15_872_000, baten: 7_000, saldo: 15_865_000 });
    expect(o.taakvelden.find((t) => t.code === "6.72a")).toMatchObject({
      lasten: 3_317_000,
      baten: 1_000,
      saldo: 3_316_000,
    });
  });

  test("groups of 'jeugd totaal' partition it, in every data set, for every gemeente", () => {
    for (const id of DATASET_IDS) {
      const data = builtinIv3(snapshot, id);
      const agg = new JeugdAggregator(data.regime).addAll(data.rows);
      for (const gemeente of agg.gemeenten()) {
        const o = agg.overzicht(gemeente);
        const sum = o.groepen.filter((x) => x.inJeugdTotaal).reduce((s, x) => s + Math.round((x.saldo ?? 0) * 100), 0);
        expect(sum).toBe(Math.round((o.jeugd.saldo ?? 0) * 100));
      }
    }
  });
});

describe("null handling and cents", () => {
  const row = (taakveld: string, lasten: number | null, baten: number | null, gemeente = "X"): Iv3Row => ({
    gemeente,
    taakveld,
    lasten,
    baten,
  });

  test("no figure stays null; a figure next to no figure counts", () => {
    const o = jeugdOverzicht([row("6.72a", null, null), row("6.72b", 10, null)], "X", "2023-2024");
    expect(o.taakvelden.find((t) => t.code === "6.72a")).toMatchObject({ lasten: null, baten: null, saldo: null });
    expect(o.taakvelden.find((t) => t.code === "6.72c")).toMatchObject({ lasten: null, baten: null, saldo: null });
    expect(o.jeugd).toEqual({ lasten: 10, baten: null, saldo: 10 });
  });

  test("categorie rows of one taakveld add up; non-youth rows are ignored", () => {
    const o = jeugdOverzicht(
      [row("6.73a", 0.1, null), row("6.73a", 0.2, null), row("6.73a", null, 0.05), row("0.1", 1e6, 0)],
      "X",
      "2023-2024",
    );
    expect(o.taakvelden.find((t) => t.code === "6.73a")).toMatchObject({ lasten: 0.3, baten: 0.05, saldo: 0.25 });
    expect(o.jeugd.lasten).toBe(0.3);
  });

  test("property: the total equals the sum of the parts to the cent, whatever the order", () => {
    const codes = ["6.751", "6.752", "6.761", "6.792", "6.821", "6.822", "6.22", "0.1"];
    const rowArb = fc.record({
      taakveld: fc.constantFrom(...codes),
      cents: fc.integer({ min: -1e11, max: 1e11 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 200 }), (rs) => {
        const rows = rs.map((r) => row(r.taakveld, r.cents / 100, null));
        const o = jeugdOverzicht(rows, "X", "2025+");
        const jeugdCodes = new Set(["6.751", "6.752", "6.761", "6.792", "6.821", "6.822"]);
        const want = rs.filter((r) => jeugdCodes.has(r.taakveld)).reduce((s, r) => s + r.cents, 0);
        expect(Math.round((o.jeugd.lasten ?? 0) * 100)).toBe(want);
        const rev = jeugdOverzicht([...rows].reverse(), "X", "2025+");
        expect(rev.jeugd).toEqual(o.jeugd);
      }),
      { numRuns: 500 },
    );
  });
});

withSharedData("from the raw CBS file", (dir) => {
  test("jaarrekening 2023 national jeugd lasten = € 6,277.8 mln (CSV source)", async () => {
    const r = await readIv3CsvFile(join(dir, "cbs-iv3", "2023_jaarrekening.csv"), {
      jaar: 2023,
      verslagsoort: "jaarrekening",
    });
    expect(r.indeling.formaat).toBe("cbs-afgeleid");
    const o = new JeugdAggregator(r.regime).addAll(r.rows).overzicht(NEDERLAND);
    expect(o.jeugd.lasten).toBe(NATIONAAL_JEUGD_LASTEN_JR2023);
  });
});
