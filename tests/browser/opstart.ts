/**
 * Start-up shared by the browser-test pages (paneel-test.tsx, bediening-test.tsx): reads the URL,
 * creates the strict Excel fake with the chosen seeded workbook, exposes it on `window.__fake`, and
 * renders into #container inside a FluentProvider once Office.js is ready — the order index.tsx uses.
 *
 * URL parameters: ?werkmap=leeg|begroting|fout (default begroting), ?selectie=A1:D8 (the user's
 * selection on the active sheet), ?thema=donker (Office's dark theme).
 */
import { createElement, StrictMode, type ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { ExcelHost } from "../../src/excel/host";
import { themeForOffice } from "../../src/taskpane/theme";
import { createFakeExcel, type FakeExcel } from "../support/excel-fake";
import { inspectie } from "./inspectie";
import type { PaneelTestVenster } from "./venster";
import { isWerkmapNaam, WERKMAPPEN } from "./werkmappen";

export interface TestOpstart {
  readonly fake: FakeExcel;
  /** What index.tsx builds from Office.js: `{ run: Excel.run, ondersteunt: isSetSupported }`. */
  readonly host: ExcelHost;
  readonly params: URLSearchParams;
}

export function maakTestHost(): TestOpstart {
  const params = new URLSearchParams(window.location.search);
  const werkmap = params.get("werkmap") ?? "begroting";
  if (!isWerkmapNaam(werkmap)) throw new Error(`browser test page: unknown ?werkmap=${werkmap}`);
  const selectie = params.get("selectie");
  const fake = createFakeExcel({ ...WERKMAPPEN[werkmap], ...(selectie ? { selection: selectie } : {}) });
  const host: ExcelHost = {
    run: (batch) => fake.run(batch),
    // The fake supports every API it models; a host without one is simulated with the fake's `ondersteunt` option.
    ondersteunt: () => true,
  };
  window.__fake = inspectie(fake);
  return { fake, host, params };
}

/** Renders `element` like index.tsx: after Office.onReady (host null outside Office), in the Office theme. */
export function toon(element: ReactElement, params: URLSearchParams, info: Omit<PaneelTestVenster, "werkmap">): void {
  window.__paneelTest = { werkmap: params.get("werkmap") ?? "begroting", ...info };
  const theme = themeForOffice(params.get("thema") === "donker" ? { bodyBackgroundColor: "#262626" } : undefined);
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html mist het element #container");
  const root = createRoot(container);
  const render = (): void =>
    root.render(
      createElement(StrictMode, null, createElement(FluentProvider, { theme, style: { minHeight: "100%" } }, element)),
    );
  if (typeof Office === "undefined") render();
  else Office.onReady().then(render, render);
}
