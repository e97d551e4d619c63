/**
 * The Office.js writer against the strict fake: full writes of 1, 3 and 10 scenarios and a 15-member
 * region in two syncs, replacement recognised by metadata (not by name), user sheets untouched, and a
 * failure at every operation leaving the workbook as it was.
 */
import { schrijfInExcel, SchrijfFout, heeftAanhalingNodig } from "../../src/excel/schrijver";
import { METADATA_INSTELLING, leesMetadataJson, leesMetadataXml } from "../../src/excel/metadata";
import type { WerkmapSpec } from "../../src/workbook/spec";
import { basisScenario, fakeHost, specMaker } from "../support/excel-host";

const teller = (): (() => string) => {
  let n = 0;
  return () => `t${++n}`;
};

function metadataVan(fake: ReturnType<typeof fakeHost>["fake"]) {
  const waarde = fake.state.settings.get(METADATA_INSTELLING);
  if (typeof waarde !== "string") throw new Error("no metadata setting");
  return leesMetadataJson(waarde);
}

describe("writing scenario workbooks", () => {
  test.each([1, 3, 10])("%i scenario(s): all sheets in 2 syncs, calculation and screen updating suspended", async (aantal) => {
    const { fake, host } = fakeHost();
    const maak = await specMaker(basisScenario("Tiel"), { aantal, regio: false });
    const uit = await schrijfInExcel(host, maak, { nieuweUid: teller() });
    expect(uit.syncs).toBe(2);
    expect(fake.stats.syncs).toBe(2);
    const schrijfSync = fake.stats.log[1];
    expect(schrijfSync?.calculationSuspended).toBe(true);
    expect(schrijfSync?.screenUpdatingSuspended).toBe(true);
    const namen = fake.state.sheets.map((s) => s.name);
    // Iv3 + one sheet per scenario + comparison when there is more than one scenario.
    expect(namen).toHaveLength(1 + 1 + aantal + (aantal > 1 ? 1 : 0));
    expect(namen.filter((n) => n.startsWith("Scenario "))).toHaveLength(aantal);
    expect(namen.some((n) => n.startsWith("~js"))).toBe(false);
    const m = metadataVan(fake);
    expect(m.scenarios).toHaveLength(aantal);
    expect(m.bladen).toHaveLength(namen.length - 1);
    // The XML part holds the same document; every sheet has its hidden anchor name.
    const part = fake.state.customXmlParts[0];
    expect(part && leesMetadataXml(part.xml)).toEqual(m);
    for (const b of m.bladen) {
      const anker = fake.state.names.find((n) => n.name === `_jeugdscenario_${b.uid}`);
      expect(anker?.visible).toBe(false);
      expect(anker?.formula).toBe(`='${b.naam}'!$A$1`.replace(/^='([A-Za-z0-9_]+)'/, "=$1"));
    }
  });

  test("a 15-member region sheet, 2 syncs", async () => {
    const { fake, host } = fakeHost();
    const leden = [
      "Apeldoorn", "Deventer", "Zutphen", "Lochem", "Brummen", "Epe", "Heerde", "Hattem",
      "Voorst", "Olst-Wijhe", "Raalte", "Zwolle", "Kampen", "Dalfsen", "Staphorst",
    ];
    const basis = { ...basisScenario("Deventer"), regio: { naam: "Stedendriehoek e.o.", leden, sleutel: "inwoners" as const, model: "solidariteit" as const } };
    const maak = await specMaker(basis, { aantal: 1 });
    const uit = await schrijfInExcel(host, maak, { nieuweUid: teller() });
    expect(uit.syncs).toBe(2);
    const regio = fake.sheet("Regio Stedendriehoek e.o.");
    const tekst = [...regio.cells.values()].map((c) => c.value);
    for (const lid of leden) expect(tekst).toContain(lid);
  });

  test("a user's sheet called 'Scenario Basis' survives; ours gets a new name; re-writing replaces only ours", async () => {
    const { fake, host } = fakeHost({
      sheets: [{ name: "Scenario Basis", values: [["Mijn eigen berekening"], [{ formula: "=1+1", value: 2 }]] }],
    });
    const gebruiker = JSON.stringify(fake.sheet("Scenario Basis"));
    const maak = await specMaker(basisScenario("Tiel"), { aantal: 3, regio: false });
    await schrijfInExcel(host, maak, { nieuweUid: teller() });
    expect(JSON.stringify(fake.sheet("Scenario Basis"))).toBe(gebruiker);
    expect(fake.sheet("Scenario Basis (2)").cells.size).toBeGreaterThan(50);
    const na1 = fake.state.sheets.map((s) => s.name);

    // The user renames our sheet; the next write still recognises it (anchor), and replaces it.
    await host.run(async (c) => {
      c.workbook.worksheets.getItem("Scenario Optimistisch").name = "Mijn optimisme";
      await c.sync();
    });
    const tweede = await schrijfInExcel(host, maak, { nieuweUid: teller() });
    expect(tweede.syncs).toBe(2);
    const na2 = fake.state.sheets.map((s) => s.name);
    expect(na2).not.toContain("Mijn optimisme");
    expect(new Set(na2)).toEqual(new Set(na1));
    expect(JSON.stringify(fake.sheet("Scenario Basis"))).toBe(gebruiker);
    const m = metadataVan(fake);
    expect(m.bladen).toHaveLength(na2.length - 1);
    expect(m.scenarios.map((s) => s.naam).sort()).toEqual(["Basis", "Optimistisch", "Pessimistisch"]);
    // Only live anchors remain.
    expect(fake.state.names.filter((n) => n.name.startsWith("_jeugdscenario_"))).toHaveLength(m.bladen.length);
  });

  test("another gemeente's scenarios are kept next to the first", async () => {
    const { fake, host } = fakeHost();
    await schrijfInExcel(host, await specMaker(basisScenario("Tiel"), { aantal: 1, regio: false }), { nieuweUid: teller() });
    await schrijfInExcel(host, await specMaker(basisScenario("Culemborg"), { aantal: 1, regio: false }), { nieuweUid: () => "x" });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Iv3 Tiel", "Scenario Basis", "Iv3 Culemborg", "Scenario Basis (2)"]);
    expect(metadataVan(fake).scenarios.map((s) => JSON.parse(s.invoer).gemeente)).toEqual(["Tiel", "Culemborg"]);
  });

  test("over the payload limit the write is split by bytes, with the same result", async () => {
    const maak = await specMaker(basisScenario("Tiel"), { aantal: 3, regio: false });
    const groot = fakeHost();
    await schrijfInExcel(groot.host, maak, { nieuweUid: teller() });
    const klein = fakeHost({ payloadLimit: 200_000 });
    const uit = await schrijfInExcel(klein.host, maak, { nieuweUid: teller() });
    expect(uit.syncs).toBeGreaterThan(2);
    expect(Math.max(...klein.fake.stats.batchBytes)).toBeLessThanOrEqual(200_000);
    expect(klein.fake.snapshot()).toEqual(groot.fake.snapshot());
  });

  test("without ExcelApi 1.9 and 1.8 the sheets are written without print setup, with Dutch notes", async () => {
    const { fake, host } = fakeHost({}, "1.7");
    const uit = await schrijfInExcel(host, await specMaker(basisScenario("Tiel"), { aantal: 1, regio: false }), {
      nieuweUid: teller(),
    });
    expect(uit.meldingen.join(" ")).toMatch(/ExcelApi 1\.9/);
    expect(uit.meldingen.join(" ")).toMatch(/ExcelApi 1\.8/);
    expect(fake.sheet("Scenario Basis").cells.size).toBeGreaterThan(50);
  });

  test("without custom XML parts the metadata goes to a very hidden sheet", async () => {
    const { fake, host } = fakeHost({ ondersteunt: { customXmlParts: false } });
    const zonderXml = { ...host, ondersteunt: (set: string, versie: string) => versie !== "1.5" && host.ondersteunt(set, versie) };
    const uit = await schrijfInExcel(zonderXml, await specMaker(basisScenario("Tiel"), { aantal: 1, regio: false }), {
      nieuweUid: teller(),
    });
    expect(uit.meldingen.join(" ")).toMatch(/verborgen blad _jeugdscenario/);
    expect(fake.sheet("_jeugdscenario").visibility).toBe("VeryHidden");
    expect(fake.state.customXmlParts).toHaveLength(0);
  });

  test("text that Excel would read as a formula or number is written with a quote prefix", () => {
    for (const t of ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "2026-11-22", "12", "'s-Hertogenbosch", "TRUE", "jan 2024"])
      expect(heeftAanhalingNodig(t)).toBe(true);
    for (const t of ["Tiel", "Scenario Basis", "Súdwest-Fryslân"]) expect(heeftAanhalingNodig(t)).toBe(false);
  });
});

