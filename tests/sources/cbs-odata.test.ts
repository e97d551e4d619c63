/**
 * CBS open data (IV3 catalog, OData v3) source against a local server that answers in CBS's shape.
 * Every expected figure below is written by hand from the fixture records, in euros (CBS gives € 1,000).
 */
import { Iv3InputError, SourceError } from "../../src/sources/errors";
import { nl } from "../../src/i18n/nl";
import type { Iv3Row } from "../../src/domain/iv3/types";
import { CBS_IV3_BEKENDE_TABELLEN, createCbsOdataSource, type CbsVoortgang } from "../../src/sources/cbs-odata";
import { geslotenPoort, startCbsServer, type Antwoord, type CbsTestServer, type Verzoek } from "../support/cbs-server";

// ---- Fixture: what CBS would hold ------------------------------------------------------------------

interface Rec {
  ID: number;
  TaakveldBalanspost: string;
  Categorie: string;
  Gemeenten: string;
  Verslagsoort: string;
  k_1ePlaatsing_1: unknown;
  k_2ePlaatsing_2: unknown;
}

let volgnummer = 0;
/** A TypedDataSet record with CBS's right-padded keys. */
function rec(taakveld: string, categorie: string, gemeente: string, verslagsoort: string, bedrag: unknown): Rec {
  return {
    ID: volgnummer++,
    TaakveldBalanspost: taakveld.padEnd(6),
    Categorie: categorie.padEnd(8),
    Gemeenten: gemeente.padEnd(9),
    Verslagsoort: verslagsoort,
    k_1ePlaatsing_1: typeof bedrag === "number" ? 1 : bedrag,
    k_2ePlaatsing_2: bedrag,
  };
}

const CATALOGUS = [
  {
    ID: 1,
    Identifier: "45063NED",
    Title: "Gemeenten 2023 onbewerkte Iv3-data",
    ShortTitle: "Gemeenten 2023 Iv3",
    Period: "2023",
    Catalog: "IV3",
    Modified: "2024-11-01T02:00:00",
    Frequency: "Perjaar",
  },
  { ID: 2, Identifier: "45064NED", Title: "Provincies 2023 onbewerkte Iv3-data", Period: "2023", Catalog: "IV3" },
  {
    ID: 3,
    Identifier: "45065NED",
    Title: "Gemeenschappelijke regelingen 2023 onbewerkte Iv3-data",
    Period: "2023",
    Catalog: "IV3",
  },
  // Two releases for 2024: the later Modified wins.
  {
    ID: 4,
    Identifier: "49024NED",
    Title: "Gemeenten 2024 onbewerkte Iv3-data",
    Period: "2024",
    Catalog: "IV3",
    Modified: "2025-03-01T02:00:00",
  },
  {
    ID: 5,
    Identifier: "49023NED",
    Title: "Gemeenten 2024 onbewerkte Iv3-data",
    Period: "2024",
    Catalog: "IV3",
    Modified: "2024-06-01T02:00:00",
  },
  // No year in the titles: the Period tells.
  {
    ID: 6,
    Identifier: "49022NED",
    Title: "Gemeenten onbewerkte Iv3-data",
    ShortTitle: "Gemeenten Iv3",
    Period: "2022",
    Catalog: "IV3",
  },
];

const GEMEENTEN_2023 = [
  { Key: "GM0014   ", Title: "Groningen (gemeente)", Description: null },
  { Key: "GM0281   ", Title: "Tiel", Description: null },
  { Key: "GM0344   ", Title: "Utrecht", Description: null },
];
const VERSLAGSOORT_2023 = [
  { Key: "2023X000", Title: "Begroting 2023" },
  { Key: "2023X001", Title: "1e kwartaal 2023" },
  { Key: "2023X002", Title: "2e kwartaal 2023" },
  { Key: "2023X003", Title: "3e kwartaal 2023" },
  { Key: "2023X004", Title: "4e kwartaal 2023" },
  { Key: "2023X005", Title: "Jaarrekening 2023" },
];

