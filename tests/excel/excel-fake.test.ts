import {
  createFakeExcel,
  DEFAULT_PAYLOAD_LIMIT,
  FakeExcelError,
  FakeNotModelledError,
  type FakeExcel,
} from "../support/excel-fake";

/** Runs `batch` and returns the error it rejects with (fails the test when it resolves). */
async function errorOf(
  fake: FakeExcel,
  batch: (context: Excel.RequestContext) => Promise<unknown>,
): Promise<FakeExcelError> {
  try {
    await fake.run(batch);
  } catch (error) {
    if (error instanceof FakeExcelError) return error;
    throw error;
  }
  throw new Error("expected the batch to fail");
}

describe("Excel fake: loading and reading", () => {
  test("reading a property before load + sync throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [[1, 2]] }] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // Loaded but not synced yet.
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a property that was only set is not readable either (stricter than Office.js)", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Renamed";
      await context.sync();
      expect(() => sheet.name).toThrow(FakeExcelError);
    });
    expect(fake.state.sheets[0]?.name).toBe("Renamed");
  });

  test("load + sync then read works, including navigation paths and collection items", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "Data",
          values: [
            ["Gemeente", "Lasten"],
            ["Tiel", 100],
            ["Culemborg", 200],
          ],
        },
        { name: "Andere" },
      ],
    });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const range = sheet.getRange("A1:B3");
      range.format.font.bold = true;
      range.load(["values", "address", "rowCount", "columnCount", "numberFormat", "format/font/bold"]);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const used = sheet.getUsedRange();
      used.load("address");
      await context.sync();
      expect(range.values).toEqual([
        ["Gemeente", "Lasten"],
        ["Tiel", 100],
        ["Culemborg", 200],
      ]);
      expect(range.address).toBe("Data!A1:B3");
      expect([range.rowCount, range.columnCount]).toEqual([3, 2]);
      expect(range.numberFormat[1]).toEqual(["General", "General"]);
      expect(range.format.font.bold).toBe(true);
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Andere"]);
      expect(() => sheets.items[0]?.position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(used.address).toBe("Data!A1:B3");
    });
  });

  test("loaded values arrive only when the sync completes, not while it is pending", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [[7]] }] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      range.load("values");
      const pending = context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await pending;
      expect(range.values).toEqual([[7]]);
    });
  });

  test("format reads are null when the cells differ, like Office.js", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.fill.color = "#FF0000";
      const both = sheet.getRange("A1:B1");
      both.load("format/fill/color");
      await context.sync();
      expect(both.format.fill.color).toBeNull();
    });
  });
});

