/**
 * The Office.js writer: a WerkmapSpec (the same sheet descriptions the .xlsx writer takes) into the open
 * workbook.
 *
 * Round trips. One read (sheets, workbook names, tables, the metadata setting, custom XML part ids),
 * then every write operation queued and sent in one sync; the number of syncs does not grow with cells,
 * sheets or scenarios. Only when the queued operations would exceed the payload limit (5 MB on the web)
 * are they sent in several byte-sized batches. Calculation and screen updating are suspended for each
 * write batch.
 *
 * Atomic, with one commit point. New sheets are written under temporary names; the sheets they replace
 * are renamed and hidden (both reversible); then the new sheets get their final names and the metadata
 * is added. `context.trace(VASTGELEGD)` marks the commit. Only after it come the operations that cannot
 * be undone: deleting the replaced sheets and the previous metadata part. A failure before the commit
 * rolls back by comparing the workbook with the state read at the start: every sheet, name, and part
 * that was not there is removed, every sheet of ours that was renamed or hidden is restored. A failure
 * after the commit leaves the complete new result; replaced sheets that could not be deleted stay
 * hidden and are listed in the metadata (`opruimen`) for the next write.
 *
 * Ownership. A sheet is ours when the metadata lists it. Each sheet gets a hidden workbook-level name
 * `_jeugdscenario_<uid>` that refers to its cell A1: Excel keeps that reference on the sheet through
 * renames, so the metadata finds its sheets even after a user renamed them, and never mistakes a user's
 * sheet called "Scenario Basis" for ours. (Worksheet ids cannot be used: a new sheet's id is known
 * only after the sync that creates it, too late for the metadata written in that same sync.) A sheet
 * we do not own is never modified, renamed or deleted; new sheets avoid the names of all sheets.
 */
import { nl } from "../i18n/nl";
import { leesAdres } from "../xlsx/adres";
import { inhoudVan, kopVoetRegel, rijhoogten, uitlijnenAls } from "../xlsx/celindeling";
import { controleerSpec } from "../xlsx/spec-controle";
import { METADATA_BLAD } from "../xlsx/metadata";
import { TABELSTIJL } from "../xlsx/stijlen";
import { kolomLetters } from "../workbook/adres";
import type { BladSpec, CelSpec, GrafiekSpec, WerkmapSpec } from "../workbook/spec";
import { type ExcelHost, MAX_BYTES_WEB } from "./host";
import {
  ANKER_VOORVOEGSEL,
  VASTGELEGD,
  type WerkmapStaat,
  achtergeblevenBladen,
  dodeAnkers,
  eigenBladen,
  herstel,
  leesWerkmapStaat,
} from "./staat";
import {
  type AddinMetadata,
  type BladRecord,
  METADATA_INSTELLING,
  type ScenarioRecord,
  metadataJson,
  metadataRijen,
  metadataXml,
} from "./metadata";
import { type OfficeOpmaak, kolombreedteInPunten, officeOpmaak } from "./opmaak";
import { functiesVan, type Functies, MINIMUM_EXCELAPI } from "./vereisten";

export { ANKER_VOORVOEGSEL, VASTGELEGD } from "./staat";

export interface GeschrevenBladInfo {
  readonly naam: string;
  readonly soort: BladSpec["soort"];
  /** The uid of the anchor name (stable across renames). */
  readonly uid: string;
}

export interface SchrijfUitkomst {
  readonly bladen: readonly GeschrevenBladInfo[];
  /** Dutch notes: features this Excel lacks, sheets that could not be cleaned up. */
  readonly meldingen: readonly string[];
  readonly syncs: number;
}

export interface SchrijfOpties {
  readonly voortgang?: (fractie: number, tekst: string) => void;
  /** Source of unique ids (tests pass a deterministic one). */
  readonly nieuweUid?: () => string;
}

