import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  extractCode,
  HOOFDCATEGORIEEN,
  hoofdcategorie,
  JEUGD_GROEPEN,
  lookupTaakveld,
  regimeForYear,
  REGIMES,
  taakveld,
  taakveldenVan,
  TAAKVELDEN,
  vergelijkbareGroep,
} from "../../src/domain/iv3/taxonomy";
import { jeugdTaakvelden } from "../../src/domain/iv3/aggregate";
import snapshotJson from "../../src/data/iv3-snapshot.json";
import { withSharedData } from "../support/shared-data";

const FILES = [
  { file: "2023_begroting.csv", jaar: 2023 },
  { file: "2023_jaarrekening.csv", jaar: 2023 },
  { file: "2024_begroting.csv", jaar: 2024 },
  { file: "2025_begroting.csv", jaar: 2025 },
];

describe("regimes", () => {
  test("year → regime", () => {
    expect(regimeForYear(2017)).toBe("2017-2022");
    expect(regimeForYear(2022)).toBe("2017-2022");
    expect(regimeForYear(2023)).toBe("2023-2024");
    expect(regimeForYear(2024)).toBe("2023-2024");
    expect(regimeForYear(2025)).toBe("2025+");
    expect(regimeForYear(2026)).toBe("2025+");
  });

  test("programmes 0–8 are all present in every regime, codes unique per regime", () => {
    for (const r of REGIMES) {
      const list = taakveldenVan(r);
      expect(new Set(list.map((t) => t.programma))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
      expect(new Set(list.map((t) => t.code)).size).toBe(list.length);
    }
  });

  test("jeugd taakvelden per regime are the ones of BRIEF §3", () => {
    const ja = (r: (typeof REGIMES)[number]) =>
      taakveldenVan(r)
        .filter((t) => t.jeugd === "ja")
        .map((t) => t.code);
    expect(ja("2017-2022")).toEqual(["6.72", "6.82"]);
    expect(ja("2023-2024")).toEqual([
      "6.72",
      "6.72a",
      "6.72b",
      "6.72c",
      "6.72d",
      "6.73a",
      "6.73b",
      "6.73c",
      "6.74a",
      "6.74b",
      "6.74c",
      "6.82",
      "6.82a",
      "6.82b",
    ]);
    expect(ja("2025+")).toEqual(["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792", "6.821", "6.822"]);
    const deels = (r: (typeof REGIMES)[number]) =>
      taakveldenVan(r)
        .filter((t) => t.jeugd === "deels")
        .map((t) => t.code);
    expect(deels("2017-2022")).toEqual(["6.1", "6.2", "7.1"]);
    expect(deels("2023-2024")).toEqual(["6.1", "6.2", "7.1"]);
    expect(deels("2025+")).toEqual(["6.1", "6.22", "6.23", "6.92", "7.1"]);
  });

  test("every full name is a non-empty Dutch name and every jeugd taakveld has a group", () => {
    for (const t of TAAKVELDEN) {
      expect(t.naam.length).toBeGreaterThan(3);
      if (t.jeugd === "ja") expect(t.groep).toBeDefined();
    }
  });
});

describe("code lookup tolerates CBS quirks", () => {
  test.each([
    ["6.74a Jeugd behandeling GGZ zonder ..", "6.74a"],
    ["6.82a Jeugdbescherming ", "6.82a"],
    ["6.72a ", "6.72a"],
    ["  6.72a\u00a0Jeugdhulp begeleiding", "6.72a"],
    ["6,72a", "6.72a"],
    ["6.72A", "6.72a"],
    ["Taakveld 6.72a", "6.72a"],
    ["0.10 Mutaties reserves", "0.10"],
    ["0.1 Bestuur", "0.1"],
    ["6.751 Jeugdhulp ambulant lokaal", "6.751"],
    ["6.714 Ov.  maatwerkarrangementen (WMO)", "6.714"],
  ])("%j → %s", (raw, code) => {
    expect(extractCode(raw)).toBe(code);
  });

  test.each(["", "   ", "Jeugd", "n.v.t.", "6.72e", "672a", "6..72"])("%j has no code", (raw) => {
    expect(extractCode(raw)).toBeUndefined();
  });

  test("0.1 and 0.10 are different taakvelden", () => {
    expect(taakveld("0.1", "2023-2024")?.naam).toBe("Bestuur");
    expect(taakveld("0.10", "2023-2024")?.naam).toBe("Mutaties reserves");
  });

  test("a 2023 code in a 2025 file is reported with the regimes where it exists", () => {
    expect(lookupTaakveld("6.72a Jeugdhulp begeleiding", "2025+")).toEqual({
      ok: false,
      reden: "verkeerd-regime",
      regimes: ["2023-2024"],
    });
    expect(lookupTaakveld("6.751", "2023-2024")).toMatchObject({ ok: false, reden: "verkeerd-regime" });
    expect(lookupTaakveld("9.1", "2025+")).toEqual({ ok: false, reden: "onbekend" });
  });

  test("balance-sheet keys and full names", () => {
    expect(lookupTaakveld("A1.1 ", "2023-2024")).toEqual({ ok: false, reden: "balanspost" });
    expect(lookupTaakveld("P2", "2023-2024")).toEqual({ ok: false, reden: "balanspost" });
    expect(lookupTaakveld("pleegzorg", "2023-2024")).toMatchObject({ ok: true, taakveld: { code: "6.73a" } });
    // "Jeugdbescherming" is 6.82a in 2023–2024 and 6.821 from 2025: the regime decides.
    expect(lookupTaakveld("Jeugdbescherming", "2025+")).toMatchObject({ ok: true, taakveld: { code: "6.821" } });
  });
});

describe("crosswalk between regimes", () => {
  test("each regime's jeugd taakvelden fall into the aggregate groups", () => {
    for (const r of REGIMES) {
      for (const t of jeugdTaakvelden(r)) {
        expect(JEUGD_GROEPEN.map((g) => g.id)).toContain(t.groep);
      }
    }
  });

  test("2017–2022 collapses met verblijf, jeugdbescherming and jeugdreclassering (all in 6.82)", () => {
    expect(taakveld("6.82", "2017-2022")?.groep).toBe("verblijf-bescherming-reclassering");
    for (const g of ["met-verblijf", "jeugdbescherming", "jeugdreclassering"] as const) {
      expect(vergelijkbareGroep(g, "2017-2022", "2025+")).toBe("verblijf-bescherming-reclassering");
      expect(vergelijkbareGroep(g, "2023-2024", "2025+")).toBe(g);
    }
    expect(vergelijkbareGroep("zonder-verblijf", "2017-2022", "2023-2024")).toBe("zonder-verblijf");
  });

  test("2023 and 2025 share the four comparable groups", () => {
    const groups = (r: (typeof REGIMES)[number]) =>
      new Set(
        jeugdTaakvelden(r)
          .filter((t) => t.jeugd === "ja")
          .map((t) => t.groep),
      );
    for (const g of ["zonder-verblijf", "met-verblijf", "jeugdbescherming", "jeugdreclassering"]) {
      expect(groups("2023-2024").has(g as never)).toBe(true);
      expect(groups("2025+").has(g as never)).toBe(true);
    }
  });
});

describe("hoofdcategorieën", () => {
  test("seven main categories and lookup from a categorie code", () => {
    expect(HOOFDCATEGORIEEN.map((h) => h.nummer)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(hoofdcategorie("L3.5.1")?.naam).toBe("Goederen en diensten");
    expect(hoofdcategorie("B4.3.1")?.naam).toBe("Overdrachten");
    expect(hoofdcategorie("L1.1 Salarissen en sociale lasten")?.naam).toBe("Salarissen en sociale lasten");
    expect(hoofdcategorie("X")).toBeUndefined();
  });
});

describe("every code of the built-in data set is known to the taxonomy", () => {
  test.each(snapshotJson.datasets.map((d) => [d.id, d.taakvelden] as const))("%s", (id, codes) => {
    const regime = regimeForYear(Number(id.slice(0, 4)));
    for (const code of codes) expect(taakveld(code, regime)?.code).toBe(code);
    // and every taakveld of the regime except 0.11 (left out: a saldo) occurs in the CBS data
    const expected = taakveldenVan(regime)
      .map((t) => t.code)
      .filter((c) => c !== "0.11");
    expect([...codes].sort()).toEqual([...expected].sort());
  });
});

withSharedData("every code in the four raw CSV files is known, and labels fit the full names", (dir) => {
  test.each(FILES)("$file", ({ file, jaar }) => {
    const text = readFileSync(join(dir, "cbs-iv3", file), "utf8");
    const labels = new Set(
      text
        .split("\n")
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(";")[1] ?? ""),
    );
    expect(labels.size).toBeGreaterThan(60);
    for (const label of labels) {
      const hit = lookupTaakveld(label, regimeForYear(jaar));
      if (!hit.ok) throw new Error(`${file}: ${label} → ${hit.reden}`);
      // The cut CBS label ("Jeugd behandeling GGZ zonder ..", "Ov.  maatwerk…") abbreviates our name word by word.
      const words = label
        .trim()
        .split(/\s+/)
        .slice(1)
        .map((w) => w.replace(/\.+$/, "").toLowerCase())
        .filter(Boolean);
      const nameWords = hit.taakveld.naam.toLowerCase().split(/\s+/);
      words.forEach((w, i) => expect(nameWords[i]?.startsWith(w) ? w : `${label} ≠ ${hit.taakveld.naam}`).toBe(w));
    }
  });
});
