/**
 * Iv3 from CSV. Three shapes are recognised from the header:
 * - "cbs-afgeleid": the CBS-derived per-taakveld files (Gemeenten;Taakveld;…;Baten;Lasten;…;Inwonertal),
 *   amounts in € 1,000; taakveld 0.11 (a saldo) is skipped;
 * - "cbs-ruw": CBS open data's own row shape (TaakveldBalanspost;Categorie;Gemeenten;Verslagsoort;
 *   k_2ePlaatsing_2), amounts in € 1,000, −99998 = geen opgave, balance items and quarters skipped;
 * - "eigen": a controller's export: taakveld, optional gemeente and categorie, lasten and baten or one
 *   signed bedrag; `;`, `,` or tab separated; Dutch number formats; euros unless a header or a line
 *   above the header says thousands ("x € 1.000").
 * Any invalid row makes the whole read fail with an Iv3InputError listing every problem by row and
 * column; no partial data is ever returned.
 */
import Papa from "papaparse";
import { parseAmount, type Notatie } from "../domain/iv3/amount";
import type { InputIssue } from "../domain/issues";
import { extractCode, REGIMES, regimeForYear, regimesVan, RESULTAAT_TAAKVELD, taakveld } from "../domain/iv3/taxonomy";
import type { GemeenteInfo, Iv3Data, Iv3Row, Regime, Verslagsoort } from "../domain/iv3/types";
import { Iv3InputError, MAX_ISSUES } from "./errors";

export type CsvFormaat = "cbs-afgeleid" | "cbs-ruw" | "eigen";
export type Eenheid = "EUR" | "EUR1000";
export type Rol =
  | "gemeente"
  | "gemeentecode"
  | "taakveld"
  | "categorie"
  | "lasten"
  | "baten"
  | "bedrag"
  | "provincie"
  | "inwoners"
  | "verslagsoort";

export interface CsvOptions {
  /** Begrotings-/rekeningjaar; fixes the regime. Without it the regime is inferred from the codes. */
  readonly jaar?: number;
  readonly regime?: Regime;
  /** Provenance, and for "cbs-ruw" which rows to keep (default begroting). */
  readonly verslagsoort?: Verslagsoort;
  /** The gemeente the figures belong to when the file has no gemeente column. */
  readonly gemeente?: string;
  /** States the unit; a file that says otherwise is rejected. */
  readonly eenheid?: Eenheid;
  /** File name for provenance. */
  readonly bestand?: string;
  /** Upper bound on data rows (default 5,000,000). */
  readonly maxRijen?: number;
  /** Streaming sink: rows go here instead of being collected (the caller discards them on error). */
  readonly onRow?: (row: Iv3Row) => void;
  /**
   * The user's column mapping (role → 0-based column), replacing the one recognised from the header
   * names as a whole, so a UI can show `KolomIndeling.kolommen` and let the user correct it. It needs
   * `taakveld` and an amount role; a column beyond the header is reported as a missing column.
   * Throws a RangeError for an index that is not a whole number ≥ 0 or a column given two roles
   * (the UI must prevent those).
   */
  readonly kolommen?: Partial<Record<Rol, number>>;
  /**
   * 1-based record number of the header row, for a header whose names are not recognised (use with
   * `kolommen`); records above it count as the preamble (unit detection). Default: the first
   * recognised row within the first lines. (`parseIv3Csv` still finds the delimiter from a recognised
   * header; record-by-record callers such as the workbook reader need none.)
   */
  readonly kopRij?: number;
}

/** How the header was understood; returned so a UI can show and adjust the mapping. */
export interface KolomIndeling {
  readonly formaat: CsvFormaat;
  readonly scheidingsteken: string;
  /** 1-based row of the header. */
  readonly kopRij: number;
  readonly kop: readonly string[];
  readonly kolommen: Partial<Record<Rol, number>>;
  readonly eenheid: Eenheid;
  readonly notatie: Notatie;
}

export interface CsvResult extends Iv3Data {
  readonly indeling: KolomIndeling;
}

export const DEFAULT_MAX_RIJEN = 5_000_000;
const MAX_PREAMBLE = 10;
const GEEN_OPGAVE_CBS = "-99998";

