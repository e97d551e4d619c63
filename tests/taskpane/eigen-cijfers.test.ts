/**
 * Own figures (workbook, CSV, CBS online) laid over the built-in data: the gemeente's baseline becomes
 * the read figures, everything else (other gemeenten, the allocation key) stays as it was.
 */
import { JeugdAggregator } from "../../src/domain/iv3/aggregate";
import { builtinIv3, loadSnapshot, type Snapshot } from "../../src/sources/builtin";
import { parseIv3Csv } from "../../src/sources/csv";
import { scenarioGegevens } from "../../src/sources/scenario-gegevens";
import { standaardScenario } from "../../src/domain/scenario/standaard";
import { nlPaneel } from "../../src/i18n/nl-paneel";
import { cijfersVan, gemeentenIn, metEigenCijfers, type EigenCijfers } from "../../src/taskpane/staat/eigen-cijfers";

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot();
});

const CSV = [
  "Gemeente;Taakveld;Categorie;Lasten;Baten",
  "Tiel;6.751;L3.5.1;1.000.000,50;",
  "Tiel;6.751;L3.8;250.000;",
  "Tiel;6.751;B3.8;;10.000",
  "Tiel;6.821;L3.5.1;400.000;",
  "Buren;6.751;L3.5.1;9.999;",
].join("\n");

test("rows of the gemeente are summed per taakveld in cents; 'geen opgave' stays null", () => {
  const data = parseIv3Csv(CSV, { jaar: 2025, verslagsoort: "begroting" });
  expect(cijfersVan(data, "tiel")).toEqual({
    "6.751": [1_250_000.5, 10_000],
    "6.821": [400_000, null],
  });
  expect(cijfersVan(data, "Zwolle")).toBeUndefined();
  expect(gemeentenIn(data)).toEqual(["Tiel", "Buren"]);
});

test("the overlay replaces the gemeente's figures in one data set only and names both sources", () => {
  const data = parseIv3Csv(CSV, { jaar: 2025, verslagsoort: "begroting" });
  const eigen: EigenCijfers = {
    soort: "csv",
    gemeente: "Tiel",
    dataset: "2025-begroting",
    herkomst: "CSV-bestand 'tiel.csv' (eigen export)",
    taakvelden: cijfersVan(data, "Tiel") ?? {},
  };
  const over = metEigenCijfers(snapshot, eigen, nlPaneel.gegevens.herkomstOverlay);

  const tiel = builtinIv3(over, "2025-begroting", "Tiel");
  const o = new JeugdAggregator(tiel.regime).addAll(tiel.rows).overzicht("Tiel");
  expect(o.jeugd).toEqual({ lasten: 1_650_000.5, baten: 10_000, saldo: 1_640_000.5 });
  expect(tiel.provenance.bron).toMatch(
    /^CSV-bestand 'tiel\.csv' \(eigen export\) voor Tiel; overige gemeenten en Nederland: CBS open data/,
  );

  // Other gemeenten, other data sets and the snapshot itself are untouched.
  expect(builtinIv3(over, "2025-begroting", "Buren").rows).toEqual(
    builtinIv3(snapshot, "2025-begroting", "Buren").rows,
  );
  expect(builtinIv3(over, "2024-begroting", "Tiel").rows).toEqual(builtinIv3(snapshot, "2024-begroting", "Tiel").rows);
  expect(builtinIv3(snapshot, "2025-begroting", "Tiel").rows.some((r) => r.lasten === 1_250_000.5)).toBe(false);

  // The engine takes the own baseline; the allocation key still comes from the gemeentefonds.
  const s = standaardScenario("Tiel", "2025-begroting");
  const g = scenarioGegevens(over, s);
  expect(g.taakvelden.find((t) => t.code === "6.751")?.lasten).toBe(1_250_000.5);
  expect(g.taakvelden.find((t) => t.code === "6.761")?.lasten).toBeNull();
  expect(g.sleutel).toEqual(scenarioGegevens(snapshot, s).sleutel);
});

test("a taakveld the data set does not list is added (other gemeenten: geen opgave)", () => {
  const ds = snapshot.datasets.find((d) => d.id === "2025-begroting");
  const nieuw = "6.999";
  expect(ds?.taakvelden.includes(nieuw)).toBe(false);
  const over = metEigenCijfers(
    snapshot,
    { soort: "cbs", gemeente: "Tiel", dataset: "2025-begroting", herkomst: "x", taakvelden: { [nieuw]: [5, null] } },
    (h) => h,
  );
  const d = over.datasets.find((x) => x.id === "2025-begroting");
  expect(d?.taakvelden[d.taakvelden.length - 1]).toBe(nieuw);
  const buren = d?.gemeenten.find((g) => g.naam === "Buren");
  expect(buren?.lasten[buren.lasten.length - 1]).toBeNull();
  expect(d?.gemeenten.every((g) => g.lasten.length === d.taakvelden.length)).toBe(true);
});

test("an unknown gemeente leaves the snapshot as it is", () => {
  const e: EigenCijfers = {
    soort: "csv",
    gemeente: "Atlantis",
    dataset: "2025-begroting",
    herkomst: "x",
    taakvelden: {},
  };
  expect(metEigenCijfers(snapshot, e, (h) => h)).toBe(snapshot);
});
