/**
 * Evaluate the business case: base values, a low and a high variant, and one-at-a-time sensitivity.
 * All runs use one Model and its evaluator with input overrides; nothing is computed outside the model.
 */
import { Model } from "../model/model";
import { bouwBusinessCase } from "./model";
import { PARAMETER_INFO } from "./parameters";
import {
  BUSINESS_CASE_PARAMETERS,
  type BusinessCaseCellen,
  type BusinessCaseInvoer,
  type BusinessCaseJaar,
  type BusinessCaseParameter,
  type BusinessCaseResultaat,
  type BusinessCaseTotalen,
  type BusinessCaseVariant,
  type GevoeligheidRegel,
} from "./types";

type Waarde = (naam: string) => number;

const PREFIX = "bc_";

export function berekenBusinessCase(invoer: BusinessCaseInvoer): BusinessCaseResultaat {
  const model = new Model();
  const cellen = bouwBusinessCase(model, invoer, PREFIX);
  const basis = model.evaluator();

  const jaren: BusinessCaseJaar[] = cellen.perJaar.map((j) => ({
    jaar: basis(j.jaar),
    kosten: basis(j.kosten),
    baten: basis(j.baten),
    batenGemeente: basis(j.batenGemeente),
    batenAnderen: basis(j.batenAnderen),
    netto: basis(j.netto),
    nettoMaatschappelijk: basis(j.nettoMaatschappelijk),
    cumulatief: basis(j.cumulatief),
    discontofactor: basis(j.discontofactor),
  }));

  const ncwMet = (overrides: Readonly<Record<string, number>>): number => model.evaluator(overrides)(cellen.totaal.ncw);

  // One-at-a-time: each ranged parameter at its low and at its high value, all others at basis.
  const enkel = BUSINESS_CASE_PARAMETERS.flatMap((p) => {
    const b = invoer[p];
    if (b.laag === undefined && b.hoog === undefined) return [];
    const laag = b.laag ?? b.basis;
    const hoog = b.hoog ?? b.basis;
    const naam = cellen.invoer[p];
    return [{ p, laag, hoog, ncwLaag: ncwMet({ [naam]: laag }), ncwHoog: ncwMet({ [naam]: hoog }) }];
  });

  const gevoeligheid: GevoeligheidRegel[] = enkel
    .map((e) => ({
      parameter: e.p,
      label: PARAMETER_INFO[e.p].label,
      laag: { waarde: e.laag, ncw: e.ncwLaag },
      hoog: { waarde: e.hoog, ncw: e.ncwHoog },
      spreiding: Math.abs(e.ncwHoog - e.ncwLaag),
    }))
    // Array.prototype.sort is stable: equal spreads keep the parameter order.
    .sort((x, y) => y.spreiding - x.spreiding);

  // Low/high variants: per parameter the value that gives the lower/higher NPV on its own. On a tie
  // (no effect at the base values) the parameter's known direction decides, else laag for laag.
  const laagOverrides: Record<string, number> = {};
  const hoogOverrides: Record<string, number> = {};
  for (const e of enkel) {
    const richting = PARAMETER_INFO[e.p].richting;
    const hoogIsBeter = e.ncwHoog > e.ncwLaag || (e.ncwHoog === e.ncwLaag && richting >= 0);
    const hoogIsSlechter = e.ncwHoog < e.ncwLaag || (e.ncwHoog === e.ncwLaag && richting < 0);
    laagOverrides[cellen.invoer[e.p]] = hoogIsSlechter ? e.hoog : e.laag;
    hoogOverrides[cellen.invoer[e.p]] = hoogIsBeter ? e.hoog : e.laag;
  }

  return {
    naam: invoer.naam,
    ...(invoer.toelichting === undefined ? {} : { toelichting: invoer.toelichting }),
    startjaar: invoer.startjaar,
    horizonJaren: invoer.horizonJaren,
    jaren,
    totalen: totalen(cellen, basis),
    bereik: {
      laag: variant(model, cellen, laagOverrides),
      basis: variant(model, cellen, {}),
      hoog: variant(model, cellen, hoogOverrides),
    },
    gevoeligheid,
  };
}

function variant(
  model: Model,
  cellen: BusinessCaseCellen,
  overrides: Readonly<Record<string, number>>,
): BusinessCaseVariant {
  const w = model.evaluator(overrides);
  const parameters = {} as Record<BusinessCaseParameter, number>;
  for (const p of BUSINESS_CASE_PARAMETERS) parameters[p] = w(cellen.invoer[p]);
  return { parameters, totalen: totalen(cellen, w) };
}

/** Read the total cells; sheet sentinels (0, #DIV/0!) become null. */
function totalen(cellen: BusinessCaseCellen, w: Waarde): BusinessCaseTotalen {
  const t = cellen.totaal;
  const eindig = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const contanteBatenGemeente = w(t.contanteBatenGemeente);
  const terugverdienjaar = w(t.terugverdienjaar);
  return {
    successenPerJaar: w(cellen.successenPerJaar),
    kosten: w(t.kosten),
    baten: w(t.baten),
    batenGemeente: w(t.batenGemeente),
    batenAnderen: w(t.batenAnderen),
    netto: w(t.netto),
    nettoMaatschappelijk: w(t.nettoMaatschappelijk),
    ratio: eindig(w(t.ratio)),
    ratioGemeente: eindig(w(t.ratioGemeente)),
    contanteKosten: w(t.contanteKosten),
    contanteBatenGemeente,
    ncw: w(t.ncw),
    ncwMaatschappelijk: w(t.ncwMaatschappelijk),
    breakEvenSucceskans: contanteBatenGemeente === 0 ? null : eindig(w(t.breakEvenSucceskans)),
    terugverdienjaar: terugverdienjaar === 0 ? null : terugverdienjaar,
  };
}
