import type { Iv3Row } from "../../src/domain/iv3/types";
import { RESULTAAT_TAAKVELD, taakveldenVan } from "../../src/domain/iv3/taxonomy";
import { MAX_BYTES_WEB, type ExcelHost } from "../../src/excel/host";
import {
  celTekst,
  leesIv3UitWerkmap,
  leesKolomIndeling,
  lijstTabellen,
  type Iv3Bron,
  type LeesOpties,
  type WerkmapIv3,
} from "../../src/excel/lezer";
import { Iv3InputError, SourceError } from "../../src/sources/errors";
import {
  createFakeExcel,
  DEFAULT_PAYLOAD_LIMIT,
  type FakeExcel,
  type FakeExcelOptions,
  type SeedCell,
} from "../support/excel-fake";

/** The adapter's view of the fake: `run` and the limit, as the task pane passes Excel.run. */
function hostVan(fake: FakeExcel, maxBytes?: number): ExcelHost {
  return { run: fake.run, ondersteunt: () => true, ...(maxBytes === undefined ? {} : { maxBytes }) };
}

/** A fake plus its snapshot, so every test can check that reading wrote nothing. */
function werkmap(options: FakeExcelOptions): { fake: FakeExcel; voor: ReturnType<FakeExcel["snapshot"]> } {
  const fake = createFakeExcel(options);
  return { fake, voor: fake.snapshot() };
}

/** Reads expecting an Iv3InputError; returns its Dutch messages. */
async function meldingen(fake: FakeExcel, bron: Iv3Bron, opties: LeesOpties = {}): Promise<string[]> {
  let data: WerkmapIv3;
  try {
    data = await leesIv3UitWerkmap(hostVan(fake), bron, opties);
  } catch (e) {
    if (e instanceof Iv3InputError) return [...e.meldingen];
    throw e;
  }
  throw new Error(`verwacht een fout, kreeg ${data.resultaat.rows.length} rijen`);
}

/** Reads expecting a SourceError; returns its message. */
async function bronFout(fake: FakeExcel, bron: Iv3Bron): Promise<string> {
  try {
    await leesIv3UitWerkmap(hostVan(fake), bron, { jaar: 2024 });
  } catch (e) {
    if (e instanceof SourceError) return e.message;
    throw e;
  }
  throw new Error("verwacht een SourceError");
}

const centen = (rows: readonly Iv3Row[], veld: "lasten" | "baten"): number =>
  rows.reduce((s, r) => s + Math.round((r[veld] ?? 0) * 100), 0);

const SELECTIE: Iv3Bron = { soort: "selectie" };

/** A small grid: header plus four rows, amounts in euros. */
const KLEIN: SeedCell[][] = [
  ["Gemeente", "Taakveld", "Lasten", "Baten"],
  ["Tiel", "6.72a Jeugdhulp begeleiding", 3_317_000, 1_000],
  ["Tiel", "6.74a", 1_649_000.5, null],
  ["Tiel", "6.82a", 1_132_000, 0],
  ["Culemborg", "6.72a", 2_500_000, 250.25],
];
// By hand: lasten 3,317,000 + 1,649,000.50 + 1,132,000 + 2,500,000 = 8,598,000.50;
// baten 1,000 + 0 + 250.25 = 1,250.25 (6.74a has no figure: null, not 0).
const KLEIN_RIJEN: Iv3Row[] = [
  { gemeente: "Tiel", taakveld: "6.72a", lasten: 3_317_000, baten: 1_000 },
  { gemeente: "Tiel", taakveld: "6.74a", lasten: 1_649_000.5, baten: null },
  { gemeente: "Tiel", taakveld: "6.82a", lasten: 1_132_000, baten: 0 },
  { gemeente: "Culemborg", taakveld: "6.72a", lasten: 2_500_000, baten: 250.25 },
];

