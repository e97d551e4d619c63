/**
 * @jest-environment jsdom
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../src/taskpane/components/App";
import { nl } from "../../src/i18n/nl";

// Tell React this is a test environment so act() flushes effects without warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe("App", () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  test("shows the product name as heading and the subtitle", () => {
    act(() => {
      root.render(
        <FluentProvider theme={webLightTheme}>
          <App />
        </FluentProvider>,
      );
    });
    const heading = container.querySelector("h1");
    expect(heading?.textContent).toBe("Jeugdscenario");
    expect(heading?.textContent).toBe(nl.product);
    expect(container.textContent).toContain(nl.productOndertitel);
  });

  test("renders outside a FluentProvider too (no Office, no theme)", () => {
    act(() => {
      root.render(<App />);
    });
    expect(container.querySelector("h1")?.textContent).toBe(nl.product);
  });
});