describe("Excel fake: range shapes and values", () => {
  test("a values array of the wrong shape fails at sync with InvalidArgument, not at assignment", async () => {
    const fake = createFakeExcel();
    const error = await errorOf(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["before"]];
      const range = sheet.getRange("A2:B3");
      expect(() => {
        range.values = [[1, 2, 3]];
      }).not.toThrow();
      sheet.getRange("C1").values = [["after"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(fake.cell("Sheet1", "A1").value).toBe("before");
    expect(fake.cell("Sheet1", "C1").value).toBe("");
  });

  test("ragged rows and formulas / number formats of the wrong shape fail too", async () => {
    for (const write of [
      (r: Excel.Range) => (r.values = [[1, 2], [3]]),
      (r: Excel.Range) => (r.formulas = [["=1"], ["=2"]]),
      (r: Excel.Range) => (r.numberFormat = [["0"]]),
    ]) {
      const fake = createFakeExcel();
      const error = await errorOf(fake, async (context) => {
        write(context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2"));
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
    }
  });

  test("one scalar for a multi-cell range is allowed for values and number formats", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.numberFormat = "0.0%" as unknown as string[][]; // Office.js types say any[][]; a scalar is accepted at runtime
      range.values = 0.5 as unknown as number[][]; // idem
      await context.sync();
    });
    expect(fake.cell("Sheet1", "B2")).toMatchObject({ value: 0.5, numberFormat: "0.0%" });
  });

  test("null keeps a cell, an empty string clears it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["a", "b", "c"]] }] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:C1").values = [[null, "", "z"]];
      await context.sync();
    });
    expect([fake.cell("S", "A1").value, fake.cell("S", "B1").value, fake.cell("S", "C1").value]).toEqual([
      "a",
      "",
      "z",
    ]);
  });

  test("text is interpreted as Excel would: '=', '+', '-' make formulas unless the cell is Text or apostrophe-quoted", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:E1").values = [["=1+1", "+A1", "'=quoted", "00123", "2024-05-01"]];
      const text = sheet.getRange("A2");
      text.numberFormat = [["@"]];
      text.values = [["=injected()"]];
      await context.sync();
    });
    expect(fake.cell("Sheet1", "A1").formula).toBe("=1+1");
    expect(fake.cell("Sheet1", "B1").formula).toBe("=+A1");
    expect(fake.cell("Sheet1", "C1")).toMatchObject({ value: "=quoted", formula: null, quotePrefix: true });
    expect(fake.cell("Sheet1", "D1").value).toBe(123);
    expect(fake.cell("Sheet1", "E1")).toMatchObject({ value: 45413, numberFormat: "yyyy-mm-dd" });
    expect(fake.cell("Sheet1", "A2")).toMatchObject({ value: "=injected()", formula: null });
  });
});

describe("Excel fake: formulas", () => {
  test("formulas are recorded as given and not evaluated", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[2, 3]] }] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("C1").formulas = [["=A1*B1"]];
      sheet.getRange("D1").formulas = [["A1*B1"]]; // no "=": Excel stores this as text
      const read = sheet.getRange("A1:D1");
      read.load("values,formulas,valueTypes");
      await context.sync();
      expect(read.formulas).toEqual([[2, 3, "=A1*B1", "A1*B1"]]);
      // Excel would show 6; the fake does not calculate, so the value of a formula cell is "".
      expect(read.values).toEqual([[2, 3, "", "A1*B1"]]);
      expect(read.valueTypes).toEqual([["Double", "Double", "String", "String"]]);
    });
    expect(fake.cell("S", "C1")).toMatchObject({ formula: "=A1*B1", value: "" });
    expect(fake.cell("S", "D1")).toMatchObject({ formula: null, value: "A1*B1" });
  });

  test("a test can supply calculated values (evaluate option or setCalculatedValue)", async () => {
    const fake = createFakeExcel({ evaluate: (formula) => (formula === "=1+1" ? 2 : undefined) });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").formulas = [["=1+1", "=NOW()"]];
      await context.sync();
    });
    fake.setCalculatedValue("Sheet1", "B1", 45000);
    const values = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([[2, 45000]]);
  });

  test("one formula for several cells is not modelled (Excel would shift relative references)", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = "=B1" as unknown as string[][]; // scalar at runtime
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeNotModelledError);
  });

  test("renaming a sheet rewrites references to it; deleting it turns them into #REF!", async () => {
    const fake = createFakeExcel({
      sheets: [{ name: "Basis", values: [[10]] }, { name: "Tmp" }, { name: "Vergelijking" }],
    });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Vergelijking").getRange("A1:B1").formulas = [["=Tmp!A1*2", "=Basis!A1"]];
      context.workbook.names.add("totaal", "=Tmp!$A$1");
      sheets.getItem("Tmp").name = "Scenario Tiel";
      await context.sync();
    });
    expect(fake.cell("Vergelijking", "A1").formula).toBe("='Scenario Tiel'!A1*2");
    expect(fake.state.names[0]?.formula).toBe("='Scenario Tiel'!$A$1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Basis").delete();
      await context.sync();
    });
    expect(fake.cell("Vergelijking", "B1").formula).toBe("=#REF!A1");
  });

  test("a formula referring to a sheet that does not exist yet becomes #REF!", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["='Later'!B2"]];
      await context.sync();
    });
    expect(fake.cell("Sheet1", "A1").formula).toBe("=#REF!B2");
  });
});

