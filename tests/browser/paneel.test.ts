/**
 * The task pane in headless Chromium, built with the test entry (paneel-test.tsx: the pane's App on the
 * strict Excel fake) and served on 127.0.0.1. What holds for every state of the pane: it loads without a
 * console error (CSP violations and React warnings included), its header is visible at task-pane width,
 * axe-core finds nothing serious or critical, in the light and the dark Office theme.
 */
import { describeMetChromium } from "./chromium";
import {
  bladnamen,
  beschrijf,
  cel,
  ernstig,
  formule,
  leesWerkmap,
  openPaneel,
  schermafdruk,
  startHarnas,
  toegankelijkheid,
  zetCel,
  type Harnas,
} from "./harness";
import { nl } from "../../src/i18n/nl";

describeMetChromium("task pane in Chromium", (chromium) => {
  let h: Harnas;
  beforeAll(async () => {
    h = await startHarnas(chromium);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("loads without console errors and shows the header at 350 px", async () => {
    const p = await openPaneel(h);
    try {
      const kop = p.page.getByRole("heading", { level: 1, name: nl.product });
      await expect(kop.isVisible()).resolves.toBe(true);
      const vak = await kop.boundingBox();
      expect(vak && vak.x >= 0 && vak.x + vak.width <= 350).toBe(true);
      // Nothing scrolls sideways at task-pane width.
      expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      expect(await p.page.evaluate(() => document.documentElement.lang)).toBe("nl");
      console.log(`screenshot: ${await schermafdruk(p.page, "paneel-start-licht")}`);
      expect(p.fouten).toEqual([]);
      expect(h.server.requests).toContain("/office-js/office.js");
    } finally {
      await p.close();
    }
  });

  test.each(["licht", "donker"] as const)("axe-core: no serious or critical violations (%s theme)", async (thema) => {
    const p = await openPaneel(h, { thema });
    try {
      const bevindingen = await toegankelijkheid(p.page);
      console.log(`axe (${thema}): ${bevindingen.length} violation(s)\n${beschrijf(bevindingen)}`);
      expect(ernstig(bevindingen)).toEqual([]);
      if (thema === "donker") {
        const achtergrond = await p.page.evaluate(
          () => getComputedStyle(document.querySelector(".fui-FluentProvider") ?? document.body).backgroundColor,
        );
        expect(achtergrond).toBe("rgb(41, 41, 41)"); // webDarkTheme colorNeutralBackground1 (#292929)
        console.log(`screenshot: ${await schermafdruk(p.page, "paneel-start-donker")}`);
      }
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("the CSP refuses Office.js's telemetry frame and nothing else", async () => {
    const p = await openPaneel(h);
    try {
      // Office.js frames its ULS telemetry proxy 3 s after start (see webpack.config.js).
      await p.page.waitForTimeout(4000);
      expect(p.geblokkeerd).toHaveLength(1);
      expect(p.geblokkeerd[0]).toMatch(/telemetryservice\.firstpartyapps\.oaspapps\.com/);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("the fake workbook behind the pane can be read and changed from the test", async () => {
    const p = await openPaneel(h, { werkmap: "begroting" });
    try {
      expect(await bladnamen(p.page)).toEqual(["Toelichting", "Begroting 2025"]);
      expect(await formule(p.page, "Begroting 2025", "C8")).toBe("=SUM(C2:C7)");
      expect(await cel(p.page, "Begroting 2025", "A2")).toEqual({
        value: "6.751",
        formula: null,
        numberFormat: "General",
      });
      const voor = await leesWerkmap(p.page);
      await zetCel(p.page, "Begroting 2025", "C2", 4_300_000);
      expect((await cel(p.page, "Begroting 2025", "C2")).value).toBe(4_300_000);
      expect(await leesWerkmap(p.page)).not.toEqual(voor);
      // A reload starts from the seeded workbook again.
      await p.page.reload();
      await p.page.locator("#container h1").waitFor();
      expect((await cel(p.page, "Begroting 2025", "C2")).value).toBe(4_250_000);
    } finally {
      await p.close();
    }
  });
});
