import fc from "fast-check";
import { Iv3CsvValidator, parseIv3Csv, type CsvOptions } from "../../src/sources/csv";
import { Iv3InputError } from "../../src/sources/errors";

/** Read expecting failure; returns the Dutch messages. Fails the test when data came back. */
function fout(csv: string, options: CsvOptions = {}): string[] {
  let result: unknown;
  try {
    result = parseIv3Csv(csv, options);
  } catch (e) {
    if (e instanceof Iv3InputError) return [...e.meldingen];
    throw e;
  }
  throw new Error(`verwacht een fout, kreeg data: ${JSON.stringify(result).slice(0, 200)}`);
}

const EIGEN_KOP = "Taakveld;Categorie;Lasten;Baten";

describe("valid inputs", () => {
  test("CBS-derived format: € 1,000 → euros, 0.11 skipped, cut labels and trailing spaces", () => {
    const csv = [
      "Gemeenten;Taakveld;L1.1 Salarissen en sociale lasten;Baten;Lasten;Provincie;Gemeentegrootte;Stedelijkheid;Inwonertal;Centrumfunctie;Sociale structuur",
      "Tiel;0.11 Resultaat van de rekening van bat..;;0.0;0.0;Gelderland;20000tot50000inwoners;Matigstedelijk;42604;Redelijk;Zwak",
      "Tiel;6.72a Jeugdhulp begeleiding;;1.0;3317.0;Gelderland;20000tot50000inwoners;Matigstedelijk;42604;Redelijk;Zwak",
      "Tiel;6.74a Jeugd behandeling GGZ zonder ..;;1.0;1649.0;Gelderland;20000tot50000inwoners;Matigstedelijk;42604;Redelijk;Zwak",
      "Tiel;6.82a Jeugdbescherming ;;;1132.0;Gelderland;20000tot50000inwoners;Matigstedelijk;42604;Redelijk;Zwak",
    ].join("\n");
    const r = parseIv3Csv(csv);
    expect(r.indeling.formaat).toBe("cbs-afgeleid");
    expect(r.indeling.eenheid).toBe("EUR1000");
    expect(r.regime).toBe("2023-2024");
    expect(r.rows).toEqual([
      { gemeente: "Tiel", taakveld: "6.72a", lasten: 3_317_000, baten: 1_000 },
      { gemeente: "Tiel", taakveld: "6.74a", lasten: 1_649_000, baten: 1_000 },
      { gemeente: "Tiel", taakveld: "6.82a", lasten: 1_132_000, baten: null },
    ]);
    expect(r.gemeenten).toEqual([{ naam: "Tiel", provincie: "Gelderland", inwoners: 42604 }]);
  });

  test("CBS raw shape: padded keys, −99998, negative amounts, balance items and quarters skipped", () => {
    const csv = [
      "ID;TaakveldBalanspost;Categorie;Gemeenten;Verslagsoort;k_1ePlaatsing_1;k_2ePlaatsing_2",
      "0;6.72a ;L3.5.1  ;GM0281   ;2023X000;100.0;123.0",
      "1;6.72a ;B4.3.1  ;GM0281   ;2023X000;1.0;2.0",
      "2;6.73a ;L4.3.1  ;GM0281   ;2023X000;5.0;-99998",
      "3;6.82a ;L3.5.1  ;GM0281   ;2023X000;-3.0;-4.0",
      "4;A1.1  ;L3.5.1  ;GM0281   ;2023X000;9.0;9.0",
      "5;6.72a ;L3.5.1  ;GM0281   ;2023X001;7.0;7.0",
      "6;6.72a ;L3.5.1  ;GM0281   ;2023X005;8.0;8.0",
    ].join("\n");
    const r = parseIv3Csv(csv);
    expect(r.indeling.formaat).toBe("cbs-ruw");
    expect(r.regime).toBe("2023-2024");
    expect(r.provenance.jaar).toBe(2023);
    expect(r.rows).toEqual([
      {
        gemeente: "GM0281",
        gemeenteCode: "GM0281",
        taakveld: "6.72a",
        categorie: "L3.5.1",
        lasten: 123_000,
        baten: null,
      },
      {
        gemeente: "GM0281",
        gemeenteCode: "GM0281",
        taakveld: "6.72a",
        categorie: "B4.3.1",
        lasten: null,
        baten: 2_000,
      },
      { gemeente: "GM0281", gemeenteCode: "GM0281", taakveld: "6.73a", categorie: "L4.3.1", lasten: null, baten: null },
      {
        gemeente: "GM0281",
        gemeenteCode: "GM0281",
        taakveld: "6.82a",
        categorie: "L3.5.1",
        lasten: -4_000,
        baten: null,
      },
    ]);
    const jr = parseIv3Csv(csv, { verslagsoort: "jaarrekening" });
    expect(jr.rows).toEqual([
      {
        gemeente: "GM0281",
        gemeenteCode: "GM0281",
        taakveld: "6.72a",
        categorie: "L3.5.1",
        lasten: 8_000,
        baten: null,
      },
    ]);
  });

  test("controller's export: Dutch numbers, thousands stated in the header", () => {
    const csv = [
      "Taakveld;Omschrijving;Lasten (x € 1.000);Baten (x € 1.000)",
      "6.72a;Jeugdhulp begeleiding;1.234,5;-12",
      "6.73a;Pleegzorg;2.000;0",
      "6.82a;Jeugdbescherming;-;",
    ].join("\r\n");
    const r = parseIv3Csv(csv, { gemeente: "Tiel", jaar: 2024 });
    expect(r.indeling.eenheid).toBe("EUR1000");
    expect(r.rows).toEqual([
      { gemeente: "Tiel", taakveld: "6.72a", lasten: 1_234_500, baten: -12_000 },
      { gemeente: "Tiel", taakveld: "6.73a", lasten: 2_000_000, baten: 0 },
      { gemeente: "Tiel", taakveld: "6.82a", lasten: 0, baten: null },
    ]);
  });

  test("thousands stated on a line above the header; BOM and Windows line endings", () => {
    const csv =
      "\uFEFFBegroting 2025 gemeente Tiel\r\nBedragen x € 1.000\r\n\r\nTaakveld;Lasten;Baten\r\n6.751 Jeugdhulp ambulant lokaal;10,5;1\r\n";
    const r = parseIv3Csv(csv, { gemeente: "Tiel" });
    expect(r.regime).toBe("2025+");
    expect(r.indeling.kopRij).toBe(4);
    expect(r.rows).toEqual([{ gemeente: "Tiel", taakveld: "6.751", lasten: 10_500, baten: 1_000 }]);
  });

  test("comma-separated with one signed bedrag column and L/B categories, English headers", () => {
    const csv = [
      "Municipality,Task field,Category,Amount",
      'Tiel,6.72a,L3.5.1,"1.234,56"',
      "Tiel,6.72a,B4.3.1,250",
      "Tiel,6.73a,,-100",
      "Tiel,6.73a,,300",
    ].join("\n");
    const r = parseIv3Csv(csv, { jaar: 2023 });
    expect(r.indeling.scheidingsteken).toBe(",");
    expect(r.rows).toEqual([
      { gemeente: "Tiel", taakveld: "6.72a", categorie: "L3.5.1", lasten: 1234.56, baten: null },
      { gemeente: "Tiel", taakveld: "6.72a", categorie: "B4.3.1", lasten: null, baten: 250 },
      // no categorie: positive = lasten, negative = baten
      { gemeente: "Tiel", taakveld: "6.73a", lasten: null, baten: 100 },
      { gemeente: "Tiel", taakveld: "6.73a", lasten: 300, baten: null },
    ]);
  });

  test("tab-separated, unit in euros stated, regime inferred from the codes", () => {
    const csv = "Gemeente\tTaakveld\tLasten (€)\tBaten (€)\nTiel\t6.82b\t86.000\t0\n";
    const r = parseIv3Csv(csv);
    expect(r.regime).toBe("2023-2024");
    expect(r.indeling.eenheid).toBe("EUR");
    expect(r.rows).toEqual([{ gemeente: "Tiel", taakveld: "6.82b", lasten: 86_000, baten: 0 }]);
  });
});