const TIEL = "GM0281";
const DATA_2023: Rec[] = [
  // Tiel, begroting: 12 records (3 pages of 4), 9 of them become rows.
  rec("6.72a", "L3.5.1", TIEL, "2023X000", 123.0),
  rec("6.72a", "B4.3.1", TIEL, "2023X000", 10.5),
  rec("6.72a", "L3.5.1", TIEL, "2023X001", 30), // quarter
  rec("6.82a", "L4.3.1", TIEL, "2023X000", -99998), // geen opgave
  rec("0.11", "L7.4", TIEL, "2023X000", 55), // resultaat: skipped
  rec("A1", "L1.1", TIEL, "2023X000", 999), // balance sheet: skipped
  rec("6.1", "B7.4", TIEL, "2023X000", -12.5), // real negative amount
  rec("6.72a", "L3.5.1", TIEL, "2023X002", 31), // quarter
  rec("0.8", "L1.1", TIEL, "2023X000", 0),
  rec("P3", "B1", TIEL, "2023X000", 77), // balance sheet: skipped
  rec("7.1", "L3.4.1", TIEL, "2023X000", 1.234),
  rec("6.72b", "L3.5.1", TIEL, "2023X000", 300),
  rec("6.74c", "L4.3.1", TIEL, "2023X000", 45.6),
  rec("6.72a", "L3.5.1", TIEL, "2023X004", 33), // quarter
  rec("6.73a", "B4.1.1", TIEL, "2023X000", null), // empty cell
  // Tiel, jaarrekening
  rec("6.72a", "L3.5.1", TIEL, "2023X005", 130),
  rec("6.82a", "L4.3.1", TIEL, "2023X005", 88.25),
  // Groningen
  rec("6.72a", "L3.5.1", "GM0014", "2023X000", 7),
  // Utrecht, begroting: row problems (2 pages)
  rec("6.72a", "L3.5.1", "GM0344", "2023X000", 10), // rij 1: fine
  rec("6.751", "L3.5.1", "GM0344", "2023X000", 5), // rij 2: a 2025 code in 2023
  rec("A1", "L1.1", "GM0344", "2023X000", 1), // rij 3: balance sheet, skipped
  rec("6.72b", "L3.5.1", "GM0344", "2023X000", "abc"), // rij 4: no amount
  rec("0.11", "L7.4", "GM0344", "2023X000", 2), // rij 5: skipped
  rec("9.99", "B4.3.1", "GM0344", "2023X000", 3), // rij 6: unknown taakveld
  rec("6.72c", "X9.9", "GM0344", "2023X000", 1), // rij 7: neither lasten nor baten
];

const GEMEENTEN_2024 = [{ Key: "GM0281   ", Title: "Tiel" }];
const VERSLAGSOORT_2024 = [{ Key: "2024X000", Title: "Begroting 2024" }];
const DATA_2024: Rec[] = [rec("6.72a", "L3.5.1", TIEL, "2024X000", 140)];

const TABELLEN: Record<string, { gemeenten: unknown[]; verslagsoort: unknown[]; data: Rec[] }> = {
  "45063NED": { gemeenten: GEMEENTEN_2023, verslagsoort: VERSLAGSOORT_2023, data: DATA_2023 },
  "49024NED": { gemeenten: GEMEENTEN_2024, verslagsoort: VERSLAGSOORT_2024, data: DATA_2024 },
};

const PAGINA = 4;

/** Switches a test can flip; reset before each test. */
const staat = {
  /** The next n TypedDataSet requests fail with `storingStatus`. */
  storingen: 0,
  storingStatus: 503,
  storingHeaders: {} as Record<string, string>,
  catalogusStatus: 200,
  /** Server ignores the Verslagsoort part of the filter (returns quarters and the other verslagsoort too). */
  negeerVerslagsoort: false,
  hangData: false,
  dataAntwoord: undefined as Antwoord | undefined,
};

function reset(): void {
  Object.assign(staat, {
    storingen: 0,
    storingStatus: 503,
    storingHeaders: {},
    catalogusStatus: 200,
    negeerVerslagsoort: false,
    hangData: false,
    dataAntwoord: undefined,
  });
}

