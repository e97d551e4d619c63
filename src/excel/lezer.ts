/**
 * Iv3 figures from the open workbook: the selection, a named range or an Excel table. The cells go
 * through the same validator as a CSV file (Iv3CsvValidator), so the rules, the recognised headers and
 * the Dutch messages are the same; each message names the worksheet cell ("Blad1!C17"). All or
 * nothing: when any row is invalid, no data is returned. Nothing is ever written to the workbook.
 *
 * Round trips: one sync for the geometry of the range (a defined name needs one more to look it up),
 * then one sync per block of rows. Blocks are sized by bytes, measured on the blocks already
 * read, so a response stays well under the host's limit (Excel on the web: 5 MB).
 */
import type { InputIssue } from "../domain/issues";
import { nl } from "../i18n/nl";
import { Iv3CsvValidator, type CsvOptions, type CsvResult, type KolomIndeling, type Rol } from "../sources/csv";
import { Iv3InputError, SourceError } from "../sources/errors";
import { kolomLetters } from "../workbook/adres";
import { MAX_BYTES_WEB, type ExcelHost } from "./host";

/** Where the figures are: the current selection, a defined name ("Iv3", "Blad1!Iv3") or a table. */
export type Iv3Bron = { soort: "selectie" } | { soort: "naam"; naam: string } | { soort: "tabel"; naam: string };

/** The user's column mapping: role → 0-based column of the range (see `CsvOptions.kolommen`). */
export type KolomKeuze = Partial<Record<Rol, number>>;

export interface LeesOpties extends CsvOptions {
  /** Replaces the mapping recognised from the header (take it from `leesKolomIndeling`, let the user correct it). */
  readonly kolommen?: KolomKeuze;
  /** Called after each block with the rows read so far (header and empty rows included) and the total. */
  readonly voortgang?: (gelezenRijen: number, totaalRijen: number) => void;
  /** Cancels between blocks; the promise then rejects with `signal.reason` (an AbortError by default). */
  readonly signal?: AbortSignal;
}

export interface WerkmapIv3 {
  readonly resultaat: CsvResult;
  /** The cells read, e.g. "Blad1!A1:F2001" (a whole-column selection ends at the last used row). */
  readonly bereik: string;
  /** Number of value blocks read (one sync each). */
  readonly blokken: number;
}

export interface WerkmapKolomIndeling {
  readonly indeling: KolomIndeling;
  readonly bereik: string;
  readonly totaalRijen: number;
}

export interface TabelInfo {
  readonly naam: string;
  /** Sheet name as the user sees it (not quoted). */
  readonly blad: string;
  /** Address including the header row, e.g. "Blad1!A1:D201". */
  readonly bereik: string;
  /** Data rows (without header and total row). */
  readonly rijen: number;
}

/** Use at most this share of the limit per response: rows differ in length, the estimate comes from earlier rows. */
const VEILIGHEID = 0.5;
/** Bytes kept free for the response envelope. */
const ENVELOP = 4 * 1024;
/** Per-cell guess for the first block, before anything was measured; generous for Iv3 cells (codes, names, amounts). */
const AANNAME_BYTES_PER_CEL = 256;
/** Excel refuses reads of very many cells in one range (RangeExceedsLimit) even when the bytes would fit. */
const MAX_CELLEN_PER_BLOK = 1_000_000;
/** Rows read by `leesKolomIndeling` in its first block: room for a preamble above the header. */
const KOP_BLOK = 32;

/**
 * Read Iv3 rows from the workbook and validate them. Throws Iv3InputError (every problem, each with
 * `cel`) when any row is invalid, SourceError when the name, table or selection does not give a range,
 * `signal.reason` when cancelled, RangeError for a malformed `kolommen`; other Excel errors pass through.
 */
