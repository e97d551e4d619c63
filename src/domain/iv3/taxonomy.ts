/**
 * The Iv3 taakveld taxonomy for programmes 0–8 in the three regimes, with the jeugd classification
 * and the aggregate groups that make the regimes comparable.
 *
 * Sources: Iv3-informatievoorschrift (taakveldenlijst 2017, 2023 and 2025) as published in the CBS
 * Iv3 tables; names checked against the CBS labels in the per-gemeente Iv3 files (cut labels are
 * prefixes of the names below). There is no official 1:1 crosswalk between 2023 and 2025 codes: only
 * the aggregate groups are comparable (see JEUGD_GROEPEN).
 */
import type { Regime } from "./types";

export const REGIMES: readonly Regime[] = ["2017-2022", "2023-2024", "2025+"];

/** The regime that applies to a begrotings-/rekeningjaar. */
export function regimeForYear(jaar: number): Regime {
  if (jaar >= 2025) return "2025+";
  if (jaar >= 2023) return "2023-2024";
  return "2017-2022";
}

/** Aggregate youth groups: the only level at which the regimes can be compared. */
export type JeugdGroepId =
  | "zonder-verblijf"
  | "met-verblijf"
  | "jeugdbescherming"
  | "jeugdreclassering"
  | "verblijf-bescherming-reclassering"
  | "toegang-beleid";

export interface JeugdGroep {
  readonly id: JeugdGroepId;
  readonly naam: string;
  /** For a combined group: the fine groups it cannot be split into. */
  readonly bestaatUit?: readonly JeugdGroepId[];
  /** Counted in "jeugd totaal" (the individual youth-care and protection taakvelden). */
  readonly inJeugdTotaal: boolean;
}

export const JEUGD_GROEPEN: readonly JeugdGroep[] = [
  { id: "zonder-verblijf", naam: "Jeugdhulp zonder verblijf", inJeugdTotaal: true },
  { id: "met-verblijf", naam: "Jeugdhulp met verblijf", inJeugdTotaal: true },
  { id: "jeugdbescherming", naam: "Jeugdbescherming", inJeugdTotaal: true },
  { id: "jeugdreclassering", naam: "Jeugdreclassering", inJeugdTotaal: true },
  {
    id: "verblijf-bescherming-reclassering",
    naam: "Geëscaleerde zorg 18- (niet te splitsen)",
    bestaatUit: ["met-verblijf", "jeugdbescherming", "jeugdreclassering"],
    inJeugdTotaal: true,
  },
  { id: "toegang-beleid", naam: "Toegang en beleid jeugd", inJeugdTotaal: false },
];

/**
 * How a taakveld relates to youth care:
 * - "ja": individual youth care, protection or probation; counted in jeugd totaal;
 * - "deels": partly youth and not separable (wijkteams, toegang, beleid, volksgezondheid);
 * - "nee": not youth.
 */
export type JeugdKlasse = "ja" | "deels" | "nee";

export interface Taakveld {
  readonly code: string;
  readonly naam: string;
  readonly programma: number;
  readonly regimes: readonly Regime[];
  readonly jeugd: JeugdKlasse;
  /** Aggregate group for jeugd taakvelden (and the jeugd-specific toegang/beleid taakvelden). */
  readonly groep?: JeugdGroepId;
  /** Why a classification is a judgement rather than the definition; shown where it matters. */
  readonly toelichting?: string;
  /** A residual code: holds amounts a gemeente did not book on the lettered sub-taakvelden. */
  readonly restpost?: boolean;
}

const ALL: readonly Regime[] = REGIMES;
const R23: readonly Regime[] = ["2023-2024"];
const R25: readonly Regime[] = ["2025+"];
const R17_23: readonly Regime[] = ["2017-2022", "2023-2024"];

function tv(
  code: string,
  naam: string,
  regimes: readonly Regime[],
  extra: Partial<Pick<Taakveld, "jeugd" | "groep" | "toelichting" | "restpost">> = {},
): Taakveld {
  const programma = Number(code.split(".")[0]);
  return { code, naam, programma, regimes, jeugd: extra.jeugd ?? "nee", ...extra };
}

