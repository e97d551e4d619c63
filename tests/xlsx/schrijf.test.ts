import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FORMAAT, type BladSpec, type CelSpec, type WerkmapMetadata, type WerkmapSpec } from "../../src/workbook/spec";
import {
  METADATA_BLAD,
  XlsxSpecFout,
  kopVoetRegel,
  laadXlsx,
  leesMetadata,
  leesMetadataBlad,
  leesNamen,
  schrijfXlsx,
} from "../../src/xlsx/schrijf";
import { inStukken } from "../../src/xlsx/metadata";
import { geschatteRijhoogte } from "../../src/xlsx/stijlen";

const INJECTIES = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)"] as const;

/** A scenario sheet: assumptions with names, a table of years with a totals row, charts, injection text. */
function scenarioBlad(naam: string, realisatie: number, metGrafieken: boolean): BladSpec {
  const cellen: CelSpec[] = [
    { adres: "A1", waarde: `Jeugdhulp — ${naam}`, stijl: "titel" },
    { adres: "A2", waarde: "Gemeente Tiel, Iv3 jaarrekening 2023", stijl: "subtitel" },
    { adres: "A4", waarde: "Aannames", stijl: "kop" },
    { adres: "B4", stijl: "kop" },
    { adres: "C4", stijl: "kop" },
    { adres: "A5", waarde: "Realisatiegraad", stijl: "label" },
    { adres: "B5", waarde: realisatie, formaat: FORMAAT.procent, stijl: "invoer", modelNaam: "realisatiegraad" },
    {
      adres: "C5",
      waarde: "aanname; zie arbitrageuitspraak 2023, tabel 4 (lange brontekst die afbreekt)",
      stijl: "bron",
    },
    { adres: "A6", waarde: "Lasten basisjaar", stijl: "label" },
    { adres: "B6", waarde: 15_872_000, formaat: FORMAAT.euro, stijl: "invoer" },
    { adres: "C6", waarde: "CBS Iv3 & StatLine", stijl: "bron" },
    { adres: "A8", waarde: "Jaar", stijl: "kolomkop" },
    { adres: "B8", waarde: "Lasten", stijl: "kolomkop" },
    { adres: "C8", waarde: "Besparing", stijl: "kolomkop" },
  ];
  for (let i = 0; i < 4; i++) {
    const rij = 9 + i;
    cellen.push(
      { adres: `A${rij}`, waarde: 2025 + i, formaat: FORMAAT.jaar, stijl: "label" },
      {
        adres: `B${rij}`,
        formule: `ROUND($B$6*1.02^(A${rij}-2025),0)`,
        verwacht: Math.round(15_872_000 * 1.02 ** i),
        formaat: FORMAAT.euro,
        stijl: "berekend",
      },
      { adres: `C${rij}`, formule: `ROUND(B${rij}*$B$5*0.1,0)`, formaat: FORMAAT.euro, stijl: "berekend" },
    );
  }
  cellen.push(
    { adres: "A13", waarde: "Totaal", stijl: "totaal" },
    { adres: "B13", formule: "SUM(B9:B12)", formaat: FORMAAT.euro, stijl: "totaal" },
    { adres: "C13", formule: "SUM(C9:C12)", formaat: FORMAAT.euro, stijl: "totaal" },
    { adres: "A15", waarde: INJECTIES[0], stijl: "tekst" },
    { adres: "B15", waarde: INJECTIES[1], stijl: "tekst" },
    { adres: "C15", waarde: INJECTIES[2], stijl: "notitie" },
    { adres: "D15", waarde: INJECTIES[3], stijl: "waarschuwing" },
    { adres: "A16", waarde: true },
  );
  const tabelnaam = `tbl${naam.replace(/\s/g, "")}`;
  return {
    naam,
    soort: "scenario",
    cellen,
    samengevoegd: ["A1:F1", "A2:F2"],
    kolombreedtes: [28, 16, 40, 12],
    vastzetten: { rijen: 3, kolommen: 1 },
    namen: [
      { naam: "Realisatiegraad", adres: "B5" },
      { naam: "Lasten_basisjaar", adres: "B6" },
    ],
    tabellen: [{ naam: tabelnaam, adres: "A8", kolommen: ["Jaar", "Lasten", "Besparing"], rijen: 4, totaalRij: true }],
    grafieken: metGrafieken
      ? [
          {
            titel: "Lasten per jaar",
            soort: "kolom",
            categorieen: "A9:A12",
            reeksen: [{ naam: "Lasten", waarden: "B9:B12" }],
            positie: { adres: "F4", breedte: 7, hoogte: 14 },
            asTitel: "Euro",
            formaat: FORMAAT.euro,
          },
          {
            titel: "Lasten en besparing",
            soort: "gestapeldeKolom",
            categorieen: "A9:A12",
            reeksen: [
              { naam: "Lasten", waarden: "B9:B12" },
              { naam: "Besparing", waarden: "C9:C12" },
            ],
            positie: { adres: "F19", breedte: 7, hoogte: 14 },
          },
          {
            titel: "Besparing (lijn)",
            soort: "lijn",
            categorieen: "A9:A12",
            reeksen: [{ naam: "Besparing <&> 'x'", waarden: "C9:C12" }],
            positie: { adres: "F34", breedte: 7, hoogte: 14 },
            formaat: FORMAAT.euro,
          },
        ]
      : [
          {
            titel: "Besparing",
            soort: "kolom",
            categorieen: "A9:A12",
            reeksen: [{ naam: "Besparing", waarden: "C9:C12" }],
            positie: { adres: "F4", breedte: 6, hoogte: 12 },
          },
        ],
    afdruk: {
      liggend: true,
      passendInBreedte: true,
      titelRijen: "1:3",
      koptekst: "Tiel & Buren: scenario",
      voettekst: "Bron: CBS & Iv3",
    },
    tabkleur: "1F4E79",
  };
}

