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

/**
 * Why the keyboard-only pane test failed about half the time on axe `color-contrast` for the success
 * toast's title: the toast fades in (Fluent's CollapseDelayed, Web Animations), and axe measured the
 * title while its container's opacity was still below 1. The toast held half-way through its entrance
 * shows the failure deterministically; the same toast, settled, passes, and `toegankelijkheid` now
 * always waits for running animations (harness.ts, `rustigePagina`).
 */
describeMetChromium("axe and a toast that animates in", (chromium) => {
  let h: Harnas;
  beforeAll(async () => {
    h = await startHarnas(chromium);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("half-way through its fade the title fails color-contrast; settled it passes", async () => {
    const p = await openPaneel(h, { pagina: "bediening.html" });
    try {
      await p.page.getByRole("button", { name: "Toon melding" }).click();
      await p.page.locator('[id^="toast-title"]').waitFor({ state: "attached" });
      // Hold every animation (the countdown Timer included, so the toast stays) and move the entrance to a
      // moment where the title's effective opacity is between 0.2 and 0.6.
      const dekking = await p.page.evaluate(() => {
        const titel = document.querySelector('[id^="toast-title"]');
        if (!titel) return -1;
        const effectief = () => {
          let o = 1;
          for (let e: Element | null = titel; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
          return o;
        };
        const animaties = document.getAnimations();
        for (const a of animaties) a.pause();
        const eind = Math.max(...animaties.map((a) => Number(a.effect?.getComputedTiming().endTime ?? 0)));
        for (let stap = 0; stap <= 100; stap++) {
          for (const a of animaties) a.currentTime = (eind * stap) / 100;
          const o = effectief();
          if (o > 0.2 && o < 0.6) return o;
        }
        return effectief();
      });
      expect(dekking).toBeGreaterThan(0.2);
      expect(dekking).toBeLessThan(0.6);
      const halverwege = ernstig(await toegankelijkheid(p.page));
      console.log(`axe with the toast at opacity ${dekking.toFixed(2)}:\n${beschrijf(halverwege)}`);
      expect(
        halverwege.some((b) => b.id === "color-contrast" && b.nodes.some((n) => n.includes("toast-title"))),
      ).toBe(true);

      // Let the entrance run to its end (the Timer stays held); axe then finds nothing serious.
      await p.page.evaluate(() => {
        for (const a of document.getAnimations()) {
          const doel = a.effect instanceof KeyframeEffect ? a.effect.target : null;
          if (!(doel instanceof Element && doel.hasAttribute("data-timer-status"))) a.play();
        }
      });
      const gezet = await toegankelijkheid(p.page);
      console.log(`axe with the toast settled:\n${beschrijf(gezet)}`);
      expect(ernstig(gezet)).toEqual([]);
      console.log(`screenshot: ${await schermafdruk(p.page, "harnas-melding-gezet")}`);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
