// One benchmark measurement in a fresh process; prints a JSON line. Uses the compiled CLI modules.
"use strict";
const { createReadStream } = require("node:fs");
const { join } = require("node:path");
const Papa = require("papaparse");
const dist = join(__dirname, "..", "dist", "node");

async function main() {
  const [kind, file] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  let rows = 0;
  let check = 0;
  if (kind === "papaparse") {
    await new Promise((resolve, reject) => {
      Papa.parse(createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }), {
        delimiter: ";",
        chunk: (res) => {
          rows += res.data.length;
        },
        complete: resolve,
        error: reject,
      });
    });
    rows -= 1; // header
  } else {
    const { readIv3CsvFile } = require(join(dist, "sources", "csv-node.js"));
    const { JeugdAggregator } = require(join(dist, "domain", "iv3", "aggregate.js"));
    const agg = new JeugdAggregator("2023-2024");
    await readIv3CsvFile(file, {
      jaar: 2023,
      verslagsoort: "begroting",
      onRow: (r) => {
        rows++;
        agg.add(r);
      },
    });
    for (const g of agg.gemeenten()) check += agg.overzicht(g).jeugd.lasten ?? 0;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ rows, ms, maxRssMb, check })}\n`);
}
main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
