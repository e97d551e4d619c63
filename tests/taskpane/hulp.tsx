/**
 * Helpers for the pane's component tests (jsdom, react-dom/client + act; @testing-library is not a
 * dependency): a fake PaneelDiensten, rendering, finding controls by their accessible name, and typing.
 */
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PaneelDiensten } from "../../src/taskpane/diensten";
import { loadSnapshot } from "../../src/sources/builtin";
import { bewaarTekst, type BronSoort, type StapId } from "../../src/taskpane/staat/bewaren";
import { standaardConcept } from "../../src/taskpane/staat/concept";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no ResizeObserver; Fluent's positioning (Combobox list, tooltips) observes sizes. A browser
// has one; here nothing is laid out, so a silent stand-in is enough.
// jest's jsdom environment leaves out TextDecoder (every browser has it); the CSV source decodes files with it.
if (typeof globalThis.TextDecoder === "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (globalThis as { TextDecoder?: unknown }).TextDecoder = (
    require("node:util") as typeof import("node:util")
  ).TextDecoder;
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** A fake of the services: real built-in data, every workbook action a jest mock. */
export function nepDiensten(over: Partial<PaneelDiensten> = {}): jest.Mocked<PaneelDiensten> {
  const d: PaneelDiensten = {
    inExcel: true,
    laadSnapshot: () => loadSnapshot(),
    schrijfScenarios: async () => ({ bladen: [], meldingen: [] }),
    schrijfIv3Blad: async () => ({ bladen: [], meldingen: [] }),
    activeerBlad: async () => undefined,
    leesKolomIndeling: async () => {
      throw new Error("niet in deze test");
    },
    leesIv3: async () => {
      throw new Error("niet in deze test");
    },
    lijstScenarios: async () => [],
    controleer: async () => {
      throw new Error("niet in deze test");
    },
    bewaarStaat: async () => undefined,
    laadStaat: async () => undefined,
    ...over,
  };
  for (const k of Object.keys(d) as (keyof PaneelDiensten)[]) {
    const v = d[k];
    if (typeof v === "function")
      (d as unknown as Record<string, unknown>)[k] = jest.fn(v as (...a: unknown[]) => unknown);
  }
  return d as jest.Mocked<PaneelDiensten>;
}

export interface Gerenderd {
  readonly container: HTMLElement;
  herrender(ui: ReactElement): void;
  weg(): void;
}

const open: Gerenderd[] = [];

export function render(ui: ReactElement): Gerenderd {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root: Root = createRoot(container);
  act(() => root.render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>));
  const g: Gerenderd = {
    container,
    herrender: (nieuw) => act(() => root.render(<FluentProvider theme={webLightTheme}>{nieuw}</FluentProvider>)),
    weg: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
  open.push(g);
  return g;
}

/** Unmount everything rendered by `render` (call in afterEach). */
export function ruimOp(): void {
  while (open.length > 0) open.pop()?.weg();
  document.body.innerHTML = "";
}

