/**
 * The task pane's services inside Excel: `PaneelDiensten` on top of the Office.js adapter. The pane
 * (src/taskpane) only knows the interface; index.tsx passes `Excel.run`, the browser tests the strict
 * fake. Every workbook action is one `host.run` batch of the adapter modules in this folder.
 */
import type { Hasher } from "../domain/scenario/canoniek";
import type { Scenario } from "../domain/scenario/scenario";
import { werkmapVoor } from "../app/werkmap-voor";
import { nl } from "../i18n/nl";
import { webHasher } from "../platform/hash-web";
import type { Snapshot } from "../sources/builtin";
import type { WerkmapSpec } from "../workbook/spec";
import type { Controlerapport, PaneelDiensten, SchrijfResultaat, ScenarioInWerkmap } from "../taskpane/diensten";
import { controleerScenario, lijstScenarios } from "./controle";
import type { ExcelHost } from "./host";
import { leesIv3UitWerkmap, leesKolomIndeling } from "./lezer";
import { ANKER_VOORVOEGSEL, schrijfInExcel, type SchrijfOpties, type SchrijfUitkomst } from "./schrijver";

/** Workbook setting holding the pane's working state (scenario inputs, step); saved with the document. */
export const PANEEL_INSTELLING = "jeugdscenario.paneel";

export interface DienstOpties {
  readonly hasher?: Hasher;
  /** The built-in data (default: the lazily loaded snapshot chunk). */
  readonly laadSnapshot?: () => Promise<Snapshot>;
  /** ISO date of writing (tests fix it; default today). */
  readonly datum?: string;
  readonly nieuweUid?: () => string;
}

export function maakDiensten(host: ExcelHost, opties: DienstOpties = {}): PaneelDiensten {
  const hasher = opties.hasher ?? webHasher;
  const schrijfOpties = (voortgang?: SchrijfOpties["voortgang"]): SchrijfOpties => ({
    ...(voortgang ? { voortgang } : {}),
    ...(opties.nieuweUid ? { nieuweUid: opties.nieuweUid } : {}),
  });
  const spec = (
    snapshot: Snapshot,
    scenarios: readonly Scenario[],
    bestaandeBladen: readonly string[],
    regio = true,
  ): Promise<WerkmapSpec> => {
    const basis = scenarios[0];
    if (!basis) return Promise.reject(new Error(nl.excel.geenScenarios));
    return werkmapVoor(snapshot, basis, hasher, {
      scenarios,
      bestaandeBladen,
      regio,
      ...(opties.datum ? { datum: opties.datum } : {}),
    });
  };

  return {
    inExcel: true,
    // A separate chunk: the data set is not part of the initial bundle.
    laadSnapshot: opties.laadSnapshot ?? (() => import("../sources/builtin").then((m) => m.loadSnapshot())),

    async schrijfScenarios(snapshot, scenarios, voortgang) {
      const uit = await schrijfInExcel(
        host,
        (bestaand) => spec(snapshot, scenarios, bestaand),
        schrijfOpties(voortgang),
      );
      return resultaat(uit);
    },

    async schrijfIv3Blad(snapshot, scenario) {
      const uit = await schrijfInExcel(
        host,
        async (bestaand) => alleenIv3Basis(await spec(snapshot, [scenario], bestaand, false)),
        schrijfOpties(),
      );
      return resultaat(uit);
    },

    activeerBlad: (id) =>
      host.run(async (context) => {
        // The anchor name follows the sheet through renames, so the link works after the user renamed it.
        const anker = context.workbook.names.getItemOrNullObject(`${ANKER_VOORVOEGSEL}${id}`);
        anker.load("type");
        await context.sync();
        if (anker.isNullObject || anker.type !== "Range") throw new Error(nl.excel.bladNietGevonden);
        anker.getRange().worksheet.activate();
        await context.sync();
      }),

    leesKolomIndeling: async (bron, leesOpties = {}) => (await leesKolomIndeling(host, bron, leesOpties)).indeling,

    async leesIv3(bron, leesOpties, voortgang) {
      const r = await leesIv3UitWerkmap(host, bron, { ...leesOpties, ...(voortgang ? { voortgang } : {}) });
      return { resultaat: r.resultaat, bereik: r.bereik };
    },

    async lijstScenarios(): Promise<ScenarioInWerkmap[]> {
      const lijst = await lijstScenarios(host);
      return lijst.map((s) => ({
        naam: s.naam,
        blad: s.huidigBlad ?? s.blad,
        ...(s.bladUid !== undefined ? { bladId: s.bladUid } : {}),
        vingerafdruk: s.vingerafdruk,
        datum: s.datum,
        versie: s.versie,
      }));
    },

    async controleer(snapshot, scenario): Promise<Controlerapport> {
      const c = await controleerScenario(
        host,
        snapshot,
        {
          naam: scenario.naam,
          blad: scenario.blad,
          ...(scenario.bladId !== undefined ? { bladUid: scenario.bladId } : {}),
        },
        hasher,
      );
      return { inOrde: c.inOrde, vingerafdruk: c.vingerafdruk, bevindingen: c.regels, samenvatting: c.samenvatting };
    },

    bewaarStaat: (json) =>
      host.run(async (context) => {
        context.workbook.settings.add(PANEEL_INSTELLING, json);
        await context.sync();
      }),

    laadStaat: () =>
      host.run(async (context) => {
        const instelling = context.workbook.settings.getItemOrNullObject(PANEEL_INSTELLING);
        instelling.load("value");
        await context.sync();
        return instelling.isNullObject || typeof instelling.value !== "string" ? undefined : instelling.value;
      }),
  };
}

/** Only the Iv3-basis sheet of a scenario workbook, and no scenario records (none is written). */
function alleenIv3Basis(w: WerkmapSpec): WerkmapSpec {
  const bladen = w.bladen.filter((b) => b.soort === "iv3-basis");
  const namen = new Set(bladen.map((b) => b.naam));
  return {
    bladen,
    metadata: {
      ...w.metadata,
      scenarios: [],
      ...(w.metadata.bladen ? { bladen: w.metadata.bladen.filter((b) => namen.has(b.naam)) } : {}),
    },
  };
}

function resultaat(uit: SchrijfUitkomst): SchrijfResultaat {
  return {
    bladen: uit.bladen.map((b) => ({ naam: b.naam, id: b.uid, soort: b.soort })),
    meldingen: uit.meldingen,
  };
}