/** A sheet whose name has an apostrophe, with text categories. */
function regioBlad(): BladSpec {
  const gemeenten = ["Tiel", "Culemborg", "West Betuwe"];
  return {
    naam: "Regio's overzicht",
    soort: "regio",
    cellen: [
      { adres: "A1", waarde: "Regio", stijl: "titel" },
      ...gemeenten.flatMap((g, i): CelSpec[] => [
        { adres: `A${3 + i}`, waarde: g, stijl: "label" },
        { adres: `B${3 + i}`, waarde: 1_000_000 * (i + 1), formaat: FORMAAT.euro, stijl: "invoer" },
      ]),
    ],
    samengevoegd: [],
    kolombreedtes: [20, 14],
    namen: [{ naam: "Realisatiegraad", adres: "B3" }],
    tabellen: [],
    grafieken: [
      {
        titel: "Per gemeente",
        soort: "kolom",
        categorieen: "A3:A5",
        reeksen: [{ naam: "Lasten", waarden: "B3:B5" }],
        positie: { adres: "D2", breedte: 6, hoogte: 12 },
      },
    ],
    afdruk: { liggend: false, passendInBreedte: false, koptekst: "", voettekst: "" },
  };
}

const LANGE_INVOER = JSON.stringify({ reeks: "x".repeat(31_999) + "😀" + "y".repeat(40_000) });

const METADATA: WerkmapMetadata = {
  product: "Jeugdscenario",
  versie: "0.1.0",
  datum: "2025-03-01T10:00:00.000Z",
  scenarios: [
    { naam: "Basis", blad: "Scenario Basis", vingerafdruk: "a".repeat(64), invoer: '{"gemeente":"Tiel","r":0.6}' },
    { naam: "Optimistisch", blad: "Scenario Optimistisch", vingerafdruk: "b".repeat(64), invoer: LANGE_INVOER },
  ],
  bronnen: ["CBS Iv3 2023 & StatLine", "Arbitrage 2023"],
};

