/**
 * The harness's scenario helpers against real Fluent UI v9 controls (bediening-test.tsx: a Combobox with
 * the 342 built-in gemeenten, a TabList, a Button that writes to the fake workbook), under the pane's
 * template and CSP. The pane's own suites use the same helpers; this file proves them independently.
 */
import { describeMetChromium } from "./chromium";
import {
  actiefBlad,
  bladnamen,
  beschrijf,
  cel,
  druk,
  ernstig,
  focus,
  kiesGemeente,
  naarBegin,
  openPaneel,
  schermafdruk,
  startHarnas,
  tabNaar,
  tabVolgorde,
  toegankelijkheid,
  type Harnas,
} from "./harness";

describeMetChromium("harness helpers on Fluent controls", (chromium) => {
  let h: Harnas;
  beforeAll(async () => {
    h = await startHarnas(chromium);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("choose a gemeente by keyboard only, write it to the workbook, read it back", async () => {
    const p = await openPaneel(h, { pagina: "bediening.html" });
    try {
      const { page } = p;
      // Keyboard only from the top of the page: Tab to the picker, type, arrows, Enter.
      const picker = page.getByRole("combobox", { name: "Gemeente" });
      await picker.waitFor();
      await naarBegin(page);
      const stappen = await tabNaar(page, picker);
      expect(stappen).toBeGreaterThanOrEqual(2); // the selected tab comes first
      const f = await focus(page);
      expect(f).toMatchObject({ role: "combobox", focusVisible: true, indicator: true });

      await kiesGemeente(page, "hertogen", { optie: "'s-Hertogenbosch" });
      await kiesGemeente(page, "Tiel");
      await tabNaar(page, page.getByRole("button", { name: "Naar werkmap" }));
      expect(await focus(page)).toMatchObject({ tag: "button", focusVisible: true, indicator: true });
      await druk(page, "Enter");
      await page.getByRole("status").getByText("Geschreven: Tiel").waitFor();

      expect(await bladnamen(page)).toEqual(["Toelichting", "Begroting 2025", "Keuze"]);
      expect((await cel(page, "Keuze", "A1")).value).toBe("Tiel");
      expect((await cel(page, "Keuze", "B1")).value).toBe("gegevens");
      expect(await actiefBlad(page)).toBe("Begroting 2025"); // adding a sheet does not activate it
      console.log(`screenshot: ${await schermafdruk(page, "harnas-bediening-toetsenbord")}`);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("choose a gemeente with the mouse; arrow keys move between tabs", async () => {
    const p = await openPaneel(h, { pagina: "bediening.html", werkmap: "leeg" });
    try {
      const { page } = p;
      await kiesGemeente(page, "Súdwest", { via: "muis", optie: "Súdwest-Fryslân" });

      await naarBegin(page);
      const eerste = await tabVolgorde(page, 1);
      expect(eerste[0]).toMatchObject({ role: "tab", naam: "Gegevens", focusVisible: true, indicator: true });
      await druk(page, "ArrowRight", "ArrowRight");
      expect(await focus(page)).toMatchObject({ role: "tab", naam: "Scenario's" });
      await druk(page, "Enter");
      await tabNaar(page, page.getByRole("button", { name: "Naar werkmap" }));
      await druk(page, " ");
      await page.getByRole("status").getByText("Geschreven: Súdwest-Fryslân").waitFor();
      expect(await bladnamen(page)).toEqual(["Blad1", "Keuze"]);
      expect((await cel(page, "Keuze", "B1")).value).toBe("scenarios");
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("axe-core finds nothing serious on the Fluent controls with an open list", async () => {
    const p = await openPaneel(h, { pagina: "bediening.html" });
    try {
      const picker = p.page.getByRole("combobox", { name: "Gemeente" });
      await picker.waitFor();
      await p.page.waitForFunction(() => !document.querySelector('[role="combobox"][disabled]'));
      await picker.click();
      await p.page.getByRole("listbox").waitFor();
      const bevindingen = await toegankelijkheid(p.page);
      console.log(`axe (controls, list open): ${bevindingen.length} violation(s)\n${beschrijf(bevindingen)}`);
      expect(ernstig(bevindingen)).toEqual([]);
      console.log(`screenshot: ${await schermafdruk(p.page, "harnas-bediening-lijst-open")}`);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
