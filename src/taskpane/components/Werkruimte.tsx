import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Toast,
  ToastTitle,
  Toaster,
  makeStyles,
  tokens,
  useId,
  useToastController,
} from "@fluentui/react-components";
import type { Scenario } from "../../domain/scenario/scenario";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { Snapshot } from "../../sources/builtin";
import type { CbsOdataSource } from "../../sources/cbs-odata";
import { scenarioContext } from "../../sources/scenario-gegevens";
import type { PaneelDiensten } from "../diensten";
import { bereken, controleerConcept } from "../staat/berekening";
import { bewaarTekst, leesBewaardeStaat, STAPPEN, type BronSoort, type StapId } from "../staat/bewaren";
import { standaardConcept, type Concept } from "../staat/concept";
import { metEigenCijfers, type EigenCijfers } from "../staat/eigen-cijfers";
import GegevensStap from "./GegevensStap";
import { PaneelContext, type PaneelStaat } from "./paneel-context";

/** How long the pane waits for the saved state before it starts without it. */
const LAAD_STAAT_MAX_MS = 10_000;

const MaatregelenStap = lazy(() => import("./MaatregelenStap"));
const MaatwerkbudgetStap = lazy(() => import("./MaatwerkbudgetStap"));
const RegioStap = lazy(() => import("./RegioStap"));
const ScenariosStap = lazy(() => import("./ScenariosStap"));
const ControleStap = lazy(() => import("./ControleStap"));

/** What the shell started before this chunk was loaded, so data and state load in parallel with it. */
export interface Start {
  readonly snapshot: Promise<Snapshot>;
  readonly staat: Promise<string | undefined>;
}

export interface WerkruimteProps {
  readonly diensten: PaneelDiensten;
  readonly start: Start;
  readonly bewaarVertragingMs: number;
  readonly cbsBron: (() => Promise<CbsOdataSource>) | undefined;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: "0",
  },
  meldingen: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
  tabs: {
    flexWrap: "wrap",
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inhoud: {
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    minWidth: "0",
  },
  navigatie: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXL,
  },
  laden: {
    paddingTop: tokens.spacingVerticalXXL,
  },
});

/** `p`, or a rejection with `melding` when it takes longer than `ms`; the timer never outlives the race. */
function metTijdslimiet<T>(p: Promise<T>, ms: number, melding: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const grens = new Promise<never>((_, weiger) => {
    timer = setTimeout(() => weiger(new Error(melding)), ms);
  });
  return Promise.race([p, grens]).finally(() => clearTimeout(timer));
}

type Melding = { readonly tekst: string; readonly soort: "info" | "warning" | "error" };

/**
 * Everything of the pane below its header: the six steps as tabs and the shared state (scenario concept,
 * source, own figures, persistence). Loaded lazily by App, so the first paint needs only the shell.
 */
