// Task-pane benchmark in a fresh process; prints one JSON line. Used by scripts/bench.mjs (section 4).
//
// 1. Builds the production pane into bench-data/web (dist/web is left alone) and sums the JavaScript
//    taskpane.html loads initially: its <script src> files, without Office.js (Microsoft's CDN) and
//    without lazy chunks (the built-in data), raw and gzipped (zlib default level 6, what a web server
//    typically sends).
// 2. Time to interactive in headless Chromium: the production page served on 127.0.0.1, Office.js
//    answered from the local @microsoft/office-js copy in place of the CDN (no network here), a fresh
//    browser context (cold cache) per run. Measured from navigation start (performance.timeOrigin) to
//    the first enabled interactive control in #container with a layout box, recorded in the page by a
//    MutationObserver installed before any page script. While the pane has no control yet, the
//    visible h1 is the marker, and the result says so.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench-data", "web");
const RUNS = Number(process.env.BENCH_PANE_RUNS ?? 9);
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// 1. Build and sizes.
const t0 = process.hrtime.bigint();
const build = spawnSync(
  process.execPath,
  [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
  { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 },
);
if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
const buildS = Number(process.hrtime.bigint() - t0) / 1e9;

const html = readFileSync(join(out, "taskpane.html"), "utf8");
const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
const initieel = srcs.filter((s) => !/^https?:/.test(s));
const officeJs = srcs.filter((s) => /^https?:/.test(s));
const grootte = (f) => {
  const buf = readFileSync(join(out, f));
  return { file: f, raw: buf.length, gz: gzipSync(buf).length };
};
const bestanden = initieel.map(grootte);
const lazy = readdirSync(out)
  .filter((f) => f.endsWith(".js") && !initieel.includes(f))
  .map(grootte);
const som = (xs, k) => xs.reduce((a, x) => a + x[k], 0);

// 2. Time to interactive.
const chromiumPad = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
let tti = null;
if (chromiumPad) {
  const { chromium } = require("playwright-core");
  const { serveStatic } = require(join(root, "tests", "support", "static-server.cjs"));
  const officeDist = dirname(require.resolve("@microsoft/office-js/dist/office.js"));
  const server = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: chromiumPad, args: CHROMIUM_ARGS });
  const metingen = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
      await context.route(`${OFFICE_CDN}**`, (route) => {
        const rel = normalize(new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length));
        const file = join(officeDist, rel);
        if (!file.startsWith(officeDist + sep) || !existsSync(file) || !statSync(file).isFile())
          return route.fulfill({ status: 404 });
        return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
      });
      await context.addInitScript(() => {
        const INTERACTIEF =
          '#container :is(button, input, select, textarea, a[href], [role="button"], [role="combobox"], [role="tab"], [role="checkbox"], [role="radio"])';
        const w = window;
        w.__bench = { control: null, kop: null };
        const kijk = () => {
          if (w.__bench.kop === null) {
            const h1 = document.querySelector("#container h1");
            if (h1 && h1.getClientRects().length > 0) w.__bench.kop = performance.now();
          }
          if (w.__bench.control === null) {
            for (const el of document.querySelectorAll(INTERACTIEF)) {
              const uit = el.matches(":disabled") || el.getAttribute("aria-disabled") === "true";
              if (!uit && el.getClientRects().length > 0) {
                w.__bench.control = performance.now();
                break;
              }
            }
          }
        };
        new MutationObserver(kijk).observe(document, { childList: true, subtree: true, attributes: true });
      });
      const page = await context.newPage();
      await page.goto(`${server.url}taskpane.html`, { waitUntil: "load" });
      // Wait for a control; give up after 5 s and fall back to the header.
      await page
        .waitForFunction(() => window.__bench.control !== null, undefined, { timeout: 5000 })
        .catch(() => undefined);
      const b = await page.evaluate(() => window.__bench);
      await context.close();
      if (b.kop === null && b.control === null) throw new Error("the pane rendered neither a control nor its header");
      if (i > 0) metingen.push(b); // the first run warms the browser process up
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // One marker for all runs: the first control when every run found one, else the header.
  const marker = metingen.every((m) => m.control !== null) ? "control" : "header";
  const tijden = metingen.map((m) => (marker === "control" ? m.control : m.kop)).sort((a, b) => a - b);
  tti = {
    runs: tijden.length,
    marker,
    median: tijden[Math.floor(tijden.length / 2)],
    min: tijden[0],
    max: tijden[tijden.length - 1],
  };
}

process.stdout.write(
  JSON.stringify({
    buildS,
    officeJs,
    initieel: bestanden,
    initieelRaw: som(bestanden, "raw"),
    initieelGz: som(bestanden, "gz"),
    lazy,
    lazyGz: som(lazy, "gz"),
    tti,
    chromium: chromiumPad ?? null,
  }) + "\n",
);