const SYNONIEMEN: Record<Rol, readonly string[]> = {
  gemeente: [
    "gemeente",
    "gemeenten",
    "gemeentenaam",
    "naamgemeente",
    "municipality",
    "municipalityname",
    "organisatie",
  ],
  gemeentecode: ["gemeentecode", "gmcode", "codegemeente", "municipalitycode", "cbscode"],
  taakveld: [
    "taakveld",
    "taakvelden",
    "taakveldcode",
    "codetaakveld",
    "tv",
    "functie",
    "taakveldbalanspost",
    "taskfield",
    "function",
  ],
  categorie: ["categorie", "categorieen", "economischecategorie", "categoriecode", "category", "economiccategory"],
  lasten: ["lasten", "uitgaven", "kosten", "expenses", "expenditure", "costs", "charges"],
  baten: ["baten", "inkomsten", "opbrengsten", "revenues", "revenue", "income"],
  bedrag: ["bedrag", "bedragen", "amount", "waarde", "value", "k2eplaatsing2", "realisatie", "raming"],
  provincie: ["provincie", "province"],
  inwoners: ["inwonertal", "inwoners", "aantalinwoners", "population"],
  verslagsoort: ["verslagsoort", "reporttype"],
};
const ROL_VAN = new Map<string, Rol>();
for (const [rol, namen] of Object.entries(SYNONIEMEN) as [Rol, readonly string[]][]) {
  for (const n of namen) ROL_VAN.set(n, rol);
}

