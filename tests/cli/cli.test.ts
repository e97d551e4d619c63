import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../support/cli";

const run = runCli;

describe("jeugdscenario iv3", () => {
  test("--json for Tiel, jaarrekening 2023: totals from the CBS figures (hand calculation in aggregate tests)", async () => {
    const r = await run(["iv3", "--gemeente", "Tiel", "--dataset", "2023-jaarrekening", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      gemeente: string;
      dataset: string;
      jeugd: { lasten: number; baten: number; saldo: number };
      groepen: { id: string; lasten: number }[];
      taakvelden: { code: string; naam: string; lasten: number | null; baten: number | null; saldo: number | null }[];
    };
    expect(j.gemeente).toBe("Tiel");
    expect(j.dataset).toBe("2023-jaarrekening");
    expect(j.jeugd).toEqual({ lasten: 15_872_000, baten: 7_000, saldo: 15_865_000 });
    expect(j.groepen.map((g) => [g.id, g.lasten])).toEqual([
      ["zonder-verblijf", 7_630_000],
      ["met-verblijf", 7_024_000],
      ["jeugdbescherming", 1_132_000],
      ["jeugdreclassering", 86_000],
      ["verblijf-bescherming-reclassering", 0],
    ]);
    expect(j.taakvelden[1]).toEqual({
      code: "6.72a",
      naam: "Jeugdhulp begeleiding",
      groep: "zonder-verblijf",
      lasten: 3_317_000,
      baten: 1_000,
      saldo: 3_316_000,
    });
  });

  test("the Dutch table shows the taakvelden and the total in euros", async () => {
    const r = await run(["iv3", "--gemeente", "tiel", "--dataset", "2023-jaarrekening"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Tiel · 2023-jaarrekening · Iv3-indeling 2023-2024 · 42.604 inwoners");
    expect(r.out).toMatch(/6\.72a\s+Jeugdhulp begeleiding\s+€ 3\.317\.000\s+€ 1\.000\s+€ 3\.316\.000/);
    expect(r.out).toMatch(/Jeugd totaal\s+€ 15\.872\.000\s+€ 7\.000\s+€ 15\.865\.000/);
  });

  test("2025 data set uses the 2025 codes, with toegang and beleid outside the total", async () => {
    const r = await run(["iv3", "--gemeente", "Den Haag", "--dataset", "2025-begroting", "--json"]);
    const j = JSON.parse(r.out) as { gemeente: string; taakvelden: { code: string }[]; groepen: { id: string }[] };
    expect(j.gemeente).toBe("'s-Gravenhage");
    expect(j.taakvelden.map((t) => t.code)).toEqual([
      "6.22",
      "6.751",
      "6.752",
      "6.753",
      "6.761",
      "6.762",
      "6.763",
      "6.792",
      "6.821",
      "6.822",
      "6.92",
    ]);
    expect(j.groepen.map((g) => g.id)).toContain("toegang-beleid");
  });

  test("unknown gemeente: Dutch message with the closest names, exit code 2", async () => {
    const r = await run(["iv3", "--gemeente", "Amsterdm", "--dataset", "2025-begroting"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("Gemeente 'Amsterdm' is niet gevonden. Bedoelde u: Amsterdam, Asten, Rotterdam?\n");
    expect(r.out).toBe("");
  });

  test("wrong usage: exit code 2 with the usage text", async () => {
    const missing = await run(["iv3", "--gemeente", "Tiel"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("De optie --dataset ontbreekt.");
    const bad = await run(["iv3", "--gemeente", "Tiel", "--dataset", "2030-begroting"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      "Onbekende dataset '2030-begroting'. Kies uit: 2023-begroting, 2023-jaarrekening, 2024-begroting, 2025-begroting.",
    );
    expect((await run(["foo"])).err).toContain("Onbekend commando 'foo'.");
    expect((await run(["iv3", "--onzin"])).code).toBe(2);
  });

  describe("--csv", () => {
    const dir = mkdtempSync(join(tmpdir(), "jeugd-cli-"));
    test("a controller's export in thousands, Dutch numbers", async () => {
      const f = join(dir, "export.csv");
      writeFileSync(f, "Bedragen x € 1.000\nTaakveld;Lasten;Baten\n6.751;1.234,5;10\n6.821;500;\n6.22;100;0\n");
      const r = await run(["iv3", "--gemeente", "Tiel", "--dataset", "2025-begroting", "--csv", f, "--json"]);
      expect(r.err).toBe("");
      const j = JSON.parse(r.out) as {
        jeugd: { lasten: number; baten: number; saldo: number };
        bron: { bestand: string };
      };
      // jeugd totaal = 6.751 + 6.821 = 1,234.5 + 500 thousand; 6.22 (toegang) is not in it
      expect(j.jeugd).toEqual({ lasten: 1_734_500, baten: 10_000, saldo: 1_724_500 });
      expect(j.bron.bestand).toBe("export.csv");
    });

    test("an invalid file: the Dutch messages, exit code 1, nothing printed on stdout", async () => {
      const f = join(dir, "fout.csv");
      writeFileSync(f, "Taakveld;Lasten;Baten\n6.751;n.v.t.;0\n6.72a;1;0\n");
      const r = await run(["iv3", "--gemeente", "Tiel", "--dataset", "2025-begroting", "--csv", f]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toBe(
        "De invoer bevat 2 fouten; er is niets ingelezen.\n" +
          "Rij 2, kolom Lasten: 'n.v.t.' is geen bedrag.\n" +
          "Rij 3, kolom Taakveld: taakveld '6.72a' bestaat niet in de indeling 2025+ (wel in 2023-2024).\n",
      );
    });

    test("a missing file", async () => {
      const r = await run(["iv3", "--gemeente", "Tiel", "--dataset", "2025-begroting", "--csv", join(dir, "nee.csv")]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^Het bestand '.*nee\.csv' kan niet worden gelezen: /);
    });
  });
});

describe("jeugdscenario gemeenten", () => {
  test("lists the 342 gemeenten", async () => {
    const r = await run(["gemeenten", "--json"]);
    const list = JSON.parse(r.out) as { naam: string; provincie: string; inwoners: number }[];
    expect(list).toHaveLength(342);
    // Inwonertal of Tiel in the 2025 begroting file: 42,590
    expect(list.find((g) => g.naam === "Tiel")).toEqual({ naam: "Tiel", provincie: "Gelderland", inwoners: 42590 });
    const text = await run(["gemeenten"]);
    expect(text.out.trim().split("\n")).toHaveLength(343);
  });
});

describe("the installed bin", () => {
  const root = resolve(__dirname, "..", "..");
  test("runs the compiled CLI and exits 2 for an unknown gemeente", () => {
    const build = spawnSync("npm", ["run", "build:cli", "--silent"], { cwd: root, encoding: "utf8" });
    expect(build.status).toBe(0);
    const r = spawnSync(
      process.execPath,
      [join(root, "bin", "jeugdscenario.js"), "iv3", "--gemeente", "Tiell", "--dataset", "2023-begroting"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("Gemeente 'Tiell' is niet gevonden. Bedoelde u: Tiel, Texel?\n");
    const ok = spawnSync(
      process.execPath,
      [join(root, "bin", "jeugdscenario.js"), "iv3", "--gemeente", "GM0281", "--dataset", "2023-begroting"],
      { encoding: "utf8" },
    );
    // GM codes are only known where the data has them; the built-in CBS files carry names only
    expect(ok.status).toBe(2);
  });
});
