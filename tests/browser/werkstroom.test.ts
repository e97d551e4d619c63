/**
 * The controller's workflow in the built pane (headless Chromium) on the strict Excel fake, through the
 * pane's real Excel services (the Office.js adapter): choose a gemeente, change a measure and see the
 * saving change, write the three default scenarios and inspect the workbook, read a range with an
 * invalid amount, verify a sheet after an input changed, and the whole run by keyboard alone.
 * Screenshots of every step at 350 px go to out/screenshots (outside git) for review by eye.
 */
import type { Page } from "playwright-core";
import { describeMetChromium } from "./chromium";
import {
  bladen,
  bladnamen,
  cel,
  druk,
  ernstig,
  focus,
  formule,
  instellingen,
  kiesGemeente,
  leesWerkmap,
  namen,
  naarBegin,
  openPaneel,
  schermafdruk,
  startHarnas,
  tabNaar,
  toegankelijkheid,
  zetCel,
  type Harnas,
} from "./harness";
import { nl } from "../../src/i18n/nl";
import { leesMetadataJson, METADATA_INSTELLING, METADATA_NAMESPACE } from "../../src/excel/metadata";
import { leesScenario } from "../../src/domain/scenario/validatie";
import { loadSnapshot } from "../../src/sources/builtin";
import { scenarioContext, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import { scenarioBladMetModel } from "../../src/workbook/werkmap";
import { normaliseerFormule } from "../../src/workbook/controle";

const t = nl.paneel;
// A full write and verify through the adapter chunk takes a few seconds in Chromium.
jest.setTimeout(120_000);

async function naarStap(page: Page, stap: keyof typeof t.stappen): Promise<void> {
  await page.getByRole("tab", { name: t.stappen[stap] }).click();
  await page
    .getByRole("heading", { level: 2, name: t.stappen[stap] === "Scenario's" ? t.scenarios.kop : t.stappen[stap] })
    .waitFor();
}

/** The net saving column of the Maatregelen summary ("Netto besparing per jaar"), as shown. */
async function nettoBesparing(page: Page): Promise<string[]> {
  const tabel = page.getByRole("table", { name: t.maatregelen.samenvattingTabel });
  await tabel.waitFor();
  return tabel
    .locator("tbody tr")
    .evaluateAll((rijen) => rijen.map((r) => (r.querySelectorAll("td")[1]?.textContent ?? "").trim()));
}

async function schrijfDrieScenarios(page: Page): Promise<void> {
  await naarStap(page, "scenarios");
  await page.getByRole("button", { name: t.scenarios.schrijven }).click();
  await page.getByText(/^Geschreven: /).waitFor({ timeout: 60_000 });
}

describeMetChromium("the workflow in the pane, on the Office.js adapter", (chromium) => {
  let h: Harnas;
  beforeAll(async () => {
    h = await startHarnas(chromium);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("choose a gemeente, change a measure's realisation and see the net saving change", async () => {
    const p = await openPaneel(h);
    try {
      await kiesGemeente(p.page, "Tiel");
      await p.page.getByText(t.gegevens.jeugdTotaal).first().waitFor();
      console.log(`screenshot: ${await schermafdruk(p.page, "stap-1-gegevens-tiel")}`);
      await naarStap(p.page, "maatregelen");
      const voor = await nettoBesparing(p.page);
      expect(voor.length).toBeGreaterThanOrEqual(2);
      // Half the realisation of the first measure: the allocated saving of later years drops.
      const realisatie = p.page.getByLabel(new RegExp(`^${t.velden.realisatiegraad}, `)).first();
      await realisatie.fill("50");
      await realisatie.press("Tab");
      await p.page.waitForFunction(
        (oud) =>
          JSON.stringify(
            Array.from(document.querySelectorAll("table tbody tr")).map(
              (r) => r.querySelectorAll("td")[1]?.textContent,
            ),
          ) !== oud,
        JSON.stringify(voor),
      );
      const na = await nettoBesparing(p.page);
      expect(na).not.toEqual(voor);
      // The amounts are Dutch euro text; the last year's saving is smaller with half the realisation.
      const bedrag = (s: string | undefined): number => Number((s ?? "").replace(/[^\d,-]/g, "").replace(",", "."));
      expect(bedrag(na.at(-1))).toBeLessThan(bedrag(voor.at(-1)));
      console.log(`netto besparing Tiel: ${voor.join(" | ")} → ${na.join(" | ")}`);
      console.log(`screenshot: ${await schermafdruk(p.page, "stap-2-maatregelen")}`);
      for (const stap of ["maatwerkbudget", "regio", "scenarios", "controle"] as const) {
        await naarStap(p.page, stap);
        console.log(`screenshot: ${await schermafdruk(p.page, `stap-${stap}`)}`);
      }
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("write the three default scenarios, then inspect sheets, names, formulas and metadata in the workbook", async () => {
    const p = await openPaneel(h, { werkmap: "begroting" });
    try {
      const gebruiker = await leesWerkmap(p.page);
      await kiesGemeente(p.page, "Tiel");
      await schrijfDrieScenarios(p.page);
      console.log(`screenshot: ${await schermafdruk(p.page, "stap-5-geschreven")}`);

      const namenNu = await bladnamen(p.page);
      expect(namenNu.slice(0, 2)).toEqual(["Toelichting", "Begroting 2025"]);
      for (const n of ["Scenario Basis", "Scenario Optimistisch", "Scenario Pessimistisch"])
        expect(namenNu).toContain(n);
      expect(namenNu.some((n) => n.startsWith("~js"))).toBe(false);
      // The user's sheets are untouched, cell for cell.
      const na = await leesWerkmap(p.page);
      const eerste = (w: typeof na): unknown[] => (Array.isArray(w.sheets) ? w.sheets.slice(0, 2) : []);
      expect(eerste(na)).toHaveLength(2);
      expect(eerste(na)).toEqual(eerste(gebruiker));

      // Metadata: the setting and the custom XML part, three scenarios with their fingerprints.
      const json = (await instellingen(p.page))[METADATA_INSTELLING];
      if (typeof json !== "string") throw new Error("no metadata setting");
      const m = leesMetadataJson(json);
      expect(m.scenarios.map((s) => s.naam)).toEqual(["Basis", "Optimistisch", "Pessimistisch"]);
      for (const s of m.scenarios) expect(s.vingerafdruk).toMatch(/^sha256:[0-9a-f]{64}$/);
      const delen = await p.page.evaluate(() => window.__fake?.customXmlParts() ?? []);
      expect(delen.filter((d) => d.namespaceUri === METADATA_NAMESPACE)).toHaveLength(1);

      // Names: one hidden anchor per written sheet, and the scenario's input names on its own sheet.
      const alle = await namen(p.page);
      const ankers = alle.filter((n) => n.name.startsWith("_jeugdscenario_"));
      expect(ankers).toHaveLength(m.bladen.length);
      expect(ankers.every((n) => !n.visible)).toBe(true);
      expect(alle.filter((n) => n.sheet === "Scenario Basis").length).toBeGreaterThan(10);

      // Every formula of Scenario Basis is the one the engine's sheet description has for that cell.
      const basis = m.scenarios[0];
      if (!basis) throw new Error("no Basis");
      const snapshot = await loadSnapshot();
      const gelezen = leesScenario(JSON.parse(basis.invoer), scenarioContext(snapshot));
      if (!gelezen.ok) throw new Error("stored input invalid");
      const { blad } = scenarioBladMetModel(
        { scenario: gelezen.scenario, gegevens: scenarioGegevens(snapshot, gelezen.scenario), vingerafdruk: "" },
        "Scenario Basis",
        { versie: basis.versie, datum: basis.datum },
      );
      const formulecellen = blad.cellen.filter((c) => c.formule !== undefined);
      expect(formulecellen.length).toBeGreaterThan(50);
      for (const c of formulecellen.slice(0, 40)) {
        const f = await formule(p.page, "Scenario Basis", c.adres);
        expect([c.adres, normaliseerFormule(f ?? "")]).toEqual([c.adres, normaliseerFormule(`=${c.formule}`)]);
      }

      // The link in the success message activates the first written sheet.
      const link = p.page.getByRole("button", { name: /^Ga naar blad / });
      const doel = ((await link.textContent()) ?? "").replace(/^Ga naar blad /, "");
      await link.click();
      await p.page.waitForFunction((b) => window.__fake?.activeSheet() === b, doel);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("a selection with an invalid amount: the message names the cell, nothing is read, the workbook is unchanged", async () => {
    const p = await openPaneel(h, { werkmap: "fout", selectie: "A1:D8" });
    try {
      await kiesGemeente(p.page, "Tiel");
      await p.page.getByRole("radio", { name: t.gegevens.bronnen.werkmap }).check();
      const voor = await leesWerkmap(p.page);
      await p.page.getByRole("button", { name: t.gegevens.kolommenHerkennen }).click();
      await p.page.getByText(t.gegevens.kolommenKop).waitFor();
      await p.page.getByRole("button", { name: t.gegevens.inlezen }).click();
      const melding = p.page.getByText("'Begroting 2025'!C4");
      await melding.first().waitFor({ timeout: 30_000 });
      expect(await p.page.getByText(/n\.v\.t\./).count()).toBeGreaterThan(0);
      expect(await p.page.getByText(/rijen? ingelezen/).count()).toBe(0);
      expect(await leesWerkmap(p.page)).toEqual(voor);
      console.log(`screenshot: ${await schermafdruk(p.page, "stap-1-werkmap-fout")}`);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("verify: in order after writing; after an input is changed in the workbook, that input is reported", async () => {
    const p = await openPaneel(h, { werkmap: "leeg" });
    try {
      await kiesGemeente(p.page, "Tiel");
      await schrijfDrieScenarios(p.page);
      await p.page.evaluate(() => window.__fake?.herbereken());

      await naarStap(p.page, "controle");
      await p.page.getByRole("button", { name: t.controle.zoeken }).click();
      await p.page.getByRole("button", { name: t.controle.controleerScenario("Basis") }).click();
      await p.page.getByText(t.controle.inOrde, { exact: true }).waitFor({ timeout: 60_000 });
      await p.page.getByText(/is in orde: invoer, formules en uitkomsten/).waitFor();
      console.log(`screenshot: ${await schermafdruk(p.page, "stap-6-controle-in-orde")}`);

      // An auditor's colleague changes the realisation of the first measure on the sheet.
      const json = (await instellingen(p.page))[METADATA_INSTELLING];
      if (typeof json !== "string") throw new Error("no metadata");
      const basis = leesMetadataJson(json).scenarios[0];
      if (!basis) throw new Error("no Basis");
      const snapshot = await loadSnapshot();
      const gelezen = leesScenario(JSON.parse(basis.invoer), scenarioContext(snapshot));
      if (!gelezen.ok) throw new Error("stored input invalid");
      const { blad, model } = scenarioBladMetModel(
        { scenario: gelezen.scenario, gegevens: scenarioGegevens(snapshot, gelezen.scenario), vingerafdruk: "" },
        "Scenario Basis",
        { versie: basis.versie, datum: basis.datum },
      );
      const invoer = blad.cellen.find(
        (c) => c.modelNaam !== undefined && /^real_/.test(c.modelNaam) && model.getInput(c.modelNaam) !== undefined,
      );
      if (!invoer) throw new Error("no realisation input on the sheet");
      expect((await cel(p.page, "Scenario Basis", invoer.adres)).value).toBe(invoer.waarde);
      await zetCel(p.page, "Scenario Basis", invoer.adres, 0.25);
      await p.page.evaluate(() => window.__fake?.herbereken());

      await p.page.getByRole("button", { name: t.controle.controleerScenario("Basis") }).click();
      await p.page.getByText(t.controle.nietInOrde, { exact: true }).waitFor({ timeout: 60_000 });
      const regels = await p.page.getByRole("list", { name: t.controle.bevindingen }).locator("li").allTextContents();
      // Exactly the changed input; its consequences follow the new input and are not findings.
      expect(regels).toHaveLength(1);
      expect(regels[0]).toMatch(new RegExp(`^Invoer gewijzigd in ${invoer.adres} \\(.+\\): was .+, nu 0,25\\.$`));
      console.log(`verify after change: ${regels.join(" / ")}`);
      console.log(`screenshot: ${await schermafdruk(p.page, "stap-6-controle-afwijking")}`);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("keyboard only: choose a gemeente, walk every step, write the scenarios; focus always visible", async () => {
    const p = await openPaneel(h, { werkmap: "leeg" });
    try {
      await naarBegin(p.page);
      const gemeente = p.page.getByRole("combobox", { name: t.gegevens.gemeente });
      await tabNaar(p.page, gemeente);
      await kiesGemeente(p.page, "Tiel", { via: "toetsenbord" });
      await p.page.getByText(t.gegevens.jeugdTotaal).first().waitFor();

      // To the step tabs (Shift+Tab back up), then the arrow keys walk the steps.
      const eersteTab = p.page.getByRole("tab", { name: t.stappen.gegevens });
      await tabNaar(p.page, eersteTab, { terug: true });
      for (const stap of ["maatregelen", "maatwerkbudget", "regio", "scenarios", "controle"] as const) {
        await druk(p.page, "ArrowRight");
        const f = await focus(p.page);
        expect(f?.role).toBe("tab");
        expect(f?.naam).toBe(t.stappen[stap]);
        expect(f?.focusVisible && f.indicator).toBe(true);
        await druk(p.page, "Enter");
        await p.page
          .getByRole("heading", { level: 2, name: stap === "scenarios" ? t.scenarios.kop : t.stappen[stap] })
          .waitFor();
      }
      // Back to Scenario's and write with the keyboard.
      await druk(p.page, "ArrowLeft", "Enter");
      const knop = p.page.getByRole("button", { name: t.scenarios.schrijven });
      await tabNaar(p.page, knop, { max: 80 });
      const f = await focus(p.page);
      expect(f?.focusVisible && f.indicator).toBe(true);
      await druk(p.page, "Enter");
      await p.page.getByText(/^Geschreven: /).waitFor({ timeout: 60_000 });
      expect((await bladen(p.page)).filter((b) => b.name.startsWith("Scenario "))).toHaveLength(3);
      const axe = await toegankelijkheid(p.page);
      expect(ernstig(axe)).toEqual([]);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test.each([320, 500])("readable at %i px: no step scrolls sideways", async (breedte) => {
    const p = await openPaneel(h, { breedte, werkmap: "leeg" });
    try {
      await kiesGemeente(p.page, "Tiel");
      await p.page.getByText(t.gegevens.jeugdTotaal).first().waitFor();
      const breder: string[] = [];
      for (const stap of ["gegevens", "maatregelen", "maatwerkbudget", "regio", "scenarios", "controle"] as const) {
        await naarStap(p.page, stap);
        // The optional steps are shown switched on, so their fields are measured too.
        const schakelaar = p.page.getByRole("switch");
        if (stap === "maatwerkbudget" || stap === "regio") await schakelaar.check();
        const w = await p.page.evaluate(() => document.documentElement.scrollWidth);
        if (w > breedte) breder.push(`${stap}: ${w} px`);
      }
      console.log(`screenshot: ${await schermafdruk(p.page, `breedte-${breedte}-controle`)}`);
      expect(breder).toEqual([]);
      expect(p.fouten).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