/**
 * The bad-input corpus: each entry yields exactly the Dutch messages listed and no data.
 * Row numbers are file lines as a user sees them (the header is row 1).
 */
const CORPUS: readonly { naam: string; csv: string; options?: CsvOptions; meldingen: string[] }[] = [
  { naam: "empty file", csv: "", meldingen: ["Het bestand is leeg: er staan geen gegevens in."] },
  {
    naam: "only whitespace and BOM",
    csv: "\uFEFF \r\n\r\n",
    meldingen: ["Het bestand is leeg: er staan geen gegevens in."],
  },
  {
    naam: "only a header",
    csv: "Taakveld;Lasten;Baten\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Er staat alleen een kopregel in: geen enkele rij met bedragen."],
  },
  {
    naam: "wrong delimiter (|)",
    csv: "Taakveld|Lasten|Baten\n6.72a|1|2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Het scheidingsteken lijkt '|' te zijn; gebruik ';' of ',' tussen de kolommen."],
  },
  {
    naam: "no recognisable header",
    csv: "Code;Omschrijving;Waarde2\n6.72a;x;1\n",
    meldingen: [
      "Geen kopregel gevonden: verwacht kolommen voor taakveld en lasten/baten of bedrag (bijvoorbeeld 'Taakveld;Lasten;Baten'); gevonden: Code;Omschrijving;Waarde2.",
    ],
  },
  {
    naam: "missing amount columns",
    csv: "Gemeente;Taakveld;Omschrijving\nTiel;6.72a;x\n",
    meldingen: [
      "Geen kopregel gevonden: verwacht kolommen voor taakveld en lasten/baten of bedrag (bijvoorbeeld 'Taakveld;Lasten;Baten'); gevonden: Gemeente;Taakveld;Omschrijving.",
    ],
  },
  {
    naam: "missing gemeente (no column, none given)",
    csv: "Taakveld;Lasten;Baten\n6.72a;1;2\n",
    meldingen: [
      "Er is geen kolom 'Gemeente' en er is ook geen gemeente opgegeven: geef de gemeente op waar de cijfers bij horen.",
    ],
  },
  {
    naam: "duplicate column",
    csv: "Taakveld;Lasten;Uitgaven;Baten\n6.72a;1;1;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Kolom 'Uitgaven' komt meer dan één keer voor in de kopregel."],
  },
  {
    naam: "text in an amount",
    csv: "Taakveld;Lasten;Baten\n6.72a;n.v.t.;2\n6.73a;1;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Lasten: 'n.v.t.' is geen bedrag."],
  },
  {
    naam: "text in an amount on row 17 (the issue's example)",
    csv: `Taakveld;Lasten;Baten\n${Array.from({ length: 15 }, (_, i) => `6.72a;${i};0`)
      .join("\n")
      .replace(
        /6\.72a;(\d+);0/g,
        (_m, i: string) =>
          `${["6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c", "6.82a", "6.82b", "6.72", "6.82", "6.71a"][Number(i)]};${i};0`,
      )}\n6.1;n.v.t.;0\n`,
    options: { gemeente: "Tiel", jaar: 2023 },
    meldingen: ["Rij 17, kolom Lasten: 'n.v.t.' is geen bedrag."],
  },
  {
    naam: "several bad cells: all named, sorted by row",
    csv: "Taakveld;Lasten;Baten\n6.72a;abc;2\n6.73a;1;1,2,3\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Lasten: 'abc' is geen bedrag.", "Rij 3, kolom Baten: '1,2,3' is geen bedrag."],
  },
  {
    naam: "amount with a stray letter (1.234,5x)",
    csv: "Taakveld;Lasten;Baten\n6.72a;1.234,5x;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Lasten: '1.234,5x' is geen bedrag."],
  },
  {
    naam: "misgrouped thousands (1.23.4)",
    csv: "Taakveld;Lasten;Baten\n6.72a;1.23.4;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Lasten: '1.23.4' is geen bedrag."],
  },
  {
    naam: "absurdly large amount",
    csv: "Taakveld;Lasten;Baten\n6.72a;9.999.999.999.999;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Lasten: '9.999.999.999.999' is onwaarschijnlijk groot voor een Iv3-bedrag."],
  },
  {
    naam: "mixed units in the header",
    csv: "Taakveld;Lasten (x € 1.000);Baten (€)\n6.72a;1;2\n",
    options: { gemeente: "Tiel" },
    meldingen: [
      "Rij 1, kolom Baten (€): de eenheid '€' wijkt af van 'x € 1.000' eerder in het bestand; gebruik één eenheid per bestand.",
    ],
  },
  {
    naam: "unit stated by the user contradicts the file",
    csv: "Taakveld;Lasten (x € 1.000);Baten (x € 1.000)\n6.72a;1;2\n",
    options: { gemeente: "Tiel", eenheid: "EUR" },
    meldingen: [
      "Rij 1, kolom Lasten (x € 1.000): de eenheid 'x € 1.000' wijkt af van '€ (opgegeven)' eerder in het bestand; gebruik één eenheid per bestand.",
    ],
  },
  {
    naam: "unknown taakveld code",
    csv: "Taakveld;Lasten;Baten\n9.9 Onbekend;1;2\n",
    options: { gemeente: "Tiel", jaar: 2023 },
    meldingen: ["Rij 2, kolom Taakveld: '9.9' is geen bekend Iv3-taakveld."],
  },
  {
    naam: "text instead of a taakveld",
    csv: "Taakveld;Lasten;Baten\nJeugdzorg;1;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Taakveld: 'Jeugdzorg' is geen bekend Iv3-taakveld."],
  },
  {
    naam: "empty taakveld",
    csv: "Taakveld;Lasten;Baten\n;1;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Taakveld: het taakveld ontbreekt."],
  },
  {
    naam: "a 2023 code in a 2025 data set",
    csv: "Taakveld;Lasten;Baten\n6.72a;1;2\n",
    options: { gemeente: "Tiel", jaar: 2025 },
    meldingen: ["Rij 2, kolom Taakveld: taakveld '6.72a' bestaat niet in de indeling 2025+ (wel in 2023-2024)."],
  },
  {
    naam: "mixed regimes in one file",
    csv: "Taakveld;Lasten;Baten\n6.72a;1;2\n6.73a;1;2\n6.751;1;2\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 4, kolom Taakveld: taakveld '6.751' bestaat niet in de indeling 2023-2024 (wel in 2025+)."],
  },
  {
    naam: "0.11 result row in an own export",
    csv: "Taakveld;Lasten;Baten\n0.11 Resultaat;0;120\n",
    options: { gemeente: "Tiel" },
    meldingen: [
      "Rij 2, kolom Taakveld: taakveld 0.11 (resultaat van de rekening) is een saldo en hoort niet bij de lasten en baten; laat deze rij weg.",
    ],
  },
  {
    naam: "balance-sheet item",
    csv: "Taakveld;Lasten;Baten\nA1.1 Immateriële vaste activa;1;0\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Taakveld: 'A1.1 Immateriële vaste activa' is een balanspost, geen taakveld."],
  },
  {
    naam: "duplicate rows",
    csv: "Gemeente;Taakveld;Lasten;Baten\nTiel;6.72a;1;2\nBuren;6.72a;1;2\nTiel;6.72a;1;2\n",
    meldingen: ["Rij 4: dubbele rij, dezelfde combinatie staat al in rij 2."],
  },
  {
    naam: "duplicate rows with a categorie",
    csv: `${EIGEN_KOP}\n6.72a;L3.5.1;1;0\n6.72a;L4.3.1;1;0\n6.72a;L3.5.1;5;0\n`,
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 4: dubbele rij, dezelfde combinatie staat al in rij 2."],
  },
  {
    naam: "unknown categorie",
    csv: `${EIGEN_KOP}\n6.72a;X9;1;0\n`,
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Categorie: 'X9' is geen bekende Iv3-categorie."],
  },
  {
    naam: "baten on a lasten categorie",
    csv: `${EIGEN_KOP}\n6.72a;L3.5.1;0;15\n`,
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2, kolom Categorie: categorie 'L3.5.1' is een lasten-categorie, maar de rij heeft baten."],
  },
  {
    naam: "empty gemeente cell",
    csv: "Gemeente;Taakveld;Lasten;Baten\n;6.72a;1;2\n",
    meldingen: ["Rij 2, kolom Gemeente: de gemeente ontbreekt."],
  },
  {
    naam: "row with too few columns",
    csv: "Gemeente;Taakveld;Lasten;Baten\nTiel;6.72a;1\n",
    meldingen: ["Rij 2: 3 kolommen, verwacht 4."],
  },
  {
    naam: "comma file with unquoted Dutch decimals (shifts columns)",
    csv: "Gemeente,Taakveld,Lasten,Baten\nTiel,6.72a,1234,56,0\n",
    meldingen: ["Rij 2: 5 kolommen, verwacht 4."],
  },
  {
    naam: "BOM and CRLF: error still names the right row and a clean column name",
    csv: "\uFEFFLasten;Taakveld;Baten\r\n1;6.72a;2\r\nfout;6.73a;2\r\n",
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 3, kolom Lasten: 'fout' is geen bedrag."],
  },
  {
    naam: "unterminated quote",
    csv: 'Taakveld;Lasten;Baten\n6.72a;"1;2\n',
    options: { gemeente: "Tiel" },
    meldingen: ["Rij 2: de regel is geen geldige CSV (Quoted field unterminated)."],
  },
  {
    naam: "too many rows",
    csv: `Taakveld;Lasten;Baten\n6.72a;1;2\n6.72b;1;2\n6.72c;1;2\n`,
    options: { gemeente: "Tiel", maxRijen: 2 },
    meldingen: ["Te veel rijen: meer dan 2; de grens is 2. Splits de gegevens of filter op gemeente."],
  },
  {
    naam: "CBS raw with a non-numeric amount",
    csv: "ID;TaakveldBalanspost;Categorie;Gemeenten;Verslagsoort;k_1ePlaatsing_1;k_2ePlaatsing_2\n0;6.72a ;L3.5.1  ;GM0281   ;2023X000;1.0;x\n",
    meldingen: ["Rij 2, kolom k_2ePlaatsing_2: 'x' is geen bedrag."],
  },
];