const SPEC: WerkmapSpec = {
  bladen: [scenarioBlad("Scenario Basis", 0.6, true), scenarioBlad("Scenario Optimistisch", 0.8, false), regioBlad()],
  metadata: METADATA,
};

let bytes: Uint8Array;
let werkmap: ExcelJS.Workbook;
let zip: JSZip;

async function tekst(pad: string): Promise<string> {
  const bestand = zip.file(pad);
  if (!bestand) throw new Error(`ontbreekt: ${pad}`);
  return bestand.async("string");
}

function blad(naam: string): ExcelJS.Worksheet {
  const w = werkmap.getWorksheet(naam);
  if (!w) throw new Error(`blad ontbreekt: ${naam}`);
  return w;
}

/** Worksheet part of each sheet, by sheet name, via workbook.xml and its rels. */
async function bladPaden(): Promise<Map<string, string>> {
  const wb = await tekst("xl/workbook.xml");
  const rels = await tekst("xl/_rels/workbook.xml.rels");
  const paden = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const naam = (/ name="([^"]*)"/.exec(m[0])?.[1] ?? "").replace(/&apos;/g, "'");
    const rId = / r:id="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const doel = new RegExp(`Id="${rId}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? "";
    paden.set(naam, `xl/${doel.replace(/^\/?xl\//, "")}`);
  }
  return paden;
}

beforeAll(async () => {
  bytes = await schrijfXlsx(SPEC);
  // For a manual look in LibreOffice or Excel: XLSX_DUMP=/tmp/test.xlsx npx jest tests/xlsx/schrijf.test.ts
  const dump = process.env["XLSX_DUMP"];
  if (dump) writeFileSync(dump, bytes);
  werkmap = await laadXlsx(bytes);
  zip = await JSZip.loadAsync(bytes);
});