/** Every taakveld of programmes 0–8 over the three regimes. Codes are strings: "0.1" ≠ "0.10". */
export const TAAKVELDEN: readonly Taakveld[] = [
  tv("0.1", "Bestuur", ALL),
  tv("0.2", "Burgerzaken", ALL),
  tv("0.3", "Beheer overige gebouwen en gronden", ALL),
  tv("0.4", "Overhead", ALL),
  tv("0.5", "Treasury", ALL),
  tv("0.61", "OZB woningen", ALL),
  tv("0.62", "OZB niet-woningen", ALL),
  tv("0.63", "Parkeerbelasting", ALL),
  tv("0.64", "Belastingen overig", ALL),
  tv("0.7", "Algemene uitkeringen en overige uitkeringen gemeentefonds", ALL),
  tv("0.8", "Overige baten en lasten", ALL),
  tv("0.9", "Vennootschapsbelasting (Vpb)", ALL),
  tv("0.10", "Mutaties reserves", ALL),
  tv("0.11", "Resultaat van de rekening van baten en lasten", ALL),
  tv("1.1", "Crisisbeheersing en brandweer", ALL),
  tv("1.2", "Openbare orde en veiligheid", ALL),
  tv("2.1", "Verkeer en vervoer", ALL),
  tv("2.2", "Parkeren", ALL),
  tv("2.3", "Recreatieve havens", ALL),
  tv("2.4", "Economische havens en waterwegen", ALL),
  tv("2.5", "Openbaar vervoer", ALL),
  tv("3.1", "Economische ontwikkeling", ALL),
  tv("3.2", "Fysieke bedrijfsinfrastructuur", ALL),
  tv("3.3", "Bedrijvenloket en bedrijfsregelingen", ALL),
  tv("3.4", "Economische promotie", ALL),
  tv("4.1", "Openbaar basisonderwijs", ALL),
  tv("4.2", "Onderwijshuisvesting", ALL),
  tv("4.3", "Onderwijsbeleid en leerlingzaken", ALL),
  tv("5.1", "Sportbeleid en activering", ALL),
  tv("5.2", "Sportaccommodaties", ALL),
  tv("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie", ALL),
  tv("5.4", "Musea", ALL),
  tv("5.5", "Cultureel erfgoed", ALL),
  tv("5.6", "Media", ALL),
  tv("5.7", "Openbaar groen en (openlucht) recreatie", ALL),

  // Programme 6 in Iv3 list order; the regimes column says where each code exists.
  tv("6.1", "Samenkracht en burgerparticipatie", ALL, {
    jeugd: "deels",
    toelichting: "Algemene voorzieningen voor alle leeftijden; het jeugddeel is niet af te splitsen.",
  }),
  tv("6.2", "Wijkteams", R17_23, {
    jeugd: "deels",
    toelichting: "Toegang voor Wmo en jeugd samen; het jeugddeel is niet af te splitsen.",
  }),
  tv("6.21", "Toegang en eerstelijnsvoorzieningen WMO", R25),
  tv("6.22", "Toegang en eerstelijnsvoorzieningen Jeugd", R25, {
    jeugd: "deels",
    groep: "toegang-beleid",
    toelichting: "Toegang jeugd: geen individuele jeugdhulp, daarom niet in jeugd totaal.",
  }),
  tv("6.23", "Toegang en eerstelijnsvoorzieningen Integraal", R25, {
    jeugd: "deels",
    toelichting: "Integrale toegang voor Wmo en jeugd; het jeugddeel is niet af te splitsen.",
  }),
  tv("6.3", "Inkomensregelingen", ALL),
  tv("6.4", "Begeleide participatie", R17_23),
  tv("6.4", "WSW en beschut werk", R25),
  tv("6.5", "Arbeidsparticipatie", ALL),
  tv("6.6", "Maatwerkvoorzieningen (WMO)", R17_23),
  tv("6.60", "Hulpmiddelen en diensten (WMO)", R25),
  tv("6.71", "Maatwerkdienstverlening 18+", R17_23, { restpost: true }),
  tv("6.71a", "Huishoudelijke hulp (WMO)", R23),
  tv("6.71b", "Begeleiding (WMO)", R23),
  tv("6.71c", "Dagbesteding (WMO)", R23),
  tv("6.71d", "Overige maatwerkarrangementen (WMO)", R23),
  tv("6.711", "Huishoudelijke hulp (WMO)", R25),
  tv("6.712", "Begeleiding (WMO)", R25),
  tv("6.713", "Dagbesteding (WMO)", R25),
  tv("6.714", "Overige maatwerkarrangementen (WMO)", R25),
  tv("6.72", "Maatwerkdienstverlening 18-", R17_23, {
    jeugd: "ja",
    groep: "zonder-verblijf",
    restpost: true,
    toelichting:
      "2017–2022: jeugdhulp zonder verblijf (ambulant, dagbesteding, pgb). 2023–2024: restpost van de nieuwe 6.72a–d.",
  }),
  tv("6.72a", "Jeugdhulp begeleiding", R23, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.72b", "Jeugdhulp behandeling", R23, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.72c", "Jeugdhulp dagbesteding", R23, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.72d", "Jeugdhulp zonder verblijf overig", R23, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.73a", "Pleegzorg", R23, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.73b", "Gezinsgericht", R23, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.73c", "Jeugdhulp met verblijf overig", R23, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.74a", "Jeugd behandeling GGZ zonder verblijf", R23, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.74b", "Jeugdhulp crisis/LTA/GGZ-verblijf", R23, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.74c", "Gesloten plaatsing", R23, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.751", "Jeugdhulp ambulant lokaal", R25, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.752", "Jeugdhulp ambulant regionaal", R25, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.753", "Jeugdhulp ambulant landelijk", R25, { jeugd: "ja", groep: "zonder-verblijf" }),
  tv("6.761", "Jeugdhulp met verblijf lokaal", R25, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.762", "Jeugdhulp met verblijf regionaal", R25, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.763", "Jeugdhulp met verblijf landelijk", R25, { jeugd: "ja", groep: "met-verblijf" }),
  tv("6.791", "PGB WMO", R25),
  tv("6.792", "PGB Jeugd", R25, {
    jeugd: "ja",
    groep: "zonder-verblijf",
    toelichting: "Pgb jeugd wordt overwegend zonder verblijf ingezet; indeling bij 'zonder verblijf' is een aanname.",
  }),
  tv("6.81", "Geëscaleerde zorg 18+", R17_23, { restpost: true }),
  tv("6.81a", "Beschermd wonen (WMO)", R23),
  tv("6.81b", "Maatschappelijke- en vrouwenopvang", R23),
  tv("6.811", "Beschermd wonen (WMO)", R25),
  tv("6.812", "Maatschappelijke- en vrouwenopvang", R25),
  tv("6.82", "Geëscaleerde zorg 18-", R17_23, {
    jeugd: "ja",
    groep: "verblijf-bescherming-reclassering",
    restpost: true,
    toelichting:
      "2017–2022: jeugdhulp met verblijf, jeugdbescherming en jeugdreclassering samen; niet te splitsen. 2023–2024: restpost van 6.82a–b.",
  }),
  tv("6.82a", "Jeugdbescherming", R23, { jeugd: "ja", groep: "jeugdbescherming" }),
  tv("6.82b", "Jeugdreclassering", R23, { jeugd: "ja", groep: "jeugdreclassering" }),
  tv("6.821", "Jeugdbescherming", R25, { jeugd: "ja", groep: "jeugdbescherming" }),
  tv("6.822", "Jeugdreclassering", R25, { jeugd: "ja", groep: "jeugdreclassering" }),
  tv("6.91", "Coördinatie en beleid WMO", R25),
  tv("6.92", "Coördinatie en beleid Jeugd", R25, {
    jeugd: "deels",
    groep: "toegang-beleid",
    toelichting: "Beleid en coördinatie jeugd: geen individuele jeugdhulp, daarom niet in jeugd totaal.",
  }),

  tv("7.1", "Volksgezondheid", ALL, {
    jeugd: "deels",
    toelichting: "Jeugdgezondheidszorg hoort hierbij, maar is niet af te splitsen.",
  }),
  tv("7.2", "Riolering", ALL),
  tv("7.3", "Afval", ALL),
  tv("7.4", "Milieubeheer", ALL),
  tv("7.5", "Begraafplaatsen en crematoria", ALL),
  tv("8.1", "Ruimte en leefomgeving", ALL, {
    toelichting: "Tot en met 2021 heette dit taakveld 'Ruimtelijke ordening'.",
  }),
  tv("8.2", "Grondexploitatie (niet-bedrijventerreinen)", ALL),
  tv("8.3", "Wonen en bouwen", ALL),
];