describe("bad-input corpus", () => {
  test("has at least 25 cases", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  });
  test.each(CORPUS)("$naam", ({ csv, options, meldingen }) => {
    expect(fout(csv, options)).toEqual(meldingen);
  });

  test("the error carries the issues as data too, and the count", () => {
    try {
      parseIv3Csv("Taakveld;Lasten;Baten\n6.72a;abc;2\n", { gemeente: "Tiel" });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(Iv3InputError);
      const err = e as Iv3InputError;
      expect(err.issues).toEqual([{ code: "geen-bedrag", rij: 2, kolom: "Lasten", waarde: "abc" }]);
      expect(err.totaal).toBe(1);
      expect(err.message).toBe(
        "De invoer bevat 1 fout; er is niets ingelezen.\nRij 2, kolom Lasten: 'abc' is geen bedrag.",
      );
    }
  });

  test("a thousand bad rows give a bounded list of messages", () => {
    const body = Array.from({ length: 1000 }, (_, i) => `Tiel;6.72a;x${i};0`).join("\n");
    try {
      parseIv3Csv(`Gemeente;Taakveld;Lasten;Baten\n${body}`);
      throw new Error("no error");
    } catch (e) {
      const err = e as Iv3InputError;
      expect(err.totaal).toBe(1000);
      expect(err.meldingen).toHaveLength(201);
      expect(err.meldingen[200]).toBe("… en nog 800 andere meldingen.");
    }
  });
});