/** Let pending promises and timers run inside act. */
export async function spoel(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Wait (flushing React) until `f` returns a value other than undefined/null/false. */
export async function wacht<T>(f: () => T | undefined | null | false, timeoutMs = 10000): Promise<T> {
  const tot = Date.now() + timeoutMs;
  let laatste: unknown;
  for (;;) {
    try {
      const v = f();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (e) {
      laatste = e;
    }
    if (Date.now() > tot) throw new Error(`wacht: verlopen${laatste ? ` (${String(laatste)})` : ""}`);
    await spoel(10);
  }
}

/** Visible text of an element without the parts hidden from assistive technology. */
function tekstVan(el: Element): string {
  const kopie = el.cloneNode(true) as Element;
  kopie.querySelectorAll('[aria-hidden="true"]').forEach((x) => x.remove());
  return (kopie.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The accessible name of a control (aria-label, aria-labelledby, <label for>, wrapping <label>). */
export function naamVan(el: Element): string {
  const aria = el.getAttribute("aria-label");
  if (aria) return aria.trim();
  const ids = el.getAttribute("aria-labelledby");
  if (ids) {
    return ids
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((x): x is HTMLElement => x !== null)
      .map(tekstVan)
      .join(" ")
      .trim();
  }
  if (el.id) {
    const l = Array.from(document.getElementsByTagName("label")).find((x) => x.htmlFor === el.id);
    if (l) return tekstVan(l).replace(/\s*\*$/, "");
  }
  const wrap = el.closest("label");
  if (wrap) return tekstVan(wrap);
  if (el.getAttribute("role") === "tab") {
    // Fluent renders the label twice in unselected tabs; the copy (reserving bold width) is hidden by CSS.
    const eerste = el.querySelector(".fui-Tab__content");
    return eerste ? tekstVan(eerste) : tekstVan(el);
  }
  if (el.tagName === "BUTTON" || el.getAttribute("role") === "option") {
    return tekstVan(el);
  }
  return "";
}

const ROL_SELECTOR: Record<string, string> = {
  button: 'button, [role="button"]',
  tab: '[role="tab"]',
  textbox: 'input:not([type]), input[type="text"], textarea',
  combobox: '[role="combobox"], select',
  option: '[role="option"]',
  slider: 'input[type="range"]',
  switch: 'input[role="switch"]',
  radio: 'input[type="radio"]',
  table: "table",
  region: "section",
  progressbar: '[role="progressbar"]',
};

/** All elements with a role whose accessible name matches. */
export function alleMetRol(rol: string, naam?: string | RegExp, binnen: ParentNode = document): HTMLElement[] {
  const sel = ROL_SELECTOR[rol] ?? `[role="${rol}"]`;
  return Array.from(binnen.querySelectorAll<HTMLElement>(sel)).filter((el) => {
    if (naam === undefined) return true;
    const n = naamVan(el);
    return typeof naam === "string" ? n === naam : naam.test(n);
  });
}

/** Exactly one element with the role and name (like getByRole). */
export function metRol(rol: string, naam?: string | RegExp, binnen: ParentNode = document): HTMLElement {
  const gevonden = alleMetRol(rol, naam, binnen);
  if (gevonden.length !== 1) {
    const namen = alleMetRol(rol, undefined, binnen).map(naamVan).slice(0, 40).join(" | ");
    throw new Error(`${gevonden.length} × ${rol} ${String(naam)}; aanwezig: ${namen}`);
  }
  return gevonden[0] as HTMLElement;
}

/** The input whose label is `label` (like getByLabelText). */
export function veld(label: string | RegExp, binnen: ParentNode = document): HTMLInputElement {
  const kandidaten = Array.from(binnen.querySelectorAll<HTMLInputElement>("input, select, textarea")).filter((el) => {
    const n = naamVan(el);
    return typeof label === "string" ? n === label : label.test(n);
  });
  if (kandidaten.length !== 1) throw new Error(`${kandidaten.length} velden met label ${String(label)}`);
  return kandidaten[0] as HTMLInputElement;
}

/** Type a value into an input as a user would (React sees an input event). */
export function typ(el: HTMLInputElement | HTMLTextAreaElement, waarde: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
  act(() => {
    setter?.call(el, waarde);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Choose an option of a native select. */
export function kies(el: HTMLSelectElement | HTMLInputElement, waarde: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")?.set;
  act(() => {
    setter?.call(el, waarde);
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

export function klik(el: Element): void {
  act(() => {
    (el as HTMLElement).click();
  });
}

/** The cells of a table row whose first cell is `eerste`. */
export function rij(tabel: HTMLElement, eerste: string): string[] {
  const r = Array.from(tabel.querySelectorAll("tbody tr")).find(
    (tr) => tr.querySelector("td, th")?.textContent?.trim() === eerste,
  );
  if (!r) throw new Error(`geen rij ${eerste}`);
  return Array.from(r.querySelectorAll("td, th")).map((c) => (c.textContent ?? "").trim());
}

/** The element's text with whitespace normalised. */
export function tekst(el: Element = document.body): string {
  return (el.textContent ?? "").replace(/\s+/g, " ");
}

/** Saved pane state that opens the pane on `stap` with Tiel (begroting 2025) chosen and the given source. */
export function bewaard(stap: StapId, bron: BronSoort = "ingebouwd"): string {
  return bewaarTekst({ versie: 1, stap, bron, concept: standaardConcept("Tiel", "2025-begroting") });
}

/** Table cells show whole euros without the sign (the header says "(€)"): formatted here independently. */
export const bedrag = (v: number | null | undefined): string => Math.round(v ?? 0).toLocaleString("nl-NL");