export async function leesIv3UitWerkmap(host: ExcelHost, bron: Iv3Bron, opties: LeesOpties = {}): Promise<WerkmapIv3> {
  const { voortgang, signal, ...csv } = opties;
  afgebroken(signal);
  return host.run(async (context) => {
    const gebied = await bepaalGebied(context, bron);
    const bereik = adresVan(gebied);
    const validator = new Iv3CsvValidator("", csv);
    const blokken = await leesRijen(context, gebied, host.maxBytes ?? MAX_BYTES_WEB, validator, {
      klaar: () => validator.gestopt,
      ...(voortgang ? { voortgang } : {}),
      ...(signal ? { signal } : {}),
    });
    let resultaat: CsvResult;
    try {
      resultaat = validator.finish();
    } catch (e) {
      throw metCellen(e, gebied, validator.indeling);
    }
    const waar = bronTekst(bron, bereik);
    const provenance = {
      ...resultaat.provenance,
      bron: nl.lezer.bron(waar, nl.lezer.indeling[resultaat.indeling.formaat] ?? resultaat.indeling.formaat),
    };
    return { resultaat: { ...resultaat, provenance }, bereik, blokken };
  });
}

/**
 * The column mapping as the validator recognises it, from the first rows only (cheap: for showing the
 * mapping before the full read). Throws Iv3InputError when no header is found, like the full read.
 */
export async function leesKolomIndeling(
  host: ExcelHost,
  bron: Iv3Bron,
  opties: LeesOpties = {},
): Promise<WerkmapKolomIndeling> {
  const { signal, ...csv } = opties;
  afgebroken(signal);
  return host.run(async (context) => {
    const gebied = await bepaalGebied(context, bron);
    const validator = new Iv3CsvValidator("", csv);
    await leesRijen(context, gebied, host.maxBytes ?? MAX_BYTES_WEB, validator, {
      klaar: () => validator.indeling !== undefined || validator.gestopt,
      eersteBlok: KOP_BLOK,
      ...(signal ? { signal } : {}),
    });
    const indeling = validator.indeling;
    if (indeling) return { indeling, bereik: adresVan(gebied), totaalRijen: gebied.rijen };
    try {
      validator.finish();
    } catch (e) {
      throw metCellen(e, gebied, undefined);
    }
    // finish() without a header always throws; this keeps the types honest.
    throw new Iv3InputError([{ code: "geen-kop" }]);
  });
}

/** The workbook's tables for a picker: name, sheet, address and number of data rows. Two syncs. */
export async function lijstTabellen(host: ExcelHost): Promise<TabelInfo[]> {
  return host.run(async (context) => {
    const tabellen = context.workbook.tables;
    tabellen.load("items/name");
    await context.sync();
    const delen = tabellen.items.map((t) => {
      const geheel = t.getRange();
      geheel.load("address");
      const body = t.getDataBodyRange();
      body.load("rowCount");
      return { naam: t.name, geheel, body };
    });
    await context.sync();
    return delen.map(({ naam, geheel, body }) => ({
      naam,
      blad: bladNaam(bladDeel(geheel.address)),
      bereik: geheel.address,
      rijen: body.rowCount,
    }));
  });
}

// ─────────────────────────────────────────── Geometry ───────────────────────────────────────────

/** The cells to read: 0-based start, size (0 × 0 when empty), and the sheet to read them from. */
interface Gebied {
  /** Sheet part of Excel's own address, quoted as Excel quotes it ("Blad1", "'Mijn blad'"). */
  readonly blad: string;
  readonly werkblad: Excel.Worksheet;
  readonly rij0: number;
  readonly kol0: number;
  readonly rijen: number;
  readonly kolommen: number;
  /** The source's address before trimming, for an empty range. */
  readonly adres: string;
}

/**
 * Resolves the source to a rectangle in one sync (plus the name lookup). The right and bottom edges
 * are trimmed to the sheet's used range, so a whole-column selection ("A:F") reads only the filled
 * rows; the top-left corner stays, so row and column numbers (kopRij, kolommen) keep their meaning
 * when the sheet grows.
 */