describe("Excel fake: worksheets", () => {
  test.each([
    ["32 characters", "x".repeat(32), "InvalidArgument"],
    ["a colon", "Jeugd: 2024", "InvalidArgument"],
    ["a slash", "Jeugd/Wmo", "InvalidArgument"],
    ["a backslash", "Jeugd\\Wmo", "InvalidArgument"],
    ["brackets", "[Jeugd]", "InvalidArgument"],
    ["an asterisk", "Jeugd*", "InvalidArgument"],
    ["a question mark", "Jeugd?", "InvalidArgument"],
    ["a blank name", "   ", "InvalidArgument"],
    ["an edge apostrophe", "'Jeugd", "InvalidArgument"],
    ["a duplicate ignoring case", "DATA", "ItemAlreadyExists"],
  ])("adding a sheet whose name has %s fails at sync", async (_what, name, code) => {
    const fake = createFakeExcel({ sheets: [{ name: "Data" }] });
    const before = fake.snapshot();
    let queued = false;
    const error = await errorOf(fake, async (context) => {
      context.workbook.worksheets.add(name);
      queued = true;
      await context.sync();
    });
    expect(queued).toBe(true);
    expect(error.code).toBe(code);
    expect(fake.equals(before)).toBe(true);
  });

  test("renaming follows the same rules; 31 characters are fine", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data" }, { name: "Other" }] });
    const error = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Other").name = "data";
      await context.sync();
    });
    expect(error.code).toBe("ItemAlreadyExists");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Other").name = "y".repeat(31);
      await context.sync();
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Data", "y".repeat(31)]);
  });

  test("getItemOrNullObject reports isNullObject after sync; getItem fails with ItemNotFound", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data" }] });
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("data");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.load("name");
      await context.sync();
      expect(() => missing.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    const error = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Nope");
      await context.sync();
    });
    expect(error.code).toBe("ItemNotFound");
  });

  test("VeryHidden sheets: settable and loadable, cannot be deleted; the last visible sheet cannot be hidden", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data" }] });
    await fake.run(async (context) => {
      const meta = context.workbook.worksheets.add("_meta");
      meta.visibility = "VeryHidden";
      meta.load("visibility,tabColor");
      await context.sync();
      expect(meta.visibility).toBe("VeryHidden");
      expect(meta.tabColor).toBeNull();
    });
    expect(fake.sheet("_meta").visibility).toBe("VeryHidden");
    const deletion = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("_meta").delete();
      await context.sync();
    });
    expect(deletion.code).toBe("InvalidOperation");
    const hiding = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").visibility = "Hidden";
      await context.sync();
    });
    expect(hiding.code).toBe("InvalidOperation");
    await fake.run(async (context) => {
      const meta = context.workbook.worksheets.getItem("_meta");
      meta.visibility = "Hidden";
      meta.delete();
      await context.sync();
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  test("a protected sheet refuses writes to locked cells but not to unlocked ones", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2").format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true });
      sheet.getRange("B2").values = [[5]];
      sheet.protection.load("protected");
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
    });
    const error = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(error.code).toBe("AccessDenied");
    expect(fake.cell("Sheet1", "B2").value).toBe(5);
  });
});

