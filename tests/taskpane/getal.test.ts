import fc from "fast-check";
import { leesGetal, procentTekst, toonGetal, toonProcent } from "../../src/taskpane/getal";

describe("leesGetal: Dutch number entry", () => {
  test.each([
    ["0", 0],
    ["12", 12],
    ["12,5", 12.5],
    [",5", 0.5],
    ["1.234", 1234],
    ["1.234,5", 1234.5],
    ["1.234.567,89", 1234567.89],
    ["-1.234,5", -1234.5],
    ["−3", -3],
    ["+7", 7],
    ["12.5", 12.5], // a keypad decimal point: not three digits after it
    ["2.25", 2.25],
    ["1.2345", 1.2345],
    ["€ 40.000", 40000],
    ["40.000 €", 40000],
    ["-€ 5", -5],
    ["1 234,5", 1234.5],
    ["1\u00a0234", 1234],
    ["  80  ", 80],
    ["12,", 12],
    ["-0", 0],
  ])("%j → %p", (tekst, waarde) => {
    const u = leesGetal(tekst);
    expect(u).toEqual({ ok: true, waarde });
    if (u.ok) expect(Object.is(u.waarde, -0)).toBe(false);
  });

  test("a trailing % only where a percentage is expected", () => {
    expect(leesGetal("12,5%", { procent: true })).toEqual({ ok: true, waarde: 12.5 });
    expect(leesGetal("12,5%")).toEqual({ ok: false, reden: "geen-getal" });
  });

  test("empty is 'leeg', not 0", () => {
    expect(leesGetal("")).toEqual({ ok: false, reden: "leeg" });
    expect(leesGetal("   ")).toEqual({ ok: false, reden: "leeg" });
  });

  test.each([
    "12,3,4",
    "1.23.4",
    "1,234.5",
    "1.2.3",
    "abc",
    "-",
    "€",
    ",",
    "1e5",
    "12a",
    "1..2",
    "(5)",
    "1.234,5,6",
    "--3",
  ])("%j is refused rather than guessed", (tekst) => {
    expect(leesGetal(tekst)).toEqual({ ok: false, reden: "geen-getal" });
  });
});

describe("toonGetal: what an input shows", () => {
  test.each([
    [1234.5, "1.234,5"],
    [33_000_000, "33.000.000"],
    [2.9, "2,9"],
    [0.1 + 0.2, "0,3"],
    [-1234, "-1.234"],
    [-0, "0"],
    [NaN, ""],
  ])("%p → %j", (waarde, tekst) => {
    expect(toonGetal(waarde)).toBe(tekst);
  });

  test("years without grouping", () => {
    expect(toonGetal(2025, 0, false)).toBe("2025");
  });

  test("percentages of fractions", () => {
    expect(toonProcent(0.0225)).toBe("2,25");
    expect(toonProcent(0.96)).toBe("96");
    expect(procentTekst(0.002765, 4)).toBe("0,2765%");
  });

  test("what it shows reads back to the same value, up to its last decimal", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const tekst = toonGetal(x, d);
        const terug = leesGetal(tekst);
        expect(terug.ok).toBe(true);
        // At most half a unit of the last shown decimal away (plus float noise at 10^12).
        if (terug.ok) expect(Math.abs(terug.waarde - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 1e-12);
      }),
      { numRuns: 500 },
    );
  });
});
