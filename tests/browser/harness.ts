/**
 * The browser-test harness: the test pane (dist/test, built by global-setup.ts) served on
 * http://127.0.0.1:<free port>, headless Chromium through playwright-core, and short helpers for the
 * scenarios of the full suite, so each test reads like what a user does:
 *
 *     const h = await startHarnas(chromium);
 *     const p = await openPaneel(h, { werkmap: "begroting" });
 *     await kiesGemeente(p.page, "Tiel", { via: "toetsenbord" });
 *     expect(await bladnamen(p.page)).toContain("Scenario Basis");
 *     expect(await formule(p.page, "Scenario Basis", "D12")).toMatch(/^=/);
 *     await schermafdruk(p.page, "scenario-geschreven");
 *     expect(p.fouten).toEqual([]);
 *
 * Reading the workbook goes through `window.__fake` (venster.ts), which the test pages expose.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { CellValue, JsonValue, SheetVisibility, WorkbookSnapshot } from "../support/excel-fake";
import { serveStatic, type StaticServer } from "../support/static-server.cjs";
import { CHROMIUM_ARGS } from "./chromium";
import { ROOT, SCHERMAFDRUKKEN, TESTBOUW } from "./paden";
import type { CelInfo, NaamInfo } from "./venster";
import type { WerkmapNaam } from "./werkmappen";

// ───────────────────────────────────────── Browser and server ─────────────────────────────────────────

export interface Harnas {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** "http://127.0.0.1:<port>/" */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves dist/test and launches Chromium. One per test file (beforeAll), closed in afterAll. */
export async function startHarnas(chromiumPad: string, map: string = TESTBOUW): Promise<Harnas> {
  const server = await serveStatic(map);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPad, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    browser,
    server,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface PaneelOpties {
  /** Which page: the pane (default) or the harness's own page of Fluent controls. */
  readonly pagina?: "taskpane.html" | "bediening.html";
  /** Seeded user workbook (werkmappen.ts); default "begroting". */
  readonly werkmap?: WerkmapNaam;
  /** The user's selection on the active sheet, e.g. "A1:D8". */
  readonly selectie?: string;
  readonly thema?: "licht" | "donker";
  /** Viewport width in CSS pixels; default 350, a common task-pane width (the pane must work at 320–500). */
  readonly breedte?: number;
  readonly hoogte?: number;
}

export interface Paneel {
  readonly page: Page;
  readonly context: BrowserContext;
  /**
   * Everything that went wrong in the page so far: console errors (CSP violations and React warnings
   * included) and uncaught exceptions. The browser's own /favicon.ico request is not the pane's and
   * is left out (a task pane in Office never asks for it).
   */
  readonly fouten: string[];
  /**
   * What the pane's CSP refused on purpose, kept apart from `fouten`: Office.js frames its ULS telemetry
   * proxy (telemetryservice.firstpartyapps.oaspapps.com) 3 s after it starts, which the policy does not
   * allow (webpack.config.js, contentSecurityPolicy). Any other CSP violation is a `fout`.
   */
  readonly geblokkeerd: string[];
  close(): Promise<void>;
}

/** The console error Chromium logs when the CSP refuses Office.js's telemetry frame. */
const OFFICE_TELEMETRIE_BLOK =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

/**
 * Opens a test page in a fresh browser context (a fresh fake workbook, no shared storage) and waits until
 * it has rendered: `window.__paneelTest` is set and the page's h1 is visible.
 */
export async function openPaneel(h: Harnas, opties: PaneelOpties = {}): Promise<Paneel> {
  const context = await h.browser.newContext({
    viewport: { width: opties.breedte ?? 350, height: opties.hoogte ?? 800 },
    locale: "nl-NL",
    colorScheme: opties.thema === "donker" ? "dark" : "light",
  });
  const page = await context.newPage();
  const fouten: string[] = [];
  const geblokkeerd: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const waar = msg.location().url;
    if (waar.endsWith("/favicon.ico")) return;
    const tekst = `console.error: ${msg.text()}${waar ? ` (${waar})` : ""}`;
    if (OFFICE_TELEMETRIE_BLOK.test(msg.text())) geblokkeerd.push(tekst);
    else fouten.push(tekst);
  });
  page.on("pageerror", (e) => fouten.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (!r.url().endsWith("/favicon.ico")) fouten.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`);
  });

  const params = new URLSearchParams();
  if (opties.werkmap) params.set("werkmap", opties.werkmap);
  if (opties.selectie) params.set("selectie", opties.selectie);
  if (opties.thema === "donker") params.set("thema", "donker");
  const query = params.toString();
  await page.goto(`${h.url}${opties.pagina ?? "taskpane.html"}${query ? `?${query}` : ""}`);
  try {
    await page.waitForFunction(() => window.__paneelTest !== undefined, undefined, { timeout: 30_000 });
    await page.locator("#container h1").first().waitFor({ state: "visible", timeout: 30_000 });
  } catch (e) {
    throw new Error(`the test page did not render: ${String(e)}\npage errors so far:\n${fouten.join("\n")}`);
  }
  return {
    page,
    context,
    fouten,
    geblokkeerd,
    close: () => context.close(),
  };
}

// ───────────────────────────────────────── The fake workbook ─────────────────────────────────────────

/** The whole fake workbook as JSON (sheets with cells, names, tables, charts; settings; custom XML parts). */
export function leesWerkmap(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => {
    if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
    return window.__fake.snapshot();
  });
}

/** Sheet names in tab order (very hidden ones included; see `bladen` for the visibility). */
export async function bladnamen(page: Page): Promise<string[]> {
  return (await bladen(page)).map((b) => b.name);
}

export function bladen(page: Page): Promise<{ name: string; visibility: SheetVisibility }[]> {
  return page.evaluate(() => {
    if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
    return window.__fake.sheetNames();
  });
}

export function actiefBlad(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
    return window.__fake.activeSheet();
  });
}

export function cel(page: Page, blad: string, adres: string): Promise<CelInfo> {
  return page.evaluate(
    ([b, a]) => {
      if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
      return window.__fake.cell(b, a);
    },
    [blad, adres] as const,
  );
}

/** A cell's formula ("=SUM(B2:B4)"), or null when it holds a plain value. */
export async function formule(page: Page, blad: string, adres: string): Promise<string | null> {
  return (await cel(page, blad, adres)).formula;
}

/** Defined names, workbook-wide (sheet null) and sheet-scoped. */
export function namen(page: Page): Promise<NaamInfo[]> {
  return page.evaluate(() => {
    if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
    return window.__fake.names();
  });
}

export function instellingen(page: Page): Promise<Record<string, JsonValue>> {
  return page.evaluate(() => {
    if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
    return window.__fake.settings();
  });
}

export function fakeStats(page: Page): Promise<{ runs: number; syncs: number; maxBatchBytes: number }> {
  return page.evaluate(() => {
    if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
    return window.__fake.stats();
  });
}

/** Changes a cell as a user would (a value, or a formula starting with "="), e.g. an input before verify. */
export function zetCel(page: Page, blad: string, adres: string, waarde: CellValue): Promise<void> {
  return page.evaluate(
    ([b, a, w]) => {
      if (!window.__fake) throw new Error("window.__fake is missing: not a browser-test page");
      return window.__fake.setCell(b, a, w);
    },
    [blad, adres, waarde] as const,
  );
}

// ───────────────────────────────────────── Controls ─────────────────────────────────────────

export interface KiesOpties {
  /** "muis": click, type, click the option. "toetsenbord" (default): focus, type, Arrow keys, Enter. */
  readonly via?: "muis" | "toetsenbord";
  /** The option's exact text when it differs from what is typed (type "hertogen", pick "'s-Hertogenbosch"). */
  readonly optie?: string;
  /** At most this many ArrowDown presses to reach the option (keyboard). */
  readonly maxPijltjes?: number;
}

/** The text of the option a combobox marks active (aria-activedescendant), or null. */
async function actieveOptie(combobox: Locator): Promise<string | null> {
  return combobox.evaluate((el) => {
    const id = el.getAttribute("aria-activedescendant");
    const optie = id ? document.getElementById(id) : null;
    return optie ? (optie.textContent ?? "").trim() : null;
  });
}

/**
 * Chooses an option in a Fluent UI Combobox found by its accessible name (the Field label), by mouse or
 * by keyboard only, and checks the combobox shows the choice. Returns the combobox.
 */
export async function kiesInCombobox(
  page: Page,
  label: string,
  tekst: string,
  opties: KiesOpties = {},
): Promise<Locator> {
  const doel = opties.optie ?? tekst;
  const combobox = page.getByRole("combobox", { name: label });
  await combobox.waitFor({ state: "visible" });
  await expectEnabled(combobox, label);
  if ((opties.via ?? "toetsenbord") === "muis") {
    await combobox.click();
    await combobox.fill(tekst);
    await page.getByRole("option", { name: doel, exact: true }).click();
  } else {
    // Focus it only when the test has not tabbed there itself; clear it with keys, not by script.
    if (!(await combobox.evaluate((el) => el === document.activeElement))) await combobox.focus();
    if ((await combobox.inputValue()) !== "") await druk(page, "Control+A", "Backspace");
    await page.keyboard.type(tekst);
    // Typing opens the list; walk it with ArrowDown until the wanted option is active, then Enter.
    await page.getByRole("listbox").first().waitFor({ state: "visible" });
    const max = opties.maxPijltjes ?? 60;
    let gezien: string[] = [];
    for (let i = 0; i <= max; i++) {
      const actief = await actieveOptie(combobox);
      if (actief === doel) break;
      if (actief !== null) gezien = [...gezien, actief];
      if (i === max)
        throw new Error(`combobox "${label}": option "${doel}" not reached; active were: ${gezien.join(" | ")}`);
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
  }
  const waarde = await combobox.inputValue();
  if (waarde !== doel) throw new Error(`combobox "${label}" shows "${waarde}" after choosing "${doel}"`);
  return combobox;
}

/** Chooses a gemeente in the pane's gemeente picker (a Fluent Combobox labelled "Gemeente"). */
export function kiesGemeente(
  page: Page,
  naam: string,
  opties: KiesOpties & { readonly label?: string } = {},
): Promise<Locator> {
  return kiesInCombobox(page, opties.label ?? "Gemeente", naam, opties);
}

async function expectEnabled(locator: Locator, wat: string): Promise<void> {
  const start = Date.now();
  while (!(await locator.isEnabled())) {
    if (Date.now() - start > 30_000) throw new Error(`"${wat}" stayed disabled for 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What has keyboard focus, and whether a focus indicator is drawn. */
export interface Focus {
  readonly tag: string;
  readonly role: string | null;
  /**
   * aria-label, else the text of aria-labelledby, else (form controls) the text of its <label>s, else
   * (other elements) its visible text, first 60 characters.
   */
  readonly naam: string;
  /** `:focus-visible` matches (keyboard focus, as opposed to a mouse click). */
  readonly focusVisible: boolean;
  /**
   * A focus indicator is painted, after running transitions have finished: an outline or box-shadow on
   * the element, or a bordered ::after/::before on it or on one of its two nearest ancestors that is not
   * scaled to nothing (Fluent draws the focus ring of buttons and tabs as ::after, and the underline of a
   * Combobox or Input as its root's ::after, scaled from 0 to 1 on focus).
   */
  readonly indicator: boolean;
}

/** The element that has focus now (null on <body>). */
export function focus(page: Page): Promise<Focus | null> {
  return page.evaluate(async () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    // Let focus transitions finish (Fluent animates the underline); never wait longer than 1 s.
    await Promise.race([
      Promise.allSettled(document.getAnimations().map((a) => a.finished)),
      new Promise((r) => setTimeout(r, 1000)),
    ]);
    const labelledBy = (el.getAttribute("aria-labelledby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
      .filter(Boolean)
      .join(" ");
    // Own text without what is hidden (Fluent's Tab repeats its label in an invisible span that reserves
    // the width of the bold, selected label).
    const zichtbareTekst = (e: Node): string => {
      if (e.nodeType === Node.TEXT_NODE) return e.textContent ?? "";
      if (!(e instanceof Element) || e.getAttribute("aria-hidden") === "true") return "";
      const stijl = getComputedStyle(e);
      if (stijl.display === "none" || stijl.visibility === "hidden") return "";
      return Array.from(e.childNodes).map(zichtbareTekst).join("");
    };
    // Form controls are named by their <label for> (Fluent's Field), never by their own content.
    const formulier =
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
    const labels =
      formulier && el.labels
        ? Array.from(el.labels)
            .map((l) => zichtbareTekst(l).trim())
            .join(" ")
        : "";
    const naam =
      (el.getAttribute("aria-label") ?? labelledBy) ||
      labels ||
      (formulier ? "" : zichtbareTekst(el).trim().slice(0, 60));
    const ring = (e: Element): boolean => {
      const s = getComputedStyle(e);
      return (
        (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== "none" && s.boxShadow !== "")
      );
    };
    const pseudoRand = (e: Element, pseudo: "::after" | "::before"): boolean => {
      const s = getComputedStyle(e, pseudo);
      if (s.content === "none" || s.display === "none" || s.visibility === "hidden") return false;
      const m = /^matrix\(([^)]*)\)$/.exec(s.transform);
      const schaal = m ? (m[1] ?? "").split(",").map(Number) : [1, 0, 0, 1];
      if (schaal[0] === 0 || schaal[3] === 0) return false;
      return ["top", "right", "bottom", "left"].some(
        (k) =>
          s.getPropertyValue(`border-${k}-style`) !== "none" && parseFloat(s.getPropertyValue(`border-${k}-width`)) > 0,
      );
    };
    let indicator = ring(el);
    for (let e: Element | null = el, niveau = 0; !indicator && e && niveau <= 2; e = e.parentElement, niveau++) {
      indicator = pseudoRand(e, "::after") || pseudoRand(e, "::before");
    }
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute("role"),
      naam,
      focusVisible: el.matches(":focus-visible"),
      indicator,
    };
  });
}

