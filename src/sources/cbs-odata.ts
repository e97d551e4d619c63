/**
 * Iv3 source: CBS open data, third-party catalog "IV3" (OData v3), one table per begrotings-/rekeningjaar.
 *
 * Runs in Node (CLI) and in the browser (task pane): no Node imports; the network goes through an
 * injectable `fetch` and timers through setTimeout/AbortController only.
 *
 * Endpoints used (relative to the base URL):
 * - `ODataCatalog/Tables?$filter=Catalog eq 'IV3'&$format=json`: table discovery;
 * - `ODataApi/OData/{tabel}/Gemeenten` and `…/Verslagsoort`: dimension lists `{ value: [{ Key, Title }] }`;
 * - `ODataFeed/OData/{tabel}/TypedDataSet?$filter=…&$format=json`: the figures, paged with `odata.nextLink`.
 *
 * Row shape (per CBS): `{ ID, TaakveldBalanspost: "6.72a ", Categorie: "L3.5.1  ", Gemeenten: "GM0281   ",
 * Verslagsoort: "2023X005", k_1ePlaatsing_1, k_2ePlaatsing_2 }`; keys are right-padded with spaces,
 * amounts are in € 1,000 and −99998 means "geen opgave".
 */
import { naamSleutel, suggesties } from "../domain/gemeente-naam";
import type { InputIssue } from "../domain/issues";
import { parseAmount } from "../domain/iv3/amount";
import { RESULTAAT_TAAKVELD, lookupTaakveld, regimeForYear } from "../domain/iv3/taxonomy";
import type { GemeenteInfo, Iv3Data, Iv3Row, Verslagsoort } from "../domain/iv3/types";
import { nl } from "../i18n/nl";
import { Iv3InputError, MAX_ISSUES, SourceError } from "./errors";

/**
 * Where the IV3 catalog lives. The brief asked for https://opendata.cbs.nl, but CBS serves its
 * third-party catalogs (including IV3) from dataderden.cbs.nl: the same OData v3 interface, other host
 * (cbsodata for Python documents `catalog_url='dataderden.cbs.nl'` for third-party tables, and public
 * Iv3 scripts fetch `https://dataderden.cbs.nl/ODataCatalog/Tables?$filter=Catalog eq 'IV3'`).
 * Override with `baseUrl` if that ever changes.
 */
export const CBS_IV3_BASE_URL = "https://dataderden.cbs.nl";

/** Amount column used: the "2e plaatsing" (k_2ePlaatsing_2), € 1,000. */
export const CBS_BEDRAG_KOLOM = "k_2ePlaatsing_2";

/** CBS code for "geen opgave" (no figure); distinct from real negative amounts. */
export const CBS_GEEN_OPGAVE = -99998;

/** One IV3 table for gemeenten. */
export interface CbsTabel {
  readonly jaar: number;
  /** CBS table identifier, e.g. "45063NED". */
  readonly id: string;
  readonly titel?: string;
  /** "catalogus": found via ODataCatalog; "bekend": from CBS_IV3_BEKENDE_TABELLEN. */
  readonly herkomst: "catalogus" | "bekend";
}

/**
 * Known table ids (fallback when the catalog does not answer in the expected shape or lacks a year).
 * Source: /work/shared/data/README.md, section "The CBS source itself" (CBS open data, catalog IV3,
 * tables "Gemeenten <jaar> onbewerkte Iv3-data").
 */
export const CBS_IV3_BEKENDE_TABELLEN: readonly CbsTabel[] = [
  { jaar: 2017, id: "45038NED", herkomst: "bekend" },
  { jaar: 2018, id: "45042NED", herkomst: "bekend" },
  { jaar: 2019, id: "45046NED", herkomst: "bekend" },
  { jaar: 2020, id: "45050NED", herkomst: "bekend" },
  { jaar: 2021, id: "45054NED", herkomst: "bekend" },
  { jaar: 2022, id: "45059NED", herkomst: "bekend" },
  { jaar: 2023, id: "45063NED", herkomst: "bekend" },
  { jaar: 2024, id: "45067NED", herkomst: "bekend" },
  { jaar: 2025, id: "45071NED", herkomst: "bekend" },
  { jaar: 2026, id: "45078NED", herkomst: "bekend" },
];