async function bepaalGebied(context: Excel.RequestContext, bron: Iv3Bron): Promise<Gebied> {
  const wb = context.workbook;
  let range: Excel.Range;
  let body: Excel.Range | undefined;
  if (bron.soort === "selectie") range = wb.getSelectedRange();
  else if (bron.soort === "tabel") {
    // Header row plus data body: a total row ("Totaal") is not data.
    const tabel = wb.tables.getItem(bron.naam);
    range = tabel.getHeaderRowRange();
    body = tabel.getDataBodyRange();
    body.load("rowIndex,rowCount");
  } else range = await naamBereik(context, bron.naam);
  range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const gebruikt = range.worksheet.getUsedRangeOrNullObject(true);
  gebruikt.load("rowIndex,columnIndex,rowCount,columnCount");
  try {
    await context.sync();
  } catch (e) {
    const code = codeVan(e);
    if (bron.soort === "selectie" && code === "InvalidSelection") {
      throw new SourceError("niet-gevonden", nl.lezer.geenEnkeleSelectie, { cause: e });
    }
    if (bron.soort === "tabel" && code === "ItemNotFound") {
      throw new SourceError("niet-gevonden", nl.lezer.tabelOnbekend(bron.naam), { cause: e });
    }
    throw e;
  }
  const laatste = body ?? range;
  const rij0 = range.rowIndex;
  const kol0 = range.columnIndex;
  let rijEind = laatste.rowIndex + laatste.rowCount - 1;
  let kolEind = kol0 + range.columnCount - 1;
  if (gebruikt.isNullObject) {
    rijEind = -1;
  } else {
    rijEind = Math.min(rijEind, gebruikt.rowIndex + gebruikt.rowCount - 1);
    kolEind = Math.min(kolEind, gebruikt.columnIndex + gebruikt.columnCount - 1);
  }
  const blad = bladDeel(range.address);
  const leeg = rijEind < rij0 || kolEind < kol0;
  const adres = body
    ? `${blad}!${a1(rij0 + 1, kol0 + 1, laatste.rowIndex + laatste.rowCount, kol0 + range.columnCount)}`
    : range.address;
  return {
    blad,
    werkblad: range.worksheet,
    rij0,
    kol0,
    rijen: leeg ? 0 : rijEind - rij0 + 1,
    kolommen: leeg ? 0 : kolEind - kol0 + 1,
    adres,
  };
}

/**
 * A defined name → its range. "Blad1!Naam" is the name scoped to that sheet; a bare name is looked up
 * as Excel resolves it in a formula on the active sheet: that sheet's own name first, then the workbook's.
 */
async function naamBereik(context: Excel.RequestContext, naam: string): Promise<Excel.Range> {
  const wb = context.workbook;
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(naam.trim());
  const kandidaten: Excel.NamedItem[] = [];
  if (m) {
    const blad = (m[1] ?? "").replace(/''/g, "'") || (m[2] ?? "").trim();
    kandidaten.push(wb.worksheets.getItem(blad).names.getItemOrNullObject((m[3] ?? "").trim()));
  } else {
    kandidaten.push(wb.worksheets.getActiveWorksheet().names.getItemOrNullObject(naam.trim()));
    kandidaten.push(wb.names.getItemOrNullObject(naam.trim()));
  }
  for (const k of kandidaten) k.load("type");
  try {
    await context.sync();
  } catch (e) {
    if (codeVan(e) === "ItemNotFound")
      throw new SourceError("niet-gevonden", nl.lezer.naamOnbekend(naam), { cause: e });
    throw e;
  }
  const item = kandidaten.find((k) => !k.isNullObject);
  if (!item) throw new SourceError("niet-gevonden", nl.lezer.naamOnbekend(naam));
  if (item.type !== "Range") throw new SourceError("niet-gevonden", nl.lezer.naamGeenBereik(naam));
  return item.getRange();
}

// ─────────────────────────────────────────── Reading ───────────────────────────────────────────

