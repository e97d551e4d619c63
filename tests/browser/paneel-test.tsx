/**
 * Browser-test entry of the task pane (built by `webpack --env test` into dist/test, never into dist/web).
 *
 * It does what src/taskpane/index.tsx does in Excel, with the strict Excel fake as the host
 * (opstart.ts): a seeded user workbook (?werkmap=…), the fake exposed on `window.__fake` for the
 * tests, the pane's `App` rendered after Office.onReady in the Office theme (?thema=donker).
 *
 * The services are the pane's own Excel services (excelDiensten, the Office.js adapter loaded on first
 * use), exactly as index.tsx builds them, on the fake instead of `Excel.run`.
 */
import App from "../../src/taskpane/components/App";
import { excelDiensten } from "../../src/taskpane/excel-diensten";
import { maakTestHost, toon } from "./opstart";

const { host, params } = maakTestHost();

toon(<App diensten={excelDiensten(host)} />, params, { pagina: "paneel", diensten: "adapter" });