const THOUSANDS_RE =
  /(x|×|\*|in)\s*(€|eur(o|o's|os)?)?\s*1[.,]?000\b|duizend|\bk€|€\s*k\b|\bkeur\b|€\s*1[.,]000\b|\beur\s*1[.,]?000\b/i;
const EURO_RE = /\(\s*(€|eur|euro|euro's|euros)\s*\)|\bin\s+(€|euro|euro's|eur)\s*$|\[\s*(€|eur)\s*\]/i;

/** Column key: accents, units in brackets and punctuation removed. */
function kolomSleutel(cell: string): string {
  return cell
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\(.*?\)|\[.*?\]/g, "")
    .toLowerCase()
    .replace(/x\s*€?\s*1[.,]?000|in\s*(€|euro's|euro|eur)|€|eur\b/g, "")
    .replace(/[^a-z0-9]/g, "");
}

function eenheidVan(cell: string): Eenheid | undefined {
  if (THOUSANDS_RE.test(cell)) return "EUR1000";
  if (EURO_RE.test(cell)) return "EUR";
  return undefined;
}

interface Kop {
  kolommen: Partial<Record<Rol, number>>;
  dubbel?: string;
}

function herkenKop(cells: readonly string[]): Kop | undefined {
  const kolommen: Partial<Record<Rol, number>> = {};
  let dubbel: string | undefined;
  cells.forEach((c, i) => {
    const rol = ROL_VAN.get(kolomSleutel(c));
    if (!rol) return;
    if (kolommen[rol] !== undefined) dubbel ??= c.trim();
    else kolommen[rol] = i;
  });
  const heeftBedrag = kolommen.lasten !== undefined || kolommen.baten !== undefined || kolommen.bedrag !== undefined;
  if (kolommen.taakveld === undefined || !heeftBedrag) return undefined;
  return dubbel ? { kolommen, dubbel } : { kolommen };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const KANDIDATEN = [";", "\t", ","] as const;
const VREEMDE_SCHEIDINGSTEKENS = ["|", ":", "^", "~", "#"] as const;

export type Detectie =
  { readonly ok: true; readonly scheidingsteken: string } | { readonly ok: false; readonly issue: InputIssue };

/** Choose the delimiter for which the first lines contain a recognisable header. */
export function detecteerScheidingsteken(sample: string): Detectie {
  const lines = stripBom(sample)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, MAX_PREAMBLE + 1);
  if (lines.length === 0) return { ok: false, issue: { code: "leeg-bestand" } };
  const splitLine = (l: string, d: string): string[] =>
    (Papa.parse<string[]>(l, { delimiter: d }).data[0] ?? []).map((c) => c.trim());
  for (const d of KANDIDATEN) {
    if (lines.some((l) => herkenKop(splitLine(l, d)))) return { ok: true, scheidingsteken: d };
  }
  for (const d of VREEMDE_SCHEIDINGSTEKENS) {
    if (lines.some((l) => herkenKop(splitLine(l, d)))) {
      return { ok: false, issue: { code: "scheidingsteken", details: { gevonden: d } } };
    }
  }
  return { ok: false, issue: { code: "geen-kop", details: { gevonden: lines[0]?.slice(0, 80) ?? "" } } };
}

interface CodeInfo {
  readonly code: string | undefined;
  readonly balans: boolean;
  /** Small integer id of the canonical code (-1 when there is none). */
  readonly id: number;
}

interface Gemeente {
  readonly naam: string;
  readonly id: number;
  /** A CBS gemeente code such as GM0281 (the raw CBS shape identifies gemeenten by code). */
  readonly isGm: boolean;
  /** Rows seen for this gemeente: small-integer key → first row (duplicate detection). */
  readonly seen: Map<number, number>;
}

interface CategorieInfo {
  readonly tekst: string;
  readonly geldig: boolean;
  /** Normalised code ("L3.5.1"); undefined when empty or invalid. */
  readonly norm: string | undefined;
  readonly soort: "L" | "B" | undefined;
  readonly id: number;
}

const GM_RE = /^GM\d{4}$/;

/**
 * Validates CSV records (arrays of cells) one by one and builds rows. Feed records in file order
 * with `record`, then call `finish`. Used by the string parser below and by streaming callers.
 */
export class Iv3CsvValidator {
  private readonly issues: InputIssue[] = [];
  private issueCount = 0;
  private rij = 0;
  private kop: KolomIndeling | undefined;
  private readonly preamble: string[] = [];
  private readonly rows: Iv3Row[] = [];
  private dataRows = 0;
  private stopped = false;
  private readonly seen = new Map<string, number>();
  private readonly codeCache = new Map<string, CodeInfo>();
  private readonly codeIds = new Map<string, number>();
  private readonly gemeenteCache = new Map<string, Gemeente>();
  private readonly categorieCache = new Map<string, CategorieInfo>();
  /** Canonical code → first row it appeared in (regime check at the end). */
  private readonly codes = new Map<string, number>();
  private readonly gemeenten = new Map<string, GemeenteInfo>();
  private jaarUitBestand: number | undefined;
  private factor = 1;
  private notatie: Notatie = "nl";
  private readonly wantVerslag: string;
  private readonly maxRijen: number;

  constructor(
    private readonly scheidingsteken: string,
    private readonly options: CsvOptions = {},
  ) {
    this.wantVerslag = options.verslagsoort === "jaarrekening" ? "X005" : "X000";
    this.maxRijen = options.maxRijen ?? DEFAULT_MAX_RIJEN;
    controleerKolommen(options.kolommen);
    if (options.kopRij !== undefined && !(Number.isInteger(options.kopRij) && options.kopRij >= 1)) {
      throw new RangeError(`kopRij: ${options.kopRij} is not a row number (1, 2, …)`);
    }
  }

  /** The header as understood so far (undefined until the header row was fed), also when the read fails. */
  get indeling(): KolomIndeling | undefined {
    return this.kop;
  }

  /** 1-based number of the last record fed. */
  get rijNummer(): number {
    return this.rij;
  }

  /** True once the row limit was exceeded; the caller may stop feeding. */
  get gestopt(): boolean {
    return this.stopped;
  }

  private issue(i: InputIssue): void {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES) this.issues.push(i);
  }

  record(cells: readonly string[]): void {
    this.rij++;
    if (this.stopped) return;
    if (cells.length === 0 || (cells.length === 1 && (cells[0] ?? "").trim() === "")) return;
    if (!this.kop) {
      this.header(cells);
      return;
    }
    this.data(cells);
  }

  private header(cells: readonly string[]): void {
    const trimmed = cells.map((c, i) => (i === 0 ? stripBom(c) : c).trim());
    const { kopRij, kolommen: keuze } = this.options;
    const herkend = kopRij === undefined || this.rij === kopRij ? herkenKop(trimmed) : undefined;
    // With the user's mapping the names only decide which row is the header, unless kopRij says so.
    const kop = keuze && (herkend || this.rij === kopRij) ? { kolommen: { ...keuze } } : herkend;
    if (!kop) {
      if (kopRij !== undefined && this.rij < kopRij) {
        this.preamble.push(trimmed.join(" "));
        return;
      }
      if (kopRij !== undefined) {
        this.issue({ code: "geen-kop", rij: this.rij, details: { gevonden: trimmed.join(" ").slice(0, 80) } });
        this.stopped = true;
        return;
      }
      this.preamble.push(trimmed.join(" "));
      if (this.preamble.length > MAX_PREAMBLE) {
        this.issue({ code: "geen-kop", details: { gevonden: this.preamble[0]?.slice(0, 80) ?? "" } });
        this.stopped = true;
      }
      return;
    }
    if ("dubbel" in kop && kop.dubbel) {
      this.issue({ code: "kolom-dubbel", rij: this.rij, kolom: kop.dubbel });
      this.stopped = true;
      return;
    }
    if (keuze && !this.keuzePast(keuze, trimmed)) {
      this.stopped = true;
      return;
    }
    const k = kop.kolommen;
    const has = (name: string): boolean => trimmed.includes(name);
    let formaat: CsvFormaat = "eigen";
    if (has("TaakveldBalanspost") && has("k_2ePlaatsing_2")) formaat = "cbs-ruw";
    else if (has("Gemeenten") && has("Taakveld") && has("Lasten") && has("Baten") && has("Inwonertal")) {
      formaat = "cbs-afgeleid";
    }
    const eenheid = this.eenheid(formaat, trimmed, k);
    if (!eenheid) return;
    if (formaat === "cbs-ruw" && !keuze) {
      // Only the amount of the second publication counts; k_1ePlaatsing_1 is the first estimate.
      const i = trimmed.indexOf("k_2ePlaatsing_2");
      k.bedrag = i;
    }
    if (k.gemeente === undefined && k.gemeentecode === undefined && !this.options.gemeente) {
      this.issue({ code: "geen-gemeente-kolom", rij: this.rij });
      this.stopped = true;
      return;
    }
    this.notatie = formaat === "eigen" ? "nl" : "machine";
    this.factor = eenheid === "EUR1000" ? 1000 : 1;
    this.kop = {
      formaat,
      scheidingsteken: this.scheidingsteken,
      kopRij: this.rij,
      kop: trimmed,
      kolommen: k,
      eenheid,
      notatie: this.notatie,
    };
  }

  /** The user's mapping against the header: every column must exist, taakveld and an amount are required. */
  private keuzePast(keuze: Partial<Record<Rol, number>>, kop: readonly string[]): boolean {
    let ok = true;
    for (const [rol, i] of Object.entries(keuze) as [Rol, number | undefined][]) {
      if (i === undefined || i < kop.length) continue;
      this.issue({ code: "kolom-ontbreekt", rij: this.rij, kolom: `${rol} (kolom ${i + 1})` });
      ok = false;
    }
    if (keuze.taakveld === undefined) {
      this.issue({ code: "kolom-ontbreekt", rij: this.rij, kolom: "taakveld" });
      ok = false;
    }
    if (keuze.lasten === undefined && keuze.baten === undefined && keuze.bedrag === undefined) {
      this.issue({ code: "kolom-ontbreekt", rij: this.rij, kolom: "lasten, baten of bedrag" });
      ok = false;
    }
    return ok;
  }

  private eenheid(formaat: CsvFormaat, kop: readonly string[], k: Partial<Record<Rol, number>>): Eenheid | undefined {
    if (formaat !== "eigen") {
      if (this.options.eenheid === "EUR") {
        this.issue({ code: "eenheid-gemengd", rij: this.rij, waarde: "€", details: { eerder: "x € 1.000 (CBS)" } });
        this.stopped = true;
        return undefined;
      }
      return "EUR1000";
    }
    const stated: { kolom: string; eenheid: Eenheid }[] = [];
    for (const rol of ["lasten", "baten", "bedrag"] as const) {
      const i = k[rol];
      if (i === undefined) continue;
      const e = eenheidVan(kop[i] ?? "");
      if (e) stated.push({ kolom: kop[i] ?? rol, eenheid: e });
    }
    const pre = this.preamble.map(eenheidVan).find((e) => e !== undefined);
    const first = stated[0];
    const conflict = stated.find((s) => s.eenheid !== first?.eenheid);
    if (first && conflict) {
      this.issue({
        code: "eenheid-gemengd",
        rij: this.rij,
        kolom: conflict.kolom,
        waarde: naamEenheid(conflict.eenheid),
        details: { eerder: naamEenheid(first.eenheid) },
      });
      this.stopped = true;
      return undefined;
    }
    const fromFile = first?.eenheid ?? pre;
    if (fromFile && this.options.eenheid && fromFile !== this.options.eenheid) {
      this.issue({
        code: "eenheid-gemengd",
        rij: this.rij,
        ...(first ? { kolom: first.kolom } : {}),
        waarde: naamEenheid(fromFile),
        details: { eerder: `${naamEenheid(this.options.eenheid)} (opgegeven)` },
      });
      this.stopped = true;
      return undefined;
    }
    return fromFile ?? this.options.eenheid ?? "EUR";
  }

  private cell(cells: readonly string[], rol: Rol): string | undefined {
    const i = this.kop?.kolommen[rol];
    return i === undefined ? undefined : (cells[i] ?? "");
  }

  /** Column name for messages (only computed when there is something to report). */
  private col(rol: Rol): string {
    const kop = this.kop;
    const i = kop?.kolommen[rol];
    return (i === undefined ? undefined : kop?.kop[i]) ?? rol;
  }

  // Per-distinct-value caches: a million-row file has a few hundred gemeenten, ~70 taakvelden and a
  // few hundred categorieën, so each distinct text is analysed once and rows get small integer ids.
  private codeInfo(raw: string): CodeInfo {
    let info = this.codeCache.get(raw);
    if (!info) {
      const t = raw.trim();
      const code = extractCode(t);
      let id = -1;
      if (code !== undefined) {
        id = this.codeIds.get(code) ?? this.codeIds.size;
        this.codeIds.set(code, id);
      }
      info = { code, balans: /^[AP]\d/i.test(t), id };
      if (this.codeCache.size < 100_000) this.codeCache.set(raw, info);
    }
    return info;
  }

  private gemeenteId(raw: string): Gemeente {
    let g = this.gemeenteCache.get(raw);
    if (!g) {
      const naam = raw.trim();
      g = { naam, id: this.gemeenteCache.size, isGm: GM_RE.test(naam), seen: new Map() };
      this.gemeenteCache.set(raw, g);
    }
    return g;
  }

  private categorieInfo(raw: string): CategorieInfo {
    let c = this.categorieCache.get(raw);
    if (!c) {
      const t = raw.trim();
      const m = /^([LB])?\s*([1-7](\.\d{1,2})*[a-z]?)$/i.exec(t);
      const soort = m?.[1] ? (m[1].toUpperCase() as "L" | "B") : undefined;
      c = {
        tekst: t,
        geldig: t === "" || m !== null,
        norm: t === "" ? undefined : m ? `${soort ?? ""}${m[2] ?? ""}` : undefined,
        soort,
        id: this.categorieCache.size,
      };
      if (this.categorieCache.size < 100_000) this.categorieCache.set(raw, c);
    }
    return c;
  }

  private data(cells: readonly string[]): void {
    const kop = this.kop;
    if (!kop) return;
    const rij = this.rij;
    const k = kop.kolommen;
    if (cells.length !== kop.kop.length) {
      const extraEmpty = cells.length > kop.kop.length && cells.slice(kop.kop.length).every((c) => c.trim() === "");
      if (!extraEmpty) {
        this.issue({ code: "aantal-kolommen", rij, details: { gevonden: cells.length, verwacht: kop.kop.length } });
        return;
      }
    }
    if (++this.dataRows > this.maxRijen) {
      this.issue({ code: "te-veel-rijen", details: { gevonden: `meer dan ${this.maxRijen}`, max: this.maxRijen } });
      this.stopped = true;
      return;
    }
    const ruw = kop.formaat === "cbs-ruw";

    let verslagId = 0;
    if (ruw && k.verslagsoort !== undefined) {
      const verslag = cells[k.verslagsoort] ?? "";
      if (verslag !== "") {
        // Quarters (X001–X004) and the other report kind are not part of this read.
        if (!verslag.trimEnd().endsWith(this.wantVerslag)) return;
        if (this.jaarUitBestand === undefined) {
          const j = Number(verslag.slice(0, 4));
          if (Number.isInteger(j) && j > 2000) this.jaarUitBestand = j;
        }
        verslagId = 1;
      }
    }

    const rawTv = k.taakveld === undefined ? "" : (cells[k.taakveld] ?? "");
    const info = this.codeInfo(rawTv);
    if (info.balans) {
      if (ruw) return; // balance-sheet items share CBS's key list
      this.issue({ code: "balanspost", rij, kolom: this.col("taakveld"), waarde: rawTv.trim() });
      return;
    }
    let ok = true;
    if (info.code === undefined) {
      const t = rawTv.trim();
      this.issue(
        t === ""
          ? { code: "leeg-taakveld", rij, kolom: this.col("taakveld") }
          : { code: "onbekend-taakveld", rij, kolom: this.col("taakveld"), waarde: t },
      );
      ok = false;
    } else if (info.code === RESULTAAT_TAAKVELD) {
      if (kop.formaat !== "eigen") return; // a saldo in CBS files: leave it out of sums
      this.issue({ code: "resultaat-taakveld", rij, kolom: this.col("taakveld"), waarde: rawTv.trim() });
      ok = false;
    }

    const naamCel = k.gemeente === undefined ? undefined : (cells[k.gemeente] ?? "");
    const codeCel = k.gemeentecode === undefined ? undefined : (cells[k.gemeentecode] ?? "");
    const gem = this.gemeenteId(naamCel ?? codeCel ?? this.options.gemeente ?? "");
    if (gem.naam === "") {
      this.issue({ code: "lege-gemeente", rij, kolom: this.col(naamCel !== undefined ? "gemeente" : "gemeentecode") });
      ok = false;
    }

    let cat: CategorieInfo | undefined;
    if (k.categorie !== undefined) {
      cat = this.categorieInfo(cells[k.categorie] ?? "");
      if (!cat.geldig) {
        this.issue({ code: "onbekende-categorie", rij, kolom: this.col("categorie"), waarde: cat.tekst });
        ok = false;
      }
    }
    const soort = cat?.soort;

    let lasten: number | null = null;
    let baten: number | null = null;
    if (k.lasten !== undefined || k.baten !== undefined) {
      const l = this.amount(cells, "lasten", rij, ruw);
      const b = this.amount(cells, "baten", rij, ruw);
      if (l === undefined || b === undefined) ok = false;
      else {
        lasten = l;
        baten = b;
      }
      if (ok && soort === "L" && baten !== null && baten !== 0) {
        this.issue({
          code: "categorie-soort",
          rij,
          kolom: this.col("categorie"),
          waarde: cat?.norm ?? "",
          details: { soort: "lasten", kolomsoort: "baten" },
        });
        ok = false;
      } else if (ok && soort === "B" && lasten !== null && lasten !== 0) {
        this.issue({
          code: "categorie-soort",
          rij,
          kolom: this.col("categorie"),
          waarde: cat?.norm ?? "",
          details: { soort: "baten", kolomsoort: "lasten" },
        });
        ok = false;
      }
    } else {
      const v = this.amount(cells, "bedrag", rij, ruw);
      if (v === undefined) ok = false;
      else if (soort === "B") baten = v;
      else if (soort === "L") lasten = v;
      else if (v !== null) {
        // One signed column without an L/B categorie: positive = lasten, negative = baten.
        if (v < 0) baten = -v;
        else lasten = v;
      }
    }
    if (!ok || info.code === undefined) return;

    // Duplicate check per gemeente on a small-integer key (fast in V8 while it stays below 2^30);
    // a string key in a shared map for the rare file with more distinct codes or categorieën.
    const soortBits =
      soort === "L" || (soort === undefined && lasten !== null) ? 1 : soort === "B" || baten !== null ? 2 : 0;
    const catId = cat?.norm === undefined ? 0 : cat.id + 1;
    const small = info.id < 1 << 10 && catId < 1 << 14;
    const key = small
      ? ((info.id * 16384 + catId) * 4 + soortBits) * 2 + verslagId
      : `${gem.id},${info.id},${catId},${soortBits},${verslagId}`;
    const first = typeof key === "number" ? gem.seen.get(key) : this.seen.get(key);
    if (first !== undefined) {
      this.issue({ code: "dubbele-rij", rij, details: { eerste: first } });
      return;
    }
    if (typeof key === "number") gem.seen.set(key, rij);
    else this.seen.set(key, rij);
    if (!this.codes.has(info.code)) this.codes.set(info.code, rij);

    const gemeente = gem.naam;
    const isGm = ruw && gem.isGm;
    if (!this.gemeenten.has(gemeente))
      this.gemeenten.set(gemeente, this.gemeenteInfo(cells, gemeente, naamCel, codeCel, isGm));
    if (this.issueCount > 0) return; // rows are useless once anything failed; keep validating only
    const row: Iv3Row = isGm
      ? cat?.norm !== undefined
        ? { gemeente, gemeenteCode: gemeente, taakveld: info.code, categorie: cat.norm, lasten, baten }
        : { gemeente, gemeenteCode: gemeente, taakveld: info.code, lasten, baten }
      : cat?.norm !== undefined
        ? { gemeente, taakveld: info.code, categorie: cat.norm, lasten, baten }
        : { gemeente, taakveld: info.code, lasten, baten };
    if (this.options.onRow) this.options.onRow(row);
    else this.rows.push(row);
  }

  /** One amount cell: a number (euros), null (no figure), or undefined after reporting an issue. */
  private amount(
    cells: readonly string[],
    rol: "lasten" | "baten" | "bedrag",
    rij: number,
    ruw: boolean,
  ): number | null | undefined {
    const i = this.kop?.kolommen[rol];
    if (i === undefined) return null;
    const raw = cells[i] ?? "";
    if (ruw && raw.trim() === GEEN_OPGAVE_CBS) return null;
    const r = parseAmount(raw, this.notatie, this.factor);
    if (!r.ok) {
      this.issue({ code: r.reden, rij, kolom: this.col(rol), waarde: raw.trim() });
      return undefined;
    }
    return r.waarde;
  }

  private gemeenteInfo(
    cells: readonly string[],
    naam: string,
    naamCel: string | undefined,
    codeCel: string | undefined,
    isGm: boolean,
  ): GemeenteInfo {
    const prov = this.cell(cells, "provincie")?.trim();
    const inw = Number(this.cell(cells, "inwoners")?.trim() || Number.NaN);
    const code = isGm ? naam : naamCel !== undefined && codeCel?.trim() ? codeCel.trim() : undefined;
    return {
      naam,
      ...(code ? { code } : {}),
      ...(prov ? { provincie: prov } : {}),
      ...(Number.isFinite(inw) ? { inwoners: inw } : {}),
    };
  }

  /** Finish: regime check over all codes, then either the data or an Iv3InputError. */
  finish(): CsvResult {
    if (this.rij === 0) throw new Iv3InputError([{ code: "leeg-bestand" }]);
    if (!this.kop && this.issueCount === 0) {
      throw new Iv3InputError([{ code: "geen-kop", details: { gevonden: this.preamble[0]?.slice(0, 80) ?? "" } }]);
    }
    const kop = this.kop;
    if (kop && this.dataRows === 0 && this.issueCount === 0) throw new Iv3InputError([{ code: "alleen-kop" }]);
    const jaar = this.options.jaar ?? this.jaarUitBestand;
    const regime = this.options.regime ?? (jaar !== undefined ? regimeForYear(jaar) : this.infer());
    for (const [code, rij] of this.codes) {
      if (taakveld(code, regime)) continue;
      const elders = regimesVan(code);
      this.issue(
        elders.length > 0
          ? {
              code: "verkeerd-regime",
              rij,
              kolom: kop ? (kop.kop[kop.kolommen.taakveld ?? 0] ?? "Taakveld") : "Taakveld",
              waarde: code,
              details: { regime, regimes: elders.join(", ") },
            }
          : {
              code: "onbekend-taakveld",
              rij,
              kolom: kop ? (kop.kop[kop.kolommen.taakveld ?? 0] ?? "Taakveld") : "Taakveld",
              waarde: code,
            },
      );
    }
    if (this.issueCount > 0 || !kop) {
      this.issues.sort((a, b) => (a.rij ?? 0) - (b.rij ?? 0));
      throw new Iv3InputError(this.issues, this.issueCount);
    }
    return {
      regime,
      provenance: {
        bron:
          kop.formaat === "cbs-afgeleid"
            ? "CBS open data, Iv3 per gemeente per taakveld (CSV)"
            : kop.formaat === "cbs-ruw"
              ? "CBS open data, catalogus IV3 (CSV-download)"
              : "Eigen export (CSV)",
        ...(this.options.bestand ? { bestand: this.options.bestand } : {}),
        verslagsoort: this.options.verslagsoort ?? "begroting",
        jaar: jaar ?? jaarVanRegime(regime),
        eenheidBron: kop.eenheid,
      },
      rows: this.rows,
      gemeenten: [...this.gemeenten.values()],
      indeling: kop,
    };
  }

  /** The regime holding most of the codes seen; ties go to the newest. */
  private infer(): Regime {
    let best: Regime = "2025+";
    let bestCount = -1;
    for (const r of [...REGIMES].reverse()) {
      let n = 0;
      for (const c of this.codes.keys()) if (taakveld(c, r)) n++;
      if (n > bestCount) {
        best = r;
        bestCount = n;
      }
    }
    return best;
  }
}

/** Structural checks of a user mapping that need no data (a UI that offers a picker prevents them). */
function controleerKolommen(kolommen: Partial<Record<Rol, number>> | undefined): void {
  if (!kolommen) return;
  const rolVan = new Map<number, Rol>();
  for (const [rol, i] of Object.entries(kolommen) as [Rol, number | undefined][]) {
    if (i === undefined) continue;
    if (!(rol in SYNONIEMEN)) throw new RangeError(`kolommen: unknown role ${rol}`);
    if (!Number.isInteger(i) || i < 0) throw new RangeError(`kolommen.${rol}: ${i} is not a column index (0, 1, …)`);
    const eerder = rolVan.get(i);
    if (eerder) throw new RangeError(`kolommen: column ${i} has two roles (${eerder}, ${rol})`);
    rolVan.set(i, rol);
  }
}

function jaarVanRegime(r: Regime): number {
  return r === "2025+" ? 2025 : r === "2023-2024" ? 2023 : 2022;
}

function naamEenheid(e: Eenheid): string {
  return e === "EUR1000" ? "x € 1.000" : "€";
}

/**
 * Parse a whole CSV text. Throws Iv3InputError (with every problem) when anything is wrong.
 */
export function parseIv3Csv(text: string, options: CsvOptions = {}): CsvResult {
  if (stripBom(text).trim() === "") throw new Iv3InputError([{ code: "leeg-bestand" }]);
  const det = detecteerScheidingsteken(text.slice(0, 64 * 1024));
  if (!det.ok) throw new Iv3InputError([det.issue]);
  const v = new Iv3CsvValidator(det.scheidingsteken, options);
  let syntax: InputIssue | undefined;
  Papa.parse<string[]>(stripBom(text), {
    delimiter: det.scheidingsteken,
    skipEmptyLines: false,
    step: (res, parser) => {
      v.record(res.data);
      const e = res.errors.find((x) => x.type === "Quotes");
      if (e && !syntax) syntax = { code: "csv-syntax", rij: v.rijNummer, details: { detail: e.message } };
      if (v.gestopt) parser.abort();
    },
  });
  if (syntax) throw new Iv3InputError([syntax]);
  return v.finish();
}
