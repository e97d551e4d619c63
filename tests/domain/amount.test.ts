import fc from "fast-check";
import { parseAmount, toCents } from "../../src/domain/iv3/amount";

describe("parseAmount, Dutch notation", () => {
  test.each([
    ["1.234,56", 1234.56],
    ["-1.234", -1234],
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["1234", 1234],
    ["1234,5", 1234.5],
    ["9869.0", 9869],
    ["12.5", 12.5],
    ["€ 1.234", 1234],
    ["€1.234,50", 1234.5],
    ["1.234 €", 1234],
    ["EUR 12", 12],
    ["(1.234)", -1234],
    ["1.234-", -1234],
    ["−12", -12],
    ["+12", 12],
    ["1 234 567", 1234567],
    ["1\u00a0234", 1234],
    ["1,234.56", 1234.56],
    ["1,234,567", 1234567],
    ["1.2E+06", 1200000],
    ["0", 0],
    ["-", 0],
    ["0,005", 0.01],
  ])("%j → %d", (raw, want) => {
    expect(parseAmount(raw, "nl")).toEqual({ ok: true, waarde: want });
  });

  test("empty is 'geen opgave' (null), not 0", () => {
    expect(parseAmount("", "nl")).toEqual({ ok: true, waarde: null });
    expect(parseAmount("   ", "machine")).toEqual({ ok: true, waarde: null });
  });

  test.each([
    "n.v.t.",
    "abc",
    "1.23.4",
    "1,2,3",
    "12a",
    "--5",
    "1..2",
    "€",
    "()",
    "1.234,5x",
    "Infinity",
    "NaN",
    "0x10",
  ])("%j is not an amount", (raw) => {
    expect(parseAmount(raw, "nl")).toEqual({ ok: false, reden: "geen-bedrag" });
  });

  test("thousands factor and the plausibility bound", () => {
    expect(parseAmount("3317.0", "machine", 1000)).toEqual({ ok: true, waarde: 3317000 });
    expect(parseAmount("1.000.000.001", "nl", 1000)).toEqual({ ok: false, reden: "bedrag-te-groot" });
  });

  test("machine notation refuses Dutch formatting", () => {
    expect(parseAmount("1.234,5", "machine")).toEqual({ ok: false, reden: "geen-bedrag" });
    expect(parseAmount("-99998", "machine")).toEqual({ ok: true, waarde: -99998 });
  });
});

describe("properties", () => {
  const nlFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  test("any amount formatted the Dutch way parses back to the same cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
        const text = nlFormat.format(cents / 100).replace(/\u2212/g, "-");
        const r = parseAmount(text, "nl");
        expect(r.ok && r.waarde !== null ? toCents(r.waarde) : NaN).toBe(cents);
      }),
      { numRuns: 3000 },
    );
  });

  test("never throws, always a result", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom("nl" as const, "machine" as const), (s, n) => {
        const r = parseAmount(s, n);
        expect(typeof r.ok).toBe("boolean");
        if (r.ok && r.waarde !== null) expect(Number.isFinite(r.waarde)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
