import { Body1, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { nl } from "../../i18n/nl";

export interface AppProps {
  /** Heading of the pane; defaults to the product name. */
  title?: string;
  /** Line under the heading; defaults to the product's subtitle. */
  subtitle?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXXL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  subtitle: {
    color: tokens.colorNeutralForeground2,
  },
});

/** The task pane. For now only the product header; the steps come in later issues. */
const App = ({ title = nl.product, subtitle = nl.productOndertitel }: AppProps) => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{title}</Title2>
        <Body1 as="p" className={styles.subtitle}>
          {subtitle}
        </Body1>
      </header>
    </main>
  );
};

export default App;