function route(v: Verzoek, base: string): Antwoord {
  if (v.params.get("$format") !== "json") return { tekst: "<feed>atom</feed>" };
  if (v.pad === "/ODataCatalog/Tables") {
    if (staat.catalogusStatus !== 200) return { status: staat.catalogusStatus, tekst: "storing" };
    if (v.params.get("$filter") !== "Catalog eq 'IV3'") return { status: 400, tekst: "bad filter" };
    return { json: { "odata.metadata": `${base}/ODataCatalog/$metadata#Tables`, value: CATALOGUS } };
  }
  const m = /^\/(ODataApi|ODataFeed)\/OData\/([^/]+)\/([^/]+)$/.exec(v.pad);
  const tabel = m ? TABELLEN[m[2] ?? ""] : undefined;
  if (!m || !tabel) return { status: 404, tekst: "not found" };
  if (m[1] === "ODataApi" && m[3] === "Gemeenten") return { json: { value: tabel.gemeenten } };
  if (m[1] === "ODataApi" && m[3] === "Verslagsoort") return { json: { value: tabel.verslagsoort } };
  if (m[1] !== "ODataFeed" || m[3] !== "TypedDataSet") return { status: 404, tekst: "not found" };

  if (staat.hangData) return "hang";
  if (staat.storingen > 0) {
    staat.storingen--;
    return { status: staat.storingStatus, tekst: "tijdelijk niet beschikbaar", headers: staat.storingHeaders };
  }
  if (staat.dataAntwoord) return staat.dataAntwoord;
  const filter = v.params.get("$filter") ?? "";
  const f = /^Gemeenten eq '([^']*)' and Verslagsoort eq '([^']*)'$/.exec(filter);
  if (!f) return { status: 400, tekst: `bad filter ${filter}` };
  // Exact comparison: a trimmed key ('GM0281') matches nothing at CBS.
  const alle = tabel.data.filter((r) => r.Gemeenten === f[1] && (staat.negeerVerslagsoort || r.Verslagsoort === f[2]));
  const start = Number(v.params.get("$skiptoken") ?? "0");
  const value = alle.slice(start, start + PAGINA);
  const json: Record<string, unknown> = { "odata.metadata": `${base}/ODataFeed/OData/${m[2]}/$metadata`, value };
  if (start + PAGINA < alle.length) {
    // CBS-style absolute nextLink back to this server; $format left out on purpose (the client adds it).
    json["odata.nextLink"] =
      `${base}/ODataFeed/OData/${m[2]}/TypedDataSet?$filter=${encodeURIComponent(filter)}&$skiptoken=${start + PAGINA}`;
  }
  return { json };
}

// ---- Expected results, by hand -----------------------------------------------------------------------

const tiel = (taakveld: string, categorie: string, lasten: number | null, baten: number | null): Iv3Row => ({
  gemeente: "Tiel",
  gemeenteCode: "GM0281",
  taakveld,
  categorie,
  lasten,
  baten,
});

const TIEL_BEGROTING_2023: Iv3Row[] = [
  tiel("6.72a", "L3.5.1", 123000, null),
  tiel("6.72a", "B4.3.1", null, 10500),
  tiel("6.82a", "L4.3.1", null, null),
  tiel("6.1", "B7.4", null, -12500),
  tiel("0.8", "L1.1", 0, null),
  tiel("7.1", "L3.4.1", 1234, null),
  tiel("6.72b", "L3.5.1", 300000, null),
  tiel("6.74c", "L4.3.1", 45600, null),
  tiel("6.73a", "B4.1.1", null, null),
];

const TIEL_JAARREKENING_2023: Iv3Row[] = [tiel("6.72a", "L3.5.1", 130000, null), tiel("6.82a", "L4.3.1", 88250, null)];

// ---- Tests ---------------------------------------------------------------------------------------

let server: CbsTestServer;
const VANDAAG = new Date("2025-01-15T10:00:00Z");

beforeAll(async () => {
  server = await startCbsServer(route);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  reset();
  server.verzoeken.length = 0;
});

function bron(extra: Parameters<typeof createCbsOdataSource>[0] = {}) {
  return createCbsOdataSource({ baseUrl: server.baseUrl, wachttijdMs: 5, nu: () => VANDAAG, ...extra });
}

async function fout(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("table discovery", () => {
  it("maps years to the catalog's gemeenten tables and fills the rest from the known ids", async () => {
    const tabellen = await bron().tabellen();
    expect(tabellen).toEqual([
      { jaar: 2017, id: "45038NED", herkomst: "bekend" },
      { jaar: 2018, id: "45042NED", herkomst: "bekend" },
      { jaar: 2019, id: "45046NED", herkomst: "bekend" },
      { jaar: 2020, id: "45050NED", herkomst: "bekend" },
      { jaar: 2021, id: "45054NED", herkomst: "bekend" },
      { jaar: 2022, id: "49022NED", herkomst: "catalogus", titel: "Gemeenten onbewerkte Iv3-data" },
      { jaar: 2023, id: "45063NED", herkomst: "catalogus", titel: "Gemeenten 2023 onbewerkte Iv3-data" },
      { jaar: 2024, id: "49024NED", herkomst: "catalogus", titel: "Gemeenten 2024 onbewerkte Iv3-data" },
      { jaar: 2025, id: "45071NED", herkomst: "bekend" },
      { jaar: 2026, id: "45078NED", herkomst: "bekend" },
    ]);
    expect(server.aantal("/ODataCatalog/Tables")).toBe(1);
  });

  it("falls back to the known ids when the catalog keeps failing", async () => {
    staat.catalogusStatus = 500;
    const tabellen = await bron().tabellen();
    expect(tabellen).toEqual(CBS_IV3_BEKENDE_TABELLEN);
    expect(server.aantal("/ODataCatalog/Tables")).toBe(3);
  });

  it("caches the catalog per source", async () => {
    const b = bron();
    await b.tabellen();
    await b.tabel(2023);
    await b.gemeenten(2023);
    expect(server.aantal("/ODataCatalog/Tables")).toBe(1);
  });

  it("reports an unknown year as niet-gevonden", async () => {
    const e = await fout(bron().laadGemeente({ jaar: 1999, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).kind).toBe("niet-gevonden");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsGeenTabel(1999));
  });
});

describe("gemeenten", () => {
  it("lists the Gemeenten dimension with trimmed codes, sorted by name", async () => {
    expect(await bron().gemeenten(2023)).toEqual([
      { naam: "Groningen (gemeente)", code: "GM0014" },
      { naam: "Tiel", code: "GM0281" },
      { naam: "Utrecht", code: "GM0344" },
    ]);
  });

  it.each(["GM0014", "gm14", "14", "Groningen", "groningen (gemeente)"])("resolves %p", async (invoer) => {
    const data = await bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: invoer });
    expect(data.gemeenten).toEqual([{ naam: "Groningen (gemeente)", code: "GM0014" }]);
    expect(data.rows).toEqual([
      {
        gemeente: "Groningen (gemeente)",
        gemeenteCode: "GM0014",
        taakveld: "6.72a",
        categorie: "L3.5.1",
        lasten: 7000,
        baten: null,
      },
    ]);
  });

  it("reports an unknown gemeente as niet-gevonden", async () => {
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Atlantis" }));
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).kind).toBe("niet-gevonden");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsGeenGemeente("Atlantis"));
    expect(server.aantal("/TypedDataSet")).toBe(0);
  });
});

