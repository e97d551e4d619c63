/**
 * The maatwerkbudget business case as model cells. Every computed quantity is defined here once, as
 * an expression; the engine evaluates it and the workbook renders the same expression as a formula.
 *
 * Symbols (input names are `${prefix}` + the letter):
 *   n casussen per jaar, b besteding per casus, p programmakosten per jaar, s succeskans,
 *   d deadweight, a vermeden kosten per succes per jaar, L duur in jaren, g aandeel gemeente,
 *   r disconteringsvoet, H horizon (structural: it sets the number of year cells).
 */
import { aanname } from "../model/bron";
import { add, cmp, div, iff, min, ModelError, mul, num, power, ref, sub, sum, type Expr } from "../model/expr";
import type { Model } from "../model/model";
import { controleerBusinessCase, PARAMETER_INFO } from "./parameters";
import {
  BUSINESS_CASE_PARAMETERS,
  type BusinessCaseCellen,
  type BusinessCaseInvoer,
  type BusinessCaseJaarCellen,
  type BusinessCaseParameter,
} from "./types";

/** Group of the inputs in the assumptions block. */
export const BUSINESS_CASE_GROEP = "Maatwerkbudget";

/** A prefix keeps names apart and, ending in "_", never turns a name into a cell reference or R/C. */
const PREFIX_RE = /^[A-Za-z][A-Za-z0-9]*_$/;

/**
 * Add the business case's inputs (base values) and cells to `model`; returns the names so sheets can
 * place them. Throws ModelError for an invalid prefix or input (check with controleerBusinessCase first).
 */
