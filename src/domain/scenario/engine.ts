/**
 * The scenario engine: turns a Scenario plus the gemeente's data into a Model (named inputs with
 * sources, named cells with one expression each) and evaluates it. The workbook layer renders the same
 * model as sheets with live formulas, so the pane, the CLI and Excel compute the same numbers.
 */
import type { Regime, DatasetId } from "../iv3/types";
import { maatregel, padBedrag, type MaatregelId } from "../measures/maatregelen";
import { GEBRUIKER, type Bron, aanname } from "../model/bron";
import { add, cmp, div, excelRound, iff, min, mul, num, power, ref, sub, sum, type Expr } from "../model/expr";
import { Model } from "../model/model";
import { jarenVan, type Scenario, type Status } from "./scenario";
import { STANDAARD } from "./standaard";
import { bekendeBron } from "./varianten";

/** What the data layer supplies for one scenario (the domain loads nothing itself). */
export interface ScenarioGegevens {
  readonly gemeente: string;
  readonly dataset: DatasetId;
  readonly regime: Regime;
  /** Year of the baseline figures (the data set's year). */
  readonly basisjaar: number;
  readonly datasetBron: Bron;
  /** The fully-youth taakvelden of the regime with the baseline lasten (euros; null = geen opgave). */
  readonly taakvelden: readonly { readonly code: string; readonly naam: string; readonly lasten: number | null }[];
  /** Numerator and denominator of the allocation key (not used for a custom percentage). */
  readonly sleutel?: {
    readonly teller: number;
    readonly noemer: number;
    readonly bron: Bron;
    readonly omschrijving: string;
  };
}

/** Names of the model's cells, so the sheet layer can place them. */
export interface ScenarioNamen {
  readonly jaren: readonly number[];
  readonly aandeel: string;
  readonly maatregelen: readonly {
    readonly id: MaatregelId;
    readonly nationaal: Readonly<Record<number, string>>;
    readonly bruto: Readonly<Record<number, string>>;
    readonly netto: Readonly<Record<number, string>>;
  }[];
  readonly taakvelden: readonly {
    readonly code: string;
    readonly basis: string;
    readonly zonder: Readonly<Record<number, string>>;
    readonly besparing: Readonly<Record<number, string>>;
    readonly met: Readonly<Record<number, string>>;
  }[];
  readonly totaal: {
    readonly bruto: Readonly<Record<number, string>>;
    readonly besparing: Readonly<Record<number, string>>;
    readonly zonder: Readonly<Record<number, string>>;
    readonly met: Readonly<Record<number, string>>;
  };
}

const STATUS_LABEL: Record<Status, string> = {
  gepland: "gepland",
  gerealiseerd: "al gerealiseerd (zit in de basis)",
  niet: "niet genomen",
};

/** Identifier-safe fragment: "poh-jeugd" → "poh_jeugd", "6.751" → "6_751". */
export const ident = (s: string): string => s.replace(/[^A-Za-z0-9]/g, "_");

const pct = (v: number): number => v / 100;

