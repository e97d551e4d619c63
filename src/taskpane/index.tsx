import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import App from "./components/App";
import { currentOfficeTheme, themeForOffice } from "./theme";

const useProviderStyles = makeStyles({
  root: { height: "100%" },
});

const Root = () => {
  const styles = useProviderStyles();
  return (
    <FluentProvider theme={themeForOffice(currentOfficeTheme())} className={styles.root}>
      <App />
    </FluentProvider>
  );
};

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html mist het element #container");
const root = createRoot(container);

function render(): void {
  root.render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

if (typeof Office === "undefined") {
  // Office.js did not load (plain browser, blocked CDN): show the pane anyway.
  render();
} else {
  // Outside Office, onReady resolves with host null; render in every case.
  Office.onReady().then(render, render);
}
