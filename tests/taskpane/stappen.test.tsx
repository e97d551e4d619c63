/**
 * @jest-environment jsdom
 *
 * The other sources of Iv3 figures (workbook range with the column mapping, CSV file, CBS open data),
 * the maatwerkbudget and the region, driven through the pane with a fake PaneelDiensten.
 */
import { act } from "react";
import App from "../../src/taskpane/components/App";
import { JeugdAggregator } from "../../src/domain/iv3/aggregate";
import { berekenBusinessCase } from "../../src/domain/business-case/bereken";
import { berekenRegio } from "../../src/domain/region/verdeling";
import { berekenVolledig, businessCaseInvoer } from "../../src/domain/scenario/bereken";
import { standaardScenario } from "../../src/domain/scenario/standaard";
import { formatEuro } from "../../src/i18n/format";
import { nl } from "../../src/i18n/nl";
import { builtinIv3, loadSnapshot, type Snapshot } from "../../src/sources/builtin";
import type { CbsOdataSource, CbsVoortgang } from "../../src/sources/cbs-odata";
import { parseIv3Csv, type KolomIndeling } from "../../src/sources/csv";
import { Iv3InputError, SourceError } from "../../src/sources/errors";
import { regioInvoer, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import type { Iv3Data } from "../../src/domain/iv3/types";
import { bewaarTekst } from "../../src/taskpane/staat/bewaren";
import { standaardConcept } from "../../src/taskpane/staat/concept";
import { cijfersVan, metEigenCijfers } from "../../src/taskpane/staat/eigen-cijfers";
import {
  alleMetRol,
  bedrag,
  bewaard,
  kies,
  klik,
  metRol,
  nepDiensten,
  render,
  rij,
  ruimOp,
  spoel,
  tekst,
  typ,
  veld,
  wacht,
} from "./hulp";

jest.setTimeout(60000);

const p = nl.paneel;
let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot();
});
afterEach(() => ruimOp());

async function opent(
  laadStaat: string,
  over: Parameters<typeof nepDiensten>[0] = {},
  cbsBron?: () => Promise<CbsOdataSource>,
) {
  const diensten = nepDiensten({ laadStaat: async () => laadStaat, ...over });
  const g = render(<App diensten={diensten} bewaarVertragingMs={0} {...(cbsBron ? { cbsBron } : {})} />);
  await wacht(() => alleMetRol("tab").length === 6);
  return { diensten, ...g };
}

function jeugdTotaal(): string[] {
  const dl = document.querySelector('dl[aria-label="Jeugd totaal"]');
  return Array.from(dl?.querySelectorAll("dd") ?? []).map((d) => d.textContent ?? "");
}