describe("the same small grid from a selection, a name (workbook and sheet scope) and a table", () => {
  test("selection", async () => {
    const { fake, voor } = werkmap({ sheets: [{ name: "Blad1", values: KLEIN }], selection: "A1:D5" });
    const { resultaat, bereik, blokken } = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024 });
    expect(resultaat.rows).toEqual(KLEIN_RIJEN);
    expect(centen(resultaat.rows, "lasten")).toBe(859_800_050);
    expect(centen(resultaat.rows, "baten")).toBe(125_025);
    expect(resultaat.regime).toBe("2023-2024");
    expect(resultaat.indeling.kolommen).toEqual({ gemeente: 0, taakveld: 1, lasten: 2, baten: 3 });
    expect(resultaat.provenance.bron).toBe("Werkmap, selectie Blad1!A1:D5 (eigen indeling)");
    expect(bereik).toBe("Blad1!A1:D5");
    expect(blokken).toBe(1);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.equals(voor)).toBe(true);
  });

  test("a whole-column selection ends at the last used row; the top-left corner stays", async () => {
    const { fake, voor } = werkmap({ sheets: [{ name: "Blad1", values: KLEIN, at: "B3" }], selection: "A:H" });
    const { resultaat, bereik } = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024 });
    expect(bereik).toBe("Blad1!A1:E7");
    expect(resultaat.rows).toEqual(KLEIN_RIJEN);
    expect(resultaat.indeling.kopRij).toBe(3);
    expect(resultaat.indeling.kolommen).toEqual({ gemeente: 1, taakveld: 2, lasten: 3, baten: 4 });
    expect(fake.equals(voor)).toBe(true);
  });

  test("workbook-scoped name", async () => {
    const { fake, voor } = werkmap({
      sheets: [{ name: "Voorblad" }, { name: "Blad1", values: KLEIN }],
      names: [{ name: "Iv3Data", formula: "=Blad1!$A$1:$D$5" }],
    });
    const { resultaat, bereik } = await leesIv3UitWerkmap(
      hostVan(fake),
      { soort: "naam", naam: "Iv3Data" },
      { jaar: 2024 },
    );
    expect(resultaat.rows).toEqual(KLEIN_RIJEN);
    expect(bereik).toBe("Blad1!A1:D5");
    expect(resultaat.provenance.bron).toBe("Werkmap, naam Iv3Data (Blad1!A1:D5) (eigen indeling)");
    // Name lookup, geometry, one block.
    expect(fake.stats.syncs).toBe(3);
    expect(fake.equals(voor)).toBe(true);
  });

  test("sheet-scoped name, qualified and (on the active sheet) bare; it wins over a workbook name", async () => {
    const { fake, voor } = werkmap({
      sheets: [
        { name: "Blad1", values: [["Taakveld", "Lasten"]] },
        { name: "Mijn blad", values: KLEIN, at: "B3" },
      ],
      activeSheet: "Mijn blad",
      names: [
        { name: "Iv3", formula: "=Blad1!$A$1:$B$1" },
        { name: "Iv3", formula: "='Mijn blad'!$B$3:$E$7", sheet: "Mijn blad" },
      ],
    });
    const gekwalificeerd = await leesIv3UitWerkmap(
      hostVan(fake),
      { soort: "naam", naam: "'Mijn blad'!Iv3" },
      { jaar: 2024 },
    );
    const kaal = await leesIv3UitWerkmap(hostVan(fake), { soort: "naam", naam: "Iv3" }, { jaar: 2024 });
    for (const r of [gekwalificeerd, kaal]) {
      expect(r.resultaat.rows).toEqual(KLEIN_RIJEN);
      expect(r.bereik).toBe("'Mijn blad'!B3:E7");
    }
    expect(fake.equals(voor)).toBe(true);
  });

  test("table: header and data body; the total row is not data", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Blad1", values: KLEIN, at: "C2" }] });
    await fake.run(async (context) => {
      const tabel = context.workbook.worksheets.getItem("Blad1").tables.add("C2:F6", true);
      tabel.name = "tblIv3";
      tabel.showTotals = true;
      await context.sync();
    });
    expect(fake.cell("Blad1", "C7").value).toBe("Total");
    fake.resetStats();
    const voor = fake.snapshot();
    const { resultaat, bereik, blokken } = await leesIv3UitWerkmap(
      hostVan(fake),
      { soort: "tabel", naam: "tblIv3" },
      { jaar: 2024 },
    );
    expect(resultaat.rows).toEqual(KLEIN_RIJEN);
    expect(bereik).toBe("Blad1!C2:F6");
    expect(resultaat.provenance.bron).toBe("Werkmap, tabel tblIv3 (Blad1!C2:F6) (eigen indeling)");
    expect(fake.stats.syncs).toBe(1 + blokken);
    expect(await lijstTabellen(hostVan(fake))).toEqual([
      { naam: "tblIv3", blad: "Blad1", bereik: "Blad1!C2:F7", rijen: 4 },
    ]);
    expect(fake.equals(voor)).toBe(true);
  });
});