const Werkruimte = ({ diensten, start, bewaarVertragingMs, cbsBron }: WerkruimteProps) => {
  const styles = useStyles();
  const toasterId = useId("meldingen");
  const { dispatchToast } = useToastController(toasterId);
  const tabsId = useId("stap");

  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [snapshotFout, setSnapshotFout] = useState<string>();
  const [geladen, setGeladen] = useState(false);
  const [stap, setStap] = useState<StapId>("gegevens");
  const [bezocht, setBezocht] = useState<ReadonlySet<StapId>>(new Set(["gegevens"]));
  const [bron, setBron] = useState<BronSoort>("ingebouwd");
  const [concept, setConcept] = useState<Concept>(() => standaardConcept());
  const [eigenCijfers, setEigenCijfers] = useState<EigenCijfers>();
  const [melding, setMelding] = useState<Melding>();
  const [laatsteGeldig, setLaatsteGeldig] = useState<Scenario>();
  const [hersteld, setHersteld] = useState(false);

  // Built-in data (lazy chunk) and the saved state, once.
  useEffect(() => {
    let weg = false;
    start.snapshot.then(
      (s) => !weg && setSnapshot(s),
      (e: unknown) => !weg && setSnapshotFout(nlPaneel.algemeen.laadFout(e instanceof Error ? e.message : String(e))),
    );
    (async () => {
      let tekst: string | undefined;
      try {
        // A host that never answers must not keep the pane closed: after a while, start without the saved state.
        tekst = await metTijdslimiet(start.staat, LAAD_STAAT_MAX_MS, nlPaneel.herstel.geenAntwoord);
      } catch (e) {
        if (!weg)
          setMelding({ tekst: nlPaneel.herstel.laadFout((e as Error)?.message ?? String(e)), soort: "warning" });
      }
      if (weg) return;
      const g = leesBewaardeStaat(tekst);
      if (g.soort === "ok") {
        setConcept(g.staat.concept);
        setStap(g.staat.stap);
        setBezocht(new Set(["gegevens", g.staat.stap]));
        setBron(g.staat.bron);
        setEigenCijfers(g.staat.eigenCijfers);
        setHersteld(true);
      } else if (g.soort === "ongeldig") {
        setMelding({ tekst: nlPaneel.herstel.ongeldig[g.reden], soort: "warning" });
      }
      setGeladen(true);
    })();
    return () => {
      weg = true;
    };
  }, [start]);

  // Save the working state (debounced) once the saved state has been read.
  const bewaarFoutGemeld = useRef(false);
  useEffect(() => {
    if (!geladen) return;
    const tekst = bewaarTekst({
      versie: 1,
      stap,
      bron,
      concept,
      ...(eigenCijfers ? { eigenCijfers } : {}),
    });
    const id = setTimeout(() => {
      diensten.bewaarStaat(tekst).catch((e: unknown) => {
        if (bewaarFoutGemeld.current) return;
        bewaarFoutGemeld.current = true;
        setMelding({ tekst: nlPaneel.herstel.bewaarFout((e as Error)?.message ?? String(e)), soort: "warning" });
      });
    }, bewaarVertragingMs);
    return () => clearTimeout(id);
  }, [geladen, stap, bron, concept, eigenCijfers, diensten, bewaarVertragingMs]);

  const ctx = useMemo(() => (snapshot ? scenarioContext(snapshot) : undefined), [snapshot]);
  const eigenActief =
    eigenCijfers !== undefined &&
    bron === eigenCijfers.soort &&
    eigenCijfers.gemeente === concept.gemeente &&
    eigenCijfers.dataset === concept.dataset;
  const werkSnapshot = useMemo(
    () =>
      snapshot && eigenActief && eigenCijfers
        ? metEigenCijfers(snapshot, eigenCijfers, nlPaneel.gegevens.herkomstOverlay)
        : snapshot,
    [snapshot, eigenActief, eigenCijfers],
  );
  const controle = useMemo(() => (ctx ? controleerConcept(concept, ctx) : undefined), [concept, ctx]);
  useEffect(() => {
    if (controle?.scenario) setLaatsteGeldig(controle.scenario);
  }, [controle]);
  // An earlier valid input only stands in for the current one while gemeente and data set are the same.
  const reserve =
    laatsteGeldig && laatsteGeldig.gemeente === concept.gemeente && laatsteGeldig.dataset === concept.dataset
      ? laatsteGeldig
      : undefined;
  const scenario = controle?.scenario ?? reserve;
  const berekening = useMemo(
    () => (werkSnapshot && scenario ? bereken(werkSnapshot, scenario) : undefined),
    [werkSnapshot, scenario],
  );

  const naarStap = useCallback((s: StapId) => {
    setStap(s);
    setBezocht((b) => (b.has(s) ? b : new Set([...b, s])));
  }, []);
  const zetConcept = useCallback((f: (c: Concept) => Concept) => setConcept(f), []);
  const meld = useCallback(
    (tekst: string, soort: "success" | "info" | "warning" | "error" = "success") =>
      dispatchToast(
        <Toast>
          <ToastTitle>{tekst}</ToastTitle>
        </Toast>,
        { intent: soort, timeout: 6000 },
      ),
    [dispatchToast],
  );
  // Say once that the previous work is back (a toast: it needs no action).
  useEffect(() => {
    if (hersteld) meld(nlPaneel.herstel.hersteld, "info");
  }, [hersteld, meld]);
  const maakCbsBron = useMemo(
    () => cbsBron ?? (() => import("../../sources/cbs-odata").then((m) => m.createCbsOdataSource())),
    [cbsBron],
  );

  const staat: PaneelStaat | undefined =
    geladen && snapshot && werkSnapshot && ctx && controle
      ? {
          diensten,
          basisSnapshot: snapshot,
          snapshot: werkSnapshot,
          ctx,
          concept,
          zetConcept,
          bron,
          zetBron: setBron,
          eigenCijfers,
          eigenActief,
          zetEigenCijfers: setEigenCijfers,
          controle,
          scenario,
          verouderd: controle.scenario === undefined && scenario !== undefined,
          berekening,
          naarStap,
          meld,
          cbsBron: maakCbsBron,
        }
      : undefined;

  const stapIndex = STAPPEN.indexOf(stap);
  const vorige = STAPPEN[stapIndex - 1];
  const volgende = STAPPEN[stapIndex + 1];

  return (
    <div className={styles.root}>
      <Toaster toasterId={toasterId} position="top-end" />
      {(!diensten.inExcel || melding) && (
        <div className={styles.meldingen}>
          {!diensten.inExcel && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{nlPaneel.algemeen.buitenExcel}</MessageBarBody>
            </MessageBar>
          )}
          {melding && (
            <MessageBar intent={melding.soort} layout="multiline">
              <MessageBarBody>{melding.tekst}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setMelding(undefined)}>
                  {nlPaneel.algemeen.sluiten}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={stap}
        onTabSelect={(_, d) => naarStap(d.value as StapId)}
        aria-label={nlPaneel.stappen.label}
        size="small"
      >
        {STAPPEN.map((s) => (
          <Tab
            key={s}
            value={s}
            id={`${tabsId}-${s}`}
            // Only a panel that exists: panels render once their step is visited and the state has loaded.
            aria-controls={staat && !snapshotFout && bezocht.has(s) ? `${tabsId}-${s}-paneel` : undefined}
          >
            {nlPaneel.stappen[s]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.inhoud}>
        {snapshotFout ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{snapshotFout}</MessageBarBody>
          </MessageBar>
        ) : !staat ? (
          <Spinner className={styles.laden} label={nlPaneel.algemeen.laden} />
        ) : (
          <PaneelContext.Provider value={staat}>
            {STAPPEN.filter((s) => bezocht.has(s)).map((s) => (
              <section
                key={s}
                id={`${tabsId}-${s}-paneel`}
                role="tabpanel"
                aria-labelledby={`${tabsId}-${s}`}
                hidden={s !== stap}
              >
                <Suspense fallback={<Spinner size="small" />}>
                  {s === "gegevens" && <GegevensStap />}
                  {s === "maatregelen" && <MaatregelenStap />}
                  {s === "maatwerkbudget" && <MaatwerkbudgetStap />}
                  {s === "regio" && <RegioStap />}
                  {s === "scenarios" && <ScenariosStap />}
                  {s === "controle" && <ControleStap />}
                </Suspense>
              </section>
            ))}
            <nav className={styles.navigatie} aria-label={nlPaneel.stappen.label}>
              {vorige ? (
                <Button onClick={() => naarStap(vorige)}>{nlPaneel.algemeen.vorige(nlPaneel.stappen[vorige])}</Button>
              ) : (
                <span />
              )}
              {volgende && (
                <Button appearance="primary" onClick={() => naarStap(volgende)}>
                  {nlPaneel.algemeen.volgende(nlPaneel.stappen[volgende])}
                </Button>
              )}
            </nav>
          </PaneelContext.Provider>
        )}
      </div>
    </div>
  );
};

export default Werkruimte;
