/**
 * @jest-environment jsdom
 *
 * The services outside Excel: data lazily, state in localStorage, workbook actions refused in Dutch.
 */
import { nl } from "../../src/i18n/nl";
import { browserDiensten, STAAT_SLEUTEL } from "../../src/taskpane/browser-diensten";

beforeEach(() => localStorage.clear());

test("not in Excel; the built-in data loads", async () => {
  const d = browserDiensten();
  expect(d.inExcel).toBe(false);
  const s = await d.laadSnapshot();
  expect(s.gemeenten.length).toBe(343); // 342 gemeenten + Nederland
});

test("the working state is kept in localStorage", async () => {
  const d = browserDiensten();
  expect(await d.laadStaat()).toBeUndefined();
  await d.bewaarStaat('{"versie":1}');
  expect(localStorage.getItem(STAAT_SLEUTEL)).toBe('{"versie":1}');
  expect(await browserDiensten().laadStaat()).toBe('{"versie":1}');
});

test("workbook actions are refused with the Dutch note", async () => {
  const d = browserDiensten();
  await expect(d.lijstScenarios()).rejects.toThrow(nl.paneel.algemeen.buitenExcel);
  await expect(d.activeerBlad("x")).rejects.toThrow(nl.paneel.algemeen.buitenExcel);
  await expect(d.leesKolomIndeling({ soort: "selectie" })).rejects.toThrow(nl.paneel.algemeen.buitenExcel);
});

test("the pane's header words are the product's (nl-paneel keeps a copy for the first chunk)", () => {
  expect(nl.paneel.kop.product).toBe(nl.product);
  expect(nl.paneel.kop.ondertitel).toBe(nl.productOndertitel);
});
