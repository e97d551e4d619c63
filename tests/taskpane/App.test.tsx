/**
 * @jest-environment jsdom
 *
 * The task pane as a user drives it, with a fake PaneelDiensten: real built-in data, real engine;
 * every figure asserted against an independent calculation with the domain functions.
 */
import App from "../../src/taskpane/components/App";
import { JeugdAggregator } from "../../src/domain/iv3/aggregate";
import { padBedrag } from "../../src/domain/measures/maatregelen";
import { berekenVolledig } from "../../src/domain/scenario/bereken";
import { leesScenario } from "../../src/domain/scenario/validatie";
import { formatEuro } from "../../src/i18n/format";
import { nl } from "../../src/i18n/nl";
import { builtinIv3, loadSnapshot, type Snapshot } from "../../src/sources/builtin";
import { scenarioContext, scenarioGegevens } from "../../src/sources/scenario-gegevens";
import type { SchrijfResultaat } from "../../src/taskpane/diensten";
import { metMaatregel, naarInvoer, standaardConcept, type Concept } from "../../src/taskpane/staat/concept";
import {
  alleMetRol,
  bedrag,
  bewaard,
  klik,
  metRol,
  naamVan,
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

// Fluent's first render under jsdom takes seconds.
jest.setTimeout(60000);

const p = nl.paneel;
let snapshot: Snapshot;

beforeAll(async () => {
  snapshot = await loadSnapshot();
});
afterEach(() => ruimOp());

/** The scenario the pane computes for a concept, via the domain's own validator and engine. */
function domeinResultaat(c: Concept) {
  const r = leesScenario(naarInvoer(c, "Basis").invoer, scenarioContext(snapshot));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return berekenVolledig(r.scenario, scenarioGegevens(snapshot, r.scenario));
}

async function opent(laadStaat?: string, over: Parameters<typeof nepDiensten>[0] = {}) {
  const diensten = nepDiensten({ laadStaat: async () => laadStaat, ...over });
  const g = render(<App diensten={diensten} bewaarVertragingMs={0} />);
  await wacht(() => alleMetRol("tab", p.stappen.gegevens).length === 1 && !tekst().includes(p.algemeen.laden));
  return { diensten, ...g };
}

describe("header and steps", () => {
  test("shows the product name as heading and the six steps as tabs", async () => {
    await opent();
    expect(document.querySelector("h1")?.textContent).toBe(nl.product);
    expect(tekst()).toContain(nl.productOndertitel);
    const tabs = alleMetRol("tab").map(naamVan);
    expect(tabs).toEqual(["Gegevens", "Maatregelen", "Maatwerkbudget", "Regio", "Scenario's", "Controle"]);
  });

  test("a tab names only a panel that exists: none while the saved state loads, then the visited step", async () => {
    let laad: (json: string | undefined) => void = () => undefined;
    const diensten = nepDiensten({ laadStaat: () => new Promise((r) => (laad = r)) });
    render(<App diensten={diensten} bewaarVertragingMs={0} />);
    const verwijzingen = (): (string | null)[] => alleMetRol("tab").map((t) => t.getAttribute("aria-controls"));
    await wacht(() => alleMetRol("tab").length === 6);
    expect(verwijzingen()).toEqual([null, null, null, null, null, null]);
    laad(undefined);
    await wacht(() => !tekst().includes(p.algemeen.laden));
    const [gegevens, ...rest] = verwijzingen();
    expect(gegevens && document.getElementById(gegevens)?.getAttribute("role")).toBe("tabpanel");
    expect(rest).toEqual([null, null, null, null, null]);
  });
});

describe("Gegevens", () => {
  test("choosing a gemeente shows its jeugd baseline (total and groups)", async () => {
    await opent();
    const combobox = metRol("combobox", "Gemeente");
    typ(combobox as HTMLInputElement, "tie");
    const optie = await wacht(() => alleMetRol("option", "Tiel")[0]);
    klik(optie);
    const basis = await wacht(() => document.querySelector<HTMLElement>('dl[aria-label="Jeugd totaal"]'));

    const data = builtinIv3(snapshot, "2025-begroting", "Tiel");
    const o = new JeugdAggregator(data.regime).addAll(data.rows).overzicht("Tiel");
    const waarden = Array.from(basis.querySelectorAll("dd")).map((d) => d.textContent);
    expect(waarden).toEqual([formatEuro(o.jeugd.lasten), formatEuro(o.jeugd.baten), formatEuro(o.jeugd.saldo)]);
    // A real figure: Tiel budgets tens of millions for jeugd in 2025.
    expect(o.jeugd.lasten).toBeGreaterThan(10_000_000);

    const groepen = metRol("table", "Jeugd per groep");
    const zonder = o.groepen.find((g) => g.id === "zonder-verblijf");
    expect(rij(groepen, "Jeugdhulp zonder verblijf")).toEqual([
      "Jeugdhulp zonder verblijf",
      bedrag(zonder?.lasten),
      bedrag(zonder?.saldo),
    ]);
    expect(tekst()).toContain("tabel 45071NED");
  });
});

describe("Maatregelen", () => {
  const maatregel = "Afbakening reikwijdte";

  function nettoCel(jaar: string): string {
    const tabel = metRol("table", `Bedragen per jaar, ${maatregel}`);
    return rij(tabel, jaar)[3] ?? "";
  }

  test("changing a measure updates its allocated saving at once, as the engine computes it", async () => {
    await opent(bewaard("maatregelen"));
    await wacht(() => alleMetRol("table", `Bedragen per jaar, ${maatregel}`).length === 1);

    // Independent calculation for 2026: national amount × gemeentefonds share × realisation × phase-in × (1 − waterbed).
    const tiel = snapshot.gemeenten.find((g) => g.naam === "Tiel");
    const aandeel = (tiel?.gf.M2024_2025 ?? 0) / (snapshot.gemeentefondsTotaal.M2024_2025 ?? 1);
    const nat2026 = padBedrag("cvw-1-mld", "afbakening", 2026).waarde;
    const fase2026 = Math.min(1, (2026 - 2025 + 1) / 2); // from 2025, two years to full effect
    const verwacht = (real: number): string => bedrag(nat2026 * aandeel * real * fase2026 * 0.75);

    expect(nettoCel("2026")).toBe(verwacht(0.8));
    typ(veld(`Realisatiegraad, ${maatregel}`), "50");
    expect(nettoCel("2026")).toBe(verwacht(0.5));
    expect(nettoCel("2026")).not.toBe(verwacht(0.8));

    // The total line follows too, and equals the domain's own result for the same input.
    const c = metMaatregel(standaardConcept("Tiel", "2025-begroting"), "afbakening", { realisatiegraad: "50" });
    const r = domeinResultaat(c);
    const totaal = metRol("table", "Netto besparing per jaar");
    expect(rij(totaal, "2026")[1]).toBe(bedrag(r.totaal["2026"]));
    expect(r.maatregelen.find((m) => m.id === "afbakening")?.besparing["2026"]).toBeCloseTo(
      nat2026 * aandeel * 0.5 * 0.75,
      1,
    );
  });

  test("a Dutch number with a thousands point and decimal comma is read as such", async () => {
    await opent(bewaard("maatregelen"));
    const groei = await wacht(() => veld("Autonome groei per jaar"));
    typ(groei, "1.000,5");
    // 1000.5% is outside the validator's −50..50 range: the message names the field and the value.
    await wacht(() => tekst().includes("'Autonome groei per jaar': 1000.5 ligt buiten het bereik -50–50."));
  });

  test("an invalid Dutch number shows the error beside the field and leaves the result unchanged", async () => {
    await opent(bewaard("maatregelen"));
    await wacht(() => alleMetRol("table", `Bedragen per jaar, ${maatregel}`).length === 1);
    const voor = nettoCel("2026");
    const totaalVoor = rij(metRol("table", "Netto besparing per jaar"), "2026")[1];
    const real = veld(`Realisatiegraad, ${maatregel}`);

    typ(real, "12,3,4");
    const melding = p.algemeen.geenGetal("12,3,4");
    const beschrijving = (real.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(beschrijving).toContain(melding);
    expect(real.getAttribute("aria-invalid")).toBe("true");
    expect(nettoCel("2026")).toBe(voor);
    expect(rij(metRol("table", "Netto besparing per jaar"), "2026")[1]).toBe(totaalVoor);
    expect(tekst()).toContain(p.algemeen.laatsteGeldig);

    // Out of range reads as a number but the validator refuses it: same behaviour, its own message.
    typ(real, "150");
    expect(tekst()).toContain(`'Realisatiegraad (${maatregel})': 150 ligt buiten 0–100%.`);
    expect(nettoCel("2026")).toBe(voor);

    // Fixed: the figures move again.
    typ(real, "80");
    expect(tekst()).not.toContain(p.algemeen.laatsteGeldig);
    expect(nettoCel("2026")).toBe(voor);
    typ(real, "40");
    expect(nettoCel("2026")).not.toBe(voor);
  });

  test("every measure input shows its source or 'aanname'", async () => {
    await opent(bewaard("maatregelen"));
    const real = await wacht(() => veld(`Realisatiegraad, ${maatregel}`));
    const hint = (el: HTMLElement): string =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
    expect(hint(real)).toMatch(/^aanname: 80%/);
    expect(hint(veld(`Waterbedfactor, ${maatregel}`))).toMatch(/^aanname: 25%/);
    expect(hint(veld("Indexatie per jaar"))).toMatch(/^aanname: loon- en prijsindexatie/);
    expect(hint(veld("Autonome groei per jaar"))).toMatch(/^berekend: 5,9% groei/);
    typ(real, "70");
    expect(hint(veld(`Realisatiegraad, ${maatregel}`))).toBe("ingevoerd door de gebruiker");
    // The allocation key with its value and source.
    expect(tekst()).toContain("Gemeentefonds, meicirculaire 2024");
  });
});

describe("Scenario's", () => {
  test("the write button sends the three scenarios, shows progress, names the sheets and links to the first", async () => {
    let klaar: (r: SchrijfResultaat) => void = () => undefined;
    const { diensten } = await opent(bewaard("scenarios"), {
      schrijfScenarios: (_s, _sc, voortgang) => {
        voortgang?.(0.4, "Blad Scenario Basis schrijven");
        return new Promise<SchrijfResultaat>((r) => (klaar = r));
      },
    });
    const knop = await wacht(() => metRol("button", p.scenarios.schrijven));
    typ(veld("Naam, Optimistisch"), "Gunstig");
    await wacht(() => !knop.hasAttribute("disabled") && knop.getAttribute("aria-disabled") !== "true");
    klik(knop);

    await wacht(() => alleMetRol("progressbar", p.scenarios.voortgang).length === 1);
    expect(tekst()).toContain("Blad Scenario Basis schrijven");
    expect(diensten.schrijfScenarios).toHaveBeenCalledTimes(1);
    const [snap, scenarios] = diensten.schrijfScenarios.mock.calls[0] ?? [];
    expect(snap?.gemeenten.length).toBe(snapshot.gemeenten.length);
    expect(scenarios?.map((s) => s.naam)).toEqual(["Basis", "Gunstig", "Pessimistisch"]);
    expect(scenarios?.map((s) => s.maatregelen[0]?.realisatiegraad)).toEqual([80, 100, 50]);
    expect(scenarios?.map((s) => s.maatregelen[0]?.waterbed)).toEqual([25, 10, 50]);
    expect(scenarios?.every((s) => s.gemeente === "Tiel")).toBe(true);

    await spoel();
    klaar({
      bladen: [
        { naam: "Iv3 Tiel", id: "b1", soort: "iv3-basis" },
        { naam: "Scenario Basis", id: "b2", soort: "scenario" },
        { naam: "Scenario Gunstig", id: "b3", soort: "scenario" },
        { naam: "Scenario Pessimistisch", id: "b4", soort: "scenario" },
        { naam: "Vergelijking", id: "b5", soort: "vergelijking" },
      ],
      meldingen: [],
    });
    await wacht(() => tekst().includes("Geschreven: Iv3 Tiel, Scenario Basis, Scenario Gunstig"));
    expect(alleMetRol("progressbar", p.scenarios.voortgang)).toHaveLength(0);
    klik(metRol("button", "Ga naar blad Scenario Basis"));
    await spoel();
    expect(diensten.activeerBlad).toHaveBeenCalledWith("b2");
  });

  test("outside Excel the pane computes but offers no workbook actions", async () => {
    await opent(bewaard("scenarios"), { inExcel: false });
    await wacht(() => tekst().includes(p.scenarios.kop));
    expect(tekst()).toContain(p.algemeen.buitenExcel);
    expect(alleMetRol("button", p.scenarios.schrijven)).toHaveLength(0);
    // Figures are still there.
    expect(tekst()).toMatch(/Netto besparing 2028: € [\d.]+/);
  });
});

describe("state", () => {
  test("is saved after a change and restored when the pane opens again", async () => {
    const eerste = await opent(bewaard("maatregelen"));
    const real = await wacht(() => veld("Realisatiegraad, Afbakening reikwijdte"));
    typ(real, "60");
    const json = await wacht(() => {
      const calls = eerste.diensten.bewaarStaat.mock.calls;
      const laatste = calls[calls.length - 1]?.[0];
      return laatste && laatste.includes('"realisatiegraad":"60"') ? laatste : undefined;
    });
    const opgeslagen = JSON.parse(json) as { stap: string; concept: Concept };
    expect(opgeslagen.stap).toBe("maatregelen");
    expect(opgeslagen.concept.gemeente).toBe("Tiel");
    eerste.weg();

    await opent(json);
    const hersteld = await wacht(() => veld("Realisatiegraad, Afbakening reikwijdte"));
    expect(hersteld.value).toBe("60");
    expect(metRol("tab", "Maatregelen").getAttribute("aria-selected")).toBe("true");
    await wacht(() => tekst().includes(p.herstel.hersteld));
  });

  test("a workbook that cannot read or keep the state: a note, and the pane still works", async () => {
    const { diensten } = await opent(undefined, {
      laadStaat: async () => {
        throw new Error("Excel is bezet");
      },
      bewaarStaat: async () => {
        throw new Error("schrijfbeveiligd");
      },
    });
    await wacht(() => tekst().includes(p.herstel.laadFout("Excel is bezet")));
    const combobox = metRol("combobox", "Gemeente") as HTMLInputElement;
    typ(combobox, "Tiel");
    klik(await wacht(() => alleMetRol("option", "Tiel")[0]));
    await wacht(() => tekst().includes(p.herstel.bewaarFout("schrijfbeveiligd")));
    // Said once, however often saving fails.
    typ(metRol("combobox", "Gemeente") as HTMLInputElement, "Buren");
    klik(await wacht(() => alleMetRol("option", "Buren")[0]));
    await wacht(() => diensten.bewaarStaat.mock.calls.length >= 2);
    expect(tekst().split(p.herstel.bewaarFout("schrijfbeveiligd")).length - 1).toBe(1);
  });

  test.each([
    ["{kapot", p.herstel.ongeldig.json],
    ['{"versie":0,"stap":"gegevens"}', p.herstel.ongeldig.versie],
    ['{"versie":1,"stap":"gegevens","bron":"ingebouwd","concept":{"gemeente":3}}', p.herstel.ongeldig.vorm],
  ])("a corrupt or old saved state %s is ignored with a note", async (opgeslagen, melding) => {
    await opent(opgeslagen);
    await wacht(() => tekst().includes(melding));
    // The pane works: the gemeente picker is there and empty.
    expect((metRol("combobox", "Gemeente") as HTMLInputElement).value).toBe("");
  });
});

describe("Controle", () => {
  test("lists the scenarios in the workbook and shows the report lines of a verify", async () => {
    const { diensten } = await opent(bewaard("controle"), {
      lijstScenarios: async () => [
        { naam: "Basis", blad: "Scenario Basis", vingerafdruk: "3f2a9b", datum: "2026-11-20", versie: "0.1.0" },
        {
          naam: "Pessimistisch",
          blad: "Scenario Pessimistisch",
          vingerafdruk: "77aa",
          datum: "2026-11-20",
          versie: "0.1.0",
        },
      ],
      controleer: async (_s, sc) => ({
        inOrde: false,
        vingerafdruk: "3f2a9b",
        bevindingen: [`Invoer gewijzigd: ${sc.blad}!C12 Realisatiegraad 80% → 60%.`, "Formule gewijzigd: F40."],
        samenvatting: `${sc.blad} wijkt af van de bewaarde invoer.`,
      }),
    });
    const knop = await wacht(() => metRol("button", "Controleer Basis"));
    expect(tekst()).toContain("Scenario Pessimistisch");
    klik(knop);
    await wacht(() => tekst().includes("Scenario Basis wijkt af van de bewaarde invoer."));
    const lijst = document.querySelector('ul[aria-label="Bevindingen"]');
    expect(Array.from(lijst?.querySelectorAll("li") ?? []).map((li) => li.textContent)).toEqual([
      "Invoer gewijzigd: Scenario Basis!C12 Realisatiegraad 80% → 60%.",
      "Formule gewijzigd: F40.",
    ]);
    expect(diensten.controleer).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ naam: "Basis", blad: "Scenario Basis" }),
    );
  });
});
