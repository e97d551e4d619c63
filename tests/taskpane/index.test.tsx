/**
 * @jest-environment jsdom
 *
 * The entry point: renders into #container with or without Office.js, and picks the Fluent
 * theme from Office's theme once Office is ready.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { nl } from "../../src/i18n/nl";
import type { ExcelRun } from "../../src/excel/host";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Fluent's first render under jsdom can take seconds.
jest.setTimeout(60000);

type OfficeFake = {
  onReady: jest.Mock<Promise<{ host: string | null; platform: string | null }>, []>;
  context?: {
    officeTheme?: { bodyBackgroundColor: string };
    requirements?: { isSetSupported: (set: string, versie: string) => boolean };
  };
};
const globals = globalThis as unknown as { Office?: OfficeFake; Excel?: { run: ExcelRun } };

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
    // The workspace is a lazy chunk: let it load inside this module registry (with this copy of React),
    // and stop only when the steps are there.
    const tot = Date.now() + 30000;
    while (!document.querySelector('#container [role="tab"]') && Date.now() < tot) {
      await act(async () => {
        await new Promise((r) => setTimeout(r, 20));
      });
    }
  });
}

beforeEach(() => {
  // Outside Excel the pane keeps its state in localStorage: every test starts without one.
  localStorage.clear();
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
  // The steps loaded, with the note that this is not Excel.
  expect(document.querySelectorAll('#container [role="tab"]')).toHaveLength(6);
  expect(document.body.textContent).toContain(nl.paneel.algemeen.buitenExcel);
  expect(injectedCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
});

test("in Excel: waits for Office.onReady, follows a dark Office theme, and works on the workbook", async () => {
  const onReady = jest.fn(() => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }));
  // A minimal Excel.run (jsdom has no TextEncoder for the strict fake): a workbook without saved state.
  const instelling = { load: jest.fn(), isNullObject: true, value: undefined };
  const context = {
    workbook: { settings: { getItemOrNullObject: jest.fn(() => instelling), add: jest.fn() } },
    sync: async () => {},
  };
  const run = jest.fn((batch: (c: Excel.RequestContext) => Promise<unknown>) =>
    batch(context as unknown as Excel.RequestContext),
  );
  globals.Office = {
    onReady,
    context: { officeTheme: { bodyBackgroundColor: "#262626" }, requirements: { isSetSupported: () => true } },
  };
  globals.Excel = { run: run as unknown as ExcelRun };
  // The adapter chunk uses TextEncoder (every browser has it; jsdom does not).
  const g = globalThis as { TextEncoder?: unknown };
  g.TextEncoder ??= (require("node:util") as typeof import("node:util")).TextEncoder;
  try {
    await loadEntry();
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(document.querySelector("#container h1")?.textContent).toBe(nl.product);
    expect(injectedCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    // The Excel services: no "outside Excel" note, and the saved state was asked of the workbook.
    expect(document.body.textContent).not.toContain(nl.paneel.algemeen.buitenExcel);
    // The adapter is a lazy chunk: wait for it to ask for the state.
    const tot = Date.now() + 30000;
    while (run.mock.calls.length === 0 && Date.now() < tot) await new Promise((r) => setTimeout(r, 20));
    expect(run).toHaveBeenCalled();
    expect(context.workbook.settings.getItemOrNullObject).toHaveBeenCalledWith("jeugdscenario.paneel");
  } finally {
    delete globals.Excel;
  }
});

test("renders outside Office when Office.js is loaded (onReady with host null)", async () => {
  globals.Office = { onReady: jest.fn(() => Promise.resolve({ host: null, platform: null })) };
  await loadEntry();
  expect(document.querySelector("#container h1")?.textContent).toBe(nl.product);
});