describe("property: random input never throws anything but our validation error", () => {
  const cell = fc.oneof(
    fc.constantFrom(
      "6.72a",
      "6.751",
      "0.11",
      "A1.1",
      "Tiel",
      "",
      "-",
      "1.234,56",
      "(12)",
      "n.v.t.",
      "L3.5.1",
      "B4",
      '"',
      "€ 5",
      "1e3",
      "\uFEFF",
    ),
    fc.string({ maxLength: 8 }),
  );
  const header = fc.shuffledSubarray(
    [
      "Gemeente",
      "Taakveld",
      "Categorie",
      "Lasten",
      "Baten",
      "Bedrag",
      "Lasten (x € 1.000)",
      "Provincie",
      "Inwonertal",
      "X",
    ],
    { minLength: 0 },
  );
  const sep = fc.constantFrom(";", ",", "\t", "|");
  const eol = fc.constantFrom("\n", "\r\n");
  const grid = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), sep, eol)
    .map(([h, rows, s, e]) => [h.join(s), ...rows.map((r) => r.join(s))].join(e));
  const options = fc.record(
    {
      gemeente: fc.constantFrom("Tiel", ""),
      jaar: fc.constantFrom(2022, 2023, 2025),
      eenheid: fc.constantFrom("EUR" as const, "EUR1000" as const),
    },
    { requiredKeys: [] },
  );

  test("structured grids", () => {
    fc.assert(
      fc.property(grid, options, (text, opts) => {
        try {
          const r = parseIv3Csv(text, opts);
          for (const row of r.rows) {
            expect(typeof row.taakveld).toBe("string");
            expect(row.lasten === null || Number.isFinite(row.lasten)).toBe(true);
          }
        } catch (e) {
          if (!(e instanceof Iv3InputError)) throw e;
          expect(e.meldingen.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          parseIv3Csv(text, { gemeente: "Tiel" });
        } catch (e) {
          if (!(e instanceof Iv3InputError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("duplicate detection beyond the small-key range", () => {
  test("a duplicate after more than 16,384 distinct categorieën is still found, naming the first row", () => {
    const cats: string[] = [];
    for (let a = 1; a <= 7 && cats.length < 16_500; a++)
      for (let b = 0; b < 100 && cats.length < 16_500; b++)
        for (let c = 0; c < 100 && cats.length < 16_500; c++) cats.push(`L${a}.${b}.${c}`);
    const idx = 16_450;
    const rows = cats.map((c) => `6.72a;${c};1;0`);
    rows.push(`6.72a;${cats[idx]};1;0`); // same as an entry past the small-key range
    expect(idx).toBeGreaterThan(16_384);
    expect(fout(`${EIGEN_KOP}\n${rows.join("\n")}\n`, { gemeente: "Tiel" })).toEqual([
      `Rij ${rows.length + 1}: dubbele rij, dezelfde combinatie staat al in rij ${idx + 2}.`,
    ]);
  });
});

describe("the user's column mapping (kolommen, kopRij)", () => {
  const CSV = "Gemeente;Taakveld;Lasten;Raming\nTiel;6.72a;10;11\nTiel;6.72b;20;22\n";

  test("replaces the recognised mapping as a whole; the header is still found by its names", () => {
    expect(parseIv3Csv(CSV).indeling.kolommen).toEqual({ gemeente: 0, taakveld: 1, lasten: 2, bedrag: 3 });
    const r = parseIv3Csv(CSV, { kolommen: { gemeente: 0, taakveld: 1, lasten: 3 } });
    expect(r.indeling.kolommen).toEqual({ gemeente: 0, taakveld: 1, lasten: 3 });
    expect(r.rows).toEqual([
      { gemeente: "Tiel", taakveld: "6.72a", lasten: 11, baten: null },
      { gemeente: "Tiel", taakveld: "6.72b", lasten: 22, baten: null },
    ]);
    // A mapping to one signed column: positive = lasten.
    const bedrag = parseIv3Csv(CSV, { kolommen: { gemeente: 0, taakveld: 1, bedrag: 2 } });
    expect(bedrag.rows.map((x) => [x.lasten, x.baten])).toEqual([
      [10, null],
      [20, null],
    ]);
  });

  test("kopRij names a header the names do not reveal; lines above it still state the unit", () => {
    // Fed record by record, as the workbook reader does (parseIv3Csv finds the delimiter from a recognised header).
    const lees = (options: CsvOptions) => {
      const v = new Iv3CsvValidator(";", { gemeente: "Tiel", ...options });
      for (const rec of [
        ["Bedragen x € 1.000"],
        ["Code", "Omschrijving", "Uitgaven", "Opbrengsten"],
        ["6.72a", "Jeugdhulp", "1.234", "5"],
      ])
        v.record(rec);
      return v.finish();
    };
    expect(() => lees({})).toThrow(/Geen kopregel gevonden/);
    const r = lees({ kopRij: 2, kolommen: { taakveld: 0, lasten: 2, baten: 3 } });
    expect(r.indeling.kopRij).toBe(2);
    expect(r.indeling.eenheid).toBe("EUR1000");
    expect(r.rows).toEqual([{ gemeente: "Tiel", taakveld: "6.72a", lasten: 1_234_000, baten: 5_000 }]);
    // kopRij without a mapping: that row must be recognisable.
    expect(() => lees({ kopRij: 2 })).toThrow(/Geen kopregel gevonden.*gevonden: Code Omschrijving/);
  });

  test("a column beyond the header or a missing taakveld / amount role is reported in Dutch", () => {
    expect(fout(CSV, { kolommen: { gemeente: 0, taakveld: 1, lasten: 7 } })).toEqual([
      "Kolom 'lasten (kolom 8)' ontbreekt.",
    ]);
    expect(fout(CSV, { kolommen: { gemeente: 0, lasten: 2 } })).toEqual(["Kolom 'taakveld' ontbreekt."]);
    expect(fout(CSV, { kolommen: { gemeente: 0, taakveld: 1 } })).toEqual([
      "Kolom 'lasten, baten of bedrag' ontbreekt.",
    ]);
    expect(fout(CSV, { kolommen: { taakveld: 1, lasten: 2 } })).toEqual([
      "Er is geen kolom 'Gemeente' en er is ook geen gemeente opgegeven: geef de gemeente op waar de cijfers bij horen.",
    ]);
  });

  test("structural mistakes are programming errors: RangeError before anything is read", () => {
    expect(() => parseIv3Csv(CSV, { kolommen: { taakveld: 1, lasten: 1 } })).toThrow(RangeError);
    expect(() => parseIv3Csv(CSV, { kolommen: { taakveld: -1, lasten: 2 } })).toThrow(RangeError);
    expect(() => parseIv3Csv(CSV, { kolommen: { taakveld: 1.5, lasten: 2 } })).toThrow(RangeError);
    expect(() => parseIv3Csv(CSV, { kopRij: 0 })).toThrow(RangeError);
  });

  test("the validator exposes the mapping also when the read fails", () => {
    const v = new Iv3CsvValidator(";", {});
    expect(v.indeling).toBeUndefined();
    v.record(["Gemeente", "Taakveld", "Lasten"]);
    v.record(["Tiel", "6.72a", "n.v.t."]);
    expect(v.indeling?.kolommen).toEqual({ gemeente: 0, taakveld: 1, lasten: 2 });
    expect(() => v.finish()).toThrow(Iv3InputError);
  });
});
