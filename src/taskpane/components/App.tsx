/**
 * The task pane's shell: the header, painted at once, and the workspace (steps, state, engine), loaded
 * as a separate chunk. The built-in data and the saved state are requested here, before the workspace
 * chunk arrives, so the three load in parallel and the initial bundle stays small.
 */
import { Suspense, lazy, useMemo } from "react";
import { Body1, Spinner, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { CbsOdataSource } from "../../sources/cbs-odata";
import type { PaneelDiensten } from "../diensten";
import type { Start } from "./Werkruimte";

const Werkruimte = lazy(() => import("./Werkruimte"));

export interface AppProps {
  /** Everything the pane asks of the workbook (see diensten.ts). */
  diensten: PaneelDiensten;
  /** Heading of the pane; defaults to the product name. */
  title?: string;
  /** Line under the heading; defaults to the product's subtitle. */
  subtitle?: string;
  /** Delay before the working state is saved after a change (ms). */
  bewaarVertragingMs?: number;
  /** The CBS open data source (default: the real one, loaded lazily). Tests pass a fake. */
  cbsBron?: () => Promise<CbsOdataSource>;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
    minWidth: "0",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titel: {
    margin: "0",
  },
  subtitle: {
    margin: "0",
    color: tokens.colorNeutralForeground2,
  },
  laden: {
    paddingTop: tokens.spacingVerticalXXL,
  },
});

/** A promise whose rejection is handled later (by the workspace): mark it handled now. */
function vroeg<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

const App = ({
  diensten,
  title = nlPaneel.kop.product,
  subtitle = nlPaneel.kop.ondertitel,
  bewaarVertragingMs = 600,
  cbsBron,
}: AppProps) => {
  const styles = useStyles();
  const start: Start = useMemo(
    () => ({
      snapshot: vroeg(Promise.resolve().then(() => diensten.laadSnapshot())),
      staat: vroeg(Promise.resolve().then(() => diensten.laadStaat())),
    }),
    [diensten],
  );
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.titel}>
          {title}
        </Title2>
        <Body1 as="p" className={styles.subtitle}>
          {subtitle}
        </Body1>
      </header>
      <Suspense fallback={<Spinner className={styles.laden} label={nlPaneel.algemeen.laden} />}>
        <Werkruimte diensten={diensten} start={start} bewaarVertragingMs={bewaarVertragingMs} cbsBron={cbsBron} />
      </Suspense>
    </main>
  );
};

export default App;
