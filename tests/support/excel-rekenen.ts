/**
 * Excel's calculation for the strict fake, which never evaluates formulas: every formula cell on a
 * scenario sheet the add-in wrote gets the value the engine computes from the input cells as they are
 * *now* (so a changed input changes its consequences, as in Excel). Used by the verify tests and by the
 * browser-test page; the engine's model is the same one the sheets' formulas were generated from, and
 * the LibreOffice suite (tests/xlsx/formules-libreoffice.test.ts) proves the two agree.
 */
import { leesMetadataJson, METADATA_INSTELLING } from "../../src/excel/metadata";
import { leesScenario } from "../../src/domain/scenario/validatie";
import type { Snapshot } from "../../src/sources/builtin";
import { scenarioContext, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import { scenarioBladMetModel } from "../../src/workbook/werkmap";
import { ANKER_VOORVOEGSEL, bladUitVerwijzing } from "../../src/excel/staat";
import type { FakeExcel } from "./excel-fake";

/** Recalculates every scenario sheet on record; returns the number of formula cells given a value. */
export function rekenScenarioBladen(fake: FakeExcel, snapshot: Snapshot): number {
  const json = fake.state.settings.get(METADATA_INSTELLING);
  if (typeof json !== "string") return 0;
  const metadata = leesMetadataJson(json);
  let n = 0;
  for (const record of metadata.scenarios) {
    // The anchor name follows the sheet through renames (see src/excel/staat.ts).
    const anker = fake.state.names.find((nm) => nm.name === `${ANKER_VOORVOEGSEL}${record.bladUid ?? ""}`);
    const naam = anker ? bladUitVerwijzing(anker.formula) : record.blad;
    const blad = fake.state.sheets.find((s) => s.name === naam);
    if (!blad) continue;
    const gelezen = leesScenario(JSON.parse(record.invoer), scenarioContext(snapshot));
    if (!gelezen.ok) continue;
    const { blad: spec, model } = scenarioBladMetModel(
      { scenario: gelezen.scenario, gegevens: scenarioGegevens(snapshot, gelezen.scenario), vingerafdruk: "" },
      blad.name,
      { versie: record.versie, datum: record.datum },
    );
    // The inputs as they stand in the sheet now.
    const invoer: Record<string, number> = {};
    for (const cel of spec.cellen) {
      if (cel.formule !== undefined || cel.modelNaam === undefined || model.getInput(cel.modelNaam) === undefined)
        continue;
      const waarde = fake.cell(blad.name, cel.adres).value;
      if (typeof waarde === "number") invoer[cel.modelNaam] = waarde;
    }
    const waarde = model.evaluator(invoer);
    for (const cel of spec.cellen) {
      if (cel.formule === undefined || cel.modelNaam === undefined) continue;
      fake.setCalculatedValue(blad.name, cel.adres, waarde(cel.modelNaam));
      n++;
    }
  }
  return n;
}