// ─────────────────────────────────────── 200,000 rows ───────────────────────────────────────

/** All taakvelden of the 2023–2024 regime (without 0.11, a saldo) for as many gemeenten as it takes. */
function grootGrid(aantal: number): SeedCell[][] {
  const codes = taakveldenVan("2023-2024")
    .map((t) => t.code)
    .filter((c) => c !== RESULTAAT_TAAKVELD);
  let x = 20_240_501;
  // A fixed linear congruential generator: the same "realistic" amounts on every run.
  const toeval = (): number => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
  const grid: SeedCell[][] = [["Gemeente", "Taakveld", "Lasten", "Baten"]];
  for (let g = 1; grid.length <= aantal; g++) {
    const gemeente = `Gemeente ${String(g).padStart(4, "0")}`;
    for (const code of codes) {
      if (grid.length > aantal) break;
      const lasten = Math.round(toeval() * 800_000_000) / 100; // up to € 8 mln, in cents
      const baten = grid.length % 7 === 0 ? null : Math.round(toeval() * 5_000_000) / 100;
      grid.push([gemeente, code, lasten, baten]);
    }
  }
  return grid;
}

/** Only reads went to Excel: every queued operation was a load or a get… call (the fake changes the workbook only in setters and other methods). */
function alleenGelezen(fake: FakeExcel): boolean {
  return fake.stats.log.flatMap((s) => s.labels).every((l) => /\.(load|get\w+)$/.test(l));
}