function kiesBestand(input: HTMLInputElement, naam: string, inhoud: string | Uint8Array<ArrayBuffer>): void {
  const bestand = new File([inhoud], naam, { type: "text/csv" });
  Object.defineProperty(input, "files", { value: [bestand], configurable: true });
  act(() => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const EIGEN_CSV = [
  "Bedragen x € 1.000",
  "Taakveld;Lasten;Baten",
  "6.751;12.000;",
  "6.761;3.500,5;100",
  "6.821;(50);",
].join("\r\n");

describe("CSV file", () => {
  test("the file's figures become the baseline and the scenario's, with the file named as source", async () => {
    await opent(bewaard("gegevens", "csv"));
    const invoer = await wacht(() => veld(p.gegevens.csvKies));
    kiesBestand(invoer, "begroting-tiel.csv", EIGEN_CSV);
    await wacht(() => tekst().includes("3 rijen ingelezen uit 'begroting-tiel.csv'."));
    // × € 1.000; (50) is −50.
    expect(jeugdTotaal()).toEqual([formatEuro(15_450_500), formatEuro(100_000), formatEuro(15_350_500)]);
    expect(tekst()).toContain("Bron: CSV-bestand 'begroting-tiel.csv' (eigen export) voor Tiel");
    expect(tekst()).toContain("bedragen in duizenden euro's");

    // The Maatregelen step computes on the file's baseline: compare with the engine on the overlaid data.
    klik(metRol("tab", "Maatregelen"));
    const tabel = await wacht(() => metRol("table", "Netto besparing per jaar"));
    const data = parseIv3Csv(EIGEN_CSV, { jaar: 2025, verslagsoort: "begroting", gemeente: "Tiel" });
    const over = metEigenCijfers(
      snapshot,
      {
        soort: "csv",
        gemeente: "Tiel",
        dataset: "2025-begroting",
        herkomst: "x",
        taakvelden: cijfersVan(data, "Tiel") ?? {},
      },
      (h) => h,
    );
    const s = standaardScenario("Tiel", "2025-begroting");
    const r = berekenVolledig(s, scenarioGegevens(over, s));
    expect(rij(tabel, "2027")[2]).toBe(bedrag(r.projectie.totaal.met["2027"]));
    expect(r.projectie.totaal.basis).toBe(15_450_500);
  });

  test("a file with an invalid amount reads nothing and names row and column", async () => {
    await opent(bewaard("gegevens", "csv"));
    const voor = await wacht(() => (jeugdTotaal().length === 3 ? jeugdTotaal() : undefined));
    const invoer = veld(p.gegevens.csvKies);
    kiesBestand(invoer, "fout.csv", "Taakveld;Lasten\n6.751;1.000\n6.761;abc\n6.821;n.v.t.\n");
    await wacht(() => tekst().includes("Het bestand bevat 2 fouten; er is niets ingelezen."));
    expect(tekst()).toContain("Rij 3, kolom Lasten: 'abc' is geen bedrag.");
    expect(tekst()).toContain("Rij 4, kolom Lasten: 'n.v.t.' is geen bedrag.");
    expect(jeugdTotaal()).toEqual(voor);
  });

  test("a Windows-1252 file (older Excel export) is read with its accents", async () => {
    await opent(bewaard("gegevens", "csv"));
    const invoer = await wacht(() => veld(p.gegevens.csvKies));
    // é as the single byte 0xE9: invalid UTF-8, so the file is decoded as Windows-1252.
    const bytes = Uint8Array.from([
      ...Buffer.from("Gemeente;Taakveld;Lasten\n", "latin1"),
      ...Buffer.from("Tiel;6.751;10\n", "latin1"),
      ...Buffer.from("Tiel;6.92;5 \xe9\n", "latin1"),
    ]);
    kiesBestand(invoer, "oud.csv", bytes);
    await wacht(() => tekst().includes("is geen bedrag"));
    expect(tekst()).toContain("'5 é' is geen bedrag.");
  });
});

describe("CBS open data", () => {
  test("offline: the source's Dutch message, nothing changed", async () => {
    const bron = {
      laadGemeente: jest.fn(() => Promise.reject(new SourceError("offline", nl.bronnen.cbsOffline))),
    } as unknown as CbsOdataSource;
    await opent(bewaard("gegevens", "cbs"), {}, async () => bron);
    klik(await wacht(() => metRol("button", p.gegevens.cbsOphalen)));
    await wacht(() => tekst().includes(nl.bronnen.cbsOffline));
    expect(bron.laadGemeente).toHaveBeenCalledWith(
      expect.objectContaining({ jaar: 2025, verslagsoort: "begroting", gemeente: "Tiel" }),
    );
  });

  test("progress while loading; the figures then become the baseline", async () => {
    let klaar: (d: Iv3Data) => void = () => undefined;
    const bron = {
      laadGemeente: jest.fn((v: { onProgress?: (x: CbsVoortgang) => void }) => {
        v.onProgress?.({ rijen: 1200, paginas: 1, bericht: nl.bronnen.cbsVoortgang(1200) });
        return new Promise<Iv3Data>((r) => (klaar = r));
      }),
    } as unknown as CbsOdataSource;
    await opent(bewaard("gegevens", "cbs"), {}, async () => bron);
    klik(await wacht(() => metRol("button", p.gegevens.cbsOphalen)));
    await wacht(() => tekst().includes("1.200 rijen opgehaald van CBS"));
    expect(alleMetRol("progressbar")).toHaveLength(1);
    expect(alleMetRol("button", p.algemeen.afbreken)).toHaveLength(1);
    await spoel();
    klaar({
      regime: "2025+",
      provenance: {
        bron: "CBS open data, tabel 45071NED",
        verslagsoort: "begroting",
        jaar: 2025,
        eenheidBron: "EUR1000",
        opgehaald: "2026-11-22",
      },
      rows: [
        { gemeente: "Tiel", taakveld: "6.751", categorie: "L3.5.1", lasten: 7_000_000, baten: null },
        { gemeente: "Tiel", taakveld: "6.751", categorie: "L4.3.1", lasten: 1_000_000, baten: null },
      ],
      gemeenten: [{ naam: "Tiel", code: "GM0281" }],
    });
    await wacht(() => tekst().includes("2 rijen ingelezen uit CBS open data, tabel 45071NED."));
    expect(jeugdTotaal()[0]).toBe(formatEuro(8_000_000));
    expect(tekst()).toContain("opgehaald 2026-11-22");
  });
});

describe("workbook range", () => {
  const indeling: KolomIndeling = {
    formaat: "eigen",
    scheidingsteken: "",
    kopRij: 1,
    kop: ["Taakveld", "Omschrijving", "Ontvangsten", "Uitgaven"],
    kolommen: { taakveld: 0, lasten: 3 },
    eenheid: "EUR",
    notatie: "nl",
  };

  test("shows the detected mapping, lets the user correct it, and reads with the corrected mapping", async () => {
    const resultaat = parseIv3Csv("Taakveld;Lasten;Baten\n6.751;2.000.000;50.000\n", {
      jaar: 2025,
      verslagsoort: "begroting",
      gemeente: "Tiel",
    });
    const { diensten } = await opent(bewaard("gegevens", "werkmap"), {
      leesKolomIndeling: async () => indeling,
      leesIv3: async (_b, _o, voortgang) => {
        voortgang?.(2, 2);
        return { resultaat, bereik: "Blad1!A1:D2" };
      },
    });
    klik(await wacht(() => metRol("button", p.gegevens.kolommenHerkennen)));
    const lasten = await wacht(() => veld("Kolom voor lasten"));
    expect(lasten.value).toBe("3");
    expect(veld("Kolom voor baten").value).toBe("-1");
    expect(tekst()).toContain("D: Uitgaven");
    kies(veld("Kolom voor baten"), "2");
    klik(metRol("button", p.gegevens.inlezen));
    await wacht(() => tekst().includes("1 rij ingelezen uit Blad1!A1:D2."));
    expect(diensten.leesKolomIndeling).toHaveBeenCalledWith(
      { soort: "selectie" },
      expect.objectContaining({ jaar: 2025, verslagsoort: "begroting" }),
    );
    expect(diensten.leesIv3).toHaveBeenCalledWith(
      { soort: "selectie" },
      expect.objectContaining({
        jaar: 2025,
        verslagsoort: "begroting",
        gemeente: "Tiel",
        kolommen: { taakveld: 0, lasten: 3, baten: 2 },
      }),
      expect.any(Function),
    );
    expect(jeugdTotaal()).toEqual([formatEuro(2_000_000), formatEuro(50_000), formatEuro(1_950_000)]);
    expect(tekst()).toContain("Bron: werkmap, bereik Blad1!A1:D2 voor Tiel");
  });

  test("an invalid cell gives the cell-precise message and leaves the baseline as it was", async () => {
    await opent(bewaard("gegevens", "werkmap"), {
      leesKolomIndeling: async () => indeling,
      leesIv3: async () => {
        throw new Iv3InputError([{ code: "geen-bedrag", cel: "Blad1!D3", kolom: "Uitgaven", waarde: "n.v.t." }]);
      },
    });
    const voor = await wacht(() => (jeugdTotaal().length === 3 ? jeugdTotaal() : undefined));
    kies(veld(p.gegevens.werkmapWaar), "tabel");
    typ(veld(p.gegevens.werkmapNaam), "tblIv3");
    klik(metRol("button", p.gegevens.kolommenHerkennen));
    klik(await wacht(() => metRol("button", p.gegevens.inlezen)));
    await wacht(() => tekst().includes("Blad1!D3: 'n.v.t.' is geen bedrag."));
    expect(tekst()).toContain("De gegevens bevatten 1 fout; er is niets ingelezen.");
    expect(jeugdTotaal()).toEqual(voor);
  });

  test("outside Excel the workbook source explains itself instead", async () => {
    await opent(bewaard("gegevens", "werkmap"), { inExcel: false });
    await wacht(() => tekst().includes(p.gegevens.bronnen.werkmap));
    expect(alleMetRol("button", p.gegevens.kolommenHerkennen)).toHaveLength(0);
    expect(alleMetRol("button", p.gegevens.schrijfIv3)).toHaveLength(0);
  });
});

describe("Gegevens: the Iv3-basis sheet", () => {
  test("is written for the scenario's gemeente and data set, with a link to the sheet", async () => {
    const { diensten } = await opent(bewaard("gegevens"), {
      schrijfIv3Blad: async () => ({ bladen: [{ naam: "Iv3 Tiel", id: "iv3", soort: "iv3-basis" }], meldingen: [] }),
    });
    const knop = await wacht(() => metRol("button", p.gegevens.schrijfIv3));
    await wacht(() => knop.getAttribute("disabled") === null);
    klik(knop);
    await wacht(() => tekst().includes("Geschreven: Iv3 Tiel."));
    expect(diensten.schrijfIv3Blad.mock.calls[0]?.[1]).toMatchObject({ gemeente: "Tiel", dataset: "2025-begroting" });
    klik(metRol("button", "Ga naar blad Iv3 Tiel"));
    await spoel();
    expect(diensten.activeerBlad).toHaveBeenCalledWith("iv3");
  });

  test("the baseline's taakvelden on request", async () => {
    await opent(bewaard("gegevens"));
    klik(await wacht(() => metRol("button", p.gegevens.taakveldenTonen)));
    const tabel = metRol("table", p.gegevens.taakveldenTabel);
    const data = builtinIv3(snapshot, "2025-begroting", "Tiel");
    const o = new JeugdAggregator(data.regime).addAll(data.rows).overzicht("Tiel");
    const tv = o.taakvelden.find((t) => t.code === "6.751");
    expect(rij(tabel, `6.751 ${tv?.naam}`)[1]).toBe(bedrag(tv?.lasten));
    expect(metRol("button", p.gegevens.taakveldenVerbergen).getAttribute("aria-expanded")).toBe("true");
  });
});

describe("Maatwerkbudget", () => {
  test("results follow the preset and every change", async () => {
    await opent(bewaard("maatwerkbudget"));
    const schakelaar = await wacht(() => metRol("switch", p.maatwerkbudget.aan));
    klik(schakelaar);
    const waarde = (label: string): string => {
      const dt = Array.from(document.querySelectorAll("dt")).find((x) => x.textContent === label);
      return dt?.nextElementSibling?.textContent ?? "";
    };
    await wacht(() => waarde(p.maatwerkbudget.netto) !== "");
    const basis = berekenBusinessCase(businessCaseInvoer({ preset: "ivt-jim" })).totalen;
    expect(waarde(p.maatwerkbudget.netto)).toBe(formatEuro(basis.netto));
    expect(waarde(p.maatwerkbudget.terugverdienjaar)).toBe(String(basis.terugverdienjaar));

    typ(veld("Aantal casussen per jaar"), "10");
    const tien = berekenBusinessCase(
      businessCaseInvoer({ preset: "ivt-jim", aanpassingen: { casussenPerJaar: 10 } }),
    ).totalen;
    expect(waarde(p.maatwerkbudget.netto)).toBe(formatEuro(tien.netto));
    expect(tien.netto).not.toBe(basis.netto);
    // Sources: the survey-based cost per case is sourced, the case count now the user's.
    const hint = (el: HTMLElement): string =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
    expect(hint(veld("Aantal casussen per jaar"))).toBe("ingevoerd door de gebruiker");
    expect(hint(veld("Besteding maatwerkbudget per casus"))).toMatch(/^berekend: € 16\.000 per traject/);

    kies(veld(p.maatwerkbudget.preset), "den-haag-doorbraaklab");
    const haag = berekenBusinessCase(businessCaseInvoer({ preset: "den-haag-doorbraaklab" })).totalen;
    expect(waarde(p.maatwerkbudget.netto)).toBe(formatEuro(haag.netto));
  });
});

describe("Regio", () => {
  test("per-member outcome for Rivierenland, by model and members", async () => {
    await opent(bewaard("regio"));
    klik(await wacht(() => metRol("switch", p.regio.aan)));
    const tabel = await wacht(() => metRol("table", p.regio.uitkomstTabel));
    expect(tabel.querySelectorAll("tbody tr")).toHaveLength(9); // 8 members + total

    const verwacht = (model: "profijt" | "solidariteit", leden: string[]) =>
      berekenRegio(
        regioInvoer(snapshot, { naam: "Rivierenland", leden, sleutel: "inwoners", model }, "2025-begroting"),
      );
    const rivierenland = [
      "Buren",
      "Culemborg",
      "Maasdriel",
      "Neder-Betuwe",
      "Tiel",
      "West Betuwe",
      "West Maas en Waal",
      "Zaltbommel",
    ];
    const profijt = verwacht("profijt", rivierenland);
    expect(rij(tabel, "Tiel")[2]).toBe(bedrag(profijt.leden.find((l) => l.gemeente === "Tiel")?.bedrag));

    klik(metRol("radio", p.regio.modellen.solidariteit));
    const solidair = verwacht("solidariteit", rivierenland);
    const tiel = solidair.leden.find((l) => l.gemeente === "Tiel");
    expect(rij(metRol("table", p.regio.uitkomstTabel), "Tiel")[2]).toBe(bedrag(tiel?.bedrag));
    expect(rij(metRol("table", p.regio.uitkomstTabel), "Tiel")[3]).toBe(bedrag(tiel?.verschilMetProfijt));
    expect(tiel?.verschilMetProfijt).not.toBe(0);

    klik(metRol("button", p.regio.verwijder("Zaltbommel")));
    await wacht(() => metRol("table", p.regio.uitkomstTabel).querySelectorAll("tbody tr").length === 8);
    const zeven = verwacht("solidariteit", rivierenland.slice(0, 7));
    expect(rij(metRol("table", p.regio.uitkomstTabel), p.regio.totaal)[2]).toBe(bedrag(zeven.totaal.bedrag));
  });
});

describe("Scenario's with a region that cannot be distributed", () => {
  test("says why and does not offer to write", async () => {
    const c = standaardConcept("Tiel", "2025-begroting");
    const staat = bewaarTekst({
      versie: 1,
      stap: "scenarios",
      bron: "ingebouwd",
      concept: { ...c, regio: { ...c.regio, aan: true, preset: "eigen", leden: ["Tiel"] } },
    });
    const { diensten } = await opent(staat);
    const knop = await wacht(() => metRol("button", p.scenarios.schrijven));
    await wacht(() => tekst().includes("Een regio heeft minstens twee gemeenten nodig; opgegeven: 1."));
    expect(tekst()).toContain(p.scenarios.regioFout);
    expect(knop.hasAttribute("disabled") || knop.getAttribute("aria-disabled") === "true").toBe(true);
    klik(knop);
    await spoel();
    expect(diensten.schrijfScenarios).not.toHaveBeenCalled();
  });
});