describe("Excel fake: batching", () => {
  test("queued operations are applied only at sync, in order, and each sync counts once", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Scenario");
      sheet.getRange("A1:B1").values = [["Jaar", 2025]];
      sheet.getRange("A1").format.font.bold = true;
      expect(fake.state.sheets).toHaveLength(1);
      expect(fake.stats.syncs).toBe(0);
      await context.sync();
      expect(fake.sheet("Scenario").cells.get("B1")?.value).toBe(2025);
      expect(fake.cell("Scenario", "A1").format.font.bold).toBe(true);
    });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.implicitSyncs).toBe(0);
    expect(fake.stats.batchBytes).toHaveLength(1);
    expect(fake.stats.log[0]?.labels).toEqual([
      "WorksheetCollection.add",
      "Worksheet.getRange",
      "Range.values",
      "Worksheet.getRange",
      "RangeFont.bold",
    ]);
    expect(fake.stats.operations).toBe(5);
  });

  test("operations left in the queue are flushed by one implicit sync at the end of run", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      return Promise.resolve();
    });
    expect(fake.cell("Sheet1", "A1").value).toBe(1);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.implicitSyncs).toBe(1);
    expect(fake.stats.log[0]?.implicit).toBe(true);
  });

  test("a batch over the payload limit fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const fake = createFakeExcel();
    const before = fake.snapshot();
    const big = Array.from({ length: 600 }, () => ["x".repeat(10_000)]);
    const error = await errorOf(fake, async (context) => {
      const sheet = context.workbook.worksheets.add("Groot");
      sheet.getRange("A1:A600").values = big;
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.batchBytes[0]).toBeGreaterThan(DEFAULT_PAYLOAD_LIMIT);
    expect(fake.stats.log[0]?.error).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.equals(before)).toBe(true);
  });

  test("the payload limit is configurable, and the same data fits when split over syncs", async () => {
    const fake = createFakeExcel({ payloadLimit: 3_000 });
    const rows = Array.from({ length: 40 }, (_, i) => [`rij ${i}`, i, "y".repeat(60)]);
    const error = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C40").values = rows;
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    fake.resetStats();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < 40; start += 20) {
        sheet.getRange(`A${start + 1}:C${start + 20}`).values = rows.slice(start, start + 20);
        await context.sync();
      }
    });
    expect(fake.stats.syncs).toBe(2);
    expect(Math.max(...fake.stats.batchBytes)).toBeLessThanOrEqual(3_000);
    expect(fake.cell("Sheet1", "B40").value).toBe(39);
  });

  test("reading a range whose response exceeds the limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const fake = createFakeExcel({
      payloadLimit: 2_000,
      sheets: [{ name: "S", values: Array.from({ length: 100 }, () => ["z".repeat(40)]) }],
    });
    const error = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A100").load("values");
      await context.sync();
    });
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(fake.stats.responseBytes).toEqual([0]);
  });

  test("failAt(n): the operations of the batch before the n-th are applied, the rest are not", async () => {
    const fake = createFakeExcel();
    fake.failAt(4);
    const error = await errorOf(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1"); // 1
      sheet.getRange("A1").values = [["one"]]; // 2, 3
      sheet.getRange("A2").values = [["two"]]; // 4 (fails), 5
      sheet.getRange("A3").values = [["three"]]; // 6, 7
      await context.sync();
    });
    expect(error.code).toBe("GeneralException");
    expect(error.debugInfo.errorLocation).toBe("Worksheet.getRange");
    expect(error.debugInfo.surroundingStatements).toContain("// >>>>>");
    expect(fake.cell("Sheet1", "A1").value).toBe("one");
    expect(fake.cell("Sheet1", "A2").value).toBe("");
    expect(fake.cell("Sheet1", "A3").value).toBe("");
  });

  test("failOn(label) arms the next operation with that label; the context stays usable after a failed sync", async () => {
    const fake = createFakeExcel();
    fake.failOn("Worksheet.name");
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("tmp-1");
      sheet.getRange("A1").values = [["inhoud"]];
      sheet.name = "Scenario";
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      // Clean up what the failed batch created, in a next batch of the same run.
      sheet.delete();
      await context.sync();
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.stats.log.map((s) => s.error)).toEqual(["GeneralException", null]);
  });

  test("trace messages that ran before an error are reported", async () => {
    const fake = createFakeExcel();
    const error = await errorOf(fake, async (context) => {
      context.trace("stap 1");
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      context.trace("stap 2");
      await context.sync();
    });
    expect(error.traceMessages).toEqual(["stap 1"]);
  });

  test("suspendApiCalculationUntilNextSync / suspendScreenUpdatingUntilNextSync mark the sync they run in", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(fake.stats.log.map((s) => [s.calculationSuspended, s.screenUpdatingSuspended])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  test("objects of a finished run cannot be used, and unmodelled members fail loudly", async () => {
    const fake = createFakeExcel();
    const range = await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await context.sync();
      return r;
    });
    expect(() => {
      range.values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.format.autofitColumns()).toThrow(FakeNotModelledError);
      expect(() => {
        r.format.indentLevel = 2;
      }).toThrow(FakeNotModelledError);
      await context.sync();
    });
  });
});

