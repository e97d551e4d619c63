import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import { RIVIERENLAND } from "../../src/domain/region/presets";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import { runCli } from "../support/cli";
import { leesScenario } from "../../src/domain/scenario/validatie";
import { VOORBEELD_CONFIG } from "../../src/i18n/voorbeeld-config.nl";
import { asSnapshot } from "../../src/sources/builtin";
import { scenarioContext } from "../../src/sources/scenario-gegevens";

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), "jeugd-scenario-"));
const config = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

interface Json {
  gemeente: string;
  jaren: number[];
  vingerafdruk: string;
  toedeling: { sleutel: string; aandeel: number; bron: string };
  maatregelen: { naam: string; besparing: Record<string, number> }[];
  totaal: Record<string, number>;
  leden?: { gemeente: string; aandeel: number; bedrag: number }[];
  regio?: { totaal: { bedrag: number } };
  businessCase?: { totalen: { ratio: number } };
}

describe("jeugdscenario scenario", () => {
  test("--json: toedeling with key, share and source; measures and totals per year in euros", async () => {
    const r = await run(["scenario", "--gemeente", "Tiel", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.gemeente).toBe("Tiel");
    expect(j.jaren).toEqual([2025, 2026, 2027, 2028]);
    expect(j.vingerafdruk).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Tiel's share of the gemeentefonds jeugd cluster, meicirculaire 2024: 21,149,891.91 / 7,648,442,362.13
    expect(j.toedeling.sleutel).toBe("gemeentefonds");
    expect(j.toedeling.aandeel).toBeCloseTo(21_149_891.91 / 7_648_442_362.13, 12);
    expect(j.toedeling.bron).toContain("meicirculaire 2024");
    expect(j.maatregelen).toHaveLength(7);
    for (const y of ["2025", "2026", "2027", "2028"]) {
      const sum = j.maatregelen.reduce((s, m) => s + (m.besparing[y] ?? 0), 0);
      expect(sum).toBeCloseTo(j.totaal[y] ?? NaN, 1);
    }
  });

  test("the same inputs give the same fingerprint; a change gives another", async () => {
    const a = JSON.parse((await run(["scenario", "--gemeente", "Tiel", "--json"])).out) as Json;
    const b = JSON.parse((await run(["scenario", "--gemeente", "tiel", "--json"])).out) as Json;
    const c = JSON.parse((await run(["scenario", "--gemeente", "Buren", "--json"])).out) as Json;
    expect(b.vingerafdruk).toBe(a.vingerafdruk);
    expect(c.vingerafdruk).not.toBe(a.vingerafdruk);
  });

  test("a region preset: members reconcile to the region total to the cent", async () => {
    const r = await run(["scenario", "--gemeente", "Tiel", "--regio", "Rivierenland", "--model", "mix:40", "--json"]);
    const j = JSON.parse(r.out) as Json;
    expect(j.leden?.map((l) => l.gemeente)).toEqual([...RIVIERENLAND.leden]);
    const cents = (j.leden ?? []).reduce((s, l) => s + Math.round(l.bedrag * 100), 0);
    expect(cents).toBe(Math.round((j.regio?.totaal.bedrag ?? NaN) * 100));
    expect((j.leden ?? []).reduce((s, l) => s + l.aandeel, 0)).toBeCloseTo(1, 12);
  });

  test("own members, key and model from the command line", async () => {
    const r = await run([
      "scenario",
      "--gemeente",
      "Tiel",
      "--leden",
      "Tiel,Buren,Culemborg",
      "--sleutel",
      "gemeentefonds",
      "--model",
      "solidariteit",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Regio Eigen regio");
    expect(r.out).toMatch(/Totaal\s+100,00%/);
  });

  test("the Dutch summary names the allocation, the measures and the totals", async () => {
    const r = await run(["scenario", "--gemeente", "Tiel"]);
    expect(r.out).toContain("Scenario Basis · Tiel · basis 2025-begroting · 2025–2028");
    expect(r.out).toContain(
      "Toedeling: Gemeentefonds jeugd (Meicirculaire 2024, uitkeringsjaar 2025), aandeel 0,2765%",
    );
    expect(r.out).toMatch(/Regionalisering\s+€ -/);
    expect(r.out).toMatch(/Totaal netto besparing\s+€ /);
  });

  test("--voorbeeld prints a commented config that is itself valid", async () => {
    const r = await run(["scenario", "--voorbeeld"]);
    expect(r.out).toBe(VOORBEELD_CONFIG);
    expect(r.out.startsWith("// ")).toBe(true);
    const ctx = scenarioContext(asSnapshot(snapshotJson));
    const read = leesScenario(parseJsonc(r.out), ctx);
    expect(read.ok ? read.scenario.naam : read.issues).toBe("Basis");
    const f = config("voorbeeld.jsonc", r.out);
    const u = await run(["scenario", "--config", f, "--json"]);
    expect(u.err).toBe("");
    const j = JSON.parse(u.out) as Json;
    expect(j.businessCase?.totalen.ratio).toBeGreaterThan(0);
    expect(j.leden).toHaveLength(8);
    // contractering is 'gerealiseerd' in the example: it adds nothing
    expect(Object.values(j.maatregelen.find((m) => m.naam.startsWith("Contractering"))?.besparing ?? {})).toEqual([
      0, 0, 0, 0,
    ]);
  });

  test("invalid configs: every problem in Dutch, naming the field; exit code 2", async () => {
    const f = config(
      "fout.json",
      JSON.stringify({
        gemeente: "Tiel",
        horizon: 12,
        groie: 3,
        maatregelen: [
          { maatregel: "afbakening", waterbed: 120 },
          { maatregel: "poh-jeugd", realisatiegraad: -5, ingroeijaren: 0 },
          { maatregel: "onbekend" },
        ],
        businessCase: { preset: "ivt-jim", aanpassingen: { casussenPerJaar: -3, succeskans: { basis: 50, laag: 60 } } },
        regio: { naam: "X", leden: ["Tiel", "Amsterdm"], sleutel: "inwoners", model: "profijt" },
      }),
    );
    const r = await run(["scenario", "--config", f]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.split("\n").filter(Boolean)).toEqual([
      "Het scenario bevat 9 fouten:",
      "- 'groie' is geen bekend veld (tikfout?); bekend zijn: schema, naam, gemeente, dataset, begrotingsjaar, horizon, groei, indexatie, toedeling, pad, maatregelen, businessCase, regio.",
      "- 'horizon': 12 ligt buiten het bereik 1–10.",
      "- 'maatregelen[0].waterbed': 120 ligt buiten 0–100%.",
      "- 'maatregelen[1].realisatiegraad': -5 ligt buiten 0–100%.",
      "- 'maatregelen[1].ingroeijaren': 0 ligt buiten het bereik 1–10.",
      "- 'maatregelen[2].maatregel': 'onbekend' is onbekend; kies uit afbakening, contractering, tariefdifferentiatie, verwijzingen, bestaanszekerheid, poh-jeugd, regionalisering, extra-bezuiniging.",
      "- 'businessCase.aanpassingen.casussenPerJaar': -3 mag niet negatief zijn.",
      "- 'businessCase.aanpassingen.succeskans.laag': 60 ligt aan de verkeerde kant van de basiswaarde 50 (laag ≤ basis ≤ hoog).",
      "- 'regio.leden[1]': gemeente 'Amsterdm' is niet gevonden. Bedoelde u: Amsterdam, Asten, Rotterdam?",
    ]);
  });

  test("unknown gemeente, broken JSON, conflicting options", async () => {
    const g = await run(["scenario", "--gemeente", "Tiell"]);
    expect(g.code).toBe(2);
    expect(g.err).toContain("- 'gemeente': gemeente 'Tiell' is niet gevonden. Bedoelde u: Tiel, Texel?");
    const broken = config("kapot.json", '{ "gemeente": "Tiel", "horizon": }');
    const b = await run(["scenario", "--config", broken]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/kapot\.json, regel 1, kolom \d+: de configuratie is geen geldige JSON \(ValueExpected\)\./);
    const both = await run(["scenario", "--gemeente", "Tiel", "--regio", "Rivierenland", "--leden", "Tiel,Buren"]);
    expect(both.err).toContain("Gebruik --regio óf --leden, niet allebei.");
    const model = await run(["scenario", "--gemeente", "Tiel", "--regio", "Rivierenland", "--model", "half"]);
    expect(model.err).toContain("Onbekend verdeelmodel 'half'");
    const one = await run(["scenario", "--gemeente", "Tiel", "--leden", "Tiel"]);
    expect(one.err).toContain("Een regio heeft minstens twee gemeenten nodig; opgegeven: 1.");
  });
});