describe("schrijfXlsx: cells read back with ExcelJS", () => {
  test("returns bytes of a zip package", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
  });

  test("sheets in spec order, the metadata sheet last and very hidden", () => {
    expect(werkmap.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Scenario Basis", "visible"],
      ["Scenario Optimistisch", "visible"],
      ["Regio's overzicht", "visible"],
      [METADATA_BLAD, "veryHidden"],
    ]);
  });

  test("numbers, text and booleans as values with their number formats", () => {
    const b = blad("Scenario Basis");
    expect(b.getCell("B5").value).toBe(0.6);
    expect(b.getCell("B5").numFmt).toBe(FORMAAT.procent);
    expect(b.getCell("B6").value).toBe(15_872_000);
    expect(b.getCell("B6").numFmt).toBe(FORMAAT.euro);
    expect(b.getCell("A9").numFmt).toBe(FORMAAT.jaar);
    expect(b.getCell("A1").value).toBe("Jeugdhulp — Scenario Basis");
    expect(b.getCell("A16").value).toBe(true);
    expect(blad("Scenario Optimistisch").getCell("B5").value).toBe(0.8);
  });

  test("formulas are formulas without a cached result", async () => {
    const b = blad("Scenario Basis");
    expect(b.getCell("B9").formula).toBe("ROUND($B$6*1.02^(A9-2025),0)");
    expect(b.getCell("C12").formula).toBe("ROUND(B12*$B$5*0.1,0)");
    expect(b.getCell("B13").formula).toBe("SUM(B9:B12)");
    expect(b.getCell("B13").type).toBe(ExcelJS.ValueType.Formula);
    expect(b.getCell("B13").result).toBeUndefined();
    expect(b.getCell("B13").numFmt).toBe(FORMAAT.euro);
    const xml = await tekst((await bladPaden()).get("Scenario Basis") ?? "");
    const formulecellen = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(.*?)<\/c>/g)].filter((m) => m[2]?.includes("<f>"));
    expect(formulecellen.map((m) => m[1])).toEqual([
      "B9",
      "C9",
      "B10",
      "C10",
      "B11",
      "C11",
      "B12",
      "C12",
      "B13",
      "C13",
    ]);
    for (const m of formulecellen) expect(m[2]).not.toContain("<v>");
    expect(await tekst("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("text that looks like a formula stays text (no formula injection)", async () => {
    const paden = await bladPaden();
    for (const naam of ["Scenario Basis", "Scenario Optimistisch"]) {
      const b = blad(naam);
      ["A15", "B15", "C15", "D15"].forEach((adres, i) => {
        const cel = b.getCell(adres);
        expect(cel.type).toBe(ExcelJS.ValueType.String);
        expect(cel.value).toBe(INJECTIES[i]);
        expect(cel.formula).toBeUndefined();
      });
      const xml = await tekst(paden.get(naam) ?? "");
      for (const adres of ["A15", "B15", "C15", "D15"]) {
        const c = new RegExp(`<c r="${adres}"([^>]*)>(.*?)</c>`).exec(xml);
        expect(c?.[1]).toContain('t="s"');
        expect(c?.[2]).not.toContain("<f>");
      }
    }
  });

  test("styles: input blue on yellow and unlocked, totals bold with rules, sources wrap, alignment by kind", () => {
    const b = blad("Scenario Basis");
    const invoer = b.getCell("B5");
    expect(invoer.font.color?.argb).toBe("FF0000FF");
    expect(invoer.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(invoer.protection?.locked).toBe(false);
    expect(invoer.alignment.horizontal).toBe("right");
    expect(b.getCell("A1").font.size).toBe(16);
    expect(b.getCell("A1").font.bold).toBe(true);
    expect(b.getCell("A8").font.bold).toBe(true);
    expect(b.getCell("A8").border.bottom?.style).toBe("thin");
    expect(b.getCell("A4").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(b.getCell("B13").font.bold).toBe(true);
    expect(b.getCell("B13").border.top?.style).toBe("thin");
    expect(b.getCell("C5").alignment.wrapText).toBe(true);
    expect(b.getCell("C5").font.italic).toBe(true);
    expect(b.getCell("C5").alignment.horizontal).toBe("left");
    expect(b.getCell("B9").font.name).toBe("Calibri");
    expect(b.getCell("D15").font.color?.argb).toBe("FFC55A11");
  });

  test("column headers align like their column; rows with wrapped source text are made taller", () => {
    const b = blad("Scenario Basis");
    expect(b.getCell("B8").alignment.horizontal).toBe("right");
    expect(b.getCell("A8").alignment.horizontal).toBe("right");
    expect(b.getCell("A5").alignment.horizontal).toBe("left");
    expect(b.getRow(5).height).toBeGreaterThan(15);
    expect(b.getRow(6).height ?? 15).toBeLessThanOrEqual(15);
  });

  test("merges, column widths, frozen panes and tab colour", () => {
    const b = blad("Scenario Basis");
    expect([...b.model.merges].sort()).toEqual(["A1:F1", "A2:F2"]);
    expect(b.getCell("C1").isMerged).toBe(true);
    expect(b.getCell("C1").master.address).toBe("A1");
    expect([1, 2, 3, 4].map((k) => b.getColumn(k).width)).toEqual([28, 16, 40, 12]);
    expect(b.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3, topLeftCell: "B4" });
    expect(b.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(blad("Regio's overzicht").views[0]?.state).toBe("normal");
  });

  test("print setup: landscape A4, one page wide, title rows, header and footer with escaped &", async () => {
    const b = blad("Scenario Basis");
    expect(b.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:3",
    });
    expect(b.headerFooter.oddHeader).toBe("&LTiel && Buren: scenario&R&A");
    expect(b.headerFooter.oddFooter).toBe("&LBron: CBS && Iv3&RPagina &P van &N");
    const r = blad("Regio's overzicht");
    expect(r.pageSetup.orientation).toBe("portrait");
    expect(r.pageSetup.fitToPage).toBeFalsy();
    const wb = await tekst("xl/workbook.xml");
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Scenario Basis&apos;!$1:$3</definedName>`,
    );
  });

  test("document properties from the metadata", () => {
    expect(werkmap.creator).toBe("Jeugdscenario");
    expect(werkmap.created.toISOString()).toBe("2025-03-01T10:00:00.000Z");
  });
});

describe("schrijfXlsx: sheet-scoped names", () => {
  test("the same name on several sheets is scoped to each sheet (localSheetId) and points at its own sheet", async () => {
    const wb = await tekst("xl/workbook.xml");
    const namen = [...wb.matchAll(/<definedName name="([^"]*)" localSheetId="(\d+)">([^<]*)<\/definedName>/g)]
      .map((m) => [m[1], Number(m[2]), (m[3] ?? "").replace(/&apos;/g, "'")])
      .filter((n) => n[0] !== "_xlnm.Print_Titles");
    expect(namen).toEqual([
      ["Lasten_basisjaar", 0, "'Scenario Basis'!$B$6"],
      ["Lasten_basisjaar", 1, "'Scenario Optimistisch'!$B$6"],
      ["Realisatiegraad", 0, "'Scenario Basis'!$B$5"],
      ["Realisatiegraad", 1, "'Scenario Optimistisch'!$B$5"],
      ["Realisatiegraad", 2, "'Regio''s overzicht'!$B$3"],
    ]);
    expect(wb.indexOf("<definedNames>")).toBeGreaterThan(wb.indexOf("</sheets>"));
    expect(wb.indexOf("<definedNames>")).toBeLessThan(wb.indexOf("<calcPr"));
  });

  test("leesNamen reads each name with its sheet (ExcelJS itself keeps only one of equal names)", async () => {
    const namen = (await leesNamen(bytes)).filter((n) => n.naam === "Realisatiegraad");
    expect(namen).toEqual([
      { naam: "Realisatiegraad", blad: "Scenario Basis", verwijzing: "'Scenario Basis'!$B$5" },
      { naam: "Realisatiegraad", blad: "Scenario Optimistisch", verwijzing: "'Scenario Optimistisch'!$B$5" },
      { naam: "Realisatiegraad", blad: "Regio's overzicht", verwijzing: "'Regio''s overzicht'!$B$3" },
    ]);
    for (const n of await leesNamen(bytes)) {
      expect(n.blad).toBeDefined();
      expect(n.verwijzing.startsWith(`'${(n.blad ?? "").replace(/'/g, "''")}'!`)).toBe(true);
    }
  });
});

