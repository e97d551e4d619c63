/**
 * The arbitration measure table (Commissie van Wijzen, tabel 1, as agreed by Rijk and VNG on
 * 2 June 2021) with the national savings expected in 2022, and the national paths over the years.
 */
import { aanname, afgeleid, bron, DOCUMENTEN, type Bron, type Bronwaarde } from "../model/bron";

export type MaatregelId =
  | "afbakening"
  | "contractering"
  | "tariefdifferentiatie"
  | "verwijzingen"
  | "bestaanszekerheid"
  | "poh-jeugd"
  | "regionalisering"
  | "extra-bezuiniging";

export interface Maatregel {
  readonly id: MaatregelId;
  readonly naam: string;
  /** Code in the Commissie Sint report where the seed names it. */
  readonly code?: "B2" | "B12" | "B23";
  readonly codeBron?: Bron;
  /** Expected national saving in 2022, euros (negative: a cost). Absent for the extra cut line. */
  readonly bedrag2022?: Bronwaarde;
  /** A cost rather than a saving (regionalisering): no waterbed effect applies to it. */
  readonly kost: boolean;
  readonly toelichting?: string;
}

const TABEL = (plaats: string): Bron =>
  bron(DOCUMENTEN.vngMaatregelen2022, `tabel 'Maatregel / Verwachte besparing' (${plaats})`);
const mln = (v: number): number => v * 1_000_000;

/** The seven measures of the 2022 table. */
export const MAATREGELEN: readonly Maatregel[] = [
  {
    id: "afbakening",
    naam: "Afbakening reikwijdte",
    code: "B2",
    codeBron: bron(
      DOCUMENTEN.vngMaatregelen2022,
      "paragraaf afbakening reikwijdte: 'Dit is maatregel B2 in het rapport van de Commissie Sint'",
    ),
    bedrag2022: { waarde: mln(33), bron: TABEL("regel Afbakening reikwijdte: 33 mln") },
    kost: false,
  },
  {
    id: "contractering",
    naam: "Contractering/Standaardisatie uitvoering",
    code: "B23",
    codeBron: bron(
      DOCUMENTEN.vngMaatregelen2022,
      "paragraaf standaardisatie uitvoering: 'Dit is maatregel B23 in het rapport van de Commissie Sint'",
    ),
    bedrag2022: { waarde: mln(48), bron: TABEL("regel Contractering/Standaardisatie uitvoering: 48 mln") },
    kost: false,
  },
  {
    id: "tariefdifferentiatie",
    naam: "Tariefdifferentiatie",
    bedrag2022: { waarde: mln(6), bron: TABEL("regel Tariefdifferentiatie: 6 mln") },
    kost: false,
  },
  {
    id: "verwijzingen",
    naam: "Beperking verwijzingen naar gecontracteerd aanbod",
    code: "B12",
    codeBron: bron(DOCUMENTEN.vngMaatregelen2022, "kop 'Beperking verwijzingen naar niet gecontracteerd aanbod (B12)'"),
    bedrag2022: { waarde: mln(36), bron: TABEL("regel Beperking verwijzingen naar gecontracteerd aanbod: 36 mln") },
    kost: false,
  },
  {
    id: "bestaanszekerheid",
    naam: "Versterken bestaanszekerheid (incl. maatwerkbudget / doorbraakmethode)",
    bedrag2022: { waarde: mln(101), bron: TABEL("regel Versterken bestaanszekerheid: 101 mln") },
    kost: false,
  },
  {
    id: "poh-jeugd",
    naam: "Brede invoering POH-Jeugd GGZ",
    bedrag2022: { waarde: mln(38), bron: TABEL("regel Brede invoering POH-Jeugd GGZ: 38 mln") },
    kost: false,
  },
  {
    id: "regionalisering",
    naam: "Regionalisering",
    bedrag2022: { waarde: mln(-47), bron: TABEL("regel Regionalisering: -47 mln (een kostenpost)") },
    kost: true,
    toelichting: "Regionalisering kost geld: het bedrag is negatief en verlaagt de totale besparing.",
  },
];

/** The coalition agreement's extra cut; a separate line, not one of the seven measures. */
export const EXTRA_BEZUINIGING: Maatregel = {
  id: "extra-bezuiniging",
  naam: "Extra bezuiniging coalitieakkoord",
  kost: false,
  toelichting:
    "Het kabinet heeft deze besparing in mei 2022 voor eigen rekening en risico genomen; later (2023) is de € 100 mln voor 2024 geschrapt (openbaar nieuws, niet in de bronstukken). Alleen opnemen als u dit risico toch wilt doorrekenen.",
};

/** Total as printed in the 2022 table: € 214 mln. */
export const TOTAAL_2022: Bronwaarde = { waarde: mln(214), bron: TABEL("regel Totaal: 214 mln") };

/**
 * Sum of the seven lines of the 2022 table: 33 + 48 + 6 + 36 + 101 + 38 − 47 = € 215 mln. The table
 * prints 214 as its total: a € 1 mln difference in the source itself (rounding of the line figures,
 * presumably). The engine keeps the sourced line figures, so its 2022 total is 215; sheets show both.
 */