interface LeesSturing {
  /** Stop reading (the validator gave up, or the caller has what it needs). */
  readonly klaar: () => boolean;
  /** Upper bound on the rows of the first block. */
  readonly eersteBlok?: number;
  readonly voortgang?: (gelezen: number, totaal: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Feeds the area to the validator block by block and returns the number of blocks. Blocks are read one
 * after the other on purpose: each block's size follows from the bytes per row measured so far, and
 * only one block's values are held at a time.
 */
async function leesRijen(
  context: Excel.RequestContext,
  gebied: Gebied,
  limiet: number,
  validator: Iv3CsvValidator,
  sturing: LeesSturing,
): Promise<number> {
  const budget = Math.max(1, limiet * VEILIGHEID - ENVELOP);
  const maxRijen = Math.max(1, Math.floor(MAX_CELLEN_PER_BLOK / Math.max(1, gebied.kolommen)));
  /** Largest bytes per row seen so far (a block's average, or what a refused block proves); undefined before the first block. */
  let perRij: number | undefined;
  let gelezen = 0;
  let blokken = 0;
  const voeder = new RijVoeder(validator, gebied.kolommen);
  while (gelezen < gebied.rijen && !sturing.klaar()) {
    afgebroken(sturing.signal);
    const schatting = perRij ?? gebied.kolommen * AANNAME_BYTES_PER_CEL;
    let aantal = Math.min(gebied.rijen - gelezen, maxRijen, Math.max(1, Math.floor(budget / schatting)));
    if (blokken === 0 && sturing.eersteBlok !== undefined) aantal = Math.min(aantal, sturing.eersteBlok);
    let blok = await leesBlok(context, gebied, gelezen, aantal);
    while (blok === "te-groot") {
      // These rows are longer than the ones measured so far: together they exceed the limit.
      if (aantal === 1) {
        const r = gebied.rij0 + gelezen + 1;
        const rij = `${gebied.blad}!${a1(r, gebied.kol0 + 1, r, gebied.kol0 + gebied.kolommen)}`;
        throw new SourceError("antwoord", nl.lezer.rijTeGroot(rij, (limiet / 1024 / 1024).toLocaleString("nl-NL")));
      }
      perRij = Math.max(perRij ?? 0, limiet / aantal);
      aantal = Math.ceil(aantal / 2);
      blok = await leesBlok(context, gebied, gelezen, aantal);
    }
    perRij = Math.max(perRij ?? 0, blok.bytes / aantal);
    for (const rij of blok.waarden) {
      if (sturing.klaar()) break;
      voeder.voer(rij);
    }
    gelezen += aantal;
    blokken++;
    sturing.voortgang?.(gelezen, gebied.rijen);
  }
  return blokken;
}

/** One block of rows, one sync; "te-groot" when Excel refuses the response as too large. */
async function leesBlok(
  context: Excel.RequestContext,
  gebied: Gebied,
  vanaf: number,
  aantal: number,
): Promise<{ readonly waarden: readonly (readonly unknown[])[]; readonly bytes: number } | "te-groot"> {
  // `values` only: number formats or display text would double the response, and neither is needed to
  // tell amounts from text (a percentage or date in an amount column is not a realistic Iv3 export).
  const range = gebied.werkblad.getRangeByIndexes(gebied.rij0 + vanaf, gebied.kol0, aantal, gebied.kolommen);
  range.load("values");
  try {
    await context.sync();
  } catch (e) {
    if (codeVan(e) === "ResponsePayloadSizeLimitExceeded") return "te-groot";
    throw e;
  }
  const waarden: unknown[][] = range.values;
  return { waarden, bytes: utf8.encode(JSON.stringify(waarden)).length };
}

const utf8 = new TextEncoder();

/**
 * Turns worksheet values into the cell texts the validator reads from a CSV file. Text passes unchanged
 * ("n.v.t." stays an invalid amount, "1.234,5" a Dutch amount); booleans become TRUE/FALSE (error values
 * already arrive as text, "#N/A"); an all-empty row becomes an empty record, like a blank CSV line.
 * A number in an amount column is written the way the validator reads that header's notation: for the
 * Dutch notation with a decimal comma and no grouping ("1234,5"), because "1234.567" would read as
 * 1.234.567 there; for CBS shapes as plain machine text ("1234.5"). Other numbers (codes, inwoners)
 * become plain machine text; a taakveld typed as the number 0.10 cannot be told from 0.1.
 */
class RijVoeder {
  private indeling: KolomIndeling | undefined;
  private bedragKolom: boolean[] = [];
  private nlNotatie = false;

  constructor(
    private readonly validator: Iv3CsvValidator,
    private readonly breedte: number,
  ) {}

  voer(rij: readonly unknown[]): void {
    const indeling = this.validator.indeling;
    if (indeling !== this.indeling && indeling) {
      this.indeling = indeling;
      this.nlNotatie = indeling.notatie === "nl";
      this.bedragKolom = Array.from({ length: this.breedte }, () => false);
      for (const rol of ["lasten", "baten", "bedrag"] as const) {
        const i = indeling.kolommen[rol];
        if (i !== undefined) this.bedragKolom[i] = true;
      }
    }
    const cellen: string[] = new Array<string>(rij.length);
    let leeg = true;
    for (let i = 0; i < rij.length; i++) {
      const tekst = celTekst(rij[i], this.nlNotatie && this.bedragKolom[i] === true);
      if (leeg && tekst.trim() !== "") leeg = false;
      cellen[i] = tekst;
    }
    this.validator.record(leeg ? [] : cellen);
  }
}

/** One worksheet value as CSV cell text (see RijVoeder). */
export function celTekst(waarde: unknown, nederlandsBedrag: boolean): string {
  if (typeof waarde === "string") return waarde;
  if (typeof waarde === "number") return nederlandsBedrag ? String(waarde).replace(".", ",") : String(waarde);
  if (typeof waarde === "boolean") return waarde ? "TRUE" : "FALSE";
  if (waarde === null || waarde === undefined) return "";
  return String(waarde);
}

// ─────────────────────────────────────────── Messages ───────────────────────────────────────────

/**
 * The validator's issues with worksheet positions: `rij` becomes the sheet row (also the first row of a
 * duplicate), `cel` the cell ("Blad1!C17") or, without a column, the row within the range
 * ("Blad1!A17:F17"). Other errors pass through.
 */
function metCellen(e: unknown, gebied: Gebied, indeling: KolomIndeling | undefined): unknown {
  if (!(e instanceof Iv3InputError)) return e;
  const issues = e.issues.map((issue) => metCel(issue, gebied, indeling));
  return new Iv3InputError(issues, e.totaal);
}

function metCel(issue: InputIssue, gebied: Gebied, indeling: KolomIndeling | undefined): InputIssue {
  if (issue.rij === undefined) {
    return issue.code === "leeg-bestand" || issue.code === "alleen-kop" ? { ...issue, cel: gebied.adres } : issue;
  }
  const rij = gebied.rij0 + issue.rij;
  const kolom = issue.kolom === undefined ? undefined : kolomIndex(issue.kolom, indeling);
  const cel =
    kolom === undefined
      ? `${gebied.blad}!${a1(rij, gebied.kol0 + 1, rij, gebied.kol0 + Math.max(1, gebied.kolommen))}`
      : `${gebied.blad}!${kolomLetters(gebied.kol0 + kolom + 1)}${rij}`;
  const eerste = issue.details?.["eerste"];
  const details = typeof eerste === "number" ? { details: { ...issue.details, eerste: gebied.rij0 + eerste } } : {};
  return { ...issue, rij, cel, ...details };
}

/** The column an issue's column name refers to: a mapped role's column first, then any header cell. */
function kolomIndex(kolom: string, indeling: KolomIndeling | undefined): number | undefined {
  if (!indeling) return undefined;
  for (const i of Object.values(indeling.kolommen)) {
    if (i !== undefined && indeling.kop[i] === kolom) return i;
  }
  const i = indeling.kop.indexOf(kolom);
  return i >= 0 ? i : undefined;
}

function bronTekst(bron: Iv3Bron, bereik: string): string {
  if (bron.soort === "selectie") return nl.lezer.selectie(bereik);
  if (bron.soort === "naam") return nl.lezer.naam(bron.naam, bereik);
  return nl.lezer.tabel(bron.naam, bereik);
}

// ─────────────────────────────────────────── Helpers ───────────────────────────────────────────

function afgebroken(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("Afgebroken", "AbortError");
}

/** The `code` of an OfficeExtension.Error ("ItemNotFound", …), if it is one. */
function codeVan(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string") return e.code;
  return undefined;
}

/** "Blad1!A1:F20" → "Blad1"; "'Mijn blad'!A1" → "'Mijn blad'" (a sheet name may itself contain "!"). */
function bladDeel(adres: string): string {
  const i = adres.lastIndexOf("!");
  return i < 0 ? adres : adres.slice(0, i);
}

/** "'Mijn blad'" → "Mijn blad". */
function bladNaam(deel: string): string {
  return deel.startsWith("'") && deel.endsWith("'") ? deel.slice(1, -1).replace(/''/g, "'") : deel;
}

function adresVan(gebied: Gebied): string {
  if (gebied.rijen === 0) return gebied.adres;
  const r = gebied.rij0 + 1;
  const c = gebied.kol0 + 1;
  return `${gebied.blad}!${a1(r, c, r + gebied.rijen - 1, c + gebied.kolommen - 1)}`;
}

/** 1-based corners → "A1" or "A1:F20". */
function a1(r1: number, c1: number, r2: number, c2: number): string {
  const begin = `${kolomLetters(c1)}${r1}`;
  return r1 === r2 && c1 === c2 ? begin : `${begin}:${kolomLetters(c2)}${r2}`;
}