export interface CbsVoortgang {
  /** CBS records received so far (all records, including skipped ones). */
  readonly rijen: number;
  /** Pages received so far. */
  readonly paginas: number;
  /** Dutch progress text (nl.bronnen.cbsVoortgang). */
  readonly bericht: string;
}

export interface CbsOdataOptions {
  /** Default CBS_IV3_BASE_URL. No trailing slash needed. */
  readonly baseUrl?: string;
  /** Default globalThis.fetch (looked up at call time, so it can be replaced or polyfilled later). */
  readonly fetch?: typeof globalThis.fetch;
  /** Per request attempt, including reading the body. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Attempts per request (1 = no retry). Default 3. */
  readonly pogingen?: number;
  /** Wait before the 2nd attempt; doubles per attempt. Default 500 ms. */
  readonly wachttijdMs?: number;
  /** Upper bound of one wait, also for a server's Retry-After. Default 10 000 ms. */
  readonly maxWachttijdMs?: number;
  /** Fallback table ids. Default CBS_IV3_BEKENDE_TABELLEN. */
  readonly bekendeTabellen?: readonly CbsTabel[];
  /** Clock for provenance.opgehaald. Default () => new Date(). */
  readonly nu?: () => Date;
}

export interface CbsAanroep {
  /**
   * Cancels all requests and waits; the promise then rejects with `signal.reason` (an AbortError by default).
   * Catalog and dimension lists are cached and shared per source instance: a call that joins a lookup
   * already under way by another caller shares that caller's cancellation.
   */
  readonly signal?: AbortSignal;
}

export interface CbsLaadVerzoek extends CbsAanroep {
  readonly jaar: number;
  /** begroting = Verslagsoort YYYYX000, jaarrekening = YYYYX005; quarters (X001–X004) are never read. */
  readonly verslagsoort: Verslagsoort;
  /** Gemeente name ("Tiel", "groningen") or CBS code ("GM0281", "gm281", "281"). */
  readonly gemeente: string;
  /** Called after every page. */
  readonly onProgress?: (voortgang: CbsVoortgang) => void;
}

/**
 * Errors of every method:
 * - SourceError "offline": CBS unreachable after all attempts (nl.bronnen.cbsOffline);
 * - SourceError "timeout": no answer within timeoutMs after all attempts (nl.bronnen.cbsTimeout);
 * - SourceError "http": an HTTP error (4xx at once; 429/5xx after all attempts) (nl.bronnen.cbsHttp);
 * - SourceError "antwoord": the answer is not JSON in the expected shape (nl.bronnen.cbsOngeldigAntwoord);
 * - the abort reason of `signal` when cancelled.
 */
export interface CbsOdataSource {
  /**
   * IV3 tables for gemeenten by year (ascending): the catalog's, completed with the known ids for
   * years the catalog does not list. When the catalog answers with an HTTP error or in an unexpected
   * shape, the known list alone is returned; "offline" and "timeout" are thrown.
   */
  tabellen(aanroep?: CbsAanroep): Promise<readonly CbsTabel[]>;
  /** The table for one year. Also throws SourceError "niet-gevonden" (nl.bronnen.cbsGeenTabel). */
  tabel(jaar: number, aanroep?: CbsAanroep): Promise<CbsTabel>;
  /** The gemeenten of a year's table (Gemeenten dimension), sorted by name; code is the trimmed key. */
  gemeenten(jaar: number, aanroep?: CbsAanroep): Promise<readonly GemeenteInfo[]>;
  /**
   * All Iv3 rows of one gemeente, year and verslagsoort, per taakveld × categorie, in euros.
   * Balance-sheet items (A…/P…) and taakveld 0.11 are left out; nothing is aggregated.
   * Also throws:
   * - SourceError "niet-gevonden" for an unknown year, gemeente or a verslagsoort the table lacks;
   * - Iv3InputError with every row problem (unknown taakveld, taakveld of another regime, non-numeric
   *   amount, unknown categorie, duplicate row); rij = 1-based record number in the feed. No data then.
   */
  laadGemeente(verzoek: CbsLaadVerzoek): Promise<Iv3Data>;
}