export function bouwBusinessCase(model: Model, invoer: BusinessCaseInvoer, prefix: string): BusinessCaseCellen {
  if (!PREFIX_RE.test(prefix)) throw new ModelError(`invalid business case prefix ${JSON.stringify(prefix)}`);
  const problemen = controleerBusinessCase(invoer);
  if (problemen.length > 0) throw new ModelError(`invalid business case input: ${JSON.stringify(problemen)}`);

  const namen = {} as Record<BusinessCaseParameter, string>;
  const x = {} as Record<BusinessCaseParameter, Expr>;
  for (const p of BUSINESS_CASE_PARAMETERS) {
    const info = PARAMETER_INFO[p];
    namen[p] = `${prefix}${info.kort}`;
    x[p] = model.input(namen[p], info.label, info.eenheid, invoer[p].basis, invoer[p].bron, BUSINESS_CASE_GROEP);
  }
  const n = x.casussenPerJaar;
  const b = x.bestedingPerCasus;
  const p = x.programmakostenPerJaar;
  const s = x.succeskans;
  const d = x.deadweight;
  const a = x.vermedenKostenPerSuccesPerJaar;
  const L = x.duurJaren;
  const g = x.aandeelGemeente;
  const r = x.disconteringsvoet;

  const startNaam = `${prefix}start`;
  const start = model.input(
    startNaam,
    "Startjaar (kalenderjaar van jaar 1)",
    "jaar",
    invoer.startjaar,
    aanname("eerste jaar van de doorrekening, gekozen bij het opstellen van de business case"),
    BUSINESS_CASE_GROEP,
  );

  const successenNaam = `${prefix}successen`;
  const successen = model.cel(
    successenNaam,
    "Geslaagde casussen per jaar (na deadweight)",
    "aantal",
    mul(mul(n, s), sub(1, d)),
  );

  const H = invoer.horizonJaren;
  const perJaar: BusinessCaseJaarCellen[] = [];
  let vorigeCumulatief: Expr | undefined;
  for (let t = 1; t <= H; t++) {
    const c = (naam: string): string => `${prefix}${naam}_${t}`;
    const namenT: BusinessCaseJaarCellen = {
      t,
      jaar: c("jaar"),
      kosten: c("kosten"),
      baten: c("baten"),
      batenGemeente: c("batenGemeente"),
      batenAnderen: c("batenAnderen"),
      netto: c("netto"),
      nettoMaatschappelijk: c("nettoMaatschappelijk"),
      cumulatief: c("cumulatief"),
      discontofactor: c("discontofactor"),
    };
    model.cel(namenT.jaar, `Kalenderjaar van jaar ${t}`, "jaar", add(start, t - 1));
    const kosten = model.cel(namenT.kosten, `Kosten jaar ${t}`, "euro", add(mul(n, b), p));
    // Assumption: every year a new cohort of cases starts; each cohort's successes avoid `a` per year
    // for L years, starting in the cohort's own year (a fractional L counts part of its last year).
    // The cohorts active in year t then add up to a·MIN(t, L) per success.
    const baten = model.cel(namenT.baten, `Baten jaar ${t} (alle betalers)`, "euro", mul(mul(successen, a), min(t, L)));
    const batenGemeente = model.cel(namenT.batenGemeente, `Baten gemeente jaar ${t}`, "euro", mul(g, baten));
    model.cel(namenT.batenAnderen, `Baten andere betalers jaar ${t}`, "euro", sub(baten, batenGemeente));
    const netto = model.cel(namenT.netto, `Netto gemeente jaar ${t}`, "euro", sub(batenGemeente, kosten));
    model.cel(namenT.nettoMaatschappelijk, `Netto maatschappelijk jaar ${t}`, "euro", sub(baten, kosten));
    vorigeCumulatief = model.cel(
      namenT.cumulatief,
      `Cumulatief netto gemeente t/m jaar ${t}`,
      "euro",
      vorigeCumulatief === undefined ? netto : add(vorigeCumulatief, netto),
    );
    model.cel(namenT.discontofactor, `Discontofactor jaar ${t}`, "factor", div(1, power(add(1, r), t)));
    perJaar.push(namenT);
  }

  const totaal = {
    kosten: `${prefix}kosten`,
    baten: `${prefix}baten`,
    batenGemeente: `${prefix}batenGemeente`,
    batenAnderen: `${prefix}batenAnderen`,
    netto: `${prefix}netto`,
    nettoMaatschappelijk: `${prefix}nettoMaatschappelijk`,
    ratio: `${prefix}ratio`,
    ratioGemeente: `${prefix}ratioGemeente`,
    contanteKosten: `${prefix}contanteKosten`,
    contanteBatenGemeente: `${prefix}contanteBatenGemeente`,
    ncw: `${prefix}ncw`,
    ncwMaatschappelijk: `${prefix}ncwMaatschappelijk`,
    breakEvenSucceskans: `${prefix}breakEvenSucceskans`,
    terugverdienjaar: `${prefix}terugverdienjaar`,
  } as const;
  const alle = (k: keyof Omit<BusinessCaseJaarCellen, "t">): Expr[] => perJaar.map((j) => ref(j[k]));
  const contant = (k: keyof Omit<BusinessCaseJaarCellen, "t">): Expr =>
    sum(perJaar.map((j) => mul(ref(j[k]), ref(j.discontofactor))));

  const K = model.cel(totaal.kosten, "Kosten totaal", "euro", sum(alle("kosten")));
  const B = model.cel(totaal.baten, "Baten totaal (alle betalers)", "euro", sum(alle("baten")));
  const BG = model.cel(totaal.batenGemeente, "Baten gemeente totaal", "euro", sum(alle("batenGemeente")));
  model.cel(totaal.batenAnderen, "Baten andere betalers totaal", "euro", sum(alle("batenAnderen")));
  model.cel(totaal.netto, "Netto besparing gemeente", "euro", sub(BG, K));
  model.cel(totaal.nettoMaatschappelijk, "Netto besparing maatschappelijk", "euro", sub(B, K));
  // Plain divisions: no costs gives #DIV/0! on the sheet (NaN here), which the result reports as null.
  model.cel(totaal.ratio, "Baten-kostenverhouding maatschappelijk", "factor", div(B, K));
  model.cel(totaal.ratioGemeente, "Baten-kostenverhouding gemeente", "factor", div(BG, K));
  const CK = model.cel(totaal.contanteKosten, "Contante waarde kosten", "euro", contant("kosten"));
  const CBG = model.cel(
    totaal.contanteBatenGemeente,
    "Contante waarde baten gemeente",
    "euro",
    contant("batenGemeente"),
  );
  model.cel(totaal.ncw, "Netto contante waarde gemeente", "euro", contant("netto"));
  model.cel(
    totaal.ncwMaatschappelijk,
    "Netto contante waarde maatschappelijk",
    "euro",
    contant("nettoMaatschappelijk"),
  );
  // The gemeente's benefits are proportional to s and the costs do not depend on s, so its NPV is 0
  // at s·PV(kosten)/PV(baten gemeente). Without any own benefit (PV 0) it cannot be determined: 0.
  model.cel(
    totaal.breakEvenSucceskans,
    "Break-even succeskans (ncw gemeente = 0); 0 = niet te bepalen",
    "fractie",
    iff(cmp(CBG, "=", 0), 0, div(mul(s, CK), CBG)),
  );
  // First year whose cumulative gemeente netto is ≥ 0, as nested IFs; 0 = not within the horizon.
  let terug: Expr = num(0);
  for (let i = perJaar.length - 1; i >= 0; i--) {
    const j = perJaar[i];
    if (j) terug = iff(cmp(ref(j.cumulatief), ">=", 0), ref(j.jaar), terug);
  }
  model.cel(totaal.terugverdienjaar, "Terugverdienjaar gemeente; 0 = niet binnen de horizon", "jaar", terug);

  return { invoer: namen, startjaar: startNaam, successenPerJaar: successenNaam, perJaar, totaal };
}
