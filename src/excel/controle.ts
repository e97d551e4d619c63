/**
 * "Controleer" for auditors: reads a scenario's stored input back from the workbook's metadata,
 * recomputes the sheet with the engine, reads the sheet's current formulas and values and reports in
 * Dutch what differs. Reads only; never writes to the workbook.
 */
import { type Hasher, vingerafdruk } from "../domain/scenario/canoniek";
import { leesScenario } from "../domain/scenario/validatie";
import { formatEuro } from "../i18n/format";
import { nl } from "../i18n/nl";
import type { Snapshot } from "../sources/builtin";
import { scenarioContext, scenarioGegevens } from "../sources/scenario-gegevens";
import { type Bevinding, vergelijkBlad } from "../workbook/controle";
import { scenarioBladMetModel } from "../workbook/werkmap";
import { leesAdres } from "../xlsx/adres";
import { kolomLetters } from "../workbook/adres";
import type { ExcelHost } from "./host";
import type { ScenarioRecord } from "./metadata";
import { huidigeNaam, leesWerkmapStaat } from "./staat";
import { functiesVan } from "./vereisten";

export interface Controle {
  readonly inOrde: boolean;
  readonly vingerafdruk: string;
  readonly bevindingen: readonly Bevinding[];
  /** Problems that stop the comparison: missing sheet, unreadable or altered stored input. */
  readonly problemen: readonly string[];
  readonly blad: string | undefined;
  /** Dutch lines for display, one per finding or problem. */
  readonly regels: readonly string[];
  readonly samenvatting: string;
}

/** The scenarios the metadata lists, with the name their sheet has now (undefined: deleted). */
export async function lijstScenarios(
  host: ExcelHost,
): Promise<(ScenarioRecord & { huidigBlad: string | undefined })[]> {
  const f = functiesVan(host);
  return host.run(async (context) => {
    const staat = await leesWerkmapStaat(context, f);
    return staat.metadata.scenarios.map((s) => ({
      ...s,
      huidigBlad: huidigeNaam(staat, { ...(s.bladUid !== undefined ? { uid: s.bladUid } : {}), naam: s.blad }),
    }));
  });
}

const tekst = (x: unknown): string =>
  typeof x === "number"
    ? x.toLocaleString("nl-NL", { maximumFractionDigits: 4 })
    : x === "" || x === undefined
      ? nl.excel.leeg
      : String(x);

export function bevindingTekst(b: Bevinding): string {
  const t = nl.excel;
  switch (b.soort) {
    case "invoer-gewijzigd":
      return t.invoerGewijzigd(b.cel, b.naam, tekst(b.oud), tekst(b.nieuw));
    case "formule-vervangen":
      return t.formuleVervangen(b.cel, b.naam, tekst(b.gevonden));
    case "formule-gewijzigd":
      return t.formuleGewijzigd(b.cel, b.naam, b.verwacht, b.gevonden);
    case "waarde-wijkt-af":
      return t.waardeWijktAf(
        b.cel,
        b.naam,
        formatEuro(b.verwacht),
        typeof b.gevonden === "number" ? formatEuro(b.gevonden) : tekst(b.gevonden),
      );
  }
}

export async function controleerScenario(
  host: ExcelHost,
  snapshot: Snapshot,
  scenario: { readonly naam: string; readonly bladUid?: string; readonly blad: string },
  hasher: Hasher,
): Promise<Controle> {
  const f = functiesVan(host);
  const t = nl.excel;
  return host.run(async (context) => {
    const staat = await leesWerkmapStaat(context, f);
    const record = staat.metadata.scenarios.find((s) =>
      scenario.bladUid !== undefined
        ? s.bladUid === scenario.bladUid
        : s.blad === scenario.blad && s.naam === scenario.naam,
    );
    const uit = (problemen: string[], bevindingen: Bevinding[], blad: string | undefined, vinger: string): Controle => {
      const regels = [...problemen, ...bevindingen.map(bevindingTekst)];
      const inOrde = regels.length === 0;
      return {
        inOrde,
        vingerafdruk: vinger,
        bevindingen,
        problemen,
        blad,
        regels,
        samenvatting: inOrde
          ? t.inOrde(scenario.naam, blad ?? scenario.blad, vinger)
          : t.nietInOrde(scenario.naam, regels.length),
      };
    };
    if (!record) return uit([t.nietInMetadata(scenario.naam)], [], undefined, "");
    const blad = huidigeNaam(staat, {
      ...(record.bladUid !== undefined ? { uid: record.bladUid } : {}),
      naam: record.blad,
    });
    if (blad === undefined) return uit([t.bladOntbreekt(record.blad)], [], undefined, record.vingerafdruk);

    let invoer: unknown;
    try {
      invoer = JSON.parse(record.invoer);
    } catch {
      return uit([t.invoerOnleesbaar], [], blad, record.vingerafdruk);
    }
    const gelezen = leesScenario(invoer, scenarioContext(snapshot));
    if (!gelezen.ok) return uit([t.invoerOnleesbaar], [], blad, record.vingerafdruk);
    const problemen: string[] = [];
    const nu = await vingerafdruk(gelezen.scenario, hasher);
    if (nu !== record.vingerafdruk) problemen.push(t.vingerafdrukWijkt(record.vingerafdruk, nu));

    const { blad: spec, model } = scenarioBladMetModel(
      {
        scenario: gelezen.scenario,
        gegevens: scenarioGegevens(snapshot, gelezen.scenario),
        vingerafdruk: record.vingerafdruk,
      },
      blad,
      { versie: record.versie, datum: record.datum },
    );
    let rijen = 1;
    let kolommen = 1;
    for (const cel of spec.cellen) {
      const p = leesAdres(cel.adres);
      rijen = Math.max(rijen, p.rij);
      kolommen = Math.max(kolommen, p.kolom);
    }
    const bereik = context.workbook.worksheets.getItem(blad).getRange(`A1:${kolomLetters(kolommen)}${rijen}`);
    bereik.load("values,formulas");
    await context.sync();
    return uit(
      problemen,
      vergelijkBlad(spec, model, { formules: bereik.formulas, waarden: bereik.values }),
      blad,
      record.vingerafdruk,
    );
  });
}
