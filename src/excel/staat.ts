/**
 * What the writer needs to know about the workbook before it writes, read in one round trip (plus one
 * more only for metadata the add-in did not store in its setting: a workbook written by the command
 * line or by another installation of the add-in), and the rollback that compares the workbook with
 * that state after a failed write.
 */
import { nl } from "../i18n/nl";
import { leesMetadataRijen, METADATA_BLAD } from "../xlsx/metadata";
import { XlsxSpecFout } from "../xlsx/adres";
import {
  type AddinMetadata,
  type BladRecord,
  LEGE_METADATA,
  leesMetadataJson,
  leesMetadataXml,
  METADATA_INSTELLING,
  METADATA_NAMESPACE,
  MetadataFout,
  vanWerkmapMetadata,
} from "./metadata";
import type { Functies } from "./vereisten";

/** Trace message queued at the commit point of a write. */
export const VASTGELEGD = "jeugdscenario: vastgelegd";

/** Prefix of the hidden workbook-level names that anchor our sheets. */
export const ANKER_VOORVOEGSEL = "_jeugdscenario_";

export type Zichtbaarheid = "Visible" | "Hidden" | "VeryHidden";

export interface BladInWerkmap {
  readonly id: string;
  readonly naam: string;
  readonly zichtbaarheid: Zichtbaarheid;
}

export interface WerkmapStaat {
  readonly syncs: number;
  readonly bladen: readonly BladInWerkmap[];
  readonly tabellen: readonly string[];
  /** Workbook-level names with their formula. */
  readonly namen: readonly { readonly naam: string; readonly formule: string }[];
  readonly metadata: AddinMetadata;
  /** The metadata setting as stored (for rollback), or undefined. */
  readonly instelling: string | undefined;
  /** Ids of our custom XML parts. */
  readonly xmlOnderdelen: readonly string[];
  /** Sheet name per anchor uid (undefined: the anchor's sheet is gone). */
  readonly ankers: ReadonlyMap<string, string | undefined>;
}

export interface EigenBlad {
  readonly naam: string;
  readonly zichtbaarheid: Zichtbaarheid;
  readonly record: BladRecord;
}