describe("schrijfXlsx: tables", () => {
  test("the table covers header, data and totals rows; its cells are the spec's", async () => {
    const b = blad("Scenario Basis");
    const tabel = b.getTable("tblScenarioBasis") as unknown as { table?: { tableRef?: string } };
    expect(tabel.table?.tableRef).toBe("A8:C13");
    expect(["A8", "B8", "C8"].map((a) => b.getCell(a).value)).toEqual(["Jaar", "Lasten", "Besparing"]);
    expect(b.getCell("A13").value).toBe("Totaal");
    expect(b.getCell("C13").formula).toBe("SUM(C9:C12)");
    expect(b.getCell("B10").formula).toBe("ROUND($B$6*1.02^(A10-2025),0)");

    const paden = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(paden).toHaveLength(2);
    const xml = (await Promise.all(paden.map((p) => tekst(p)))).join("\n");
    expect(xml).toMatch(/<table [^>]*name="tblScenarioBasis"[^>]*ref="A8:C13"[^>]*totalsRowCount="1"/);
    expect(xml).toMatch(/<table [^>]*name="tblScenarioOptimistisch"/);
    expect([...xml.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "Jaar",
      "Lasten",
      "Besparing",
      "Jaar",
      "Lasten",
      "Besparing",
    ]);
    expect(xml).toContain('totalsRowLabel="Totaal"');
  });
});