/**
 * Moves the keyboard's starting point to the top of the page, as when focus enters the pane: the next
 * Tab reaches the first control. (Blurring alone is not enough: Chromium continues sequential
 * navigation from the element that had focus.) Clicks the page's h1, which is not interactive.
 */
export async function naarBegin(page: Page): Promise<void> {
  await page.evaluate(() => {
    const actief = document.activeElement;
    if (actief instanceof HTMLElement) actief.blur();
  });
  await page.locator("#container h1").first().click();
}

/** Presses keys in order ("Tab", "Shift+Tab", "ArrowRight", "Enter", " ", …). */
export async function druk(page: Page, ...toetsen: string[]): Promise<void> {
  for (const t of toetsen) await page.keyboard.press(t);
}

/**
 * Presses Tab (or Shift+Tab) until `doel` has focus and returns how many presses it took. Fails with
 * the focus path when `max` presses do not reach it: a control that cannot be reached by keyboard.
 */
export async function tabNaar(
  page: Page,
  doel: Locator,
  opties: { max?: number; terug?: boolean } = {},
): Promise<number> {
  const max = opties.max ?? 40;
  const pad: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(opties.terug ? "Shift+Tab" : "Tab");
    if (await doel.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return i;
    const f = await focus(page);
    pad.push(f ? `${f.role ?? f.tag} "${f.naam}"` : "(body)");
  }
  throw new Error(`target not reached in ${max} Tab presses; focus went: ${pad.join(" → ")}`);
}

