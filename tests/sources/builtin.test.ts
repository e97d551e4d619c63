import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import {
  asSnapshot,
  builtinIv3,
  DATASET_IDS,
  gemeentenVan,
  loadSnapshot,
  vindGemeente,
} from "../../src/sources/builtin";
import { withSharedData } from "../support/shared-data";

const snapshot = asSnapshot(snapshotJson);

describe("built-in data set", () => {
  test("342 gemeenten plus the national row, four data sets, three circulaires", () => {
    expect(gemeentenVan(snapshot)).toHaveLength(342);
    expect(snapshot.gemeenten.some((g) => g.naam === "Nederland")).toBe(true);
    expect(snapshot.datasets.map((d) => d.id)).toEqual([...DATASET_IDS]);
    expect(snapshot.provenance.gemeentefonds.map((c) => c.id)).toEqual(["M2023_2024", "M2024_2025", "S2024_2025"]);
  });

  test("provenance names file, CBS table, verslagsoort and unit for each data set", () => {
    const p = snapshot.provenance.datasets.map((d) => [
      d.id,
      d.bestand,
      d.cbsTabel,
      d.verslagsoort,
      d.eenheidBron,
      d.eenheid,
    ]);
    expect(p).toEqual([
      ["2023-begroting", "cbs-iv3/2023_begroting.csv", "45063NED", "begroting", "EUR1000", "EUR"],
      ["2023-jaarrekening", "cbs-iv3/2023_jaarrekening.csv", "45063NED", "jaarrekening", "EUR1000", "EUR"],
      ["2024-begroting", "cbs-iv3/2024_begroting.csv", "45067NED", "begroting", "EUR1000", "EUR"],
      ["2025-begroting", "cbs-iv3/2025_begroting.csv", "45071NED", "begroting", "EUR1000", "EUR"],
    ]);
    for (const d of snapshot.provenance.datasets) expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("gemeentefonds jeugd cluster: meicirculaire 2024 national total € 7,648 mln (BRIEF §6), gemeenten add up", () => {
    expect(Math.round((snapshot.gemeentefondsTotaal.M2024_2025 ?? 0) / 1e6)).toBe(7648);
    for (const c of ["M2023_2024", "M2024_2025", "S2024_2025"] as const) {
      const sum = gemeentenVan(snapshot).reduce((s, g) => s + Math.round((g.gf[c] ?? NaN) * 100), 0);
      // each amount is rounded to the cent: at most half a cent off per gemeente
      expect(Math.abs(sum - Math.round((snapshot.gemeentefondsTotaal[c] ?? 0) * 100))).toBeLessThanOrEqual(171);
    }
  });

  test("rows are euros: Tiel 6.72a jaarrekening 2023 = 3,317 thousand in the CBS file", () => {
    const data = builtinIv3(snapshot, "2023-jaarrekening", "Tiel");
    expect(data.rows.find((r) => r.taakveld === "6.72a")).toEqual({
      gemeente: "Tiel",
      taakveld: "6.72a",
      lasten: 3_317_000,
      baten: 1_000,
    });
    expect(data.gemeenten).toEqual([{ naam: "Tiel", provincie: "Gelderland", inwoners: 42604 }]);
    expect(data.provenance).toMatchObject({
      cbsTabel: "45063NED",
      verslagsoort: "jaarrekening",
      jaar: 2023,
      eenheidBron: "EUR1000",
    });
    expect(data.regime).toBe("2023-2024");
  });

  test("loads lazily and once", async () => {
    const a = await loadSnapshot();
    const b = await loadSnapshot();
    expect(a).toBe(b);
    expect(gemeentenVan(a)).toHaveLength(342);
  });
});

describe("gemeente lookup", () => {
  test.each([
    ["Tiel", "Tiel"],
    ["  tiel ", "Tiel"],
    ["Súdwest-Fryslân", "Súdwest-Fryslân"],
    ["sudwest fryslan", "Súdwest-Fryslân"],
    ["'s-Hertogenbosch", "'s-Hertogenbosch"],
    ["Groningen (gemeente)", "Groningen"],
    ["Beek (L.)", "Beek"],
    ["Utrecht (gemeente)", "Utrecht"],
    ["Den Haag", "'s-Gravenhage"],
    ["Bergen (NH.)", "Bergen (NH.)"],
  ])("%j → %s", (q, naam) => {
    const m = vindGemeente(snapshot, q);
    expect(m.ok && m.gemeente.naam).toBe(naam);
  });

  test("unknown names give the closest names", () => {
    const m = vindGemeente(snapshot, "Amsterdm");
    expect(m).toMatchObject({ ok: false, suggesties: ["Amsterdam", "Asten", "Rotterdam"] });
    expect(!m.ok && m.melding).toBe("Gemeente 'Amsterdm' is niet gevonden. Bedoelde u: Amsterdam, Asten, Rotterdam?");
  });

  test("an ambiguous name lists the candidates", () => {
    const m = vindGemeente(snapshot, "Bergen");
    expect(m).toMatchObject({ ok: false });
    expect(!m.ok && m.suggesties).toEqual(expect.arrayContaining(["Bergen (L.)", "Bergen (NH.)"]));
  });
});

withSharedData("derivation is reproducible", (dir) => {
  test("scripts/derive-data.mjs on the raw files gives exactly the committed data set", () => {
    const out = join(mkdtempSync(join(tmpdir(), "jeugd-derive-")), "snapshot.json");
    const root = resolve(__dirname, "..", "..");
    execFileSync(process.execPath, [join(root, "scripts", "derive-data.mjs"), "--bron", dir, "--uit", out], {
      cwd: root,
    });
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(root, "src", "data", "iv3-snapshot.json"), "utf8"));
  });
});
