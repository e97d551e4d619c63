/**
 * The add-in's record of what it wrote into a workbook: per sheet its Excel id, name, kind and key (what
 * it shows), per scenario its canonical input JSON, fingerprint, add-in version, date and data
 * provenance. "Controleer" recomputes from it; the writer uses it to recognise its own sheets (by id,
 * never by name) and to replace only those.
 *
 * Where it is stored:
 * - a custom XML part (namespace `METADATA_NAMESPACE`): the durable copy, readable by other tools;
 * - the same document in a workbook setting (`METADATA_INSTELLING`): the writer reads it in the same
 *   round trip as the sheet list. A custom XML part's content needs a second round trip (its id must be
 *   known before `getXml` can be queued), which would make every re-write cost three syncs;
 * - on a host without custom XML parts (ExcelApi 1.5), a very hidden sheet `_jeugdscenario` holding the
 *   JSON in row 2 (format 2). Workbooks written by the command line carry the row layout of format 1
 *   (src/xlsx/metadata.ts); both are read.
 */
import type { BladSoort, WerkmapMetadata } from "../workbook/spec";
import { isBladSoort } from "../workbook/spec";
import { canoniekeJson } from "../domain/scenario/canoniek";
import { inStukken } from "../xlsx/metadata";

export const METADATA_NAMESPACE = "urn:jeugdscenario:metadata";
export const METADATA_INSTELLING = "jeugdscenario.metadata";
export const METADATA_FORMAAT_ADDIN = 2;

export interface BladRecord {
  /**
   * Names the hidden workbook-level name `_jeugdscenario_<uid>` that refers to the sheet's A1, so the
   * sheet is found after a rename. Absent for sheets known only by name (a workbook written by the CLI).
   */
  readonly uid?: string;
  readonly naam: string;
  readonly soort: BladSoort;
  readonly sleutel: string;
  readonly versie: string;
  readonly datum: string;
}

export interface ScenarioRecord {
  /** Key of the scenario's sheet (see `bladSleutel`). */
  readonly sleutel: string;
  readonly naam: string;
  /** Sheet name at the time of writing (the sheet may have been renamed since). */
  readonly blad: string;
  readonly bladUid?: string;
  readonly vingerafdruk: string;
  /** Canonical input JSON. */
  readonly invoer: string;
  readonly versie: string;
  readonly datum: string;
  readonly bronnen: readonly string[];
}

export interface AddinMetadata {
  readonly formaat: typeof METADATA_FORMAAT_ADDIN;
  readonly product: string;
  readonly bladen: readonly BladRecord[];
  readonly scenarios: readonly ScenarioRecord[];
  /**
   * Uids of replaced sheets still to be deleted. Deleting a sheet cannot be undone, so the writer deletes
   * replaced sheets only after everything else succeeded; a sheet it could not delete stays hidden
   * here and is removed by the next write.
   */
  readonly opruimen: readonly string[];
}

export const LEGE_METADATA: AddinMetadata = {
  formaat: METADATA_FORMAAT_ADDIN,
  product: "",
  bladen: [],
  scenarios: [],
  opruimen: [],
};

/** Thrown when stored metadata cannot be read; the message is Dutch. */
export class MetadataFout extends Error {
  constructor(bericht: string) {
    super(bericht);
    this.name = "MetadataFout";
  }
}

// ---------------------------------------------------------------------------------------------------
// Validation of stored JSON (the workbook is user-controlled data: check the shape, never trust it)

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const tekst = (o: Obj, k: string): string => {
  const v = o[k];
  if (typeof v !== "string") throw new MetadataFout(`Het veld '${k}' in de metadata ontbreekt of is geen tekst.`);
  return v;
};
const optTekst = (o: Obj, k: string): string | undefined => (typeof o[k] === "string" ? o[k] : undefined);
const lijst = (o: Obj, k: string): readonly unknown[] => {
  const v = o[k];
  if (!Array.isArray(v)) throw new MetadataFout(`Het veld '${k}' in de metadata ontbreekt of is geen lijst.`);
  return v;
};

function bladRecord(x: unknown): BladRecord {
  if (!isObj(x)) throw new MetadataFout("Een blad in de metadata is onleesbaar.");
  const soort = x["soort"];
  if (!isBladSoort(soort)) throw new MetadataFout(`Onbekende bladsoort '${String(soort)}' in de metadata.`);
  const uid = optTekst(x, "uid");
  return {
    ...(uid !== undefined ? { uid } : {}),
    naam: tekst(x, "naam"),
    soort,
    sleutel: tekst(x, "sleutel"),
    versie: tekst(x, "versie"),
    datum: tekst(x, "datum"),
  };
}