describe("atomic writes", () => {
  /** A small but complete spec (cells, formats, merge, table, names, chart, print setup). */
  const klein: WerkmapSpec = {
    bladen: [
      {
        naam: "Scenario Klein",
        soort: "scenario",
        cellen: [
          { adres: "A1", waarde: "Titel", stijl: "titel" },
          { adres: "A3", waarde: "Jaar", stijl: "kolomkop" },
          { adres: "B3", waarde: "Bedrag", stijl: "kolomkop" },
          { adres: "A4", waarde: 2025, formaat: "0" },
          { adres: "B4", waarde: 100, stijl: "invoer", modelNaam: "a" },
          { adres: "A5", waarde: 2026, formaat: "0" },
          { adres: "B5", formule: "B4*2", verwacht: 200, stijl: "berekend" },
        ],
        samengevoegd: ["A1:B1"],
        kolombreedtes: [10, 14],
        vastzetten: { rijen: 3, kolommen: 0 },
        namen: [{ naam: "a", adres: "B4" }],
        tabellen: [{ naam: "tbl_klein", adres: "A3", kolommen: ["Jaar", "Bedrag"], rijen: 2 }],
        grafieken: [{ titel: "G", soort: "kolom", categorieen: "A4:A5", reeksen: [{ naam: "Bedrag", waarden: "B4:B5" }], positie: { adres: "D3", breedte: 4, hoogte: 8 } }],
        afdruk: { liggend: true, passendInBreedte: true, titelRijen: "1:3", koptekst: "K & K", voettekst: "V" },
        tabkleur: "1F3864",
      },
    ],
    metadata: {
      product: "jeugdscenario",
      versie: "0.1.0",
      datum: "2026-11-22",
      scenarios: [{ naam: "Klein", blad: "Scenario Klein", vingerafdruk: "abc", invoer: "{}" }],
      bronnen: ["test"],
      bladen: [{ naam: "Scenario Klein", soort: "scenario", sleutel: "scenario|tiel|klein" }],
    },
  };
  const maakKlein = (): WerkmapSpec => klein;

  async function elkeOperatie(voorbereiden: (h: ReturnType<typeof fakeHost>) => Promise<void>): Promise<{ n: number; na: number }> {
    // The number of operations of an undisturbed write.
    const proef = fakeHost({ sheets: [{ name: "Blad1", values: [["eigen"]] }] });
    await voorbereiden(proef);
    const voor = proef.fake.stats.operations;
    await schrijfInExcel(proef.host, maakKlein, { nieuweUid: () => "b" });
    const totaal = proef.fake.stats.operations - voor;
    let na = 0;
    for (let n = 1; n <= totaal; n++) {
      const h = fakeHost({ sheets: [{ name: "Blad1", values: [["eigen"]] }] });
      await voorbereiden(h);
      const snapshot = h.fake.snapshot();
      h.fake.failAt(n);
      let fout: unknown;
      let uitkomst: Awaited<ReturnType<typeof schrijfInExcel>> | undefined;
      try {
        uitkomst = await schrijfInExcel(h.host, maakKlein, { nieuweUid: () => "b" });
      } catch (e) {
        fout = e;
      }
      if (fout !== undefined) {
        expect(fout).toBeInstanceOf(SchrijfFout);
        expect((fout as SchrijfFout).hersteld).toBe(true);
        expect((fout as Error).message).toMatch(/teruggezet zoals hij was/);
        const verschil = h.fake.diff(snapshot, { ignoreActiveSheet: true });
        if (verschil.length > 0) throw new Error(`operation ${n}: ${verschil.join("\n")}`);
      } else {
        // Past the commit point: the new sheets are complete; what could not be deleted is reported.
        na++;
        expect(uitkomst?.meldingen.join(" ")).toMatch(/opgeruimd/);
        expect(h.fake.sheet("Scenario Klein").cells.get("B5")?.formula ?? h.fake.cell("Scenario Klein", "B5").formula).toBe("=B4*2");
      }
    }
    return { n: totaal, na };
  }

  test("a failure at any operation of a first write leaves the workbook as it was", async () => {
    const { n, na } = await elkeOperatie(async () => undefined);
    expect(n).toBeGreaterThan(30);
    expect(na).toBe(0); // nothing is irreversible in a first write
  });

  test("a failure at any operation of a re-write leaves the workbook as it was, or (after the commit) complete", async () => {
    const { n, na } = await elkeOperatie(async (h) => {
      await schrijfInExcel(h.host, maakKlein, { nieuweUid: () => "a" });
    });
    expect(n).toBeGreaterThan(30);
    // The operations after the commit marker, all deletions: worksheets.getItem, visibility, delete (the
    // replaced sheet); names.getItem, delete (its anchor); customXmlParts.getItem, delete (old metadata).
    expect(na).toBe(7);
  });

  test("leftovers of a failed clean-up are removed by the next write", async () => {
    const h = fakeHost();
    await schrijfInExcel(h.host, maakKlein, { nieuweUid: () => "a" });
    h.fake.failOn("Worksheet.delete");
    const uit = await schrijfInExcel(h.host, maakKlein, { nieuweUid: () => "b" });
    expect(uit.meldingen.join(" ")).toMatch(/opgeruimd/);
    const verborgen = h.fake.state.sheets.filter((s) => s.name.startsWith("~js"));
    expect(verborgen).toHaveLength(1);
    expect(verborgen[0]?.visibility).toBe("Hidden");
    await schrijfInExcel(h.host, maakKlein, { nieuweUid: () => "c" });
    expect(h.fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Scenario Klein"]);
    expect(h.fake.state.customXmlParts).toHaveLength(1);
    expect(h.fake.state.names.map((n) => n.name)).toEqual(["_jeugdscenario_c1"]);
  });
});