describe("Excel fake: metadata", () => {
  const NS = "urn:jeugdscenario:metadata:1";

  test("custom XML parts round trip: add, getByNamespace, getOnlyItem, getXml, delete", async () => {
    const fake = createFakeExcel();
    const xml = `<?xml version="1.0" encoding="UTF-8"?><meta xmlns="${NS}"><scenario naam="Tiel &amp; co"/></meta>`;
    const id = await fake.run(async (context) => {
      const part = context.workbook.customXmlParts.add(xml);
      part.load("id,namespaceUri");
      await context.sync();
      expect(part.namespaceUri).toBe(NS);
      return part.id;
    });
    await fake.run(async (context) => {
      const scoped = context.workbook.customXmlParts.getByNamespace(NS);
      const count = scoped.getCount();
      const only = scoped.getOnlyItem();
      const text = only.getXml();
      expect(() => text.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      const none = context.workbook.customXmlParts.getByNamespace("urn:other").getOnlyItemOrNullObject();
      await context.sync();
      expect(count.value).toBe(1);
      expect(text.value).toBe(xml);
      expect(none.isNullObject).toBe(true);
      context.workbook.customXmlParts.getItem(id).delete();
      await context.sync();
    });
    expect(fake.state.customXmlParts).toEqual([]);
  });

  test("malformed XML is refused with InvalidArgument", async () => {
    const fake = createFakeExcel();
    for (const bad of ["<a><b></a></b>", "<a>1</a><b/>", "no xml", '<a x="1&2"/>']) {
      const error = await errorOf(fake, async (context) => {
        context.workbook.customXmlParts.add(bad);
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
    }
  });

  test("a host without the CustomXmlParts requirement set answers ApiNotFound at sync", async () => {
    const fake = createFakeExcel({ ondersteunt: { customXmlParts: false } });
    const error = await errorOf(fake, async (context) => {
      const parts = context.workbook.customXmlParts;
      parts.add(`<m xmlns="${NS}"/>`);
      await context.sync();
    });
    expect(error.code).toBe("ApiNotFound");
  });

  test("settings and names: add, getItemOrNullObject, value", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.settings.add("jeugdscenario.versie", { versie: "0.1.0", datum: new Date(Date.UTC(2025, 0, 2)) });
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.names.add("invoer.inwoners", sheet.getRange("C5"));
      const missing = context.workbook.settings.getItemOrNullObject("nope");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const setting = context.workbook.settings.getItem("jeugdscenario.versie");
      setting.load("value");
      const name = sheet.names.getItemOrNullObject("INVOER.INWONERS");
      name.load("formula,scope");
      await context.sync();
      expect(setting.value).toEqual({ versie: "0.1.0", datum: "2025-01-02T00:00:00.000Z" });
      expect([name.formula, name.scope]).toEqual(["=Sheet1!$C$5", "Worksheet"]);
    });
    const duplicate = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").names.add("invoer.inwoners", "=Sheet1!$D$5");
      await context.sync();
    });
    expect(duplicate.code).toBe("ItemAlreadyExists");
    const invalid = await errorOf(fake, async (context) => {
      context.workbook.names.add("A1", "=Sheet1!$D$5");
      await context.sync();
    });
    expect(invalid.code).toBe("InvalidArgument");
  });
});