describe("schrijfXlsx: native charts", () => {
  test("each sheet with charts has a drawing, referenced from the sheet at the schema-correct place", async () => {
    const paden = await bladPaden();
    const verwacht: [string, number][] = [
      ["Scenario Basis", 3],
      ["Scenario Optimistisch", 1],
      ["Regio's overzicht", 1],
    ];
    const typen = await tekst("[Content_Types].xml");
    const gezien = new Set<string>();
    for (const [naam, aantal] of verwacht) {
      const pad = paden.get(naam) ?? "";
      const xml = await tekst(pad);
      const rId = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
      expect(rId).toBeDefined();
      const plek = xml.indexOf("<drawing ");
      expect(plek).toBeGreaterThan(xml.indexOf("<headerFooter"));
      if (xml.includes("<tableParts")) expect(plek).toBeLessThan(xml.indexOf("<tableParts"));
      const rels = await tekst(pad.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels"));
      const doel = new RegExp(
        `Id="${rId}"[^>]*Type="[^"]*/drawing"[^>]*Target="\\.\\./drawings/(drawing\\d+\\.xml)"`,
      ).exec(rels)?.[1];
      expect(doel).toBeDefined();
      const tekening = await tekst(`xl/drawings/${doel}`);
      expect(tekening.match(/<xdr:twoCellAnchor/g)).toHaveLength(aantal);
      expect(typen).toContain(
        `<Override PartName="/xl/drawings/${doel}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
      const tekeningRels = await tekst(`xl/drawings/_rels/${doel}.rels`);
      for (const m of tekening.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)) {
        const grafiek = new RegExp(`Id="${m[1]}"[^>]*Target="\\.\\./charts/(chart\\d+\\.xml)"`).exec(tekeningRels)?.[1];
        expect(grafiek).toBeDefined();
        expect(zip.file(`xl/charts/${grafiek}`)).not.toBeNull();
        expect(typen).toContain(
          `<Override PartName="/xl/charts/${grafiek}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
        );
        gezien.add(grafiek ?? "");
      }
    }
    expect(gezien.size).toBe(5);
  });

  test("anchors follow the spec's position", async () => {
    const tekening = await tekst("xl/drawings/drawing1.xml");
    const eerste =
      /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(
        tekening,
      );
    // F4, 7 columns × 14 rows → from (5, 3) to (12, 17), 0-based.
    expect(eerste?.slice(1).map(Number)).toEqual([5, 3, 12, 17]);
  });

  test("chart XML: kind, grouping, series names and references with quoted sheet names, no caches", async () => {
    const grafieken = await Promise.all([1, 2, 3, 4, 5].map((n) => tekst(`xl/charts/chart${n}.xml`)));
    const [kolom = "", gestapeld = "", lijn = "", optimistisch = "", regio = ""] = grafieken;
    expect(kolom).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(kolom).toContain("<c:cat><c:numRef><c:f>&apos;Scenario Basis&apos;!$A$9:$A$12</c:f></c:numRef></c:cat>");
    expect(kolom).toContain("<c:val><c:numRef><c:f>&apos;Scenario Basis&apos;!$B$9:$B$12</c:f></c:numRef></c:val>");
    expect(kolom).toContain("<c:tx><c:v>Lasten</c:v></c:tx>");
    expect(kolom).toContain('<c:numFmt formatCode="&quot;€&quot; #,##0;[Red]-&quot;€&quot; #,##0" sourceLinked="0"/>');
    expect(kolom).toContain("<a:t>Lasten per jaar</a:t>");
    expect(kolom).toContain("<a:t>Euro</a:t>");
    expect(kolom).toContain('<c:legend><c:legendPos val="b"/>');
    expect(gestapeld).toContain('<c:grouping val="stacked"/>');
    expect(gestapeld).toContain('<c:overlap val="100"/>');
    expect(gestapeld.match(/<c:ser>/g)).toHaveLength(2);
    expect(gestapeld).toContain("&apos;Scenario Basis&apos;!$C$9:$C$12");
    expect(lijn).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(lijn).not.toContain("<c:barChart");
    expect(lijn).toContain("<c:tx><c:v>Besparing &lt;&amp;&gt; &apos;x&apos;</c:v></c:tx>");
    expect(optimistisch).toContain("&apos;Scenario Optimistisch&apos;!$C$9:$C$12");
    expect(optimistisch).not.toContain("Scenario Basis");
    expect(regio).toContain(
      "<c:cat><c:strRef><c:f>&apos;Regio&apos;&apos;s overzicht&apos;!$A$3:$A$5</c:f></c:strRef></c:cat>",
    );
    expect(regio).toContain("<c:f>&apos;Regio&apos;&apos;s overzicht&apos;!$B$3:$B$5</c:f>");
    // Column charts whose values are all known and ≥ 0 start at zero; otherwise the axis is automatic.
    expect(kolom).toContain('<c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>');
    expect(regio).toContain('<c:min val="0"/>');
    expect(gestapeld).not.toContain("<c:min ");
    expect(lijn).not.toContain("<c:min ");
    for (const xml of grafieken) {
      expect(xml).not.toMatch(/numCache|strCache/);
      expect(xml).toContain('<c:axId val="500000001"/><c:axId val="500000002"/>');
      expect(xml).toMatch(/<c:catAx>.*<\/c:catAx><c:valAx>.*<\/c:valAx><\/c:plotArea>/);
    }
  });
});

