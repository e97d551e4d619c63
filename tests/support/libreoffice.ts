import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

/**
 * LibreOffice as the formula oracle for workbook tests: it opens .xlsx files written by the project, recalculates
 * every formula (cached values are never trusted) and saves them again, so the tests can read real results.
 *
 * Locally a suite skips with a message when LibreOffice is absent; under CI (CI=true) its absence is a failure.
 * Set JEUGD_SOFFICE to an executable to use that one only (setting it to a missing path simulates an absent install).
 */

/** Files per soffice invocation: amortises the start-up (~1 s) while keeping the command line bounded. */
const BATCH_GROOTTE = 25;
/** Time allowed for one batch: a fixed start-up allowance plus a generous amount per file. */
const BATCH_TIMEOUT_BASIS_MS = 60_000;
const BATCH_TIMEOUT_PER_BESTAND_MS = 10_000;

/**
 * User-profile setting that makes LibreOffice recalculate every formula of an OOXML file on load
 * (`OOXMLRecalcMode`: 0 = always, 1 = never (the default), 2 = ask). Without it, cached results written by the
 * producer (ExcelJS `{ formula, result }`) are shown unchanged and a wrong value could pass a test.
 */
export const REGISTRY_MODIFICATIONS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const INSTALLATIEHINT =
  "installeer libreoffice-calc-nogui (apt-get install -y --no-install-recommends libreoffice-calc-nogui)";