/** Thrown when writing failed; the message says whether the workbook was restored. */
export class SchrijfFout extends Error {
  constructor(
    bericht: string,
    readonly hersteld: boolean,
    options?: { cause?: unknown },
  ) {
    super(bericht, options);
    this.name = "SchrijfFout";
  }
}

function willekeurigeUid(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes]
    .map((b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 12);
}

// ---------------------------------------------------------------------------------------------------
// Queued operations with their estimated request size

/** One queued step and the JSON bytes it adds to the request (estimated like Office.js serialises it). */
interface Stap {
  readonly bytes: number;
  readonly doe: (context: Excel.RequestContext) => void;
}

const jsonBytes = (x: unknown): number => new TextEncoder().encode(JSON.stringify(x)).length;
/** Per operation overhead of the request format (ids, action type, object path). */
const OP_BYTES = 160;

class Wachtrij {
  readonly stappen: Stap[] = [];
  voeg(doe: (context: Excel.RequestContext) => void, argumenten: unknown = null, operaties = 1): void {
    this.stappen.push({ bytes: operaties * OP_BYTES + (argumenten === null ? 0 : jsonBytes(argumenten)), doe });
  }
}

// ---------------------------------------------------------------------------------------------------
// Cells

/**
 * Text Excel would turn into something else when written through `Range.formulas`/`values`: a formula
 * ("=", "+", "-", "@"), a number, date, time, percentage or boolean. Such text gets Excel's quote prefix
 * ("'"), which keeps it literal; other text is written as is. Deliberately broad: a needless prefix is
 * harmless, a missing one turns a user's "=HYPERLINK(…)" into a live formula.
 */
export function heeftAanhalingNodig(tekst: string): boolean {
  if (tekst === "") return false;
  const eerste = tekst.codePointAt(0) ?? 0;
  if (!/\p{L}/u.test(String.fromCodePoint(eerste))) return true;
  if (/^(true|false|waar|onwaar)$/i.test(tekst.trim())) return true;
  // Month names and similar words followed by a number can read as dates ("jan 2024", "mei-25").
  return /^\p{L}{1,9}[\s./-]*\d/u.test(tekst);
}

function celInvoer(cel: CelSpec | undefined): string | number | boolean {
  if (!cel) return "";
  if (cel.formule !== undefined) return `=${cel.formule.trim().replace(/^=/, "")}`;
  const w = cel.waarde;
  if (w === undefined) return "";
  if (typeof w === "string") return heeftAanhalingNodig(w) ? `'${w}` : w;
  return w;
}

/** Our formulas refer to other sheets only as 'Name'!A1 or Name!A1. */
const verwijstNaarBlad = (cel: CelSpec): boolean => cel.formule !== undefined && cel.formule.includes("!");