describe("Excel fake: sheet furniture", () => {
  test("tables, charts, merges, freeze panes, widths, borders, page layout and tab colour are recorded", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Scenario");
      sheet.getRange("B2:E4").values = [
        ["", 2025, 2026, 2027],
        ["Besparing", 10, 20, 30],
        ["Kosten", 5, 5, 5],
      ];
      sheet.getRange("A1:E1").merge();
      const table = sheet.tables.add("G2:H4", true);
      table.name = "tblMaatregelen";
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B2:E4"), "Rows");
      chart.title.text = "Besparing per jaar";
      chart.setPosition("B7", "H20");
      chart.axes.valueAxis.numberFormat = "€ #,##0";
      sheet.freezePanes.freezeRows(4);
      sheet.getRange("A:A").format.columnWidth = 120;
      sheet.getRange("B4:E4").format.borders.getItem("EdgeTop").style = "Continuous";
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows("$1:$4");
      sheet.pageLayout.headersFooters.defaultForAllPages.centerHeader = "Jeugdscenario";
      sheet.tabColor = "#1F4E79";
      await context.sync();
    });
    const s = fake.sheet("Scenario");
    expect(s.merges).toEqual(["A1:E1"]);
    expect(s.tables).toMatchObject([{ name: "tblMaatregelen", address: "G2:H4", headers: ["Column1", "Column2"] }]);
    expect(fake.cell("Scenario", "G2").value).toBe("Column1");
    expect(s.charts[0]).toMatchObject({
      type: "ColumnClustered",
      source: "Scenario!$B$2:$E$4",
      seriesBy: "Rows",
      title: { text: "Besparing per jaar", visible: true },
      position: { start: "B7", end: "H20" },
      axes: { value: { numberFormat: "€ #,##0" } },
    });
    expect(s.charts[0]?.series).toEqual([
      { name: "Besparing", values: "Scenario!$C$3:$E$3", xValues: "Scenario!$C$2:$E$2" },
      { name: "Kosten", values: "Scenario!$C$4:$E$4", xValues: "Scenario!$C$2:$E$2" },
    ]);
    expect(s.freeze).toEqual({ rows: 4, columns: 0 });
    expect(s.columnWidths.get(1)).toBe(120);
    expect(fake.cell("Scenario", "C4").format.borders.top?.style).toBe("Continuous");
    expect(fake.cell("Scenario", "C3").format.borders.bottom?.style).toBe("Continuous");
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$4",
    });
    expect(s.pageLayout.headersFooters.defaultForAllPages.centerHeader).toBe("Jeugdscenario");
    expect(s.tabColor).toBe("#1F4E79");
  });

  test("tables may not overlap merged cells; table names must be valid and unique", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").merge();
      sheet.tables.add("D1:E3", true).name = "Tabel";
      await context.sync();
    });
    const overlap = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true);
      await context.sync();
    });
    expect(overlap.code).toBe("MergedRangeConflict");
    const duplicate = await errorOf(fake, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("G1:H3", true).name = "tabel";
      await context.sync();
    });
    expect(duplicate.code).toBe("InvalidArgument");
  });

  test("zoom must be assigned as a whole: the loaded object is a copy", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Sheet1").pageLayout;
      expect(() => layout.zoom).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      layout.load("zoom");
      await context.sync();
      layout.zoom.scale = 50;
      await context.sync();
    });
    expect(fake.sheet("Sheet1").pageLayout.zoom).toEqual({ scale: 100 });
  });
});