describe("laadGemeente", () => {
  it("reads every page, converts € 1,000 to euros, trims keys and skips 0.11 and balance items", async () => {
    const data = await bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" });
    expect(data.rows).toEqual(TIEL_BEGROTING_2023);
    expect(data.regime).toBe("2023-2024");
    expect(data.gemeenten).toEqual([{ naam: "Tiel", code: "GM0281" }]);
    expect(data.provenance).toEqual({
      bron: "CBS open data, catalogus IV3, tabel 45063NED",
      cbsTabel: "45063NED",
      verslagsoort: "begroting",
      jaar: 2023,
      eenheidBron: "EUR1000",
      opgehaald: "2025-01-15",
    });
    // 12 begroting records for Tiel at 4 per page.
    const data_ = server.verzoeken.filter((v) => v.pad.endsWith("/TypedDataSet"));
    expect(data_).toHaveLength(3);
    for (const v of data_) {
      expect(v.params.get("$filter")).toBe("Gemeenten eq 'GM0281   ' and Verslagsoort eq '2023X000'");
    }
    expect(data_.map((v) => v.params.get("$skiptoken"))).toEqual([null, "4", "8"]);
  });

  it("selects the jaarrekening (X005)", async () => {
    const data = await bron().laadGemeente({ jaar: 2023, verslagsoort: "jaarrekening", gemeente: "GM0281" });
    expect(data.rows).toEqual(TIEL_JAARREKENING_2023);
    expect(data.provenance.verslagsoort).toBe("jaarrekening");
    expect(server.verzoeken.find((v) => v.pad.endsWith("/TypedDataSet"))?.params.get("$filter")).toBe(
      "Gemeenten eq 'GM0281   ' and Verslagsoort eq '2023X005'",
    );
  });

  it("ignores quarters and the other verslagsoort when the feed returns them anyway", async () => {
    staat.negeerVerslagsoort = true;
    const b = bron();
    expect((await b.laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" })).rows).toEqual(
      TIEL_BEGROTING_2023,
    );
    expect((await b.laadGemeente({ jaar: 2023, verslagsoort: "jaarrekening", gemeente: "Tiel" })).rows).toEqual(
      TIEL_JAARREKENING_2023,
    );
  });

  it("reports a verslagsoort the table does not have as niet-gevonden", async () => {
    const e = await fout(bron().laadGemeente({ jaar: 2024, verslagsoort: "jaarrekening", gemeente: "Tiel" }));
    expect((e as SourceError).kind).toBe("niet-gevonden");
    expect((e as SourceError).message).toBe("CBS open data heeft (nog) geen jaarrekening 2024 in de Iv3-tabel.");
    const data = await bron().laadGemeente({ jaar: 2024, verslagsoort: "begroting", gemeente: "Tiel" });
    expect(data.provenance.cbsTabel).toBe("49024NED");
    expect(data.regime).toBe("2023-2024");
    expect(data.rows).toEqual([tiel("6.72a", "L3.5.1", 140000, null)]);
  });

  it("reports progress after every page with increasing counts", async () => {
    const voortgang: CbsVoortgang[] = [];
    await bron().laadGemeente({
      jaar: 2023,
      verslagsoort: "begroting",
      gemeente: "Tiel",
      onProgress: (v) => voortgang.push(v),
    });
    expect(voortgang).toEqual([
      { rijen: 4, paginas: 1, bericht: nl.bronnen.cbsVoortgang(4) },
      { rijen: 8, paginas: 2, bericht: nl.bronnen.cbsVoortgang(8) },
      { rijen: 12, paginas: 3, bericht: nl.bronnen.cbsVoortgang(12) },
    ]);
  });

  it("collects every row problem into one Iv3InputError and returns no data", async () => {
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Utrecht" }));
    expect(e).toBeInstanceOf(Iv3InputError);
    const err = e as Iv3InputError;
    expect(err.issues).toEqual([
      {
        code: "verkeerd-regime",
        rij: 2,
        kolom: "TaakveldBalanspost",
        waarde: "6.751",
        details: { regime: "2023-2024", regimes: "2025+" },
      },
      { code: "geen-bedrag", rij: 4, kolom: "k_2ePlaatsing_2", waarde: "abc" },
      { code: "onbekend-taakveld", rij: 6, kolom: "TaakveldBalanspost", waarde: "9.99" },
      { code: "onbekende-categorie", rij: 7, kolom: "Categorie", waarde: "X9.9" },
    ]);
    expect(err.totaal).toBe(4);
    expect(err.message).toContain(nl.bronnen.ongeldigeInvoer(4));
    expect(err.message).toContain("Rij 6, kolom TaakveldBalanspost: '9.99' is geen bekend Iv3-taakveld.");
    expect(err.message).toContain("Rij 4, kolom k_2ePlaatsing_2: 'abc' is geen bedrag.");
    // Both pages were read before giving up.
    expect(server.aantal("/TypedDataSet")).toBe(2);
  });
});

describe("network behaviour", () => {
  it("retries after a 503 and then succeeds", async () => {
    staat.storingen = 1;
    const data = await bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" });
    expect(data.rows).toEqual(TIEL_BEGROTING_2023);
    // 1 failed + 3 pages
    expect(server.aantal("/TypedDataSet")).toBe(4);
  });

  it("retries after a 429 with Retry-After", async () => {
    staat.storingen = 2;
    staat.storingStatus = 429;
    staat.storingHeaders = { "Retry-After": "0" };
    const data = await bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" });
    expect(data.rows).toEqual(TIEL_BEGROTING_2023);
    expect(server.aantal("/TypedDataSet")).toBe(5);
  });

  it("gives up after the last attempt with an http error", async () => {
    staat.storingen = 10;
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect((e as SourceError).kind).toBe("http");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsHttp(503));
    expect(server.aantal("/TypedDataSet")).toBe(3);
  });

  it("does not retry a 4xx", async () => {
    staat.storingen = 10;
    staat.storingStatus = 404;
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect((e as SourceError).kind).toBe("http");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsHttp(404));
    expect(server.aantal("/TypedDataSet")).toBe(1);
  });

  it("times out on a server that never answers", async () => {
    staat.hangData = true;
    const start = Date.now();
    const e = await fout(
      bron({ timeoutMs: 200, pogingen: 2 }).laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }),
    );
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).kind).toBe("timeout");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsTimeout(0.2));
    expect((e as SourceError).message).toContain("geen antwoord");
    expect(server.aantal("/TypedDataSet")).toBe(2);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it("reports offline when nothing listens", async () => {
    const poort = await geslotenPoort();
    const b = createCbsOdataSource({ baseUrl: `http://127.0.0.1:${poort}`, wachttijdMs: 5 });
    const e = await fout(b.laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).kind).toBe("offline");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsOffline);
  });

  it("reports an answer that is not JSON", async () => {
    staat.dataAntwoord = { tekst: "<html>onderhoud</html>" };
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect((e as SourceError).kind).toBe("antwoord");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsOngeldigAntwoord("het is geen JSON"));
    expect(server.aantal("/TypedDataSet")).toBe(1);
  });

  it("reports JSON in another shape", async () => {
    staat.dataAntwoord = { json: { d: { results: [] } } };
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect((e as SourceError).kind).toBe("antwoord");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsOngeldigAntwoord("de lijst 'value' ontbreekt"));
  });

  it("reports records without the expected fields", async () => {
    staat.dataAntwoord = { json: { value: [{ ID: 0, Taakveld: "6.72a ", Waarde: 1 }] } };
    const e = await fout(bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel" }));
    expect((e as SourceError).kind).toBe("antwoord");
    expect((e as SourceError).message).toBe(nl.bronnen.cbsOngeldigAntwoord("rij 1 mist het veld 'TaakveldBalanspost'"));
  });

  it("stops when the caller aborts", async () => {
    staat.hangData = true;
    const ac = new AbortController();
    const p = bron().laadGemeente({ jaar: 2023, verslagsoort: "begroting", gemeente: "Tiel", signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const e = await fout(p);
    expect((e as Error).name).toBe("AbortError");
    expect(server.aantal("/TypedDataSet")).toBe(1);
  });

  it("uses an injected fetch", async () => {
    const urls: string[] = [];
    const eigenFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    await bron({ fetch: eigenFetch }).gemeenten(2023);
    expect(urls).toEqual([
      `${server.baseUrl}/ODataCatalog/Tables?$filter=Catalog%20eq%20'IV3'&$format=json`,
      `${server.baseUrl}/ODataApi/OData/45063NED/Gemeenten?$format=json`,
    ]);
  });
});