/** The result taakveld: a saldo, never summed with lasten and baten. */
export const RESULTAAT_TAAKVELD = "0.11";

export interface Hoofdcategorie {
  readonly nummer: number;
  readonly naam: string;
}

/** Iv3 hoofdcategorieën (economic main categories). */
export const HOOFDCATEGORIEEN: readonly Hoofdcategorie[] = [
  { nummer: 1, naam: "Salarissen en sociale lasten" },
  { nummer: 2, naam: "Belastingen" },
  { nummer: 3, naam: "Goederen en diensten" },
  { nummer: 4, naam: "Overdrachten" },
  { nummer: 5, naam: "Rente en dividend" },
  { nummer: 6, naam: "Financiële transacties" },
  { nummer: 7, naam: "Reserveringen en verrekeningen" },
];

const byRegime = new Map<Regime, Map<string, Taakveld>>();
const anyRegime = new Map<string, Taakveld[]>();
for (const t of TAAKVELDEN) {
  for (const r of t.regimes) {
    let m = byRegime.get(r);
    if (!m) byRegime.set(r, (m = new Map()));
    m.set(t.code, t);
  }
  const list = anyRegime.get(t.code) ?? [];
  list.push(t);
  anyRegime.set(t.code, list);
}
const byName = new Map<string, Taakveld[]>();
for (const t of TAAKVELDEN) {
  const key = t.naam.toLowerCase();
  byName.set(key, [...(byName.get(key) ?? []), t]);
}