/** The focus stops of `n` Tab presses from where focus is now: the keyboard path through the page. */
export async function tabVolgorde(page: Page, n: number): Promise<(Focus | null)[]> {
  const stops: (Focus | null)[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("Tab");
    stops.push(await focus(page));
  }
  return stops;
}

// ───────────────────────────────────────── Screenshots and accessibility ─────────────────────────────────────────

/**
 * Saves a full-page screenshot as out/screenshots/<naam>.png (gitignored) for review by eye and returns
 * its path relative to the repository.
 */
export async function schermafdruk(page: Page, naam: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(naam)) throw new Error(`screenshot name "${naam}": use a-z, 0-9 and -`);
  mkdirSync(SCHERMAFDRUKKEN, { recursive: true });
  const pad = join(SCHERMAFDRUKKEN, `${naam}.png`);
  await page.screenshot({ path: pad, fullPage: true });
  return relative(ROOT, pad);
}

export interface AxeBevinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** CSS selectors of the offending nodes (at most five). */
  readonly nodes: string[];
}

let axeBron: string | undefined;

/**
 * Runs axe-core (all rules of its default set: WCAG 2.x A/AA and best practices) on the page as it is
 * now. axe is injected through the DevTools protocol (page.evaluate), which the page's CSP does not
 * govern, so the CSP under test stays untouched. Returns every violation except Tabster's focus guards
 * (see below); `ernstig` filters the serious and critical ones.
 */