describe("charts without series", () => {
  test("are left out: no drawing, no chart part", async () => {
    const regio = regioBlad();
    const leeg = { ...regio, grafieken: regio.grafieken.map((g) => ({ ...g, reeksen: [] })) };
    const z = await JSZip.loadAsync(await schrijfXlsx({ bladen: [leeg], metadata: METADATA }));
    expect(Object.keys(z.files).filter((p) => /drawings|charts/.test(p))).toEqual([]);
    expect(await z.file("xl/worksheets/sheet1.xml")?.async("string")).not.toContain("<drawing ");
  });
});

describe("metadata sheet", () => {
  test("holds the metadata, including canonical JSON longer than one cell may hold", async () => {
    const m = blad(METADATA_BLAD);
    expect(m.getCell("A1").value).toBe("formaat");
    expect(m.getCell("B2").value).toBe("Jeugdscenario");
    expect(m.getCell("E6").value).toBe('{"gemeente":"Tiel","r":0.6}');
    expect(leesMetadataBlad(werkmap)).toEqual(METADATA);
    expect(await leesMetadata(bytes)).toEqual(METADATA);
  });

  test("JSON pieces never split a surrogate pair", () => {
    const stukken = inStukken("ab😀cd", 3);
    expect(stukken).toEqual(["ab", "😀c", "d"]);
    expect(stukken.join("")).toBe("ab😀cd");
    expect(inStukken("")).toEqual([""]);
  });
});

describe("row heights for wrapped and large text", () => {
  test("grow with the text, stay default for one line, never exceed Excel's 409 points", () => {
    expect(geschatteRijhoogte("kort", 40, "bron")).toBeUndefined();
    expect(geschatteRijhoogte("kort", 40, "label")).toBeUndefined();
    expect(geschatteRijhoogte("Titel", 40, "titel")).toBeGreaterThan(15);
    const twee = geschatteRijhoogte("woord ".repeat(12), 30, "bron") ?? 0;
    const vier = geschatteRijhoogte("woord ".repeat(24), 30, "bron") ?? 0;
    expect(twee).toBeGreaterThan(15);
    expect(vier).toBeGreaterThan(twee);
    expect(geschatteRijhoogte("woord ".repeat(5000), 10, "bron")).toBe(409);
    // Text that does not wrap keeps one line, however long.
    expect(geschatteRijhoogte("woord ".repeat(100), 10, "tekst")).toBeUndefined();
  });
});

