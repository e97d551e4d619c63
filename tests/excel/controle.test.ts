/**
 * "Controleer" on sheets written into the fake. Excel's calculation is simulated by giving every formula
 * cell the value the engine computes (the fake never evaluates formulas); the checks then show what an
 * auditor would see: "in orde", a changed input (old and new), a formula replaced by a value, a wrong
 * value, a deleted sheet.
 */
import { controleerScenario, lijstScenarios } from "../../src/excel/controle";
import { schrijfInExcel } from "../../src/excel/schrijver";
import { nodeHasher } from "../../src/platform/hash-node";
import { loadSnapshot, type Snapshot } from "../../src/sources/builtin";
import { scenarioContext, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import { leesScenario } from "../../src/domain/scenario/validatie";
import { scenarioBladMetModel } from "../../src/workbook/werkmap";
import { normaliseerFormule } from "../../src/workbook/controle";
import { basisScenario, fakeHost, specMaker } from "../support/excel-host";
import { rekenScenarioBladen } from "../support/excel-rekenen";

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot();
});

/** Writes the three standard scenarios for Tiel and lets "Excel" calculate every formula. */
async function geschreven() {
  const h = fakeHost();
  await schrijfInExcel(h.host, await specMaker(basisScenario("Tiel"), { aantal: 3, regio: false }), {
    nieuweUid: () => "v",
  });
  const lijst = await lijstScenarios(h.host);
  const herbereken = (): number => rekenScenarioBladen(h.fake, snapshot);
  herbereken();
  return { ...h, lijst, herbereken };
}

test("a sheet as written is 'in orde' with its fingerprint, and checking changes nothing", async () => {
  const { fake, host, lijst } = await geschreven();
  expect(lijst.map((s) => s.naam)).toEqual(["Basis", "Optimistisch", "Pessimistisch"]);
  const voor = fake.snapshot();
  const basis = lijst[0];
  if (!basis) throw new Error("no scenario");
  const c = await controleerScenario(host, snapshot, basis, nodeHasher);
  expect(c.regels).toEqual([]);
  expect(c.inOrde).toBe(true);
  expect(c.samenvatting).toContain("in orde");
  expect(c.samenvatting).toContain(basis.vingerafdruk);
  expect(basis.vingerafdruk).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(fake.equals(voor)).toBe(true);
});

test("a changed input is reported with old and new value; the values that follow from it are not", async () => {
  const { fake, host, lijst, herbereken } = await geschreven();
  const blad = fake.sheet("Scenario Basis");
  const naam = blad.names.find((n) => n.name.startsWith("real_"));
  if (!naam) throw new Error("no realisation input on the sheet");
  const adres = naam.formula.replace(/^.*!/, "").replace(/\$/g, "");
  const oud = fake.cell("Scenario Basis", adres).value;
  expect(typeof oud).toBe("number");
  await host.run(async (c) => {
    c.workbook.worksheets.getItem("Scenario Basis").getRange(adres).values = [[0.25]];
    await c.sync();
  });
  herbereken();
  const basis = lijst[0];
  if (!basis) throw new Error("no scenario");
  const c = await controleerScenario(host, snapshot, basis, nodeHasher);
  expect(c.inOrde).toBe(false);
  expect(c.bevindingen).toEqual([expect.objectContaining({ soort: "invoer-gewijzigd", cel: adres, oud, nieuw: 0.25 })]);
  expect(c.regels[0]).toMatch(new RegExp(`^Invoer gewijzigd in ${adres} \\(.+\\): was 0?,?\\d*, nu 0,25\\.$`));
});

test("a formula replaced by a value and a wrong computed value are reported by cell", async () => {
  const { fake, host, lijst } = await geschreven();
  const optimistisch = lijst[1];
  if (!optimistisch) throw new Error("no scenario");
  // Pick two formula cells through the engine's own sheet description.
  const gelezen = leesScenario(JSON.parse(optimistisch.invoer), scenarioContext(snapshot));
  if (!gelezen.ok) throw new Error("invalid");
  const { blad } = scenarioBladMetModel(
    { scenario: gelezen.scenario, gegevens: scenarioGegevens(snapshot, gelezen.scenario), vingerafdruk: "" },
    "Scenario Optimistisch",
    { versie: optimistisch.versie, datum: optimistisch.datum },
  );
  const formuleCellen = blad.cellen.filter((c) => c.formule !== undefined && c.modelNaam !== undefined);
  const vervangen = formuleCellen[5];
  const fout = formuleCellen[9];
  if (!vervangen || !fout) throw new Error("too few formulas");
  expect(normaliseerFormule(fake.cell("Scenario Optimistisch", vervangen.adres).formula ?? "")).toBe(
    normaliseerFormule(vervangen.formule ?? ""),
  );
  await host.run(async (c) => {
    c.workbook.worksheets.getItem("Scenario Optimistisch").getRange(vervangen.adres).values = [[12345]];
    await c.sync();
  });
  fake.setCalculatedValue("Scenario Optimistisch", fout.adres, (fout.verwacht ?? 0) + 1000);
  const c = await controleerScenario(host, snapshot, optimistisch, nodeHasher);
  expect(c.bevindingen).toEqual([
    expect.objectContaining({ soort: "formule-vervangen", cel: vervangen.adres, gevonden: 12345 }),
    expect.objectContaining({ soort: "waarde-wijkt-af", cel: fout.adres, gevonden: (fout.verwacht ?? 0) + 1000 }),
  ]);
  expect(c.regels[0]).toContain(`Formule vervangen door een waarde in ${vervangen.adres}`);
  expect(c.regels[1]).toContain(`Berekende waarde wijkt af in ${fout.adres}`);
});

test("a deleted sheet is reported; a renamed one is still found", async () => {
  const { host, lijst } = await geschreven();
  await host.run(async (c) => {
    c.workbook.worksheets.getItem("Scenario Pessimistisch").delete();
    c.workbook.worksheets.getItem("Scenario Basis").name = "Basis (controller)";
    await c.sync();
  });
  const [basis, , pessimistisch] = lijst;
  if (!basis || !pessimistisch) throw new Error("no scenarios");
  const weg = await controleerScenario(host, snapshot, pessimistisch, nodeHasher);
  expect(weg.inOrde).toBe(false);
  expect(weg.regels).toEqual(["Het blad 'Scenario Pessimistisch' van dit scenario ontbreekt: het is verwijderd."]);
  const hernoemd = await controleerScenario(host, snapshot, basis, nodeHasher);
  expect(hernoemd.inOrde).toBe(true);
  expect(hernoemd.blad).toBe("Basis (controller)");
});