/** OData string literal: quotes doubled. Keys are passed with CBS's padding intact. */
function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function query(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
}

function abortReden(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("Afgebroken", "AbortError");
}

/** Abortable sleep. */
function slaap(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReden(signal));
    const klaar = (): void => {
      signal?.removeEventListener("abort", afgebroken);
      resolve();
    };
    const afgebroken = (): void => {
      clearTimeout(timer);
      reject(abortReden(signal as AbortSignal));
    };
    const timer = setTimeout(klaar, ms);
    signal?.addEventListener("abort", afgebroken, { once: true });
  });
}

type Poging =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly fout: SourceError; readonly opnieuw: boolean; readonly wachtMs?: number };

function ongeldig(detail: string, cause?: unknown): SourceError {
  return new SourceError(
    "antwoord",
    nl.bronnen.cbsOngeldigAntwoord(detail),
    cause === undefined ? undefined : { cause },
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `{ value: [...], "odata.nextLink"?: string }` → records and next link. */
function leesPagina(json: unknown): { value: readonly unknown[]; volgende?: string } {
  if (!isObject(json) || !Array.isArray(json["value"])) throw ongeldig(nl.bronnen.detailGeenLijst);
  const next = json["odata.nextLink"] ?? json["@odata.nextLink"];
  if (next !== undefined && next !== null && typeof next !== "string") throw ongeldig(nl.bronnen.detailVolgende);
  return next ? { value: json["value"], volgende: next } : { value: json["value"] };
}

/** At most this many pages per feed; a gemeente's year is a few thousand records, CBS pages 10,000. */
const MAX_PAGINAS = 1000;

interface CatalogusRegel {
  readonly Identifier?: unknown;
  readonly Title?: unknown;
  readonly ShortTitle?: unknown;
  readonly Period?: unknown;
  readonly Catalog?: unknown;
  readonly Modified?: unknown;
}

/**
 * Year of a catalog entry, or undefined when it is not a gemeenten table.
 *
 * Assumption (not verifiable offline): ODataCatalog/Tables returns OData v3 JSON
 * `{ "odata.metadata": …, value: [{ ID, Identifier, Title, ShortTitle, Period, Catalog, Modified,
 * ApiUrl, FeedUrl, … }] }`, and the IV3 catalog holds tables for gemeenten, provincies,
 * gemeenschappelijke regelingen and waterschappen, titled like "Gemeenten 2025 onbewerkte Iv3-data".
 * So: Title or ShortTitle must start with the word "Gemeenten" (not "Gemeenschappelijke …"); the year
 * is the first 4-digit year in Title, else ShortTitle, else Period when Period is one year ("2025" or
 * "2025 - 2025").
 */
function catalogusJaar(regel: CatalogusRegel): number | undefined {
  const titel = typeof regel.Title === "string" ? regel.Title : "";
  const kort = typeof regel.ShortTitle === "string" ? regel.ShortTitle : "";
  if (typeof regel.Catalog === "string" && regel.Catalog.trim().toUpperCase() !== "IV3") return undefined;
  if (!/^\s*gemeenten\b/i.test(titel) && !/^\s*gemeenten\b/i.test(kort)) return undefined;
  for (const tekst of [titel, kort]) {
    const m = /\b((?:19|20)\d{2})\b/.exec(tekst);
    if (m) return Number(m[1]);
  }
  if (typeof regel.Period === "string") {
    const m = /^\s*((?:19|20)\d{2})(?:\s*-\s*\1)?\s*$/.exec(regel.Period);
    if (m) return Number(m[1]);
  }
  return undefined;
}

interface Dimensie {
  /** As CBS gives it, padding included (needed in $filter). */
  readonly key: string;
  readonly sleutel: string;
  readonly titel: string;
}

function leesDimensie(naam: string, value: readonly unknown[]): Dimensie[] {
  return value.map((r) => {
    if (!isObject(r) || typeof r["Key"] !== "string") throw ongeldig(nl.bronnen.detailDimensie(naam));
    const titel = typeof r["Title"] === "string" ? r["Title"].trim() : r["Key"].trim();
    return { key: r["Key"], sleutel: r["Key"].trim(), titel };
  });
}

/** A user's gemeente input as a GM code, or undefined when it is not code-shaped. */
function alsGemeenteCode(invoer: string): string | undefined {
  const m = /^(?:gm)?\s*(\d{1,4})$/i.exec(invoer.trim());
  return m ? `GM${(m[1] ?? "").padStart(4, "0")}` : undefined;
}

const VERSLAGSOORT_CODE: Readonly<Record<Verslagsoort, string>> = { begroting: "X000", jaarrekening: "X005" };

const RECORD_VELDEN = ["TaakveldBalanspost", "Categorie", "Gemeenten", "Verslagsoort"] as const;

/** Collects input issues up to MAX_ISSUES while counting all. */
class Meldingen {
  readonly lijst: InputIssue[] = [];
  totaal = 0;
  add(issue: InputIssue): void {
    this.totaal++;
    if (this.lijst.length < MAX_ISSUES) this.lijst.push(issue);
  }
}

/** Create a CBS IV3 source. Nothing is fetched until a method is called; answers are cached per instance. */
export function createCbsOdataSource(options: CbsOdataOptions = {}): CbsOdataSource {
  const baseUrl = (options.baseUrl ?? CBS_IV3_BASE_URL).replace(/\/+$/, "");
  const doFetch: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pogingen = Math.max(1, Math.floor(options.pogingen ?? 3));
  const wachttijdMs = options.wachttijdMs ?? 500;
  const maxWachttijdMs = options.maxWachttijdMs ?? 10_000;
  const bekend = options.bekendeTabellen ?? CBS_IV3_BEKENDE_TABELLEN;
  const nu = options.nu ?? (() => new Date());

  /** One attempt: fetch and read the body within timeoutMs. Only abort by `signal` throws. */
  async function poging(url: string, signal: AbortSignal | undefined): Promise<Poging> {
    const controller = new AbortController();
    let verlopen = false;
    const timer = setTimeout(() => {
      verlopen = true;
      controller.abort();
    }, timeoutMs);
    const doorgeven = (): void => controller.abort(signal?.reason);
    signal?.addEventListener("abort", doorgeven, { once: true });
    let tekst: string;
    try {
      const res = await doFetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!res.ok) {
        res.body?.cancel().catch(() => undefined);
        const opnieuw = res.status === 429 || res.status >= 500;
        const retryAfter = Number(res.headers.get("Retry-After"));
        const fout = new SourceError("http", nl.bronnen.cbsHttp(res.status));
        return Number.isFinite(retryAfter) && retryAfter > 0
          ? { ok: false, fout, opnieuw, wachtMs: retryAfter * 1000 }
          : { ok: false, fout, opnieuw };
      }
      tekst = await res.text();
    } catch (e) {
      if (signal?.aborted) throw abortReden(signal);
      if (verlopen) {
        return { ok: false, opnieuw: true, fout: new SourceError("timeout", nl.bronnen.cbsTimeout(timeoutMs / 1000)) };
      }
      return { ok: false, opnieuw: true, fout: new SourceError("offline", nl.bronnen.cbsOffline, { cause: e }) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", doorgeven);
    }
    try {
      return { ok: true, json: JSON.parse(tekst) as unknown };
    } catch (e) {
      return { ok: false, opnieuw: false, fout: ongeldig(nl.bronnen.detailGeenJson, e) };
    }
  }

  /** GET JSON with timeout and retries (network error, timeout, 429, 5xx; not other 4xx or bad JSON). */
  async function haalJson(url: string, signal: AbortSignal | undefined): Promise<unknown> {
    for (let n = 1; ; n++) {
      if (signal?.aborted) throw abortReden(signal);
      const r = await poging(url, signal);
      if (r.ok) return r.json;
      if (!r.opnieuw || n >= pogingen) throw r.fout;
      const backoff = Math.min(wachttijdMs * 2 ** (n - 1), maxWachttijdMs);
      await slaap(Math.max(backoff, Math.min(r.wachtMs ?? 0, maxWachttijdMs)), signal);
    }
  }

  /** Walk a (possibly paged) list, following odata.nextLink; `perPagina` gets each page's records. */
  async function haalPaginas(
    eersteUrl: string,
    signal: AbortSignal | undefined,
    perPagina: (value: readonly unknown[], pagina: number) => void,
  ): Promise<void> {
    const gezien = new Set<string>();
    let url: string | undefined = eersteUrl;
    while (url !== undefined) {
      if (gezien.has(url) || gezien.size >= MAX_PAGINAS) throw ongeldig(nl.bronnen.detailTeVeelPaginas(MAX_PAGINAS));
      gezien.add(url);
      const { value, volgende } = leesPagina(await haalJson(url, signal));
      perPagina(value, gezien.size);
      url = volgende === undefined ? undefined : volgendeUrl(volgende, url);
    }
  }

  /** All records of a (possibly paged) list. */
  async function haalAlles(url: string, signal: AbortSignal | undefined): Promise<unknown[]> {
    const alles: unknown[] = [];
    await haalPaginas(url, signal, (value) => {
      for (const v of value) alles.push(v);
    });
    return alles;
  }

  /** Resolve a nextLink (absolute or relative); keep JSON if the link dropped $format. */
  function volgendeUrl(link: string, huidig: string): string {
    let u: URL;
    try {
      u = new URL(link, huidig);
    } catch {
      throw ongeldig(nl.bronnen.detailVolgende);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") throw ongeldig(nl.bronnen.detailVolgende);
    if (!/[?&]\$format=/.test(u.search)) u.search += `${u.search ? "&" : "?"}$format=json`;
    return u.toString();
  }

  /** Cache of successful promises; a failed one is forgotten so the next call tries again. */
  const cache = new Map<string, Promise<unknown>>();
  function onthoud<T>(sleutel: string, maak: () => Promise<T>): Promise<T> {
    const bestaand = cache.get(sleutel);
    if (bestaand) return bestaand as Promise<T>;
    const p = maak();
    cache.set(sleutel, p);
    p.catch(() => cache.delete(sleutel));
    return p;
  }

  async function catalogus(signal: AbortSignal | undefined): Promise<CbsTabel[]> {
    const url = `${baseUrl}/ODataCatalog/Tables?${query({ $filter: "Catalog eq 'IV3'", $format: "json" })}`;
    const regels = await haalAlles(url, signal);
    const perJaar = new Map<number, { tabel: CbsTabel; gewijzigd: string }>();
    for (const r of regels) {
      if (!isObject(r)) throw ongeldig(nl.bronnen.detailDimensie("Tables"));
      const regel = r as CatalogusRegel;
      const jaar = catalogusJaar(regel);
      if (jaar === undefined || typeof regel.Identifier !== "string" || regel.Identifier.trim() === "") continue;
      const tabel: CbsTabel = {
        jaar,
        id: regel.Identifier.trim(),
        herkomst: "catalogus",
        ...(typeof regel.Title === "string" ? { titel: regel.Title.trim() } : {}),
      };
      const gewijzigd = typeof regel.Modified === "string" ? regel.Modified : "";
      // Two tables for one year (e.g. a revised release): the most recently modified wins, then the higher id.
      const eerder = perJaar.get(jaar);
      if (
        !eerder ||
        gewijzigd > eerder.gewijzigd ||
        (gewijzigd === eerder.gewijzigd && tabel.id.localeCompare(eerder.tabel.id) > 0)
      ) {
        perJaar.set(jaar, { tabel, gewijzigd });
      }
    }
    return [...perJaar.values()].map((x) => x.tabel);
  }

  function tabellen(aanroep: CbsAanroep = {}): Promise<readonly CbsTabel[]> {
    return onthoud("tabellen", async () => {
      let gevonden: CbsTabel[] = [];
      try {
        gevonden = await catalogus(aanroep.signal);
      } catch (e) {
        // The catalog is a convenience; when it answers wrongly the known ids still work.
        if (!(e instanceof SourceError) || (e.kind !== "http" && e.kind !== "antwoord")) throw e;
      }
      const jaren = new Set(gevonden.map((t) => t.jaar));
      return [...gevonden, ...bekend.filter((t) => !jaren.has(t.jaar))].sort((a, b) => a.jaar - b.jaar);
    });
  }

  async function tabel(jaar: number, aanroep: CbsAanroep = {}): Promise<CbsTabel> {
    const t = (await tabellen(aanroep)).find((x) => x.jaar === jaar);
    if (!t) throw new SourceError("niet-gevonden", nl.bronnen.cbsGeenTabel(jaar));
    return t;
  }

  function dimensie(tabelId: string, naam: string, signal: AbortSignal | undefined): Promise<Dimensie[]> {
    return onthoud(`${tabelId}/${naam}`, async () => {
      const url = `${baseUrl}/ODataApi/OData/${encodeURIComponent(tabelId)}/${naam}?$format=json`;
      return leesDimensie(naam, await haalAlles(url, signal));
    });
  }

  async function gemeenten(jaar: number, aanroep: CbsAanroep = {}): Promise<readonly GemeenteInfo[]> {
    const t = await tabel(jaar, aanroep);
    const dim = await dimensie(t.id, "Gemeenten", aanroep.signal);
    return dim.map((d) => ({ naam: d.titel, code: d.sleutel })).sort((a, b) => a.naam.localeCompare(b.naam, "nl"));
  }

  function zoekGemeente(dim: readonly Dimensie[], invoer: string): Dimensie {
    const code = alsGemeenteCode(invoer);
    if (code !== undefined) {
      const hit = dim.find((d) => d.sleutel.toUpperCase() === code);
      if (hit) return hit;
    }
    const sleutel = naamSleutel(invoer);
    const hits = sleutel === "" ? [] : dim.filter((d) => naamSleutel(d.titel) === sleutel);
    if (hits.length === 1 && hits[0]) return hits[0];
    const alleNamen = dim.map((d) => d.titel);
    const namen = hits.length > 1 ? hits.map((d) => d.titel) : suggesties(invoer, alleNamen);
    throw new SourceError(
      "niet-gevonden",
      namen.length > 0 ? nl.bronnen.onbekendeGemeente(invoer.trim(), namen) : nl.bronnen.cbsGeenGemeente(invoer.trim()),
    );
  }

  async function laadGemeente(verzoek: CbsLaadVerzoek): Promise<Iv3Data> {
    const { jaar, verslagsoort, signal, onProgress } = verzoek;
    const t = await tabel(jaar, { signal });
    const [gemeenteDim, soortDim] = await Promise.all([
      dimensie(t.id, "Gemeenten", signal),
      dimensie(t.id, "Verslagsoort", signal),
    ]);
    const gemeente = zoekGemeente(gemeenteDim, verzoek.gemeente);
    const soortCode = `${jaar}${VERSLAGSOORT_CODE[verslagsoort]}`;
    const soort = soortDim.find((d) => d.sleutel === soortCode);
    if (!soort) throw new SourceError("niet-gevonden", nl.bronnen.cbsGeenVerslagsoort(verslagsoort, jaar));

    const filter = `Gemeenten eq ${odataString(gemeente.key)} and Verslagsoort eq ${odataString(soort.key)}`;
    const select = ["TaakveldBalanspost", "Categorie", "Gemeenten", "Verslagsoort", CBS_BEDRAG_KOLOM].join(",");
    const url =
      `${baseUrl}/ODataFeed/OData/${encodeURIComponent(t.id)}/TypedDataSet?` +
      query({ $filter: filter, $select: select, $format: "json" });

    const regime = regimeForYear(jaar);
    const rows: Iv3Row[] = [];
    const meldingen = new Meldingen();
    const eersteRij = new Map<string, number>();
    let rij = 0;

    const verwerk = (record: unknown): void => {
      rij++;
      if (!isObject(record)) throw ongeldig(nl.bronnen.detailVeldOntbreekt(rij, "TaakveldBalanspost"));
      for (const veld of RECORD_VELDEN) {
        if (typeof record[veld] !== "string") throw ongeldig(nl.bronnen.detailVeldOntbreekt(rij, veld));
      }
      if (!(CBS_BEDRAG_KOLOM in record)) throw ongeldig(nl.bronnen.detailVeldOntbreekt(rij, CBS_BEDRAG_KOLOM));
      // Defensive: the filter should already have excluded other gemeenten and the quarters (X001–X004).
      if ((record["Verslagsoort"] as string).trim() !== soortCode) return;
      if ((record["Gemeenten"] as string).trim() !== gemeente.sleutel) return;

      const tvRuw = (record["TaakveldBalanspost"] as string).trim();
      if (/^[AP]/i.test(tvRuw)) return; // balance-sheet item, not a taakveld
      if (tvRuw === "") {
        meldingen.add({ code: "leeg-taakveld", rij, kolom: "TaakveldBalanspost" });
        return;
      }
      const tv = lookupTaakveld(tvRuw, regime);
      if (!tv.ok) {
        if (tv.reden === "balanspost") return;
        meldingen.add(
          tv.reden === "verkeerd-regime"
            ? {
                code: "verkeerd-regime",
                rij,
                kolom: "TaakveldBalanspost",
                waarde: tvRuw,
                details: { regime, regimes: (tv.regimes ?? []).join(", ") },
              }
            : { code: "onbekend-taakveld", rij, kolom: "TaakveldBalanspost", waarde: tvRuw },
        );
        return;
      }
      if (tv.taakveld.code === RESULTAAT_TAAKVELD) return; // saldo, never summed with lasten/baten

      const categorie = (record["Categorie"] as string).trim();
      const soortLetter = categorie.charAt(0).toUpperCase();
      if (soortLetter !== "L" && soortLetter !== "B") {
        meldingen.add({ code: "onbekende-categorie", rij, kolom: "Categorie", waarde: categorie });
        return;
      }

      const ruw = record[CBS_BEDRAG_KOLOM];
      let bedrag: number | null;
      if (ruw === null || ruw === CBS_GEEN_OPGAVE) {
        bedrag = null;
      } else {
        const tekst = typeof ruw === "number" ? String(ruw) : typeof ruw === "string" ? ruw : undefined;
        const p = tekst === undefined ? undefined : parseAmount(tekst, "machine", 1000);
        if (!p || !p.ok) {
          const waarde = typeof ruw === "string" ? ruw : JSON.stringify(ruw);
          meldingen.add({ code: p?.ok === false ? p.reden : "geen-bedrag", rij, kolom: CBS_BEDRAG_KOLOM, waarde });
          return;
        }
        bedrag = p.waarde;
      }

      const dubbel = `${tv.taakveld.code}|${categorie}`;
      const eerste = eersteRij.get(dubbel);
      if (eerste !== undefined) {
        meldingen.add({ code: "dubbele-rij", rij, waarde: `${tv.taakveld.code} ${categorie}`, details: { eerste } });
        return;
      }
      eersteRij.set(dubbel, rij);
      rows.push({
        gemeente: gemeente.titel,
        gemeenteCode: gemeente.sleutel,
        taakveld: tv.taakveld.code,
        categorie,
        // A lasten-categorie has no baten and vice versa: the other side is null, not 0.
        lasten: soortLetter === "L" ? bedrag : null,
        baten: soortLetter === "B" ? bedrag : null,
      });
    };

    await haalPaginas(url, signal, (value, paginas) => {
      for (const record of value) verwerk(record);
      onProgress?.({ rijen: rij, paginas, bericht: nl.bronnen.cbsVoortgang(rij) });
    });

    if (meldingen.totaal > 0) throw new Iv3InputError(meldingen.lijst, meldingen.totaal);

    return {
      regime,
      provenance: {
        bron: `CBS open data, catalogus IV3, tabel ${t.id}`,
        cbsTabel: t.id,
        verslagsoort,
        jaar,
        eenheidBron: "EUR1000",
        opgehaald: nu().toISOString().slice(0, 10),
      },
      rows,
      gemeenten: [{ naam: gemeente.titel, code: gemeente.sleutel }],
    };
  }

  return { tabellen, tabel, gemeenten, laadGemeente };
}
