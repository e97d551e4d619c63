/**
 * The same sheet description written by the Office.js writer (into the fake) and by the .xlsx writer
 * (read back with ExcelJS) has the same cells, formulas, number formats, styles, names and column widths.
 */
import { schrijfInExcel } from "../../src/excel/schrijver";
import { kolombreedteInTekens } from "../../src/excel/opmaak";
import { laadXlsx, leesNamen, schrijfXlsx } from "../../src/xlsx/schrijf";
import { basisScenario, fakeHost, specMaker } from "../support/excel-host";

const hex = (argb: string | undefined): string => (argb === undefined ? "#000000" : `#${argb.slice(-6).toUpperCase()}`);

test("Office.js and .xlsx writers produce the same cells, formulas, formats, names and widths", async () => {
  const maak = await specMaker(basisScenario("Tiel", true), { aantal: 3 });
  const spec = await maak([]);
  const { fake, host } = fakeHost();
  await schrijfInExcel(host, () => spec, { nieuweUid: () => "g" });
  const bytes = await schrijfXlsx(spec);
  const xlsx = await laadXlsx(bytes);
  const namenXlsx = await leesNamen(bytes);

  let vergeleken = 0;
  for (const blad of spec.bladen) {
    const ws = xlsx.getWorksheet(blad.naam);
    if (!ws) throw new Error(`no sheet ${blad.naam} in the .xlsx`);
    const fs = fake.sheet(blad.naam);
    for (const cel of blad.cellen) {
      const x = ws.getCell(cel.adres);
      const o = fake.cell(blad.naam, cel.adres);
      const waar = `${blad.naam}!${cel.adres}`;
      const xv = x.value;
      if (cel.formule !== undefined) {
        const xf = typeof xv === "object" && xv !== null && "formula" in xv ? xv.formula : undefined;
        expect([waar, o.formula]).toEqual([waar, `=${xf}`]);
      } else {
        expect([waar, o.formula, o.value]).toEqual([waar, null, xv ?? ""]);
      }
      expect([waar, o.numberFormat]).toEqual([waar, x.numFmt ?? "General"]);
      const font = x.font;
      expect([waar, o.format.font.bold, o.format.font.italic, o.format.font.size, o.format.font.color]).toEqual([
        waar,
        font.bold === true,
        font.italic === true,
        font.size,
        hex(font.color?.argb),
      ]);
      const fill = x.fill?.type === "pattern" ? x.fill.fgColor?.argb : undefined;
      expect([waar, o.format.fill]).toEqual([waar, fill === undefined ? null : hex(fill)]);
      expect([waar, o.format.horizontalAlignment.toLowerCase(), o.format.wrapText]).toEqual([
        waar,
        x.alignment?.horizontal ?? "general",
        x.alignment?.wrapText === true,
      ]);
      expect([waar, o.format.locked]).toEqual([waar, x.protection?.locked !== false]);
      vergeleken++;
    }
    // Column widths (points in Office.js, characters in .xlsx).
    blad.kolombreedtes.forEach((breedte, i) => {
      const kolom = ws.getColumn(i + 1).width;
      const punten = fs.columnWidths.get(i + 1);
      expect([blad.naam, i + 1, punten === undefined ? undefined : kolombreedteInTekens(punten)]).toEqual([
        blad.naam,
        i + 1,
        Math.round((kolom ?? breedte) * 100) / 100,
      ]);
    });
    // Sheet-scoped names: same names, same cells.
    const opXlsx = namenXlsx
      .filter((n) => n.blad === blad.naam && !n.naam.startsWith("_xlnm.")) // print titles: pageLayout in Office.js
      .map((n) => [n.naam, n.verwijzing.replace(/^.*!/, "")])
      .sort();
    const inFake = fs.names.map((n) => [n.name, n.formula.replace(/^.*!/, "")]).sort();
    expect(inFake.length).toBe(blad.namen.length);
    expect(inFake.map(([n]) => n)).toEqual(blad.namen.map((n) => n.naam).sort());
    expect(inFake).toEqual(opXlsx);
    expect(fs.merges.length).toBe(blad.samengevoegd.length);
    expect(fs.charts.length).toBe(blad.grafieken.filter((g) => g.reeksen.length > 0).length);
  }
  expect(vergeleken).toBeGreaterThan(1000);
});
