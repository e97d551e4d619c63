import fc from "fast-check";
import { bewaarTekst, leesBewaardeStaat, type BewaardeStaat } from "../../src/taskpane/staat/bewaren";
import { businessCaseConcept, metMaatregel, regioConcept, standaardConcept } from "../../src/taskpane/staat/concept";

const staat = (): BewaardeStaat => ({
  versie: 1,
  stap: "regio",
  bron: "csv",
  concept: {
    ...metMaatregel(standaardConcept("Tiel", "2024-begroting"), "afbakening", { realisatiegraad: "12,5" }),
    businessCase: businessCaseConcept("den-haag-doorbraaklab", true),
    regio: { ...regioConcept("ijsselland", true), waarden: { Zwolle: "3" } },
    pad: "eigen",
    eigenPad: { afbakening: { "2024": "40.000.000" } },
  },
  eigenCijfers: {
    soort: "csv",
    gemeente: "Tiel",
    dataset: "2024-begroting",
    herkomst: "CSV-bestand 'x.csv' (eigen export)",
    taakvelden: { "6.72a": [1000, null], "6.82a": [null, null] },
  },
});

describe("saved state", () => {
  test("reads back exactly what was saved", () => {
    const s = staat();
    expect(leesBewaardeStaat(bewaarTekst(s))).toEqual({ soort: "ok", staat: s });
  });

  test("nothing saved", () => {
    expect(leesBewaardeStaat(undefined)).toEqual({ soort: "geen" });
    expect(leesBewaardeStaat("")).toEqual({ soort: "geen" });
  });

  test.each([
    ["{kapot", "json"],
    ["null", "vorm"],
    ["[1,2]", "vorm"],
    ['{"versie":2}', "versie"],
    ['{"stap":"gegevens"}', "versie"],
  ] as const)("%s is refused (%s)", (tekst, reden) => {
    expect(leesBewaardeStaat(tekst)).toEqual({ soort: "ongeldig", reden });
  });

  test.each<[string, (o: Record<string, unknown>) => void]>([
    ["unknown step", (o) => (o["stap"] = "kassa")],
    ["unknown source", (o) => (o["bron"] = "ftp")],
    ["gemeente not text", (o) => ((o["concept"] as Record<string, unknown>)["gemeente"] = 42)],
    ["unknown data set", (o) => ((o["concept"] as Record<string, unknown>)["dataset"] = "2030-begroting")],
    ["a measure missing", (o) => (o["concept"] as { maatregelen: unknown[] }).maatregelen.pop()],
    [
      "a measure twice",
      (o) => {
        const m = (o["concept"] as { maatregelen: unknown[] }).maatregelen;
        m[1] = m[0];
      },
    ],
    ["a number where a text belongs", (o) => ((o["concept"] as Record<string, unknown>)["groei"] = 2.9)],
    [
      "own figure not a number",
      (o) => ((o["eigenCijfers"] as { taakvelden: Record<string, unknown> }).taakvelden["6.72a"] = ["x", 1]),
    ],
    ["a variant missing", (o) => (o["concept"] as { varianten: unknown[] }).varianten.pop()],
  ])("a state with %s is refused as a whole", (_naam, bederf) => {
    const o = JSON.parse(bewaarTekst(staat())) as Record<string, unknown>;
    bederf(o);
    expect(leesBewaardeStaat(JSON.stringify(o))).toEqual({ soort: "ongeldig", reden: "vorm" });
  });

  test("any JSON at all: never throws, and only our exact shape is accepted", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = leesBewaardeStaat(JSON.stringify(v));
        expect(["geen", "ongeldig"]).toContain(r.soort);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (t) => {
        expect(() => leesBewaardeStaat(t)).not.toThrow();
      }),
    );
  });
});
