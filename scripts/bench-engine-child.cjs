// Engine benchmark in a fresh process (compiled CLI modules); prints JSON lines.
"use strict";
const { join } = require("node:path");
const dist = join(__dirname, "..", "dist", "node");
const { loadSnapshot, gemeentenVan } = require(join(dist, "sources", "builtin.js"));
const { scenarioGegevens, regioInvoer } = require(join(dist, "sources", "scenario-gegevens.js"));
const { standaardScenario } = require(join(dist, "domain", "scenario", "standaard.js"));
const { berekenVolledig } = require(join(dist, "domain", "scenario", "bereken.js"));

function median(fn, warmup, runs) {
  for (let i = 0; i < warmup; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(runs / 2)], p90: t[Math.floor(runs * 0.9)], runs };
}

(async () => {
  const snapshot = await loadSnapshot();
  const een = standaardScenario("Tiel", "2025-begroting");
  const r1 = median(() => berekenVolledig(een, scenarioGegevens(snapshot, een)), 300, 2000);
  process.stdout.write(JSON.stringify({ naam: "een", ...r1 }) + "\n");

  const leden = gemeentenVan(snapshot)
    .filter((g) => g.provincie === "Gelderland")
    .slice(0, 15)
    .map((g) => g.naam);
  const regio = {
    ...standaardScenario(leden[0], "2025-begroting"),
    businessCase: { preset: "ivt-jim" },
    regio: { naam: "Bench", leden, sleutel: "inwoners", model: { mix: 50 }, dataset: "2023-jaarrekening" },
  };
  const r2 = median(
    () => berekenVolledig(regio, scenarioGegevens(snapshot, regio), regioInvoer(snapshot, regio.regio, regio.dataset)),
    300,
    2000,
  );
  const check = berekenVolledig(
    regio,
    scenarioGegevens(snapshot, regio),
    regioInvoer(snapshot, regio.regio, regio.dataset),
  );
  process.stdout.write(
    JSON.stringify({
      naam: "regio",
      leden: leden.length,
      gevoeligheid: check.businessCase.gevoeligheid.length,
      ...r2,
    }) + "\n",
  );
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
