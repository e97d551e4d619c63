/**
 * What every step reads and changes, shared through one React context so that lazily loaded steps get
 * it without prop drilling. The state itself lives in App; this is only its interface.
 */
import { createContext, useContext } from "react";
import type { Scenario } from "../../domain/scenario/scenario";
import type { ScenarioContext } from "../../domain/scenario/validatie";
import type { Snapshot } from "../../sources/builtin";
import type { CbsOdataSource } from "../../sources/cbs-odata";
import type { PaneelDiensten } from "../diensten";
import type { BronSoort, StapId } from "../staat/bewaren";
import type { Berekening, Controle } from "../staat/berekening";
import type { Concept } from "../staat/concept";
import type { EigenCijfers } from "../staat/eigen-cijfers";

export interface PaneelStaat {
  readonly diensten: PaneelDiensten;
  /** The built-in data as loaded. */
  readonly basisSnapshot: Snapshot;
  /** The data the scenario uses: the built-in data, with the user's own figures laid over it when active. */
  readonly snapshot: Snapshot;
  readonly ctx: ScenarioContext;
  readonly concept: Concept;
  readonly zetConcept: (f: (c: Concept) => Concept) => void;
  readonly bron: BronSoort;
  readonly zetBron: (b: BronSoort) => void;
  readonly eigenCijfers: EigenCijfers | undefined;
  /** Whether the own figures are in use (right source, gemeente and data set). */
  readonly eigenActief: boolean;
  readonly zetEigenCijfers: (e: EigenCijfers | undefined) => void;
  readonly controle: Controle;
  /** The scenario the figures belong to: the current one when valid, else the last valid one. */
  readonly scenario: Scenario | undefined;
  /** True when `scenario` is an earlier valid input because the current input has errors. */
  readonly verouderd: boolean;
  readonly berekening: Berekening | undefined;
  readonly naarStap: (s: StapId) => void;
  readonly meld: (tekst: string, soort?: "success" | "info" | "warning" | "error") => void;
  readonly cbsBron: () => Promise<CbsOdataSource>;
}

export const PaneelContext = createContext<PaneelStaat | undefined>(undefined);

export function usePaneel(): PaneelStaat {
  const p = useContext(PaneelContext);
  if (!p) throw new Error("usePaneel outside PaneelContext");
  return p;
}
