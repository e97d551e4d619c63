#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run by `npm ci` via prepare).
"use strict";
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("De opdrachtregel is nog niet gebouwd. Voer eerst 'npm run build:cli' uit.\n");
  process.exit(1);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Onverwachte fout: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