export const SOM_2022: Bronwaarde = {
  waarde: MAATREGELEN.reduce((s, m) => s + (m.bedrag2022?.waarde ?? 0), 0),
  bron: afgeleid(
    "som van de zeven regels (33 + 48 + 6 + 36 + 101 + 38 − 47 = 215 mln); de tabel zelf vermeldt 214 mln als totaal (afrondingsverschil in de bron)",
    TABEL("regels per maatregel"),
  ),
};

/** Commissie van Wijzen: about € 1 bn structural saving potential from 2028. */
export const STRUCTUREEL_2028: Bronwaarde = {
  waarde: mln(1000),
  bron: bron(DOCUMENTEN.vngLedenbrief2022, "§ 2 terugblik: 'circa € 1 miljard structureel vanaf 2028'"),
};

/** Extra cut per year (coalition agreement): 100 (2024), 500 (2025), 500 (2026), 511 structural from 2027. */
export const EXTRA_BEZUINIGING_PAD: readonly { readonly vanaf: number; readonly bedrag: Bronwaarde }[] = [
  { vanaf: 2024, bedrag: { waarde: mln(100), bron: bron(DOCUMENTEN.vwsBrief2022, "'€ 100 mln in 2024'") } },
  {
    vanaf: 2025,
    bedrag: { waarde: mln(500), bron: bron(DOCUMENTEN.vwsBrief2022, "'oplopend naar € 500 miljoen in 2025 en 2026'") },
  },
  {
    vanaf: 2027,
    bedrag: { waarde: mln(511), bron: bron(DOCUMENTEN.vwsBrief2022, "'structureel € 511 miljoen vanaf 2027'") },
  },
];

export type PadPresetId = "vng-2022" | "cvw-1-mld" | "cvw-1-mld-extra";

export interface PadPreset {
  readonly id: PadPresetId;
  readonly naam: string;
  readonly omschrijving: string;
}

export const PAD_PRESETS: readonly PadPreset[] = [
  {
    id: "vng-2022",
    naam: "Tabel 2022, gelijkblijvend",
    omschrijving: "De bedragen van 2022 per maatregel; voor latere jaren gelijk gehouden (aanname).",
  },
  {
    id: "cvw-1-mld",
    naam: "Hervormingsagenda: naar € 1 mld in 2028",
    omschrijving:
      "De bedragen van 2022 (som € 215 mln) en circa € 1 mld structureel vanaf 2028 (bronnen); de jaren ertussen lineair en de verdeling over maatregelen naar rato van 2022 (aannames).",
  },
  {
    id: "cvw-1-mld-extra",
    naam: "Hervormingsagenda plus extra bezuiniging",
    omschrijving: "Als 'naar € 1 mld in 2028', plus de extra bezuiniging van het coalitieakkoord als aparte regel.",
  },
];

export function maatregel(id: MaatregelId): Maatregel {
  const m = id === "extra-bezuiniging" ? EXTRA_BEZUINIGING : MAATREGELEN.find((x) => x.id === id);
  if (!m) throw new Error(`unknown measure ${id}`);
  return m;
}

/**
 * National total in a year on the Commissie van Wijzen path: the 2022 lines (sum 215 mln) and about
 * € 1 bn from 2028 are sourced; the years between are a linear interpolation (an assumption).
 */
function cvwTotaal(jaar: number): Bronwaarde {
  if (jaar <= 2022) return SOM_2022;
  if (jaar >= 2028) return STRUCTUREEL_2028;
  const w = SOM_2022.waarde + ((STRUCTUREEL_2028.waarde - SOM_2022.waarde) * (jaar - 2022)) / 6;
  return {
    waarde: w,
    bron: aanname(
      "lineaire interpolatie tussen € 215 mln (2022, som van de maatregelen) en € 1.000 mln (2028); geen bron geeft bedragen voor 2023–2027",
    ),
  };
}

/**
 * The national amount of one measure in one year on a preset path, with its provenance. Measures
 * absent from a path (the extra cut outside "cvw-1-mld-extra") are 0.
 */
export function padBedrag(pad: PadPresetId, id: MaatregelId, jaar: number): Bronwaarde {
  if (id === "extra-bezuiniging") {
    if (pad !== "cvw-1-mld-extra") return { waarde: 0, bron: aanname("extra bezuiniging niet in dit pad") };
    const stap = [...EXTRA_BEZUINIGING_PAD].reverse().find((s) => jaar >= s.vanaf);
    return stap
      ? stap.bedrag
      : { waarde: 0, bron: EXTRA_BEZUINIGING_PAD[0]?.bedrag.bron ?? aanname("vóór 2024 geen extra bezuiniging") };
  }
  const m = maatregel(id);
  const b2022 = m.bedrag2022;
  if (!b2022) throw new Error(`measure ${id} has no 2022 amount`);
  if (jaar === 2022) return b2022;
  if (pad === "vng-2022") {
    return {
      waarde: b2022.waarde,
      bron: aanname("bedrag van 2022 gelijk gehouden; geen bron geeft bedragen per maatregel na 2022"),
    };
  }
  const totaal = cvwTotaal(jaar);
  return {
    waarde: (b2022.waarde * totaal.waarde) / SOM_2022.waarde,
    bron: afgeleid(
      "landelijk totaal van het jaar verdeeld over de maatregelen naar rato van 2022 (aanname: geen bron geeft de verdeling)",
      b2022.bron,
      totaal.bron,
    ),
  };
}