/** Build the model of a validated scenario. */
export function bouwScenarioModel(s: Scenario, g: ScenarioGegevens, model = new Model()): ScenarioNamen {
  const jaren = jarenVan(s);
  const G_TOE = "Toedeling";
  const G_PRJ = "Projectie";

  // Allocation key: share of the national amounts that lands in this gemeente.
  let aandeel: Expr;
  if (s.toedeling.sleutel === "eigen") {
    aandeel = model.input(
      "aandeel",
      "Aandeel gemeente (eigen percentage)",
      "fractie",
      pct(s.toedeling.percentage ?? 0),
      GEBRUIKER,
      G_TOE,
    );
  } else {
    const k = g.sleutel;
    if (!k) throw new Error("allocation key values missing");
    const teller = model.input("sleutel_teller", `${k.omschrijving}: gemeente`, "euro", k.teller, k.bron, G_TOE);
    const noemer = model.input("sleutel_noemer", `${k.omschrijving}: Nederland`, "euro", k.noemer, k.bron, G_TOE);
    aandeel = model.cel("aandeel", "Aandeel gemeente", "fractie", div(teller, noemer));
  }

  const groei = model.input(
    "groei",
    "Autonome groei per jaar",
    "fractie",
    pct(s.groei),
    bronOf(s.groei, STANDAARD.groei),
    G_PRJ,
  );
  const index = model.input(
    "indexatie",
    "Indexatie per jaar",
    "fractie",
    pct(s.indexatie),
    bronOf(s.indexatie, STANDAARD.indexatie),
    G_PRJ,
  );

  // Baseline per taakveld and the default distribution key (pro rata baseline lasten).
  const tvs = g.taakvelden.map((t) => {
    const n = `basis_${ident(t.code)}`;
    const b: Bron = t.lasten === null ? aanname(`geen opgave in ${g.dataset}; als 0 gerekend`) : g.datasetBron;
    return {
      ...t,
      n,
      ref: model.input(n, `${t.code} ${t.naam}: lasten ${g.dataset}`, "euro", t.lasten ?? 0, b, "Basis Iv3"),
    };
  });
  const basisTotaal = model.cel("basis_totaal", "Jeugd lasten basis", "euro", sum(tvs.map((t) => t.ref)));
  const standaardAandeel = new Map<string, Expr>();
  for (const t of tvs) {
    standaardAandeel.set(
      t.code,
      model.cel(
        `verdeel_${ident(t.code)}`,
        `Verdeling naar rato van de basis: ${t.code}`,
        "fractie",
        iff(cmp(basisTotaal, "=", 0), 1 / tvs.length, div(t.ref, basisTotaal)),
      ),
    );
  }

  const perTvPerJaar = new Map<string, Expr[]>(); // key code|jaar → savings parts
  const maatregelNamen: ScenarioNamen["maatregelen"][number][] = [];
  for (const inst of s.maatregelen) {
    const m = maatregel(inst.maatregel);
    const id = ident(m.id);
    const grp = `Maatregel: ${m.naam}`;
    const standaardStatus = inst.status === STANDAARD.status.waarde && inst.vanafJaar === s.begrotingsjaar;
    const statusBron = standaardStatus ? STANDAARD.status.bron : GEBRUIKER;
    const actief = model.input(
      `actief_${id}`,
      `Status: ${STATUS_LABEL[inst.status]} (1 = telt mee)`,
      "factor",
      inst.status === "gepland" ? 1 : 0,
      statusBron,
      grp,
    );
    const vanaf = model.input(`vanaf_${id}`, "Vanaf jaar", "jaar", inst.vanafJaar, statusBron, grp);
    const real = model.input(
      `real_${id}`,
      "Realisatiegraad",
      "fractie",
      pct(inst.realisatiegraad),
      bekendeBron("realisatiegraad", inst.realisatiegraad) ?? GEBRUIKER,
      grp,
    );
    const ingroei = model.input(
      `ingroei_${id}`,
      "Ingroeipad (jaren tot volledig effect)",
      "aantal",
      inst.ingroeijaren,
      bekendeBron("ingroeijaren", inst.ingroeijaren) ?? GEBRUIKER,
      grp,
    );
    const waterbed = model.input(
      `waterbed_${id}`,
      "Waterbedfactor",
      "fractie",
      pct(inst.waterbed),
      m.kost && inst.waterbed === 0
        ? aanname("niet van toepassing op een kostenpost")
        : (bekendeBron("waterbed", inst.waterbed) ?? GEBRUIKER),
      grp,
    );
    // Distribution over taakvelden: own weights as inputs, or the shared pro-rata cells.
    const aandelen = new Map<string, Expr>();
    if (inst.verdeling) {
      const w = tvs.map((t) =>
        model.input(
          `gewicht_${id}_${ident(t.code)}`,
          `Gewicht ${t.code}`,
          "aantal",
          inst.verdeling?.[t.code] ?? 0,
          GEBRUIKER,
          grp,
        ),
      );
      const totaalW = model.cel(`gewicht_${id}_totaal`, "Som gewichten", "aantal", sum(w));
      tvs.forEach((t, i) => {
        const wi = w[i] ?? num(0);
        aandelen.set(
          t.code,
          model.cel(
            `verdeel_${id}_${ident(t.code)}`,
            `Verdeling ${t.code}`,
            "fractie",
            iff(cmp(totaalW, "=", 0), 1 / tvs.length, div(wi, totaalW)),
          ),
        );
      });
    } else for (const [c, e] of standaardAandeel) aandelen.set(c, e);

    const nationaal: Record<number, string> = {};
    const bruto: Record<number, string> = {};
    const netto: Record<number, string> = {};
    for (const j of jaren) {
      const p =
        "eigen" in s.pad
          ? { waarde: s.pad.eigen[m.id]?.[String(j)] ?? 0, bron: GEBRUIKER }
          : padBedrag(s.pad.preset, m.id, j);
      const nat = model.input(`nat_${id}_${j}`, `${m.naam}: landelijk ${j}`, "euro", p.waarde, p.bron, "Landelijk pad");
      const br = model.cel(`bruto_${id}_${j}`, `${m.naam}: toegedeeld ${j}`, "euro", mul(nat, aandeel));
      const fase = model.cel(
        `fase_${id}_${j}`,
        `${m.naam}: ingroei ${j}`,
        "fractie",
        iff(cmp(j, "<", vanaf), 0, min(1, div(add(sub(j, vanaf), 1), ingroei))),
      );
      // Waterbed: freed capacity refilled from waiting lists reduces savings, never costs.
      const ne = model.cel(
        `netto_${id}_${j}`,
        `${m.naam}: netto besparing ${j}`,
        "euro",
        iff(
          cmp(br, ">", 0),
          mul(mul(mul(mul(br, actief), real), fase), sub(1, waterbed)),
          mul(mul(mul(br, actief), real), fase),
        ),
      );
      nationaal[j] = `nat_${id}_${j}`;
      bruto[j] = `bruto_${id}_${j}`;
      netto[j] = `netto_${id}_${j}`;
      for (const t of tvs) {
        const part = model.cel(
          `besp_${id}_${ident(t.code)}_${j}`,
          `${m.naam}: besparing ${t.code} ${j}`,
          "euro",
          mul(ne, aandelen.get(t.code) ?? num(0)),
        );
        const key = `${t.code}|${j}`;
        perTvPerJaar.set(key, [...(perTvPerJaar.get(key) ?? []), part]);
      }
    }
    maatregelNamen.push({ id: m.id, nationaal, bruto, netto });
  }

  const factor = model.cel(
    "groeifactor",
    "Groei- en indexatiefactor per jaar",
    "factor",
    mul(add(1, groei), add(1, index)),
  );
  const tvNamen = tvs.map((t) => {
    const zonder: Record<number, string> = {};
    const besparing: Record<number, string> = {};
    const met: Record<number, string> = {};
    for (const j of jaren) {
      const c = ident(t.code);
      const z = model.cel(
        `zonder_${c}_${j}`,
        `${t.code}: lasten zonder maatregelen ${j}`,
        "euro",
        mul(t.ref, power(factor, j - g.basisjaar)),
      );
      const b = model.cel(
        `besp_${c}_${j}`,
        `${t.code}: besparing ${j}`,
        "euro",
        sum(perTvPerJaar.get(`${t.code}|${j}`) ?? []),
      );
      model.cel(`met_${c}_${j}`, `${t.code}: lasten met maatregelen ${j}`, "euro", sub(z, b));
      zonder[j] = `zonder_${c}_${j}`;
      besparing[j] = `besp_${c}_${j}`;
      met[j] = `met_${c}_${j}`;
    }
    return { code: t.code, basis: t.n, zonder, besparing, met };
  });

  const tot = {
    bruto: {} as Record<number, string>,
    besparing: {} as Record<number, string>,
    zonder: {} as Record<number, string>,
    met: {} as Record<number, string>,
  };
  for (const j of jaren) {
    model.cel(
      `bruto_totaal_${j}`,
      `Toegedeeld bruto ${j}`,
      "euro",
      sum(maatregelNamen.map((m) => ref(m.bruto[j] ?? ""))),
    );
    model.cel(
      `besparing_totaal_${j}`,
      `Netto besparing ${j}`,
      "euro",
      sum(maatregelNamen.map((m) => ref(m.netto[j] ?? ""))),
    );
    model.cel(
      `zonder_totaal_${j}`,
      `Jeugd lasten zonder maatregelen ${j}`,
      "euro",
      sum(tvNamen.map((t) => ref(t.zonder[j] ?? ""))),
    );
    model.cel(
      `met_totaal_${j}`,
      `Jeugd lasten met maatregelen ${j}`,
      "euro",
      sub(ref(`zonder_totaal_${j}`), ref(`besparing_totaal_${j}`)),
    );
    tot.bruto[j] = `bruto_totaal_${j}`;
    tot.besparing[j] = `besparing_totaal_${j}`;
    tot.zonder[j] = `zonder_totaal_${j}`;
    tot.met[j] = `met_totaal_${j}`;
  }
  return { jaren, aandeel: "aandeel", maatregelen: maatregelNamen, taakvelden: tvNamen, totaal: tot };
}