/** "='Mijn ''blad'''!$A$1" → "Mijn 'blad'"; undefined for #REF! or anything else. */
export function bladUitVerwijzing(formule: string): string | undefined {
  const f = formule.replace(/^=/, "").trim();
  const gequote = /^'((?:[^']|'')+)'!\$?[A-Z]+\$?\d+$/.exec(f);
  if (gequote?.[1] !== undefined) return gequote[1].replace(/''/g, "'");
  const kaal = /^([^'!#][^!]*)!\$?[A-Z]+\$?\d+$/.exec(f);
  return kaal?.[1];
}

function isZichtbaarheid(x: unknown): x is Zichtbaarheid {
  return x === "Visible" || x === "Hidden" || x === "VeryHidden";
}

/** Reads sheets, names, tables and our metadata. Queues loads only; safe on any workbook. */
export async function leesWerkmapStaat(context: Excel.RequestContext, f: Functies): Promise<WerkmapStaat> {
  const wb = context.workbook;
  const bladen = wb.worksheets;
  bladen.load("items/id,items/name,items/visibility");
  const tabellen = wb.tables;
  tabellen.load("items/name");
  const namen = wb.names;
  namen.load("items/name,items/formula");
  const instelling = f.instellingen ? wb.settings.getItemOrNullObject(METADATA_INSTELLING) : undefined;
  instelling?.load("value");
  const onderdelen = f.xmlOnderdelen ? wb.customXmlParts.getByNamespace(METADATA_NAMESPACE) : undefined;
  onderdelen?.load("items/id");
  await context.sync();
  let syncs = 1;

  const lijst: BladInWerkmap[] = bladen.items.map((b) => ({
    id: b.id,
    naam: b.name,
    zichtbaarheid: isZichtbaarheid(b.visibility) ? b.visibility : "Visible",
  }));
  const naamLijst = namen.items.map((n) => ({ naam: n.name, formule: n.formula }));
  const xmlIds = onderdelen ? onderdelen.items.map((p) => p.id) : [];
  const opgeslagen = instelling && !instelling.isNullObject ? instelling.value : undefined;
  const ruw = typeof opgeslagen === "string" ? opgeslagen : undefined;

  let metadata: AddinMetadata = LEGE_METADATA;
  try {
    if (ruw !== undefined) {
      metadata = leesMetadataJson(ruw);
    } else if (xmlIds[0] !== undefined) {
      // Stored by another installation of the add-in (settings are per add-in): read the part itself.
      const xml = wb.customXmlParts.getItem(xmlIds[0]).getXml();
      await context.sync();
      syncs++;
      metadata = leesMetadataXml(xml.value);
    } else if (lijst.some((b) => b.naam.toLowerCase() === METADATA_BLAD.toLowerCase())) {
      const bereik = wb.worksheets.getItem(METADATA_BLAD).getUsedRange(true);
      bereik.load("values");
      await context.sync();
      syncs++;
      metadata = metadataUitRijen(bereik.values);
    }
  } catch (fout) {
    if (fout instanceof MetadataFout || fout instanceof XlsxSpecFout) {
      throw new MetadataFout(nl.excel.metadataOnleesbaar(fout.message));
    }
    throw fout;
  }

  const ankers = new Map<string, string | undefined>();
  for (const n of naamLijst) {
    if (n.naam.startsWith(ANKER_VOORVOEGSEL))
      ankers.set(n.naam.slice(ANKER_VOORVOEGSEL.length), bladUitVerwijzing(n.formule));
  }
  return {
    syncs,
    bladen: lijst,
    tabellen: tabellen.items.map((t) => t.name),
    namen: naamLijst,
    metadata,
    instelling: ruw,
    xmlOnderdelen: xmlIds,
    ankers,
  };
}

/** The very hidden sheet's rows: format 2 (JSON in row 2) or the command line's format 1. */
export function metadataUitRijen(rijen: readonly (readonly unknown[])[]): AddinMetadata {
  if (rijen[0]?.[1] === 2) {
    const json = (rijen[1] ?? [])
      .slice(1)
      .filter((x): x is string => typeof x === "string")
      .join("");
    return leesMetadataJson(json);
  }
  return vanWerkmapMetadata(leesMetadataRijen(rijen));
}

/** The sheet a metadata record refers to now: through its anchor, else (command-line sheets) by name. */
export function huidigeNaam(
  staat: WerkmapStaat,
  record: { readonly uid?: string; readonly naam: string },
): string | undefined {
  const bestaat = (naam: string | undefined): string | undefined =>
    naam === undefined ? undefined : staat.bladen.find((b) => b.naam.toLowerCase() === naam.toLowerCase())?.naam;
  if (record.uid !== undefined) return bestaat(staat.ankers.get(record.uid));
  return bestaat(record.naam);
}

/** Our sheets that still exist, with their current names. */
export function eigenBladen(staat: WerkmapStaat): EigenBlad[] {
  const uit: EigenBlad[] = [];
  for (const record of staat.metadata.bladen) {
    if (staat.metadata.opruimen.includes(record.uid ?? "")) continue;
    const naam = huidigeNaam(staat, record);
    const blad = staat.bladen.find((b) => b.naam === naam);
    if (naam !== undefined && blad) uit.push({ naam, zichtbaarheid: blad.zichtbaarheid, record });
  }
  return uit;
}

/** Replaced sheets of earlier writes that still exist (their deletion failed then). */
export function achtergeblevenBladen(staat: WerkmapStaat): string[] {
  return staat.metadata.opruimen
    .map((uid) => huidigeNaam(staat, { uid, naam: "" }))
    .filter((n): n is string => n !== undefined);
}

/** Anchors whose sheet no longer exists (deleted by a user, or by us after a replacement). */
export function dodeAnkers(staat: WerkmapStaat): string[] {
  return [...staat.ankers.entries()]
    .filter(([, naam]) => naam === undefined || !staat.bladen.some((b) => b.naam.toLowerCase() === naam.toLowerCase()))
    .map(([uid]) => `${ANKER_VOORVOEGSEL}${uid}`);
}

/**
 * Puts the workbook back as `begin` found it, after a write that failed before its commit point: sheets
 * that were not there are deleted, sheets that were there get their name and visibility back,
 * workbook-level names, the metadata setting and custom XML parts that were not there are removed.
 * Two syncs: one to see what is there now, one to repair.
 */
export async function herstel(context: Excel.RequestContext, begin: WerkmapStaat, f: Functies): Promise<void> {
  const wb = context.workbook;
  const bladen = wb.worksheets;
  bladen.load("items/id,items/name,items/visibility");
  const namen = wb.names;
  namen.load("items/name");
  const instelling = f.instellingen ? wb.settings.getItemOrNullObject(METADATA_INSTELLING) : undefined;
  instelling?.load("value");
  const onderdelen = f.xmlOnderdelen ? wb.customXmlParts.getByNamespace(METADATA_NAMESPACE) : undefined;
  onderdelen?.load("items/id");
  await context.sync();

  const bekend = new Map(begin.bladen.map((b) => [b.id, b]));
  // First remove what is new (frees the names), then restore names and visibility.
  for (const b of bladen.items) {
    if (bekend.has(b.id)) continue;
    if (b.visibility === "VeryHidden") b.visibility = "Hidden";
    b.delete();
  }
  for (const b of bladen.items) {
    const was = bekend.get(b.id);
    if (!was) continue;
    if (b.name !== was.naam) b.name = was.naam;
    if (b.visibility !== was.zichtbaarheid) b.visibility = was.zichtbaarheid;
  }
  const bekendeNamen = new Set(begin.namen.map((n) => n.naam.toLowerCase()));
  for (const n of namen.items) if (!bekendeNamen.has(n.name.toLowerCase())) n.delete();
  if (instelling) {
    if (begin.instelling !== undefined) wb.settings.add(METADATA_INSTELLING, begin.instelling);
    else if (!instelling.isNullObject) instelling.delete();
  }
  if (onderdelen) {
    const bekendeDelen = new Set(begin.xmlOnderdelen);
    for (const p of onderdelen.items) if (!bekendeDelen.has(p.id)) p.delete();
  }
  await context.sync();
}