describe("200,000 rows under the 5 MB limit", () => {
  const RIJEN = 200_000;
  const grid = grootGrid(RIJEN);
  // Expected totals straight from the generated cells, in cents.
  let verwachtLasten = 0;
  let verwachtBaten = 0;
  for (const rij of grid.slice(1)) {
    verwachtLasten += Math.round(Number(rij[2]) * 100);
    if (rij[3] !== null) verwachtBaten += Math.round(Number(rij[3]) * 100);
  }
  let eerste: WerkmapIv3 | undefined;

  // A snapshot of 800,000 cells takes the fake ~15 s and a comparison ~20 s: taken once, compared once at the end.
  test("read in several byte-sized blocks, one sync each, every response under the limit", async () => {
    const { fake, voor } = werkmap({ sheets: [{ name: "Blad1", values: grid }], selection: "A:D" });
    const stappen: [number, number][] = [];
    const r = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, {
      jaar: 2023,
      voortgang: (gelezen, totaal) => stappen.push([gelezen, totaal]),
    });
    eerste = r;
    expect(r.resultaat.rows).toHaveLength(RIJEN);
    expect(centen(r.resultaat.rows, "lasten")).toBe(verwachtLasten);
    expect(centen(r.resultaat.rows, "baten")).toBe(verwachtBaten);
    expect(r.resultaat.rows.filter((x) => x.baten === null)).toHaveLength(Math.floor(RIJEN / 7));
    expect(r.bereik).toBe("Blad1!A1:D200001");
    expect(r.blokken).toBeGreaterThanOrEqual(3);
    expect(fake.stats.syncs).toBe(1 + r.blokken);
    expect(fake.stats.log.every((s) => s.error === null)).toBe(true);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    // Blocks after the first are sized from measured bytes: they fill a good part of the budget.
    expect(Math.max(...fake.stats.responseBytes)).toBeGreaterThan(DEFAULT_PAYLOAD_LIMIT / 4);
    expect(stappen).toHaveLength(r.blokken);
    expect(stappen.map(([g]) => g)).toEqual([...stappen.map(([g]) => g)].sort((a, b) => a - b));
    expect(new Set(stappen.map(([g]) => g)).size).toBe(stappen.length);
    expect(stappen.at(-1)).toEqual([RIJEN + 1, RIJEN + 1]);
    expect(alleenGelezen(fake)).toBe(true);

    // The row limit stops the read early, with the validator's message.
    fake.resetStats();
    const teVeel = await meldingen(fake, SELECTIE, { jaar: 2023, maxRijen: 1000 });
    expect(teVeel).toEqual([
      "Te veel rijen: meer dan 1000; de grens is 1000. Splits de gegevens of filter op gemeente.",
    ]);
    expect(fake.stats.syncs).toBe(2);
    expect(alleenGelezen(fake)).toBe(true);

    // The mapping alone: two small syncs.
    fake.resetStats();
    const { indeling, totaalRijen, bereik } = await leesKolomIndeling(hostVan(fake), SELECTIE);
    expect(indeling.kolommen).toEqual({ gemeente: 0, taakveld: 1, lasten: 2, baten: 3 });
    expect([totaalRijen, bereik]).toEqual([RIJEN + 1, "Blad1!A1:D200001"]);
    expect(fake.stats.syncs).toBe(2);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(4 * 1024);
    expect(alleenGelezen(fake)).toBe(true);
    expect(fake.equals(voor)).toBe(true);
  }, 180_000);

  test("a smaller payload limit gives more blocks and the same result", async () => {
    const limiet = 1024 * 1024;
    const fake = createFakeExcel({ sheets: [{ name: "Blad1", values: grid }], selection: "A:D", payloadLimit: limiet });
    const r = await leesIv3UitWerkmap(hostVan(fake, limiet), SELECTIE, { jaar: 2023 });
    expect(eerste).toBeDefined();
    expect(r.blokken).toBeGreaterThan(eerste?.blokken ?? Infinity);
    expect(r.resultaat.rows).toEqual(eerste?.resultaat.rows);
    expect(fake.stats.syncs).toBe(1 + r.blokken);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(limiet);
    expect(alleenGelezen(fake)).toBe(true);
  }, 60_000);
});

// ─────────────────────────────────────── Invalid input ───────────────────────────────────────

/** Header plus `n` valid rows (Tiel, one taakveld each), then `wijzig` applied. */
function gridMet(wijzig: (grid: SeedCell[][]) => void, n = 20): SeedCell[][] {
  const codes = taakveldenVan("2023-2024")
    .map((t) => t.code)
    .filter((c) => c !== RESULTAAT_TAAKVELD);
  const grid: SeedCell[][] = [["Gemeente", "Taakveld", "Lasten", "Baten"]];
  for (let i = 0; i < n; i++) grid.push(["Tiel", codes[i] ?? "", 1000 * (i + 1), 10 * i]);
  wijzig(grid);
  return grid;
}

