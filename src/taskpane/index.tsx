import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import App from "./components/App";
import { browserDiensten } from "./browser-diensten";
import type { PaneelDiensten } from "./diensten";
import { excelDiensten, officeHost } from "./excel-diensten";
import { currentOfficeTheme, themeForOffice } from "./theme";

// The provider's background must reach the bottom of the pane, also when the content is taller (dark theme).
// An inline style, not a className: FluentProvider copies its className onto every portal (Combobox list,
// Tooltip, Toast), and a full-height portal would cover the pane.
const VLAK = { minHeight: "100%" } as const;

const Root = ({ diensten }: { diensten: PaneelDiensten }) => (
  <FluentProvider theme={themeForOffice(currentOfficeTheme())} style={VLAK}>
    <App diensten={diensten} />
  </FluentProvider>
);

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html mist het element #container");
const root = createRoot(container);

// Office.HostType.Excel's value; the literal keeps this file from touching `Office` before it is known to exist.
const EXCEL: string = "Excel";

/** Inside Excel the Office.js adapter (loaded on first use); anywhere else the browser's stand-ins. */
function dienstenVoor(info: { host: Office.HostType | null } | undefined): PaneelDiensten {
  // `info` is undefined when Office.js did not load; `Office` must not be touched then.
  return info !== undefined && String(info.host) === EXCEL ? excelDiensten(officeHost()) : browserDiensten();
}

function render(info?: { host: Office.HostType | null }): void {
  root.render(
    <StrictMode>
      <Root diensten={dienstenVoor(info)} />
    </StrictMode>,
  );
}

if (typeof Office === "undefined") {
  // Office.js did not load (plain browser, blocked CDN): show the pane anyway.
  render();
} else {
  // Outside Office, onReady resolves with host null; render in every case.
  Office.onReady().then(
    (info) => render(info),
    () => render(),
  );
}