function scenarioRecord(x: unknown): ScenarioRecord {
  if (!isObj(x)) throw new MetadataFout("Een scenario in de metadata is onleesbaar.");
  const bladUid = optTekst(x, "bladUid");
  const bronnen = lijst(x, "bronnen");
  if (!bronnen.every((b) => typeof b === "string"))
    throw new MetadataFout("De bronnen in de metadata zijn onleesbaar.");
  return {
    sleutel: tekst(x, "sleutel"),
    naam: tekst(x, "naam"),
    blad: tekst(x, "blad"),
    ...(bladUid !== undefined ? { bladUid } : {}),
    vingerafdruk: tekst(x, "vingerafdruk"),
    invoer: tekst(x, "invoer"),
    versie: tekst(x, "versie"),
    datum: tekst(x, "datum"),
    bronnen: bronnen as string[],
  };
}

/** Parses the metadata JSON (format 2). */
export function leesMetadataJson(json: string): AddinMetadata {
  let x: unknown;
  try {
    x = JSON.parse(json);
  } catch {
    throw new MetadataFout("De metadata van de invoegtoepassing in deze werkmap is geen geldige JSON.");
  }
  if (!isObj(x) || x["formaat"] !== METADATA_FORMAAT_ADDIN) {
    throw new MetadataFout("De metadata van de invoegtoepassing in deze werkmap heeft een onbekend formaat.");
  }
  const opruimen = lijst(x, "opruimen");
  if (!opruimen.every((o) => typeof o === "string")) throw new MetadataFout("De metadata is onleesbaar (opruimen).");
  return {
    formaat: METADATA_FORMAAT_ADDIN,
    product: tekst(x, "product"),
    bladen: lijst(x, "bladen").map(bladRecord),
    scenarios: lijst(x, "scenarios").map(scenarioRecord),
    opruimen: opruimen as string[],
  };
}

/** Deterministic JSON (sorted keys), so the same metadata always gives the same text. */
export function metadataJson(m: AddinMetadata): string {
  return canoniekeJson(m);
}

// ---------------------------------------------------------------------------------------------------
// XML part

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function metadataXml(m: AddinMetadata): string {
  const inhoud = metadataJson(m).replace(/[&<>]/g, (t) => XML_ESCAPES[t] ?? t);
  return `<jeugdscenario xmlns="${METADATA_NAMESPACE}" formaat="${METADATA_FORMAAT_ADDIN}">${inhoud}</jeugdscenario>`;
}

function xmlTekst(tekst: string): string {
  return tekst.replace(
    /&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g,
    (_, naam: string, dec?: string, hex?: string) => {
      if (dec !== undefined) return String.fromCodePoint(Number(dec));
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
      return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[naam] ?? "";
    },
  );
}

/** Reads the part written by `metadataXml` (tolerating an XML declaration or a namespace prefix Excel may add). */
export function leesMetadataXml(xml: string): AddinMetadata {
  const m = /<(?:[\w.-]+:)?jeugdscenario\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?jeugdscenario>/.exec(xml);
  if (!m) throw new MetadataFout("Het metadata-onderdeel (custom XML) van deze werkmap is onleesbaar.");
  return leesMetadataJson(xmlTekst((m[1] ?? "").replace(/^<!\[CDATA\[|\]\]>$/g, "").trim()));
}

// ---------------------------------------------------------------------------------------------------
// Fallback sheet (format 2) and the command line's sheet (format 1)

/** Rows of the very hidden metadata sheet in format 2: the JSON cut into cell-sized pieces. */
export function metadataRijen(m: AddinMetadata): (string | number)[][] {
  return [
    ["formaat", METADATA_FORMAAT_ADDIN],
    ["json", ...inStukken(metadataJson(m))],
  ];
}

/** Format-1 metadata (an .xlsx written by the command line) in the add-in's terms; sheets known by name only. */
export function vanWerkmapMetadata(w: WerkmapMetadata): AddinMetadata {
  const bladen = (w.bladen ?? []).map((b) => ({ ...b, versie: w.versie, datum: w.datum }));
  return {
    formaat: METADATA_FORMAAT_ADDIN,
    product: w.product,
    bladen,
    scenarios: w.scenarios.map((s) => ({
      sleutel: bladen.find((b) => b.naam === s.blad && b.soort === "scenario")?.sleutel ?? "",
      naam: s.naam,
      blad: s.blad,
      vingerafdruk: s.vingerafdruk,
      invoer: s.invoer,
      versie: w.versie,
      datum: w.datum,
      bronnen: w.bronnen,
    })),
    opruimen: [],
  };
}