describe("invalid input names the cell and returns nothing", () => {
  test.each<[string, (grid: SeedCell[][]) => void, string]>([
    [
      "'n.v.t.' in an amount cell, row 17 column C",
      (g) => ((g[16] ?? [])[2] = "n.v.t."),
      "Blad1!C17: 'n.v.t.' is geen bedrag.",
    ],
    ["text in a number column", (g) => ((g[4] ?? [])[3] = "twaalf"), "Blad1!D5: 'twaalf' is geen bedrag."],
    [
      "a duplicate row: both rows as sheet rows",
      (g) => (g[9] = [...(g[3] ?? [])]),
      "Blad1!A10:D10: dubbele rij, dezelfde combinatie staat al in rij 4.",
    ],
    ["an unknown taakveld code", (g) => ((g[5] ?? [])[1] = "9.99"), "Blad1!B6: '9.99' is geen bekend Iv3-taakveld."],
    [
      "no taakveld code at all",
      (g) => ((g[5] ?? [])[1] = "Jeugdzorg"),
      "Blad1!B6: 'Jeugdzorg' is geen bekend Iv3-taakveld.",
    ],
    [
      "a taakveld of another regime",
      (g) => ((g[2] ?? [])[1] = "6.751"),
      "Blad1!B3: taakveld '6.751' bestaat niet in de indeling 2023-2024 (wel in 2025+).",
    ],
    ["an empty gemeente", (g) => ((g[7] ?? [])[0] = ""), "Blad1!A8: de gemeente ontbreekt."],
  ])("%s", async (_naam, wijzig, melding) => {
    const { fake, voor } = werkmap({ sheets: [{ name: "Blad1", values: gridMet(wijzig) }], selection: "A1:D21" });
    expect(await meldingen(fake, SELECTIE, { jaar: 2024 })).toEqual([melding]);
    expect(fake.equals(voor)).toBe(true);
  });

  test("every problem is listed, sheet names quoted like Excel; issues carry rij and cel", async () => {
    const grid = gridMet((g) => {
      (g[16] ?? [])[2] = "n.v.t.";
      (g[3] ?? [])[3] = true;
    });
    const { fake, voor } = werkmap({ sheets: [{ name: "Mijn blad", values: grid, at: "B2" }], selection: "B2:E22" });
    let fout: unknown;
    await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024 }).catch((e: unknown) => (fout = e));
    expect(fout).toBeInstanceOf(Iv3InputError);
    const e = fout as Iv3InputError;
    expect(e.meldingen).toEqual([
      "'Mijn blad'!E5: 'TRUE' is geen bedrag.",
      "'Mijn blad'!D18: 'n.v.t.' is geen bedrag.",
    ]);
    expect(e.issues.map((i) => [i.rij, i.kolom, i.cel])).toEqual([
      [5, "Baten", "'Mijn blad'!E5"],
      [18, "Lasten", "'Mijn blad'!D18"],
    ]);
    expect(e.message).toMatch(/^De invoer bevat 2 fouten; er is niets ingelezen\./);
    expect(fake.equals(voor)).toBe(true);
  });

  test("wrong header, empty range, empty sheet, only a header", async () => {
    const verkeerd = werkmap({
      sheets: [
        {
          name: "Blad1",
          values: [
            ["Naam", "Code", "Bedrag1"],
            ["Tiel", "6.72a", 5],
          ],
        },
      ],
      selection: "A1:C2",
    });
    expect(await meldingen(verkeerd.fake, SELECTIE)).toEqual([
      "Geen kopregel gevonden: verwacht kolommen voor taakveld en lasten/baten of bedrag (bijvoorbeeld 'Taakveld;Lasten;Baten'); gevonden: Naam Code Bedrag1.",
    ]);
    expect(verkeerd.fake.equals(verkeerd.voor)).toBe(true);

    const leeg = werkmap({ sheets: [{ name: "Blad1", values: KLEIN }], selection: "H10:K20" });
    let fout: unknown;
    await leesIv3UitWerkmap(hostVan(leeg.fake), SELECTIE).catch((e: unknown) => (fout = e));
    expect(fout).toBeInstanceOf(Iv3InputError);
    expect((fout as Iv3InputError).meldingen).toEqual(["Het bestand is leeg: er staan geen gegevens in."]);
    expect((fout as Iv3InputError).issues[0]?.cel).toBe("Blad1!H10:K20");
    expect(leeg.fake.stats.syncs).toBe(1);
    expect(leeg.fake.equals(leeg.voor)).toBe(true);

    const leegBlad = werkmap({ sheets: [{ name: "Blad1" }], selection: "A:F" });
    expect(await meldingen(leegBlad.fake, SELECTIE)).toEqual(["Het bestand is leeg: er staan geen gegevens in."]);
    expect(leegBlad.fake.equals(leegBlad.voor)).toBe(true);

    const kop = werkmap({ sheets: [{ name: "Blad1", values: [KLEIN[0] ?? []] }], selection: "A1:D9" });
    expect(await meldingen(kop.fake, SELECTIE)).toEqual([
      "Er staat alleen een kopregel in: geen enkele rij met bedragen.",
    ]);
  });

  test("a name, table or selection that gives no range: Dutch SourceError, workbook unchanged", async () => {
    const { fake, voor } = werkmap({
      sheets: [{ name: "Blad1", values: KLEIN }],
      names: [{ name: "Percentage", formula: "=0.25" }],
      selection: "A1:B2,D4",
    });
    expect(await bronFout(fake, { soort: "naam", naam: "Onbekend" })).toBe(
      "De werkmap heeft geen naam 'Onbekend' (ook niet op het actieve blad). Een naam die bij een ander blad hoort, schrijft u als Blad!Naam, bijvoorbeeld 'Mijn blad'!Onbekend.",
    );
    expect(await bronFout(fake, { soort: "naam", naam: "Geenblad!Iv3" })).toMatch(
      /^De werkmap heeft geen naam 'Geenblad!Iv3'/,
    );
    expect(await bronFout(fake, { soort: "naam", naam: "Percentage" })).toBe(
      "De naam 'Percentage' verwijst niet naar een bereik met cellen (maar naar een getal, tekst of formule).",
    );
    expect(await bronFout(fake, { soort: "tabel", naam: "tblIv3" })).toBe("De werkmap heeft geen tabel 'tblIv3'.");
    expect(await bronFout(fake, SELECTIE)).toBe(
      "Selecteer één aaneengesloten bereik met cellen (niet meerdere gebieden, een grafiek of een vorm) en probeer het opnieuw.",
    );
    expect(fake.equals(voor)).toBe(true);
  });
});