interface Rechthoek {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const adres = (r: number, c: number): string => `${kolomLetters(c)}${r}`;
const bereikAdres = (b: Rechthoek): string =>
  b.r1 === b.r2 && b.c1 === b.c2 ? adres(b.r1, b.c1) : `${adres(b.r1, b.c1)}:${adres(b.r2, b.c2)}`;

function positie(a: string): { r: number; c: number } {
  const p = leesAdres(a);
  return { r: p.rij, c: p.kolom };
}

/**
 * Cells with the same format grouped into rectangles: runs of adjacent cells in a row, then identical
 * runs in consecutive rows merged. A sheet of a few hundred cells needs a few dozen format operations.
 */
export function opmaakBlokken(cellen: ReadonlyMap<string, CelSpec>): { opmaak: OfficeOpmaak; blokken: Rechthoek[] }[] {
  const perSleutel = new Map<string, { opmaak: OfficeOpmaak; posities: { r: number; c: number }[] }>();
  for (const cel of cellen.values()) {
    const opmaak = officeOpmaak(cel.stijl, inhoudVan(cel), uitlijnenAls(cel, cellen as Map<string, CelSpec>));
    const sleutel = JSON.stringify(opmaak);
    let groep = perSleutel.get(sleutel);
    if (!groep) {
      groep = { opmaak, posities: [] };
      perSleutel.set(sleutel, groep);
    }
    groep.posities.push(positie(cel.adres));
  }
  const uit: { opmaak: OfficeOpmaak; blokken: Rechthoek[] }[] = [];
  for (const { opmaak, posities } of perSleutel.values()) {
    posities.sort((a, b) => a.r - b.r || a.c - b.c);
    const runs: Rechthoek[] = [];
    for (const p of posities) {
      const laatste = runs[runs.length - 1];
      if (laatste && laatste.r1 === p.r && laatste.c2 === p.c - 1) laatste.c2 = p.c;
      else runs.push({ r1: p.r, c1: p.c, r2: p.r, c2: p.c });
    }
    const blokken: Rechthoek[] = [];
    const open = new Map<string, Rechthoek>();
    for (const run of runs) {
      const k = `${run.c1}:${run.c2}`;
      const boven = open.get(k);
      if (boven && boven.r2 === run.r1 - 1) boven.r2 = run.r1;
      else {
        const blok = { ...run };
        blokken.push(blok);
        open.set(k, blok);
      }
    }
    uit.push({ opmaak, blokken });
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------------
// The plan for one sheet

function omvang(cellen: ReadonlyMap<string, CelSpec>): Rechthoek | undefined {
  let b: Rechthoek | undefined;
  for (const cel of cellen.values()) {
    const { r, c } = positie(cel.adres);
    if (!b) b = { r1: 1, c1: 1, r2: r, c2: c };
    else {
      b.r2 = Math.max(b.r2, r);
      b.c2 = Math.max(b.c2, c);
    }
  }
  return b;
}

function grafiekType(g: GrafiekSpec): "ColumnClustered" | "ColumnStacked" | "Line" {
  switch (g.soort) {
    case "kolom":
      return "ColumnClustered";
    case "gestapeldeKolom":
      return "ColumnStacked";
    case "lijn":
      return "Line";
  }
}

function planBlad(
  w: Wachtrij,
  blad: BladSpec,
  cellen: Map<string, CelSpec>,
  tijdelijk: string,
  f: Functies,
  tabelNaam: (gewenst: string) => string,
): { extern: (w: Wachtrij) => void } {
  const ws = (c: Excel.RequestContext): Excel.Worksheet => c.workbook.worksheets.getItem(tijdelijk);
  w.voeg((c) => c.workbook.worksheets.add(tijdelijk), [tijdelijk]);

  const b = omvang(cellen);
  const laterNodig: CelSpec[] = [];
  if (b) {
    const rijen = b.r2 - b.r1 + 1;
    const kolommen = b.c2 - b.c1 + 1;
    const formules: (string | number | boolean)[][] = [];
    const formaten: string[][] = [];
    for (let r = 0; r < rijen; r++) {
      const rij: (string | number | boolean)[] = [];
      const fr: string[] = [];
      for (let k = 0; k < kolommen; k++) {
        const cel = cellen.get(adres(b.r1 + r, b.c1 + k));
        if (cel && verwijstNaarBlad(cel)) {
          laterNodig.push(cel);
          rij.push("");
        } else rij.push(celInvoer(cel));
        fr.push(cel?.formaat ?? "General");
      }
      formules.push(rij);
      formaten.push(fr);
    }
    const bereik = bereikAdres(b);
    // Number formats first: a cell formatted as text would keep a formula written later as text.
    w.voeg((c) => {
      ws(c).getRange(bereik).numberFormat = formaten;
    }, formaten);
    w.voeg((c) => {
      ws(c).getRange(bereik).formulas = formules;
    }, formules);
  }

  for (const { opmaak, blokken } of opmaakBlokken(cellen)) {
    for (const blok of blokken) {
      const a = bereikAdres(blok);
      w.voeg(
        (c) => {
          const fmt = ws(c).getRange(a).format;
          fmt.font.name = opmaak.font.name;
          fmt.font.size = opmaak.font.size;
          fmt.font.bold = opmaak.font.bold;
          fmt.font.italic = opmaak.font.italic;
          fmt.font.color = opmaak.font.color;
          if (opmaak.fill !== undefined) fmt.fill.color = opmaak.fill;
          fmt.horizontalAlignment = opmaak.horizontalAlignment;
          fmt.verticalAlignment = opmaak.verticalAlignment;
          fmt.wrapText = opmaak.wrapText;
          for (const [kant, r] of Object.entries(opmaak.borders)) {
            const rand = fmt.borders.getItem(kant as Excel.BorderIndex);
            rand.style = r.style;
            rand.weight = r.weight;
            rand.color = r.color;
          }
          if (!opmaak.locked) fmt.protection.locked = false;
        },
        [a, opmaak],
        9 + Object.keys(opmaak.borders).length * 3,
      );
    }
  }

  blad.kolombreedtes.forEach((breedte, i) => {
    const kolom = kolomLetters(i + 1);
    const punten = kolombreedteInPunten(breedte);
    w.voeg(
      (c) => {
        ws(c).getRange(`${kolom}:${kolom}`).format.columnWidth = punten;
      },
      [kolom, punten],
    );
  });
  for (const [rij, hoogte] of rijhoogten(blad, cellen)) {
    w.voeg(
      (c) => {
        ws(c).getRange(`${rij}:${rij}`).format.rowHeight = hoogte;
      },
      [rij, hoogte],
    );
  }
  for (const s of blad.samengevoegd) {
    w.voeg((c) => ws(c).getRange(s).merge(false), [s]);
  }
  for (const t of blad.tabellen) {
    if (t.totaalRij) throw new SchrijfFout(nl.excel.tabelTotaalRij(t.naam, blad.naam), true);
    const begin = positie(t.adres);
    const a = bereikAdres({ r1: begin.r, c1: begin.c, r2: begin.r + t.rijen, c2: begin.c + t.kolommen.length - 1 });
    const naam = tabelNaam(t.naam);
    w.voeg(
      (c) => {
        const tabel = ws(c).tables.add(a, true);
        tabel.name = naam;
        tabel.style = TABELSTIJL;
      },
      [a, naam],
      3,
    );
  }
  for (const n of blad.namen) {
    w.voeg(
      (c) => {
        const blad = ws(c);
        blad.names.add(n.naam, blad.getRange(n.adres));
      },
      [n.naam, n.adres],
    );
  }
  if (blad.vastzetten) {
    const { rijen, kolommen } = blad.vastzetten;
    if (rijen > 0 && kolommen > 0) {
      const a = `A1:${adres(rijen, kolommen)}`;
      w.voeg((c) => ws(c).freezePanes.freezeAt(a), [a]);
    } else if (rijen > 0) w.voeg((c) => ws(c).freezePanes.freezeRows(rijen), [rijen]);
    else if (kolommen > 0) w.voeg((c) => ws(c).freezePanes.freezeColumns(kolommen), [kolommen]);
  }
  if (blad.tabkleur !== undefined) {
    const kleur = `#${blad.tabkleur.toUpperCase()}`;
    w.voeg(
      (c) => {
        ws(c).tabColor = kleur;
      },
      [kleur],
    );
  }
  if (f.pagina) {
    const afdruk = blad.afdruk;
    const kop = kopVoetRegel(afdruk.koptekst, "&A");
    const voet = kopVoetRegel(afdruk.voettekst, "Pagina &P van &N");
    const [kopL, kopR] = delen(kop);
    const [voetL, voetR] = delen(voet);
    w.voeg(
      (c) => {
        const p = ws(c).pageLayout;
        p.orientation = afdruk.liggend ? "Landscape" : "Portrait";
        if (afdruk.passendInBreedte) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (afdruk.titelRijen) p.setPrintTitleRows(rijBereik(afdruk.titelRijen));
        const hf = p.headersFooters.defaultForAllPages;
        hf.leftHeader = kopL;
        hf.rightHeader = kopR;
        hf.leftFooter = voetL;
        hf.rightFooter = voetR;
      },
      [afdruk],
      8,
    );
  }
  for (const g of blad.grafieken) {
    if (g.reeksen.length === 0) continue;
    const type = grafiekType(g);
    w.voeg(
      (c) => {
        const blad = ws(c);
        const eerste = g.reeksen[0];
        if (!eerste) return;
        const grafiek = blad.charts.add(type, blad.getRange(eerste.waarden), "Rows");
        grafiek.title.text = g.titel;
        grafiek.legend.position = "Bottom";
        g.reeksen.forEach((reeks, i) => {
          const serie = i === 0 ? grafiek.series.getItemAt(0) : grafiek.series.add(reeks.naam);
          if (i === 0) serie.name = reeks.naam;
          else serie.setValues(blad.getRange(reeks.waarden));
          serie.setXAxisValues(blad.getRange(g.categorieen));
        });
        if (g.asTitel !== undefined) grafiek.axes.valueAxis.title.text = g.asTitel;
        if (g.formaat !== undefined && f.asOpmaak) grafiek.axes.valueAxis.numberFormat = g.formaat;
        const start = positie(g.positie.adres);
        grafiek.setPosition(
          adres(start.r, start.c),
          adres(start.r + g.positie.hoogte - 1, start.c + g.positie.breedte - 1),
        );
      },
      [g],
      6 + g.reeksen.length * 4,
    );
  }

  return {
    extern: (w2) => {
      for (const cel of laterNodig) {
        const formule = celInvoer(cel);
        w2.voeg(
          (c) => {
            c.workbook.worksheets.getItem(blad.naam).getRange(cel.adres).formulas = [[formule]];
          },
          [cel.adres, formule],
        );
      }
    },
  };
}

/** "&LTekst&R&A" → ["Tekst", "&A"] (Office.js takes the sections separately). */
function delen(regel: string): [string, string] {
  const m = /^&L([\s\S]*)&R([\s\S]*)$/.exec(regel);
  return m ? [m[1] ?? "", m[2] ?? ""] : [regel, ""];
}

/** "1:4" → "$1:$4". */
function rijBereik(r: string): string {
  return r
    .split(":")
    .map((x) => `$${x.replace(/\$/g, "")}`)
    .join(":");
}

// ---------------------------------------------------------------------------------------------------
// The write

/** A unique name not in `bezet` (lower case), made from `basis` plus " (n)"/"_n". */
function uniek(basis: string, bezet: Set<string>, scheiding: string): string {
  let naam = basis;
  for (let n = 2; bezet.has(naam.toLowerCase()); n++) naam = `${basis}${scheiding}${n}`;
  bezet.add(naam.toLowerCase());
  return naam;
}

/**
 * Writes the workbook described by `maak(bestaandeBladen)` into the open workbook. `maak` receives the
 * names of all sheets the new sheets must avoid (it is called again when the first answer shows which
 * of our sheets it replaces).
 *
 * @throws SchrijfFout (Dutch message) when the spec is invalid or Excel refused an operation; the
 *   workbook is then as it was (`hersteld`), or the message says what is left.
 */
export async function schrijfInExcel(
  host: ExcelHost,
  maak: (bestaandeBladen: readonly string[]) => Promise<WerkmapSpec> | WerkmapSpec,
  opties: SchrijfOpties = {},
): Promise<SchrijfUitkomst> {
  const voortgang = opties.voortgang ?? (() => undefined);
  const nieuweUid = opties.nieuweUid ?? willekeurigeUid;
  const f = functiesVan(host);
  if (!f.minimum) throw new SchrijfFout(nl.excel.teOudeExcel(MINIMUM_EXCELAPI), true);
  const maxBytes = Math.floor((host.maxBytes ?? MAX_BYTES_WEB) * 0.8); // margin for what we do not count
  let syncs = 0;
  let begin: WerkmapStaat | undefined;

  voortgang(0, nl.excel.voortgangLezen);
  try {
    return await host.run(async (context) => {
      begin = await leesWerkmapStaat(context, f);
      syncs += begin.syncs;
      const staat = begin;
      const eigen = eigenBladen(staat);

      // Which of our sheets the new ones replace: by key, asking `maak` again with those names freed.
      const alleNamen = staat.bladen.map((b) => b.naam);
      const behalveEigen = alleNamen.filter((n) => !eigen.some((e) => e.naam === n));
      let spec = await maak([...behalveEigen, METADATA_BLAD]);
      const nieuweSleutels = new Set((spec.metadata.bladen ?? []).map((b) => b.sleutel));
      const vervangen = eigen.filter((e) => nieuweSleutels.has(e.record.sleutel));
      const vrij = new Set(vervangen.map((v) => v.naam));
      spec = await maak([...alleNamen.filter((n) => !vrij.has(n)), METADATA_BLAD]);
      const cellenPerBlad = controleerSpec(spec);
      voortgang(0.2, nl.excel.voortgangSchrijven(spec.bladen.length));

      // Unique among the anchors already in the workbook (a random uid practically always is).
      let uid = nieuweUid();
      while (staat.namen.some((n) => n.naam.toLowerCase().startsWith(`${ANKER_VOORVOEGSEL}${uid}`.toLowerCase())))
        uid = `${uid}${nieuweUid()}`.slice(-24);
      const bezet = new Set(alleNamen.map((n) => n.toLowerCase()));
      const tijdelijk = spec.bladen.map((_, i) => uniek(`~js${uid}-${i + 1}`.slice(0, 31), bezet, ""));
      const tabellen = new Set(staat.tabellen.map((t) => t.toLowerCase()));
      const tabelNaam = (gewenst: string): string => uniek(gewenst, tabellen, "_");

      const w = new Wachtrij();
      const opzijGezet: string[] = [];
      const externe: ((w: Wachtrij) => void)[] = [];
      spec.bladen.forEach((blad, i) => {
        const cellen = cellenPerBlad[i];
        const tijd = tijdelijk[i];
        if (cellen && tijd) externe.push(planBlad(w, blad, cellen, tijd, f, tabelNaam).extern);
      });

      // Reversible: the replaced sheets step aside (renamed, hidden); the new ones take their names.
      vervangen.forEach((v, i) => {
        const opzij = uniek(`~js${uid}-o${i + 1}`.slice(0, 31), bezet, "");
        opzijGezet.push(opzij);
        w.voeg(
          (c) => {
            const blad = c.workbook.worksheets.getItem(v.naam);
            blad.name = opzij;
            if (v.zichtbaarheid === "Visible") blad.visibility = "Hidden";
          },
          [v.naam, opzij],
          2,
        );
      });
      spec.bladen.forEach((blad, i) => {
        const tijd = tijdelijk[i];
        if (tijd === undefined) return;
        w.voeg(
          (c) => {
            c.workbook.worksheets.getItem(tijd).name = blad.naam;
          },
          [tijd, blad.naam],
        );
      });
      for (const ext of externe) ext(w);

      // Anchors and metadata.
      const records: (BladRecord & { readonly uid: string })[] = spec.bladen.map((blad, i) => {
        const m = spec.metadata.bladen?.find((b) => b.naam === blad.naam);
        return {
          uid: `${uid}${i + 1}`,
          naam: blad.naam,
          soort: blad.soort,
          sleutel: m?.sleutel ?? `${blad.soort}|${blad.naam.toLowerCase()}`,
          versie: spec.metadata.versie,
          datum: spec.metadata.datum,
        };
      });
      for (const r of records) {
        const anker = `${ANKER_VOORVOEGSEL}${r.uid}`;
        w.voeg(
          (c) => {
            const item = c.workbook.names.add(anker, c.workbook.worksheets.getItem(r.naam).getRange("A1"));
            item.visible = false;
          },
          [anker, r.naam],
          2,
        );
      }
      const vervangenUids = new Set(vervangen.map((v) => v.record.uid ?? v.naam));
      const blijven = eigen.filter((e) => !vervangenUids.has(e.record.uid ?? e.naam));
      const scenarioRecords: ScenarioRecord[] = spec.metadata.scenarios.map((s) => {
        const r = records.find((b) => b.naam === s.blad);
        return {
          sleutel: r?.sleutel ?? "",
          naam: s.naam,
          blad: s.blad,
          ...(r?.uid !== undefined ? { bladUid: r.uid } : {}),
          vingerafdruk: s.vingerafdruk,
          invoer: s.invoer,
          versie: spec.metadata.versie,
          datum: spec.metadata.datum,
          bronnen: spec.metadata.bronnen,
        };
      });
      // Earlier scenarios stay on record as long as their sheet stays.
      const blijvendeScenarios = staat.metadata.scenarios.filter((s) =>
        blijven.some((e) => (s.bladUid !== undefined ? e.record.uid === s.bladUid : e.record.naam === s.blad)),
      );
      const achtergebleven = achtergeblevenBladen(staat);
      const nieuw: AddinMetadata = {
        formaat: 2,
        product: spec.metadata.product,
        bladen: [...blijven.map((e) => e.record), ...records],
        scenarios: [...blijvendeScenarios, ...scenarioRecords],
        // Listed until deleted: if the deletion after the commit fails, the next write finds them here.
        opruimen: [
          ...vervangen.flatMap((v) => (v.record.uid !== undefined ? [v.record.uid] : [])),
          ...staat.metadata.opruimen.filter((uid) => staat.ankers.get(uid) !== undefined),
        ],
      };
      const json = metadataJson(nieuw);
      if (f.instellingen) {
        w.voeg(
          (c) => {
            c.workbook.settings.add(METADATA_INSTELLING, json);
          },
          [json],
        );
      }
      if (f.xmlOnderdelen) {
        const xml = metadataXml(nieuw);
        w.voeg(
          (c) => {
            c.workbook.customXmlParts.add(xml);
          },
          [xml],
        );
      } else {
        // No custom XML parts on this host: a very hidden sheet; the previous one steps aside first.
        const oudBlad = staat.bladen.find((b) => b.naam.toLowerCase() === METADATA_BLAD.toLowerCase());
        const opzij = uniek(`~js${uid}-m`, bezet, "");
        if (oudBlad) {
          w.voeg(
            (c) => {
              c.workbook.worksheets.getItem(oudBlad.naam).name = opzij;
            },
            [opzij],
          );
        }
        const rijen = metadataRijen(nieuw);
        const breedte = Math.max(...rijen.map((r) => r.length));
        const grid = rijen.map((r) => Array.from({ length: breedte }, (_, k) => tekstCel(r[k])));
        w.voeg(
          (c) => {
            const blad = c.workbook.worksheets.add(METADATA_BLAD);
            const bereik = blad.getRange(`A1:${adres(grid.length, breedte)}`);
            bereik.numberFormat = grid.map((r) => r.map(() => "@"));
            bereik.values = grid;
            blad.visibility = "VeryHidden";
          },
          [grid],
          4,
        );
        if (oudBlad) opzijGezet.push(opzij);
      }
      w.voeg((c) => c.trace(VASTGELEGD));

      // Irreversible, after the commit: delete the replaced sheets, leftovers of earlier writes, dead
      // anchors and the previous metadata part.
      for (const naam of [...opzijGezet, ...achtergebleven]) {
        w.voeg(
          (c) => {
            const blad = c.workbook.worksheets.getItem(naam);
            blad.visibility = "Hidden"; // a very hidden sheet cannot be deleted directly
            blad.delete();
          },
          [naam],
          2,
        );
      }
      const ankersWeg = new Set([
        ...dodeAnkers(staat),
        ...vervangen.flatMap((v) => (v.record.uid !== undefined ? [`${ANKER_VOORVOEGSEL}${v.record.uid}`] : [])),
        ...staat.metadata.opruimen.map((uid) => `${ANKER_VOORVOEGSEL}${uid}`),
      ]);
      for (const anker of ankersWeg) {
        if (!staat.namen.some((n) => n.naam === anker)) continue;
        w.voeg((c) => c.workbook.names.getItem(anker).delete(), [anker]);
      }
      if (f.xmlOnderdelen) {
        for (const id of staat.xmlOnderdelen) {
          w.voeg((c) => c.workbook.customXmlParts.getItem(id).delete(), [id]);
        }
      }

      // Send: one batch unless the bytes say otherwise.
      const batches: Stap[][] = [[]];
      let grootte = 0;
      for (const s of w.stappen) {
        const huidig = batches[batches.length - 1];
        if (huidig && huidig.length > 0 && grootte + s.bytes > maxBytes) {
          batches.push([]);
          grootte = 0;
        }
        batches[batches.length - 1]?.push(s);
        grootte += s.bytes;
      }
      const meldingen = [...f.meldingen];
      for (const [i, batch] of batches.entries()) {
        if (f.rekenPauze) context.application.suspendApiCalculationUntilNextSync();
        if (f.schermPauze) context.application.suspendScreenUpdatingUntilNextSync();
        for (const s of batch) s.doe(context);
        try {
          syncs++;
          // One sync per byte-sized batch: a single one unless the write exceeds the payload limit.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- batches are split by bytes on purpose
          await context.sync();
        } catch (fout) {
          if (naVastleggen(fout)) {
            meldingen.push(nl.excel.opruimenMislukt);
            break;
          }
          throw fout;
        }
        voortgang(0.2 + (0.8 * (i + 1)) / batches.length, nl.excel.voortgangSchrijven(spec.bladen.length));
      }
      voortgang(1, nl.excel.klaar);
      return {
        bladen: records.map((r) => ({ naam: r.naam, soort: r.soort, uid: r.uid })),
        meldingen,
        syncs,
      };
    });
  } catch (fout) {
    if (fout instanceof SchrijfFout) throw fout;
    const reden = foutTekst(fout);
    if (!begin) throw new SchrijfFout(nl.excel.schrijvenMislukt(reden, true), true, { cause: fout });
    const start = begin;
    try {
      await host.run((context) => herstel(context, start, f));
    } catch (herstelFout) {
      throw new SchrijfFout(nl.excel.herstelMislukt(reden, foutTekst(herstelFout)), false, { cause: fout });
    }
    throw new SchrijfFout(nl.excel.schrijvenMislukt(reden, true), true, { cause: fout });
  }
}

function tekstCel(x: string | number | undefined): string {
  return x === undefined ? "" : String(x);
}

/** Whether a failed sync had passed the commit point (its trace messages include the marker). */
function naVastleggen(fout: unknown): boolean {
  if (typeof fout !== "object" || fout === null || !("traceMessages" in fout)) return false;
  const sporen = (fout as { traceMessages?: unknown }).traceMessages;
  return Array.isArray(sporen) && sporen.includes(VASTGELEGD);
}

export function foutTekst(fout: unknown): string {
  if (typeof fout === "object" && fout !== null) {
    const code = "code" in fout && typeof fout.code === "string" ? fout.code : undefined;
    const bericht = fout instanceof Error ? fout.message : String(fout);
    return code ? `${code}: ${bericht}` : bericht;
  }
  return String(fout);
}