function isUitvoerbaar(pad: string): boolean {
  try {
    accessSync(pad, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of the LibreOffice executable (`soffice` or `libreoffice` on PATH, then /usr/bin), or undefined. */
export function sofficePad(): string | undefined {
  const expliciet = process.env["JEUGD_SOFFICE"];
  if (expliciet !== undefined && expliciet !== "") return isUitvoerbaar(expliciet) ? expliciet : undefined;
  const mappen = (process.env["PATH"] ?? "").split(delimiter).filter((m) => m !== "");
  mappen.push("/usr/bin", "/usr/local/bin", "/opt/libreoffice/program");
  for (const map of mappen) {
    for (const naam of ["soffice", "libreoffice"]) {
      const pad = join(map, naam);
      if (isUitvoerbaar(pad)) return pad;
    }
  }
  return undefined;
}

/**
 * LibreOffice for a test suite. Returns its path when installed. When it is missing: under CI (CI=true) this throws,
 * because nothing may be skipped there; locally it warns and returns undefined so the caller can `describe.skip`.
 */
export function vereistLibreOffice(suite: string): string | undefined {
  const pad = sofficePad();
  if (pad) return pad;
  const waar = process.env["JEUGD_SOFFICE"] ? `JEUGD_SOFFICE=${process.env["JEUGD_SOFFICE"]}` : "PATH en /usr/bin";
  if (process.env["CI"] === "true") {
    throw new Error(
      `${suite}: LibreOffice (soffice) niet gevonden in ${waar}; onder CI mag geen test worden overgeslagen — ` +
        `${INSTALLATIEHINT} / LibreOffice not found; CI must not skip tests.`,
    );
  }
  console.warn(
    `OVERGESLAGEN: ${suite} — LibreOffice niet gevonden (${waar}); ${INSTALLATIEHINT}. ` +
      `/ SKIPPED: ${suite} — LibreOffice not found.`,
  );
  return undefined;
}

/** `describe` that runs only when LibreOffice is installed (skips locally with a message, fails under CI). */
export function describeMetLibreOffice(naam: string, fn: (soffice: string) => void): void {
  const soffice = vereistLibreOffice(naam);
  if (soffice) describe(naam, () => fn(soffice));
  else describe.skip(`${naam} (LibreOffice ontbreekt)`, () => fn(""));
}

/** A fresh LibreOffice user profile with recalculation on load forced on. Remove it with `rm` when done. */
export async function maakProfiel(): Promise<string> {
  const profiel = await mkdtemp(join(tmpdir(), "jeugd-lo-profiel-"));
  await mkdir(join(profiel, "user"), { recursive: true });
  await writeFile(join(profiel, "user", "registrymodifications.xcu"), REGISTRY_MODIFICATIONS_XCU, "utf8");
  return profiel;
}

interface Uitkomst {
  code: number | null;
  signaal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  verlopen: boolean;
}

/** Runs soffice in its own process group so a timeout can end soffice.bin too (soffice is a wrapper script). */
function draai(soffice: string, args: string[], timeoutMs: number): Promise<Uitkomst> {
  return new Promise((klaar, faal) => {
    const pad = process.env["PATH"] ? `${process.env["PATH"]}${delimiter}/usr/bin${delimiter}/bin` : "/usr/bin:/bin";
    const kind = spawn(soffice, args, {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: pad },
    });
    let stdout = "";
    let stderr = "";
    let verlopen = false;
    kind.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    kind.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => {
      verlopen = true;
      if (kind.pid !== undefined) {
        try {
          process.kill(-kind.pid, "SIGKILL");
        } catch {
          kind.kill("SIGKILL");
        }
      }
    }, timeoutMs);
    kind.on("error", (fout) => {
      clearTimeout(timer);
      faal(new Error(`LibreOffice kon niet worden gestart (${soffice}): ${fout.message}`));
    });
    kind.on("close", (code, signaal) => {
      clearTimeout(timer);
      klaar({ code, signaal, stdout, stderr, verlopen });
    });
  });
}

async function bestaatNietLeeg(pad: string): Promise<boolean> {
  try {
    return (await stat(pad)).size > 0;
  } catch {
    return false;
  }
}

/**
 * Converts `invoerBestanden` with LibreOffice to `formaat` in `uitMap` (same base name, new extension), in batches of
 * up to 25 files per soffice run, with one fresh profile (recalculation forced on) per call. Returns the output paths
 * in input order. Throws with soffice's output when a batch fails, times out or leaves an output missing.
 */
export async function converteerMetLibreOffice(
  invoerBestanden: string[],
  uitMap: string,
  formaat: "xlsx" | "pdf",
): Promise<string[]> {
  if (invoerBestanden.length === 0) return [];
  const soffice = sofficePad();
  if (!soffice) throw new Error(`LibreOffice niet gevonden; ${INSTALLATIEHINT}.`);
  const uit = resolve(uitMap);
  const invoer = invoerBestanden.map((b) => resolve(b));
  const uitvoer = invoer.map((b) => join(uit, `${basename(b).replace(/\.[^.]*$/, "")}.${formaat}`));

  const gezien = new Map<string, string>();
  invoer.forEach((b, i) => {
    if (!existsSync(b)) throw new Error(`Invoerbestand bestaat niet: ${b}`);
    const doel = uitvoer[i] ?? "";
    if (doel === b) throw new Error(`Uitvoer zou de invoer overschrijven: ${b} (kies een andere uitMap)`);
    const eerder = gezien.get(doel);
    if (eerder !== undefined) throw new Error(`Twee invoerbestanden geven dezelfde uitvoer ${doel}: ${eerder} en ${b}`);
    gezien.set(doel, b);
  });

  await mkdir(uit, { recursive: true });
  // A stale output from an earlier run must never be mistaken for this run's result.
  await Promise.all(uitvoer.map((b) => rm(b, { force: true })));

  const profiel = await maakProfiel();
  try {
    for (let start = 0; start < invoer.length; start += BATCH_GROOTTE) {
      const batch = invoer.slice(start, start + BATCH_GROOTTE);
      const batchUit = uitvoer.slice(start, start + BATCH_GROOTTE);
      const timeoutMs = BATCH_TIMEOUT_BASIS_MS + BATCH_TIMEOUT_PER_BESTAND_MS * batch.length;
      const args = [
        `-env:UserInstallation=${pathToFileURL(profiel).href}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        formaat,
        "--outdir",
        uit,
        ...batch,
      ];
      const r = await draai(soffice, args, timeoutMs);
      const ontbrekend: string[] = [];
      for (const [i, b] of batchUit.entries()) if (!(await bestaatNietLeeg(b))) ontbrekend.push(batch[i] ?? b);
      if (r.verlopen || r.code !== 0 || ontbrekend.length > 0) {
        const reden = r.verlopen
          ? `time-out na ${timeoutMs / 1000} s`
          : r.code !== 0
            ? `afgesloten met code ${String(r.code)}${r.signaal ? ` (${r.signaal})` : ""}`
            : `geen uitvoer voor ${ontbrekend.length} bestand(en)`;
        throw new Error(
          `LibreOffice-conversie naar ${formaat} mislukt: ${reden}.\n` +
            (ontbrekend.length > 0 ? `Ontbrekende uitvoer voor:\n  ${ontbrekend.join("\n  ")}\n` : "") +
            `Commando: ${soffice} ${args.join(" ")}\nstdout:\n${r.stdout.trim()}\nstderr:\n${r.stderr.trim()}`,
        );
      }
    }
  } finally {
    await rm(profiel, { recursive: true, force: true });
  }
  return uitvoer;
}

/**
 * Opens every workbook in LibreOffice, recalculates all formulas (cached results are ignored) and saves it as .xlsx
 * in `uitMap` under the same file name. Many files share one soffice run (batches of 25). Returns the output paths
 * in input order.
 */
export function herberekenMetLibreOffice(invoerBestanden: string[], uitMap: string): Promise<string[]> {
  for (const b of invoerBestanden) {
    if (resolve(dirname(b)) === resolve(uitMap)) {
      throw new Error(`uitMap ${uitMap} is de map van invoerbestand ${b}: de invoer zou worden overschreven.`);
    }
  }
  return converteerMetLibreOffice(invoerBestanden, uitMap, "xlsx");
}

/** A spreadsheet error result such as `#DIV/0!`, kept apart from strings so it can never pass as a value. */
export interface CelFout {
  fout: string;
}

export interface CellWaarde {
  /** The cell's value; for formula cells the (recalculated) result. Dates come back as Excel serial numbers. */
  waarde: number | string | boolean | null | CelFout;
  /** The formula without the leading "=", for formula cells only. */
  formule?: string;
}

export function isCelFout(w: CellWaarde["waarde"]): w is CelFout {
  return typeof w === "object" && w !== null && "fout" in w;
}

const MS_PER_DAG = 86_400_000;
/** Days between the Excel epoch (1899-12-30, 1900 date system) and 1970-01-01. */
const EXCEL_EPOCH_1900 = 25_569;
/** Days between the 1900 and 1904 date systems. */
const VERSCHIL_1904 = 1_462;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function naarWaarde(v: unknown, date1904: boolean): CellWaarde["waarde"] {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    const serieel = v.getTime() / MS_PER_DAG + EXCEL_EPOCH_1900;
    return date1904 ? serieel - VERSCHIL_1904 : serieel;
  }
  if (isObject(v)) {
    if (typeof v["error"] === "string") return { fout: v["error"] };
    if (Array.isArray(v["richText"])) {
      return v["richText"]
        .map((d: unknown) => (isObject(d) && typeof d["text"] === "string" ? d["text"] : ""))
        .join("");
    }
    if (typeof v["text"] === "string") return v["text"];
  }
  throw new Error(`Onbekend celwaardetype: ${JSON.stringify(v)}`);
}

/**
 * Reads every non-empty cell of every sheet: sheet name → A1 address → value (and formula). For formula cells the
 * value is ExcelJS `cell.result` (not `cell.value.result`, which drops a result of 0). Cells covered by a merge are
 * left out; the merge's top-left cell holds the value.
 */
export async function leesWaarden(bestand: string): Promise<Map<string, Map<string, CellWaarde>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(bestand);
  const date1904 = wb.properties.date1904 === true;
  const bladen = new Map<string, Map<string, CellWaarde>>();
  wb.eachSheet((ws) => {
    const cellen = new Map<string, CellWaarde>();
    ws.eachRow({ includeEmpty: false }, (rij) => {
      rij.eachCell({ includeEmpty: false }, (cel) => {
        if (cel.type === ExcelJS.ValueType.Merge) return;
        if (cel.type === ExcelJS.ValueType.Formula) {
          const resultaat: unknown = cel.result;
          cellen.set(cel.address, { waarde: naarWaarde(resultaat, date1904), formule: cel.formula });
        } else {
          const waarde: unknown = cel.value;
          cellen.set(cel.address, { waarde: naarWaarde(waarde, date1904) });
        }
      });
    });
    bladen.set(ws.name, cellen);
  });
  return bladen;
}