// ─────────────────────────────────────── Cell values ───────────────────────────────────────

describe("cell values become the texts the validator expects", () => {
  test("celTekst: numbers without grouping, decimal comma in Dutch amount columns; booleans; empty", () => {
    expect(celTekst(1234.5, true)).toBe("1234,5");
    expect(celTekst(1234.5, false)).toBe("1234.5");
    expect(celTekst(-0.25, true)).toBe("-0,25");
    expect(celTekst(1e21, true)).toBe("1e+21");
    expect(celTekst(true, true)).toBe("TRUE");
    expect(celTekst(false, false)).toBe("FALSE");
    expect(celTekst("", true)).toBe("");
    expect(celTekst(null, true)).toBe("");
    expect(celTekst("1.234,5", true)).toBe("1.234,5");
  });

  test("a number cell 1234.5 or 1234.567 is never read as thousands; Dutch text '1.234,5' is read as Dutch", async () => {
    const { fake, voor } = werkmap({
      sheets: [
        {
          name: "Blad1",
          values: [
            ["Gemeente", "Taakveld", "Lasten", "Baten"],
            ["Tiel", "6.72a", 1234.5, 12345],
            ["Tiel", "6.72b", 1234.567, "1.234,5"],
            ["Tiel", "6.72c", "1.234", "€ 2.500,75"],
            ["Tiel", "6.72d", -1234.5, "-"],
            ["Tiel", "6.73a", 0.1 + 0.2, ""],
          ],
        },
      ],
      selection: "A1:D6",
    });
    const { resultaat } = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024 });
    expect(resultaat.indeling.notatie).toBe("nl");
    expect(resultaat.rows.map((r) => [r.taakveld, r.lasten, r.baten])).toEqual([
      ["6.72a", 1234.5, 12345],
      ["6.72b", 1234.57, 1234.5],
      ["6.72c", 1234, 2500.75],
      ["6.72d", -1234.5, 0],
      ["6.73a", 0.3, null],
    ]);
    expect(fake.equals(voor)).toBe(true);
  });

  test("CBS-derived columns: number cells in machine notation, thousands of euros", async () => {
    const { fake } = werkmap({
      sheets: [
        {
          name: "CBS",
          values: [
            ["Gemeenten", "Taakveld", "Baten", "Lasten", "Inwonertal"],
            ["Tiel", "6.72a Jeugdhulp begeleiding", 1, 3317.5, 42604],
            ["Tiel", "0.11 Resultaat van de rekening", 0, 0, 42604],
          ],
        },
      ],
      selection: "A1:E3",
    });
    const { resultaat } = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024 });
    expect(resultaat.indeling.formaat).toBe("cbs-afgeleid");
    expect(resultaat.rows).toEqual([{ gemeente: "Tiel", taakveld: "6.72a", lasten: 3_317_500, baten: 1_000 }]);
    expect(resultaat.gemeenten).toEqual([{ naam: "Tiel", inwoners: 42604 }]);
    expect(resultaat.provenance.eenheidBron).toBe("EUR1000");
  });
});