/** A default value keeps its source; any other value was set by the user. */
function bronOf(v: number, std: { readonly waarde: number; readonly bron: Bron }): Bron {
  return v === std.waarde ? std.bron : GEBRUIKER;
}

export type PerJaar = Record<string, number>;

export interface ScenarioResultaat {
  readonly scenario: string;
  readonly gemeente: string;
  readonly dataset: DatasetId;
  readonly jaren: readonly number[];
  readonly toedeling: {
    readonly sleutel: string;
    readonly aandeel: number;
    readonly bron: Bron;
    readonly omschrijving: string;
  };
  readonly maatregelen: readonly {
    readonly id: MaatregelId;
    readonly naam: string;
    readonly status: Status;
    readonly nationaal: PerJaar;
    readonly bruto: PerJaar;
    readonly besparing: PerJaar;
  }[];
  /** Net savings of all measures per year. */
  readonly totaal: PerJaar;
  readonly projectie: {
    readonly taakvelden: readonly {
      readonly code: string;
      readonly naam: string;
      readonly basis: number;
      readonly zonder: PerJaar;
      readonly besparing: PerJaar;
      readonly met: PerJaar;
    }[];
    readonly totaal: {
      readonly basis: number;
      readonly zonder: PerJaar;
      readonly besparing: PerJaar;
      readonly met: PerJaar;
    };
  };
}

