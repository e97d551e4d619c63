/**
 * @jest-environment jsdom
 *
 * The entry point: renders into #container with or without Office.js, and picks the Fluent
 * theme from Office's theme once Office is ready.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { nl } from "../../src/i18n/nl";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type OfficeFake = {
  onReady: jest.Mock<Promise<{ host: string | null; platform: string | null }>, []>;
  context?: { officeTheme?: { bodyBackgroundColor: string } };
};
const globals = globalThis as unknown as { Office?: OfficeFake };

/** All CSS custom-property declarations injected so far, as text. */
function injectedCss(): string {
  return Array.from(document.styleSheets)
    .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
    .join("\n");
}

/**
 * Runs the entry module afresh. It gets its own module registry, so `act` must come from the
 * same (isolated) copy of React that the entry renders with.
 */
async function loadEntry(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const { act } = require("react") as typeof import("react");
    await act(async () => {
      require("../../src/taskpane/index");
    });
  });
}

beforeEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = '<div id="container"></div>';
  delete globals.Office;
});

afterAll(() => {
  delete globals.Office;
});

test("renders the pane without Office.js", async () => {
  await loadEntry();
  expect(document.querySelector("#container h1")?.textContent).toBe(nl.product);
  expect(injectedCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
});

test("waits for Office.onReady and follows a dark Office theme", async () => {
  const onReady = jest.fn(() => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }));
  globals.Office = { onReady, context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
  await loadEntry();
  expect(onReady).toHaveBeenCalledTimes(1);
  expect(document.querySelector("#container h1")?.textContent).toBe(nl.product);
  expect(injectedCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
});

test("renders outside Office when Office.js is loaded (onReady with host null)", async () => {
  globals.Office = { onReady: jest.fn(() => Promise.resolve({ host: null, platform: null })) };
  await loadEntry();
  expect(document.querySelector("#container h1")?.textContent).toBe(nl.product);
});