// ─────────────────────────────────────── Mapping, progress, cancel ───────────────────────────────────────

describe("column mapping", () => {
  const GRID: SeedCell[][] = [
    ["Bedragen x € 1.000"],
    ["Gemeente", "Taakveld", "Lasten", "Raming"],
    ["Tiel", "6.72a", 10, 11],
    ["Tiel", "6.72b", 20, 22],
  ];

  test("leesKolomIndeling shows the detected mapping; an override moves a role to another column", async () => {
    const { fake, voor } = werkmap({ sheets: [{ name: "Blad1", values: GRID }], selection: "A1:D4" });
    const { indeling } = await leesKolomIndeling(hostVan(fake), SELECTIE);
    expect(indeling.kopRij).toBe(2);
    expect(indeling.eenheid).toBe("EUR1000");
    expect(indeling.kolommen).toEqual({ gemeente: 0, taakveld: 1, lasten: 2, bedrag: 3 });
    expect(indeling.kop).toEqual(["Gemeente", "Taakveld", "Lasten", "Raming"]);

    const gewoon = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024 });
    expect(gewoon.resultaat.rows.map((r) => r.lasten)).toEqual([10_000, 20_000]);
    // The user says the budget column is the one to use as lasten.
    const kolommen = { gemeente: 0, taakveld: 1, lasten: 3 };
    const gekozen = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, { jaar: 2024, kolommen });
    expect(gekozen.resultaat.rows.map((r) => r.lasten)).toEqual([11_000, 22_000]);
    expect(gekozen.resultaat.indeling.kolommen).toEqual(kolommen);
    expect((await leesKolomIndeling(hostVan(fake), SELECTIE, { kolommen })).indeling.kolommen).toEqual(kolommen);
    expect(fake.equals(voor)).toBe(true);
  });

  test("an override with kopRij makes an unrecognised header usable; a stale column is reported", async () => {
    const grid: SeedCell[][] = [
      ["Code", "Omschrijving", "Uitgaven", "Opbrengsten"],
      ["6.72a", "Jeugdhulp begeleiding", 1_000, 5],
      ["6.72b", "Jeugdhulp behandeling", 2_000, 0],
    ];
    const { fake, voor } = werkmap({ sheets: [{ name: "Blad1", values: grid }], selection: "A1:D3" });
    expect((await meldingen(fake, SELECTIE, { gemeente: "Tiel" }))[0]).toMatch(/^Geen kopregel gevonden/);
    const r = await leesIv3UitWerkmap(hostVan(fake), SELECTIE, {
      gemeente: "Tiel",
      jaar: 2024,
      kopRij: 1,
      kolommen: { taakveld: 0, lasten: 2, baten: 3 },
    });
    expect(r.resultaat.rows).toEqual([
      { gemeente: "Tiel", taakveld: "6.72a", lasten: 1_000, baten: 5 },
      { gemeente: "Tiel", taakveld: "6.72b", lasten: 2_000, baten: 0 },
    ]);
    expect(
      await meldingen(fake, SELECTIE, { gemeente: "Tiel", kopRij: 1, kolommen: { taakveld: 0, lasten: 6 } }),
    ).toEqual(["Kolom 'lasten (kolom 7)' ontbreekt."]);
    expect(fake.equals(voor)).toBe(true);
  });
});