export async function toegankelijkheid(page: Page): Promise<AxeBevinding[]> {
  axeBron ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const heeftAxe = await page.evaluate(() => "axe" in window);
  if (!heeftAxe) await page.evaluate(axeBron);
  await rustigePagina(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const resultaat = await axe.run(document, { resultTypes: ["violations"] });
    return resultaat.violations
      .map((v) => ({
        ...v,
        // Fluent's focus guards (Tabster's <i data-tabster-dummy aria-hidden tabindex=0>) only pass focus on
        // and must stay hidden from screen readers: a documented false positive of aria-hidden-focus
        // (microsoft/tabster#288; Accessibility Insights suppresses it the same way). Other nodes still count.
        nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
  });
}

/**
 * Waits until nothing on the page is moving in or out. Fluent's motion (a toast's CollapseDelayed, a
 * dialog's fade) runs through the Web Animations API, so `document.getAnimations()` lists it. axe's
 * color-contrast rule reads the computed opacity of a node and its ancestors; run while a toast fades in
 * (opacity between 0 and 1), it measures a washed-out title and reports it as serious although the
 * settled toast passes. So every axe run waits for the running, finite animations first.
 * Left out: Fluent Toast's Timer, a CSS animation on an empty span (`data-timer-status`, keyframes
 * opacity 0 → 0) whose only job is to count down the toast's timeout; waiting for it would wait until
 * the toast is gone, and then axe would never see the toast at all.
 */
export async function rustigePagina(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A finished enter animation can start the next one (collapse, then fade): look again, a few times.
    for (let ronde = 0; ronde < 5; ronde++) {
      const lopend = document.getAnimations().filter((a) => {
        if (a.playState !== "running") return false;
        const eind = a.effect?.getComputedTiming().endTime;
        if (eind === undefined || !Number.isFinite(Number(eind))) return false;
        const doel = a.effect instanceof KeyframeEffect ? a.effect.target : null;
        return !(doel instanceof Element && doel.hasAttribute("data-timer-status"));
      });
      if (lopend.length === 0) return;
      // A cancelled animation rejects `finished`; it is not running any more either way.
      await Promise.all(lopend.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

/** The serious and critical findings (what must be zero). */
export function ernstig(bevindingen: readonly AxeBevinding[]): AxeBevinding[] {
  return bevindingen.filter((b) => b.impact === "serious" || b.impact === "critical");
}

/** One line per finding, for a test's log. */
export function beschrijf(bevindingen: readonly AxeBevinding[]): string {
  return bevindingen.length === 0
    ? "no axe violations"
    : bevindingen.map((b) => `${b.impact ?? "?"} ${b.id}: ${b.help} — ${b.nodes.join(", ")}`).join("\n");
}