describe("header and footer text", () => {
  test("& doubles; long text is cut to Excel's 255 characters without leaving a lone &", () => {
    expect(kopVoetRegel("A & B", "&A")).toBe("&LA && B&R&A");
    // Room for the user text here: 255 − "&L" − "&R" − "&A" = 249 characters.
    expect(kopVoetRegel("x".repeat(244) + "&", "&A")).toBe(`&L${"x".repeat(244)}&&&R&A`);
    const afgekapt = kopVoetRegel("x".repeat(248) + "&y", "&A");
    expect(afgekapt).toBe(`&L${"x".repeat(248)}&R&A`);
    const even = kopVoetRegel("x".repeat(247) + "&yz", "&A");
    expect(even).toBe(`&L${"x".repeat(247)}&&&R&A`);
    expect(even.length).toBe(255);
  });
});

describe("invalid specs are refused with a Dutch message", () => {
  function met(
    wijziging: (blad: BladSpec) => BladSpec,
    bladen: BladSpec[] = [scenarioBlad("Scenario A", 0.5, false)],
  ): WerkmapSpec {
    return { bladen: bladen.map(wijziging), metadata: { ...METADATA, scenarios: [] } };
  }

  test.each<[string, WerkmapSpec, RegExp]>([
    [
      "duplicate sheet names ignoring case",
      met(
        (b) => b,
        [scenarioBlad("Scenario A", 0.5, false), { ...scenarioBlad("scenario a", 0.5, false), tabellen: [] }],
      ),
      /meer dan eens/,
    ],
    ["sheet name with a forbidden character", met((b) => ({ ...b, naam: "Scenario/A" })), /teken/],
    ["sheet name of the metadata sheet", met((b) => ({ ...b, naam: METADATA_BLAD })), /meer dan eens/],
    [
      "name that reads as a cell reference",
      met((b) => ({ ...b, namen: [{ naam: "AB12", adres: "B5" }] })),
      /geen geldige naam/,
    ],
    ["R1C1-like name", met((b) => ({ ...b, namen: [{ naam: "R2C3", adres: "B5" }] })), /geen geldige naam/],
    [
      "duplicate name on one sheet",
      met((b) => ({ ...b, namen: [...b.namen, { naam: "realisatiegraad", adres: "B6" }] })),
      /meer dan eens/,
    ],
    [
      "table header differs from column name",
      met((b) => ({ ...b, tabellen: b.tabellen.map((t) => ({ ...t, kolommen: ["Jaar", "Kosten", "Besparing"] })) })),
      /kolomnaam "Kosten"/,
    ],
    ["overlapping merges", met((b) => ({ ...b, samengevoegd: ["A1:F1", "E1:G2"] })), /overlappen/],
    ["content inside a merge", met((b) => ({ ...b, samengevoegd: ["A5:B5"] })), /samengevoegd bereik/],
    [
      "non-finite number",
      met((b) => ({ ...b, cellen: [...b.cellen, { adres: "H1", waarde: Number.NaN }] })),
      /eindig getal/,
    ],
    ["invalid address", met((b) => ({ ...b, cellen: [...b.cellen, { adres: "1A" }] })), /celadres/],
    ["invalid tab colour", met((b) => ({ ...b, tabkleur: "blauw" })), /Tabkleur/],
    [
      "value and formula in one cell",
      met((b) => ({ ...b, cellen: [...b.cellen, { adres: "H1", waarde: 1, formule: "1+1" }] })),
      /zowel/,
    ],
  ])("%s", async (_, spec, bericht) => {
    const poging = schrijfXlsx(spec);
    await expect(poging).rejects.toBeInstanceOf(XlsxSpecFout);
    await expect(schrijfXlsx(spec)).rejects.toThrow(bericht);
  });

  test("invalid metadata date", async () => {
    const spec: WerkmapSpec = { bladen: [regioBlad()], metadata: { ...METADATA, datum: "gisteren" } };
    await expect(schrijfXlsx(spec)).rejects.toThrow(/ISO-datum/);
  });
});