// "+ 0" turns -0 (a zeroed cost) into 0, so results and JSON never show "-0".
const cent = (v: number): number => excelRound(v, 2) + 0;

/** Evaluate a built model into the result object (amounts in euros, rounded to the cent). */
export function leesResultaat(s: Scenario, g: ScenarioGegevens, namen: ScenarioNamen, model: Model): ScenarioResultaat {
  const v = model.evaluator();
  const perJaar = (m: Readonly<Record<number, string>>): PerJaar =>
    Object.fromEntries(namen.jaren.map((j) => [String(j), cent(v(m[j] ?? ""))]));
  const omschrijving =
    s.toedeling.sleutel === "eigen" ? "eigen percentage" : (g.sleutel?.omschrijving ?? s.toedeling.sleutel);
  return {
    scenario: s.naam,
    gemeente: g.gemeente,
    dataset: g.dataset,
    jaren: namen.jaren,
    toedeling: {
      sleutel: s.toedeling.sleutel,
      aandeel: v(namen.aandeel),
      bron: s.toedeling.sleutel === "eigen" ? GEBRUIKER : (g.sleutel?.bron ?? GEBRUIKER),
      omschrijving,
    },
    maatregelen: namen.maatregelen.map((m, i) => ({
      id: m.id,
      naam: maatregel(m.id).naam,
      status: s.maatregelen[i]?.status ?? "niet",
      nationaal: perJaar(m.nationaal),
      bruto: perJaar(m.bruto),
      besparing: perJaar(m.netto),
    })),
    totaal: perJaar(namen.totaal.besparing),
    projectie: {
      taakvelden: namen.taakvelden.map((t, i) => ({
        code: t.code,
        naam: g.taakvelden[i]?.naam ?? t.code,
        basis: cent(v(t.basis)),
        zonder: perJaar(t.zonder),
        besparing: perJaar(t.besparing),
        met: perJaar(t.met),
      })),
      totaal: {
        basis: cent(v("basis_totaal")),
        zonder: perJaar(namen.totaal.zonder),
        besparing: perJaar(namen.totaal.besparing),
        met: perJaar(namen.totaal.met),
      },
    },
  };
}