describe("progress, cancellation and rows longer than measured", () => {
  test("progress counts increase to the total; an abort stops between blocks with nothing returned", async () => {
    const grid = grootGrid(3_000);
    const limiet = 64 * 1024;
    const { fake, voor } = werkmap({
      sheets: [{ name: "Blad1", values: grid }],
      selection: "A:D",
      payloadLimit: limiet,
    });
    const stappen: number[] = [];
    const r = await leesIv3UitWerkmap(hostVan(fake, limiet), SELECTIE, {
      jaar: 2023,
      voortgang: (gelezen, totaal) => {
        expect(totaal).toBe(3_001);
        stappen.push(gelezen);
      },
    });
    expect(r.resultaat.rows).toHaveLength(3_000);
    expect(stappen.length).toBe(r.blokken);
    expect(stappen.length).toBeGreaterThan(3);
    stappen.forEach((s, i) => expect(s).toBeGreaterThan(i === 0 ? 0 : (stappen[i - 1] ?? 0)));
    expect(stappen.at(-1)).toBe(3_001);

    const controller = new AbortController();
    fake.resetStats();
    let fout: unknown;
    await leesIv3UitWerkmap(hostVan(fake, limiet), SELECTIE, {
      jaar: 2023,
      signal: controller.signal,
      voortgang: () => controller.abort(),
    }).catch((e: unknown) => (fout = e));
    expect(fout).toBeInstanceOf(DOMException);
    expect((fout as DOMException).name).toBe("AbortError");
    expect(fake.stats.syncs).toBe(2);
    expect(fake.equals(voor)).toBe(true);
  });

  test("a block refused as too large is read again in halves; a single row over the limit is a Dutch error", async () => {
    const limiet = 64 * 1024;
    const grid = gridMet(() => undefined, 60).map((rij, i) => [...rij, i === 0 ? "Toelichting" : ""]);
    // Rows 41–61 carry a 4,000-character note: far longer than the rows the first block measured.
    for (let i = 40; i < grid.length; i++) (grid[i] ?? [])[4] = "x".repeat(4_000);
    const { fake, voor } = werkmap({
      sheets: [{ name: "Blad1", values: grid }],
      selection: "A1:E61",
      payloadLimit: limiet,
    });
    const r = await leesIv3UitWerkmap(hostVan(fake, limiet), SELECTIE, { jaar: 2024 });
    expect(r.resultaat.rows).toHaveLength(60);
    expect(centen(r.resultaat.rows, "lasten")).toBe(100_000 * ((60 * 61) / 2));
    const geweigerd = fake.stats.log.filter((s) => s.error === "ResponsePayloadSizeLimitExceeded");
    expect(geweigerd.length).toBeGreaterThan(0);
    expect(fake.stats.syncs).toBe(1 + r.blokken + geweigerd.length);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(limiet);
    expect(fake.equals(voor)).toBe(true);

    const reus = werkmap({
      sheets: [
        {
          name: "Blad1",
          values: [
            ["Taakveld", "Lasten", "Toelichting"],
            ["6.72a", 1, "x".repeat(70_000)],
          ],
        },
      ],
      selection: "A1:C2",
      payloadLimit: limiet,
    });
    let fout: unknown;
    await leesIv3UitWerkmap(hostVan(reus.fake, limiet), SELECTIE, { gemeente: "Tiel" }).catch(
      (e: unknown) => (fout = e),
    );
    expect(fout).toBeInstanceOf(SourceError);
    expect((fout as SourceError).message).toBe(
      "Blad1!A2:C2 bevat meer gegevens dan Excel in één keer kan doorgeven (0,063 MB). Maak de cellen in deze rij korter of laat lange toelichtingen buiten het bereik.",
    );
    expect(reus.fake.equals(reus.voor)).toBe(true);
  });

  test("the default limit is Excel on the web's 5 MB", () => {
    expect(MAX_BYTES_WEB).toBe(DEFAULT_PAYLOAD_LIMIT);
  });
});
