/**
 * The pane's services on the adapter (src/excel/diensten.ts) against the strict fake: what the pane
 * gets back when it writes, lists, verifies, activates, reads and keeps its state.
 */
import { maakDiensten, PANEEL_INSTELLING } from "../../src/excel/diensten";
import { standaardVarianten } from "../../src/app/werkmap-voor";
import { loadSnapshot, type Snapshot } from "../../src/sources/builtin";
import { basisScenario, DATUM, fakeHost } from "../support/excel-host";

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot();
});

const opties = { datum: DATUM, laadSnapshot: () => Promise.resolve(snapshot) };

test("writing three scenarios for Tiel returns the sheets with ids that activate them", async () => {
  const { fake, host } = fakeHost();
  const d = maakDiensten(host, opties);
  const stappen: number[] = [];
  const r = await d.schrijfScenarios(snapshot, standaardVarianten(basisScenario("Tiel")), (f) => stappen.push(f));
  // Iv3-basis, three scenarios, comparison (no region in this Basis).
  expect(r.bladen.map((b) => b.soort)).toEqual(["iv3-basis", "scenario", "scenario", "scenario", "vergelijking"]);
  expect(r.bladen.slice(1, 4).map((b) => b.naam)).toEqual([
    "Scenario Basis",
    "Scenario Optimistisch",
    "Scenario Pessimistisch",
  ]);
  expect(stappen[0]).toBe(0);
  expect(stappen.at(-1)).toBe(1);

  const pessimistisch = r.bladen[3];
  if (!pessimistisch) throw new Error("no sheet");
  await d.activeerBlad(pessimistisch.id);
  expect(fake.snapshot().activeSheet).toBe("Scenario Pessimistisch");

  // The id still finds the sheet after the user renamed it.
  await host.run(async (c) => {
    c.workbook.worksheets.getItem("Scenario Pessimistisch").name = "Somber";
    c.workbook.worksheets.getItem("Scenario Basis").activate();
    await c.sync();
  });
  await d.activeerBlad(pessimistisch.id);
  expect(fake.snapshot().activeSheet).toBe("Somber");
  await expect(d.activeerBlad("bestaat-niet")).rejects.toThrow("staat niet meer in de werkmap");
});

test("the scenario list follows renames and deletions; verify reports a deleted sheet in Dutch", async () => {
  const { host } = fakeHost();
  const d = maakDiensten(host, opties);
  await d.schrijfScenarios(snapshot, standaardVarianten(basisScenario("Tiel")));
  await host.run(async (c) => {
    c.workbook.worksheets.getItem("Scenario Basis").name = "Mijn basis";
    c.workbook.worksheets.getItem("Scenario Optimistisch").delete();
    await c.sync();
  });
  const lijst = await d.lijstScenarios();
  expect(lijst.map((s) => [s.naam, s.blad])).toEqual([
    ["Basis", "Mijn basis"],
    ["Optimistisch", "Scenario Optimistisch"],
    ["Pessimistisch", "Scenario Pessimistisch"],
  ]);
  for (const s of lijst) {
    expect(s.vingerafdruk).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(s.datum).toBe(DATUM);
    expect(s.bladId).toBeDefined();
  }
  const optimistisch = lijst[1];
  if (!optimistisch) throw new Error("no scenario");
  const rapport = await d.controleer(snapshot, optimistisch);
  expect(rapport.inOrde).toBe(false);
  expect(rapport.bevindingen).toEqual([
    "Het blad 'Scenario Optimistisch' van dit scenario ontbreekt: het is verwijderd.",
  ]);
  expect(rapport.samenvatting).toMatch(/niet in orde|1 bevinding/);
});

test("the Iv3-basis sheet alone: one sheet, no scenario on record, user sheets untouched", async () => {
  const { fake, host } = fakeHost({ sheets: [{ name: "Blad1", values: [["eigen werk"]] }] });
  const d = maakDiensten(host, opties);
  const r = await d.schrijfIv3Blad(snapshot, basisScenario("Tiel", true));
  expect(r.bladen.map((b) => b.soort)).toEqual(["iv3-basis"]);
  expect(await d.lijstScenarios()).toEqual([]);
  expect(fake.cell("Blad1", "A1")).toMatchObject({ value: "eigen werk" });
  expect(fake.state.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual([
    "Blad1",
    r.bladen[0]?.naam,
  ]);
});

test("the working state is kept in a workbook setting and survives a new set of services", async () => {
  const { fake, host } = fakeHost();
  expect(await maakDiensten(host, opties).laadStaat()).toBeUndefined();
  await maakDiensten(host, opties).bewaarStaat('{"stap":"regio"}');
  expect(fake.state.settings.get(PANEEL_INSTELLING)).toBe('{"stap":"regio"}');
  expect(await maakDiensten(host, opties).laadStaat()).toBe('{"stap":"regio"}');
});

test("reading the selection: mapping first, then rows with the range; an invalid amount names the cell", async () => {
  const rijen = [
    ["taakveld", "categorie", "lasten"],
    ["6.72", "3.8", "1.234,5"],
    ["6.71", "4.3.1", "n.v.t."],
  ];
  const { fake, host } = fakeHost({ sheets: [{ name: "Blad1", values: rijen, at: "B3" }], selection: "B3:D5" });
  const d = maakDiensten(host, opties);
  const indeling = await d.leesKolomIndeling({ soort: "selectie" }, { gemeente: "Tiel" });
  expect(indeling.kolommen).toMatchObject({ taakveld: 0, categorie: 1, lasten: 2 });
  const voor = fake.snapshot();
  await expect(
    d.leesIv3({ soort: "selectie" }, { jaar: 2024, eenheid: "EUR", gemeente: "Tiel" }),
  ).rejects.toMatchObject({
    issues: [expect.objectContaining({ cel: "Blad1!D5" })],
  });
  expect(fake.equals(voor)).toBe(true);
});