/** All taakvelden of one regime in list order. */
export function taakveldenVan(regime: Regime): readonly Taakveld[] {
  return TAAKVELDEN.filter((t) => t.regimes.includes(regime));
}

/** The taakveld with this exact canonical code in a regime, or undefined. */
export function taakveld(code: string, regime: Regime): Taakveld | undefined {
  return byRegime.get(regime)?.get(code);
}

/** Regimes in which a canonical code exists (empty when unknown). */
export function regimesVan(code: string): readonly Regime[] {
  return (anyRegime.get(code) ?? []).flatMap((t) => t.regimes);
}

const CODE_RE = /^(\d{1,2})[.,](\d{1,3})([a-dA-D])?\.?$/;

/**
 * Extract the canonical code from what a file or CBS gives: "6.72a Jeugdhulp begeleiding",
 * "6.82a Jeugdbescherming " (trailing space), "6.74a Jeugd behandeling GGZ zonder .." (cut label),
 * "6.72a " (OData key), "6,72a" (Dutch decimal comma), "6.72A", "Taakveld 6.72a". Returns undefined
 * when there is no code-shaped token.
 */
export function extractCode(raw: string): string | undefined {
  const text = raw.replace(/\u00a0/g, " ").trim();
  if (text === "") return undefined;
  const tokens = text.split(/\s+/);
  // Code normally first; "Taakveld 6.72a" or "Tv 6.72a" also occur in own exports.
  const candidates = /^(taakveld|tv)$/i.test(tokens[0] ?? "") ? tokens.slice(1, 2) : tokens.slice(0, 1);
  for (const token of candidates) {
    const m = CODE_RE.exec(token);
    if (m) return `${m[1]}.${m[2]}${(m[3] ?? "").toLowerCase()}`;
  }
  return undefined;
}

export type LookupResult =
  | { readonly ok: true; readonly taakveld: Taakveld }
  | {
      readonly ok: false;
      readonly reden: "onbekend" | "balanspost" | "verkeerd-regime";
      readonly regimes?: readonly Regime[];
    };

/**
 * Look up a taakveld as written in a source, tolerant of the CBS quirks (label after the code, cut
 * labels, trailing spaces) and, when no code is given, of the full name alone.
 */
export function lookupTaakveld(raw: string, regime: Regime): LookupResult {
  const trimmed = raw.replace(/\u00a0/g, " ").trim();
  if (/^[AP]\d/i.test(trimmed)) return { ok: false, reden: "balanspost" };
  const code = extractCode(trimmed);
  if (code !== undefined) {
    const hit = taakveld(code, regime);
    if (hit) return { ok: true, taakveld: hit };
    const elsewhere = regimesVan(code);
    if (elsewhere.length > 0) return { ok: false, reden: "verkeerd-regime", regimes: elsewhere };
    return { ok: false, reden: "onbekend" };
  }
  const named = (byName.get(trimmed.toLowerCase()) ?? []).filter((t) => t.regimes.includes(regime));
  if (named.length === 1 && named[0]) return { ok: true, taakveld: named[0] };
  return { ok: false, reden: "onbekend" };
}

/** The group record for an id. */
export function jeugdGroep(id: JeugdGroepId): JeugdGroep {
  const g = JEUGD_GROEPEN.find((x) => x.id === id);
  if (!g) throw new Error(`unknown group ${id}`);
  return g;
}

/**
 * Crosswalk between two regimes: the coarsest-needed groups at which both can be compared. In
 * 2017–2022 met verblijf, jeugdbescherming and jeugdreclassering share one taakveld (6.82), so
 * comparisons with that regime collapse those three into the combined group.
 */
export function vergelijkbareGroep(groep: JeugdGroepId, a: Regime, b: Regime): JeugdGroepId {
  const combined = jeugdGroep("verblijf-bescherming-reclassering");
  const collapses = a === "2017-2022" || b === "2017-2022";
  if (collapses && combined.bestaatUit?.includes(groep)) return combined.id;
  return groep;
}

/** Hoofdcategorie of a categorie code such as "L3.5.1" or "B4.3.1". */
export function hoofdcategorie(categorie: string): Hoofdcategorie | undefined {
  const m = /^[LB]?\s*(\d)/i.exec(categorie.trim());
  if (!m) return undefined;
  return HOOFDCATEGORIEEN.find((h) => h.nummer === Number(m[1]));
}
