/**
 * Builds only the HTML side of the pane for html.test.ts: the real webpack.config.js (template, CSP,
 * Office.js choice, copied files, manifest rewrite) with the script entries replaced by an empty data:
 * module, so a production, development or test build takes seconds instead of bundling React and Fluent.
 *
 * Usage: node tests/browser/bouw-html.cjs <production|development|test> <outDir>
 * Prints one JSON line: { ok, errors }.
 */
"use strict";
const path = require("node:path");
const webpack = require("webpack");

async function main() {
  const [soort, uit] = process.argv.slice(2);
  if (!["production", "development", "test"].includes(soort) || !uit) {
    throw new Error("usage: bouw-html.cjs <production|development|test> <outDir>");
  }
  const maakConfig = require(path.join(__dirname, "..", "..", "webpack.config.js"));
  const config = await maakConfig(soort === "test" ? { test: true } : {}, {
    mode: soort === "test" ? "development" : soort,
  });
  const leeg = "data:text/javascript,export {};";
  config.entry = Object.fromEntries(Object.keys(config.entry).map((naam) => [naam, leeg]));
  config.mode = soort === "test" ? "development" : soort;
  config.devtool = false;
  config.output = { ...config.output, path: path.resolve(uit), clean: true };
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, s) => (err ? reject(err) : resolve(s))),
  );
  const info = stats.toJson({ all: false, errors: true });
  process.stdout.write(`${JSON.stringify({ ok: !stats.hasErrors(), errors: (info.errors || []).map((e) => e.message) })}\n`);
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ ok: false, errors: [String(e && e.stack ? e.stack : e)] })}\n`);
  process.exitCode = 1;
});
