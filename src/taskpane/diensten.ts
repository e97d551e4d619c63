/**
 * What the task pane asks of the workbook, as one injected interface: the pane's components never call
 * Office.js themselves. `index.tsx` builds it from the Office.js adapter (src/excel) with `Excel.run`;
 * jest component tests pass a plain object; the browser tests build it from the adapter on the strict
 * Excel fake. Keeping the pane behind this interface is what lets the same pane run in all three.
 */
import type { Scenario } from "../domain/scenario/scenario";
import type { CsvOptions, CsvResult, Rol } from "../sources/csv";
import type { Snapshot } from "../sources/builtin";

/** Where Iv3 rows come from inside the workbook. */
export type Iv3Bron = { soort: "selectie" } | { soort: "naam"; naam: string } | { soort: "tabel"; naam: string };

export interface GelezenIv3 {
  readonly resultaat: CsvResult;
  /** The range that was read, e.g. "Blad1!A1:F2001". */
  readonly bereik: string;
}

export interface GeschrevenBlad {
  readonly naam: string;
  readonly id: string;
  readonly soort: "iv3-basis" | "scenario" | "vergelijking" | "regio";
}

export interface SchrijfResultaat {
  readonly bladen: readonly GeschrevenBlad[];
  /** Dutch notes about features this Excel version lacks (e.g. print setup skipped). */
  readonly meldingen: readonly string[];
}

/** A scenario the add-in wrote earlier, as recorded in the workbook's metadata. */
export interface ScenarioInWerkmap {
  readonly naam: string;
  readonly blad: string;
  readonly bladId?: string;
  readonly vingerafdruk: string;
  readonly datum: string;
  readonly versie: string;
}

/** The verification report, already in Dutch lines for display. */
export interface Controlerapport {
  readonly inOrde: boolean;
  readonly vingerafdruk: string;
  /** One line per finding ("Invoer gewijzigd: …"), empty when in order. */
  readonly bevindingen: readonly string[];
  /** Summary line, e.g. "Scenario Basis is in orde (vingerafdruk 3f2a…)." */
  readonly samenvatting: string;
}

export interface PaneelDiensten {
  /** Whether a workbook is attached (false in a plain browser: the pane shows a note, no write buttons). */
  readonly inExcel: boolean;
  /** Built-in CBS data, loaded lazily. */
  laadSnapshot(): Promise<Snapshot>;
  /** Writes the sheets for these scenarios (first one is the Basis; region sheet when it has a region). */
  schrijfScenarios(
    snapshot: Snapshot,
    scenarios: readonly Scenario[],
    voortgang?: (fractie: number, tekst: string) => void,
  ): Promise<SchrijfResultaat>;
  /** Writes only the Iv3-basis sheet for the scenario's gemeente and data set. */
  schrijfIv3Blad(snapshot: Snapshot, scenario: Scenario): Promise<SchrijfResultaat>;
  activeerBlad(id: string): Promise<void>;
  /** The column mapping recognised from the first rows (the gemeente stands in for a missing gemeente column). */
  leesKolomIndeling(bron: Iv3Bron, opties?: CsvOptions): Promise<CsvResult["indeling"]>;
  leesIv3(
    bron: Iv3Bron,
    opties: CsvOptions & { kolommen?: Partial<Record<Rol, number>> },
    voortgang?: (gelezen: number, totaal: number) => void,
  ): Promise<GelezenIv3>;
  lijstScenarios(): Promise<readonly ScenarioInWerkmap[]>;
  controleer(snapshot: Snapshot, scenario: ScenarioInWerkmap): Promise<Controlerapport>;
  /** The pane's working state (scenario inputs, step), kept in the document. */
  bewaarStaat(json: string): Promise<void>;
  laadStaat(): Promise<string | undefined>;
}