describe("Excel fake: snapshots", () => {
  test("a workbook written to and cleaned up again equals its snapshot", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Eigen blad", values: [["van de gebruiker"]] }] });
    const before = fake.snapshot();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("tmp");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
      sheet.delete();
      await context.sync();
    });
    expect(fake.diff(before)).toEqual([]);
    expect(fake.equals(before)).toBe(true);
  });

  test.each<[string, (context: Excel.RequestContext) => void]>([
    ["a value", (c) => (c.workbook.worksheets.getItem("Data").getRange("B2").values = [[2]])],
    ["a number format", (c) => (c.workbook.worksheets.getItem("Data").getRange("A1").numberFormat = [["0.00"]])],
    ["a font", (c) => (c.workbook.worksheets.getItem("Data").getRange("A1").format.font.italic = true)],
    ["a column width", (c) => (c.workbook.worksheets.getItem("Data").getRange("C1").format.columnWidth = 10)],
    ["a sheet's visibility", (c) => (c.workbook.worksheets.getItem("Other").visibility = "Hidden")],
    ["the sheet order", (c) => (c.workbook.worksheets.getItem("Other").position = 0)],
    ["a name", (c) => c.workbook.names.add("x", "=Data!$A$1")],
    ["a setting", (c) => c.workbook.settings.add("k", 1)],
    ["a custom XML part", (c) => c.workbook.customXmlParts.add("<a/>")],
    ["a freeze pane", (c) => c.workbook.worksheets.getItem("Data").freezePanes.freezeColumns(1)],
    ["the active sheet", (c) => c.workbook.worksheets.getItem("Other").activate()],
  ])("detects a change of %s", async (_what, change) => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [[1], [null, 1]] }, { name: "Other" }] });
    const before = fake.snapshot();
    await fake.run(async (context) => {
      change(context);
      await context.sync();
    });
    expect(fake.equals(before)).toBe(false);
    expect(fake.diff(before).length).toBeGreaterThan(0);
  });

  test("seedSheet adds a user's sheet outside the API; reset restores the seeded workbook", async () => {
    const fake = createFakeExcel();
    fake.seedSheet({
      name: "Iv3 export",
      at: "B2",
      values: [
        ["taakveld", "lasten"],
        ["6.72", 1234.5],
        [{ formula: "=C3*2", value: 2469 }, null],
      ],
    });
    const values = await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Iv3 export").getUsedRange(true);
      used.load("address,values,formulas");
      await context.sync();
      return { address: used.address, values: used.values, formulas: used.formulas };
    });
    expect(values).toEqual({
      address: "'Iv3 export'!B2:C4",
      values: [
        ["taakveld", "lasten"],
        ["6.72", 1234.5],
        [2469, ""],
      ],
      formulas: [
        ["taakveld", "lasten"],
        ["6.72", 1234.5],
        ["=C3*2", ""],
      ],
    });
    fake.reset();
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.stats.runs).toBe(0);
  });
});

describe("Excel fake: selection", () => {
  test("getSelectedRange is the selection on the active sheet (default A1) and can be chained like a range", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "Voorblad" },
        {
          name: "Mijn blad",
          values: [
            ["Taakveld", "Lasten"],
            ["6.72a", 100],
          ],
        },
      ],
      activeSheet: "Mijn blad",
      selection: "A1:B2",
    });
    const gelezen = await fake.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address,values,rowIndex,columnCount");
      const used = range.worksheet.getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      return { address: range.address, values: range.values, rowIndex: range.rowIndex, used: used.address };
    });
    expect(gelezen).toEqual({
      address: "'Mijn blad'!A1:B2",
      values: [
        ["Taakveld", "Lasten"],
        ["6.72a", 100],
      ],
      rowIndex: 0,
      used: "'Mijn blad'!A1:B2",
    });
    const standaard = createFakeExcel();
    const adres = await standaard.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
    expect(adres).toBe("Sheet1!A1");
  });

  test("a selection of several areas fails with InvalidSelection at sync; a bad selection option is refused", async () => {
    const fake = createFakeExcel({ selection: "A1:B2,D4" });
    const error = await errorOf(fake, async (context) => {
      context.workbook.getSelectedRange().load("address");
      await context.sync();
    });
    expect(error.code).toBe("InvalidSelection");
    expect(error.debugInfo.errorLocation).toBe("Workbook.getSelectedRange");
    expect(() => createFakeExcel({ selection: "A1:" })).toThrow(/selection/);
  });
});
