#!/usr/bin/env node
/**
 * Benchmarks (npm run bench). Prints a table; the figures are recorded by hand in BENCHMARKS.md.
 * Each measurement runs in its own Node process so that peak memory (maxRSS) belongs to it alone.
 *
 * 1. Iv3 CSV parse + validation + jeugd aggregation on a generated file of 1,000,000 rows in CBS's
 *    raw row shape (TaakveldBalanspost;Categorie;Gemeenten;Verslagsoort;k_2ePlaatsing_2).
 *    Baseline in the same run: papaparse alone over the same file (no validation, no aggregation).
 * 4. Task pane: initial JavaScript of the production taskpane.html (gzipped) and time to interactive in
 *    headless Chromium (scripts/bench-pane-child.mjs).
 * 5. Office.js writer against the strict Excel fake: round trips and bytes per write, ours and a naive
 *    per-cell writer (scripts/bench-excel.ts, compiled by tsconfig.bench.json).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "node:events";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dataDir = join(root, "bench-data");

async function generate(file, rows) {
  const snapshot = (await import(join(root, "src", "data", "iv3-snapshot.json"), { with: { type: "json" } })).default;
  const taakvelden = snapshot.datasets.find((d) => d.id === "2023-begroting").taakvelden;
  const gemeenten = Array.from({ length: 342 }, (_, i) => `GM${String(i + 1).padStart(4, "0")}   `);
  const categorieen = [];
  for (const s of ["L", "B"])
    for (let h = 1; h <= 7; h++) for (let d = 1; d <= 3; d++) categorieen.push(`${s}${h}.${d}`.padEnd(8));
  const out = createWriteStream(file);
  out.write("ID;TaakveldBalanspost;Categorie;Gemeenten;Verslagsoort;k_1ePlaatsing_1;k_2ePlaatsing_2\n");
  let id = 0;
  let buf = "";
  outer: for (const g of gemeenten)
    for (const t of taakvelden)
      for (const c of categorieen) {
        if (id >= rows) break outer;
        // deterministic pseudo-random amounts in € 1,000, with "geen opgave" and negatives
        const v = id % 97 === 0 ? "-99998" : (((id * 7919) % 200003) - 1000).toFixed(1);
        buf += `${id};${t.padEnd(6)};${c};${g};2023X000;${v};${v}\n`;
        id++;
        if (buf.length > 1 << 20) {
          if (!out.write(buf)) await once(out, "drain");
          buf = "";
        }
      }
  out.write(buf);
  out.end();
  await once(out, "finish");
  return id;
}

function child(kind, file) {
  const r = spawnSync(process.execPath, ["--expose-gc", join(root, "scripts", "bench-iv3-child.cjs"), kind, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const file = join(dataDir, `iv3-ruw-${ROWS}.csv`);
mkdirSync(dataDir, { recursive: true });
if (!existsSync(file)) {
  process.stdout.write(`Genereren: ${ROWS.toLocaleString("nl-NL")} rijen in CBS-vorm… `);
  const n = await generate(file, ROWS);
  process.stdout.write(`${n.toLocaleString("nl-NL")} rijen\n`);
}
const mb = statSync(file).size / 1e6;

const runs = [];
for (const kind of ["papaparse", "iv3"]) {
  const best = [];
  for (let i = 0; i < 3; i++) best.push(child(kind, file));
  best.sort((a, b) => a.ms - b.ms);
  const median = best[1];
  runs.push({ kind, ...median, maxRssMb: Math.max(...best.map((b) => b.maxRssMb)) });
}

const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`\nIv3 CSV, ${fmt(ROWS)} rows, ${fmt(mb, 1)} MB, median of 3 runs (Node ${process.version})`);
console.log("| measurement | rows | time (s) | rows/s | peak RSS (MB) |");
console.log("|---|---:|---:|---:|---:|");
for (const r of runs) {
  const label = r.kind === "iv3" ? "parse + validate + jeugd aggregation (ours)" : "baseline: papaparse alone";
  console.log(
    `| ${label} | ${fmt(r.rows)} | ${fmt(r.ms / 1000, 2)} | ${fmt(r.rows / (r.ms / 1000))} | ${fmt(r.maxRssMb)} |`,
  );
}
const ours = runs.find((r) => r.kind === "iv3");
const base = runs.find((r) => r.kind === "papaparse");
console.log(`\nOverhead of validation + aggregation vs papaparse alone: ×${fmt(ours.ms / base.ms, 2)}`);
console.log(`Check: national jeugd lasten in the generated file = € ${fmt(ours.check)}`);
console.log(
  `Targets: ≥ 500,000 rows/s → ${ours.rows / (ours.ms / 1000) >= 500_000 ? "met" : "NOT met"}; ≤ 500 MB peak → ${ours.maxRssMb <= 500 ? "met" : "NOT met"}`,
);

// 2. Scenario engine: one gemeente, and a 15-member region with a business case and its sensitivity.
const eng = spawnSync(process.execPath, [join(root, "scripts", "bench-engine-child.cjs")], { encoding: "utf8" });
if (eng.status !== 0) throw new Error(`engine bench failed: ${eng.stderr}`);
const [een, regio] = eng.stdout
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));
console.log(
  `\nScenario engine (data preparation + model build + evaluation), median of ${fmt(een.runs)} runs after warm-up`,
);
console.log("| measurement | median (ms) | p90 (ms) | target | |");
console.log("|---|---:|---:|---:|---|");
console.log(
  `| one gemeente, full scenario (7 measures × 4 years × taakvelden) | ${fmt(een.median, 3)} | ${fmt(een.p90, 3)} | ≤ 1 ms | ${een.median <= 1 ? "met" : "NOT met"} |`,
);
console.log(
  `| ${regio.leden}-member region + business case with sensitivity (${regio.gevoeligheid} ranged parameters) | ${fmt(regio.median, 3)} | ${fmt(regio.p90, 3)} | ≤ 5 ms | ${regio.median <= 5 ? "met" : "NOT met"} |`,
);

// 3. Workbooks through the command-line tool (process start, data load, engine, sheets, .xlsx write).
const cli = join(root, "bin", "jeugdscenario.js");
const tmp = join(dataDir, "werkmappen");
mkdirSync(tmp, { recursive: true });
function tijd(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
const demo = [
  "workbook",
  "--gemeente",
  "Tiel",
  "--maatwerkbudget",
  "ivt-jim",
  "--regio",
  "Rivierenland",
  "--model",
  "mix:40",
  "--out",
  join(tmp, "demo.xlsx"),
];
const demoTijden = Array.from({ length: 5 }, () => tijd(demo)).sort((a, b) => a - b);
const gelderland = JSON.parse(spawnSync(process.execPath, [cli, "gemeenten", "--json"], { encoding: "utf8" }).stdout)
  .filter((g) => g.provincie === "Gelderland")
  .slice(0, 15)
  .map((g) => g.naam);
const batch = [
  "workbook",
  "--leden",
  gelderland.join(","),
  "--maatwerkbudget",
  "ivt-jim",
  "--batch",
  "--out-dir",
  join(tmp, "batch"),
];
const batchTijden = Array.from({ length: 3 }, () => tijd(batch)).sort((a, b) => a - b);
console.log("\nWorkbooks via the CLI (wall time including Node start-up and loading the built-in data)");
console.log("| measurement | median (s) | target | |");
console.log("|---|---:|---:|---|");
console.log(
  `| demo workbook (Tiel: Iv3, 3 scenarios with business case, comparison, region of 8) | ${fmt(demoTijden[2], 2)} | ≤ 3 s | ${demoTijden[2] <= 3 ? "met" : "NOT met"} |`,
);
console.log(`| 15-member region batch (15 member workbooks + 1 region workbook) | ${fmt(batchTijden[1], 2)} | – | |`);

// 4. Task pane: the production build's initial JavaScript (gzipped) and its time to interactive in headless
// Chromium (scripts/bench-pane-child.mjs builds into bench-data/web, so dist/web is left alone).
const pane = spawnSync(process.execPath, [join(root, "scripts", "bench-pane-child.mjs")], {
  encoding: "utf8",
  maxBuffer: 1 << 24,
});
if (pane.status !== 0) throw new Error(`pane bench failed: ${pane.stderr}`);
const p = JSON.parse(pane.stdout.trim().split("\n").pop());
const kb = (bytes) => fmt(bytes / 1024, 1);
console.log(
  `\nTask pane, production build (KB = 1,024 bytes; gzip level 6; Office.js from Microsoft's CDN not counted)`,
);
console.log("| measurement | value | target | |");
console.log("|---|---:|---:|---|");
console.log(
  `| initial JavaScript of taskpane.html, gzipped (${p.initieel.map((f) => f.file).join(", ")}) | ${kb(p.initieelGz)} KB | ≤ 250 KB | ${p.initieelGz <= 250 * 1024 ? "met" : "NOT met"} |`,
);
console.log(`| the same, uncompressed | ${kb(p.initieelRaw)} KB | – | |`);
console.log(`| lazy chunks, gzipped (${p.lazy.length} file(s), loaded on demand) | ${kb(p.lazyGz)} KB | – | |`);
if (p.tti) {
  const wat =
    p.tti.marker === "control"
      ? "first enabled control visible"
      : "header visible (the pane has no interactive control yet)";
  console.log(
    `| time to interactive: navigation start → ${wat}, median of ${p.tti.runs} cold runs (min–max ${fmt(p.tti.min)}–${fmt(p.tti.max)} ms) | ${fmt(p.tti.median)} ms | – | |`,
  );
} else {
  console.log("| time to interactive | not measured: Chromium not found (apt-get install -y chromium) | – | |");
}

// 5. Office.js writer: round trips (syncs) and bytes per write, against the strict Excel fake.
const tsc = spawnSync(
  process.execPath,
  [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.bench.json"],
  {
    cwd: root,
    encoding: "utf8",
  },
);
if (tsc.status !== 0) throw new Error(`bench-excel compile failed: ${tsc.stdout}${tsc.stderr}`);
const xl = spawnSync(process.execPath, [join(dataDir, "excel", "scripts", "bench-excel.js")], {
  encoding: "utf8",
  maxBuffer: 1 << 24,
});
if (xl.status !== 0) throw new Error(`writer bench failed: ${xl.stderr}`);
console.log(
  "\nOffice.js writer vs a naive writer (one cell per operation, one sync per row), strict Excel fake; bytes = request + response JSON",
);
console.log(
  "| workbook | sheets | cells | syncs (ours) | syncs (naive) | ratio | operations (ours / naive) | KB (ours / naive) | largest request KB (ours) | ≤ 2 syncs |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const regel of xl.stdout.trim().split("\n")) {
  const m = JSON.parse(regel);
  console.log(
    `| ${m.geval} | ${m.bladen} | ${fmt(m.cellen)} | ${m.ons.syncs} | ${fmt(m.naief.syncs)} | ×${fmt(m.naief.syncs / m.ons.syncs)} | ${fmt(m.ons.operaties)} / ${fmt(m.naief.operaties)} | ${kb(m.ons.bytes)} / ${kb(m.naief.bytes)} | ${kb(m.ons.grootsteBatch)} | ${m.ons.syncs <= 2 ? "met" : "NOT met"} |`,
  );
}
