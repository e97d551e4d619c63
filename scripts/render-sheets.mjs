#!/usr/bin/env node
// Renders a workbook to PNG pages so a person (or a session) can look at it:
//   node scripts/render-sheets.mjs <workbook.xlsx> [outDir=out/render]
// LibreOffice (own fresh profile, every formula recalculated on load) prints the workbook to PDF, then
// `pdftoppm -png -r 80` turns each page into <outDir>/<name>-<page>.png. Prints the PNG paths, one per line.
// Needs Debian's libreoffice-calc-nogui and poppler-utils. The output (out/) is ignored by git.
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// Same setting as tests/support/libreoffice.ts: OOXMLRecalcMode 0 = always recalculate, never trust cached values.
const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;
const TIMEOUT_MS = 120_000;

function fail(message) {
  console.error(`render-sheets: ${message}`);
  process.exit(1);
}

function findExecutable(names, envVar) {
  const explicit = envVar ? process.env[envVar] : undefined;
  const candidates = explicit
    ? [explicit]
    : [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), "/usr/bin", "/usr/local/bin"].flatMap((dir) =>
        names.map((n) => join(dir, n)),
      );
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Runs a command in its own process group; on timeout the whole group (soffice.bin too) is killed. */
function run(cmd, args) {
  return new Promise((done, reject) => {
    const path = `${process.env.PATH ?? ""}${delimiter}/usr/bin${delimiter}/bin`;
    const child = spawn(cmd, args, {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: path },
    });
    let out = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} could not be started: ${e.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, out: out.trim(), timedOut });
    });
  });
}

const [input, outArg = "out/render"] = process.argv.slice(2);
if (!input || input === "-h" || input === "--help") {
  console.error("usage: node scripts/render-sheets.mjs <workbook.xlsx> [outDir=out/render]");
  process.exit(input ? 0 : 2);
}
const workbook = resolve(input);
if (!existsSync(workbook)) fail(`workbook not found: ${workbook}`);

const soffice = findExecutable(["soffice", "libreoffice"], "JEUGD_SOFFICE");
const pdftoppm = findExecutable(["pdftoppm"]);
const missing = [];
if (!soffice) missing.push("LibreOffice (soffice): apt-get install -y --no-install-recommends libreoffice-calc-nogui");
if (!pdftoppm) missing.push("pdftoppm: apt-get install -y poppler-utils");
if (missing.length > 0) fail(`missing tools / ontbrekende programma's:\n  ${missing.join("\n  ")}`);

const outDir = resolve(outArg);
await mkdir(outDir, { recursive: true });
const name = basename(workbook).replace(/\.[^.]*$/, "");
const pdf = join(outDir, `${name}.pdf`);
const pagePattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d+\\.png$`);
// Remove this workbook's earlier output so a stale page can never be listed.
await rm(pdf, { force: true });
for (const f of await readdir(outDir)) if (pagePattern.test(f)) await rm(join(outDir, f), { force: true });

const profile = await mkdtemp(join(tmpdir(), "jeugd-lo-render-"));
try {
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), XCU, "utf8");
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
    "--convert-to",
    "pdf",
    "--outdir",
    outDir,
    workbook,
  ];
  const r = await run(soffice, args);
  const pdfOk = existsSync(pdf) && (await stat(pdf)).size > 0;
  if (r.timedOut || r.code !== 0 || !pdfOk) {
    fail(`LibreOffice did not produce ${pdf} (${r.timedOut ? "timed out" : `exit code ${r.code}`}).\n${r.out}`);
  }
} finally {
  await rm(profile, { recursive: true, force: true });
}

const p = await run(pdftoppm, ["-png", "-r", "80", pdf, join(outDir, name)]);
if (p.timedOut || p.code !== 0)
  fail(`pdftoppm failed (${p.timedOut ? "timed out" : `exit code ${p.code}`}).\n${p.out}`);
const pages = (await readdir(outDir))
  .filter((f) => pagePattern.test(f))
  .sort((a, b) => Number(a.match(/-(\d+)\.png$/)?.[1]) - Number(b.match(/-(\d+)\.png$/)?.[1]));
if (pages.length === 0) fail(`pdftoppm produced no pages from ${pdf}`);
for (const f of pages) console.log(join(outDir, f));
