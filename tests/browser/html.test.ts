/**
 * The pane's HTML per build: production loads Office.js from Microsoft's CDN, development and test builds
 * load the local copy; every build carries the Content-Security-Policy <meta> before any script, and the
 * policy allows only what the pane needs. Built with the real webpack config and template, script
 * entries stubbed (bouw-html.cjs), so this needs no browser and takes seconds. Also checks that the
 * production bundle in dist/web (npm run build) holds none of the test code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { CBS_IV3_BASE_URL } from "../../src/sources/cbs-odata";
import { ROOT } from "./paden";

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const PROD_URL = "https://jeugd.gemeente.example.nl/paneel/";

type Soort = "production" | "development" | "test";

const tmp = mkdtempSync(join(tmpdir(), "jeugd-html-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function bouw(soort: Soort): string {
  const uit = join(tmp, soort);
  const r = spawnSync(process.execPath, [join(__dirname, "bouw-html.cjs"), soort, uit], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADDIN_PROD_URL: PROD_URL },
    timeout: 120_000,
  });
  const regel = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  expect({ status: r.status, uitvoer: regel, stderr: r.status === 0 ? "" : r.stderr }).toEqual({
    status: 0,
    uitvoer: JSON.stringify({ ok: true, errors: [] }),
    stderr: "",
  });
  return uit;
}

function leesPagina(uit: string, bestand = "taskpane.html"): Document {
  return new JSDOM(readFileSync(join(uit, bestand), "utf8")).window.document;
}

/** The CSP of a page as directive → sources, and the checks every build must pass. */
function csp(doc: Document): Map<string, string[]> {
  const metas = Array.from(doc.querySelectorAll('meta[http-equiv="Content-Security-Policy"]'));
  expect(metas).toHaveLength(1);
  const meta = metas[0] as Element;
  // A CSP <meta> only governs what comes after it: it must precede every script and style.
  const eerste = doc.head.querySelector("script, style, link");
  expect(eerste === null || (meta.compareDocumentPosition(eerste) & 4) !== 0).toBe(true);
  const map = new Map<string, string[]>();
  for (const deel of (meta.getAttribute("content") ?? "").split(";")) {
    const [naam, ...bronnen] = deel.trim().split(/\s+/);
    if (naam) map.set(naam, bronnen);
  }
  expect(map.get("default-src")).toEqual(["'self'"]);
  expect(map.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(map.get("object-src")).toEqual(["'none'"]);
  expect(map.get("base-uri")).toEqual(["'self'"]);
  expect(map.get("connect-src")).toEqual(["'self'", CBS_IV3_BASE_URL, "https://opendata.cbs.nl"]);
  const scripts = map.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  for (const verboden of ["'unsafe-inline'", "'unsafe-eval'", "*", "https:", "data:"]) {
    expect(scripts).not.toContain(verboden);
  }
  return map;
}

function scriptBronnen(doc: Document): string[] {
  return Array.from(doc.querySelectorAll("script[src]")).map((s) => s.getAttribute("src") ?? "");
}

test("production: Office.js from Microsoft's CDN, CSP allows that host and nothing else for scripts", () => {
  const uit = bouw("production");
  const doc = leesPagina(uit);
  const bronnen = scriptBronnen(doc);
  expect(bronnen[0]).toBe(OFFICE_JS_CDN);
  expect(bronnen.slice(1).every((s) => /^taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
  expect(csp(doc).get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(existsSync(join(uit, "office-js"))).toBe(false);
  // The copied manifest points at the production URL.
  const manifest = readFileSync(join(uit, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`${PROD_URL}taskpane.html`);
  expect(readdirSync(join(uit, "assets")).sort()).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
});

test.each(["development", "test"] as const)("%s: the local Office.js copy, no CDN anywhere", (soort) => {
  const uit = bouw(soort);
  const paginas = soort === "test" ? ["taskpane.html", "bediening.html"] : ["taskpane.html"];
  for (const pagina of paginas) {
    const doc = leesPagina(uit, pagina);
    expect(scriptBronnen(doc)[0]).toBe("office-js/office.js");
    expect(csp(doc).get("script-src")).toEqual(["'self'"]);
    expect(doc.documentElement.innerHTML).not.toContain("appsforoffice");
  }
  expect(existsSync(join(uit, "office-js", "office.js"))).toBe(true);
  expect(readFileSync(join(uit, "manifest.xml"), "utf8")).toContain("https://localhost:3000/taskpane.html");
});

test("the production bundle in dist/web holds no test code (the Excel fake, the test pages)", () => {
  const web = join(ROOT, "dist", "web");
  const html = join(web, "taskpane.html");
  const productie = existsSync(html) && readFileSync(html, "utf8").includes(OFFICE_JS_CDN);
  if (!productie) {
    const reden = "dist/web holds no production build (run npm run build; npm test does)";
    if (process.env["CI"] === "true") throw new Error(`${reden}; CI must not skip tests`);
    console.warn(`SKIPPED: ${reden}`);
    return;
  }
  const js = readdirSync(web).filter((f) => f.endsWith(".js"));
  expect(js.length).toBeGreaterThan(0);
  for (const bestand of js) {
    const tekst = readFileSync(join(web, bestand), "utf8");
    for (const merk of ["FakeNotModelledError", "__fake", "__paneelTest"]) {
      expect({ bestand, merk, gevonden: tekst.includes(merk) }).toEqual({ bestand, merk, gevonden: false });
    }
  }
  expect(existsSync(join(web, "bediening.html"))).toBe(false);
});
