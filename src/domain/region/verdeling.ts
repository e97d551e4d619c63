/**
 * The regional distribution as model cells (one definition per computed cell), and its evaluation
 * with amounts rounded to cents that add up exactly to the region total.
 *
 * Per member i, with x the solidarity share and T the amount to distribute:
 *   aandeel_i  = sleutel_i / Σ sleutel
 *   profijt_i  = T × gebruik_i / Σ gebruik        (= gebruik_i when T is Σ gebruik, the default)
 *   solidair_i = T × aandeel_i
 *   bedrag_i   = x × solidair_i + (1 − x) × profijt_i
 *   verschil_i = bedrag_i − profijt_i
 */
import { aanname, GEBRUIKER, type Bron } from "../model/bron";
import { add, cmp, div, iff, mul, sub, sum, type Expr } from "../model/expr";
import { Model } from "../model/model";
import { naarCenten, verdeelInCenten } from "./centen";
import {
  modelOmschrijving,
  SLEUTEL_EENHEDEN,
  SLEUTEL_LABELS,
  solidairDeelVan,
  type RegioInvoer,
  type SleutelSoort,
  type VerdeelModel,
} from "./types";
import { valideerRegio, type RegioProbleem } from "./validatie";

/** Thrown when the input fails valideerRegio; `meldingen` are the Dutch messages. */
/** Invalid region input; `problemen` carries what is wrong as data (Dutch text: formatRegioProbleem). */
export class RegioFout extends Error {
  constructor(readonly problemen: readonly RegioProbleem[]) {
    super(problemen.map((p) => p.code).join(", "));
    this.name = "RegioFout";
  }
}

/** Names of one member's inputs and cells in the model. */
export interface RegioLidCellen {
  readonly gemeente: string;
  /** Input: the key value. */
  readonly sleutel: string;
  /** Input: € own use. */
  readonly gebruik: string;
  readonly aandeel: string;
  readonly profijt: string;
  readonly solidair: string;
  readonly bedrag: string;
  readonly verschil: string;
}

/** Names of the region's inputs and cells in the model. */
export interface RegioCellen {
  readonly prefix: string;
  /** Input: the share x distributed by the key. */
  readonly solidairDeel: string;
  /** Input when `teVerdelen` is given, otherwise a cell equal to Σ gebruik. */
  readonly teVerdelen: string;
  readonly teVerdelenIsInput: boolean;
  readonly sleutelTotaal: string;
  readonly gebruikTotaal: string;
  readonly aandeelTotaal: string;
  readonly profijtTotaal: string;
  readonly solidairTotaal: string;
  readonly bedragTotaal: string;
  readonly verschilTotaal: string;
  readonly leden: readonly RegioLidCellen[];
}

/**
 * Add the region's inputs and cells to `model`. Names are `${prefix}lid${i}_…` for member i (1-based,
 * in input order) and `${prefix}…` for the region; `prefix` must start with a letter or underscore and
 * contain only letters, digits and underscores (e.g. "regio_"). Throws RegioFout for invalid input.
 */
export function bouwRegio(model: Model, invoer: RegioInvoer, prefix: string): RegioCellen {
  const fouten = valideerRegio(invoer);
  if (fouten.length > 0) throw new RegioFout(fouten);

  const groep = `Regio ${invoer.naam}`;
  const sleutelLabel = SLEUTEL_LABELS[invoer.sleutel];
  const eenheid = SLEUTEL_EENHEDEN[invoer.sleutel];
  const omschrijving = modelOmschrijving(invoer.model, invoer.sleutel);
  const p = prefix;

  const x = model.input(
    `${p}solidair_deel`,
    `${invoer.naam}: deel verdeeld naar ${sleutelLabel} (solidair deel)`,
    "fractie",
    solidairDeelVan(invoer.model),
    invoer.modelBron ?? aanname(`gekozen verdeelmodel: ${omschrijving}`),
    groep,
  );

  const sleutels: Expr[] = [];
  const gebruiken: Expr[] = [];
  invoer.leden.forEach((lid, i) => {
    const q = `${p}lid${i + 1}_`;
    sleutels.push(
      model.input(
        `${q}sleutel`,
        `${lid.gemeente}: ${sleutelLabel}`,
        eenheid,
        lid.sleutelwaarde,
        invoer.sleutelBron,
        groep,
      ),
    );
    gebruiken.push(
      model.input(`${q}gebruik`, `${lid.gemeente}: eigen gebruik`, "euro", lid.eigenGebruik, invoer.gebruikBron, groep),
    );
  });

  const sleutelTotaal = model.cel(
    `${p}sleutel_totaal`,
    `${invoer.naam}: totaal ${sleutelLabel}`,
    eenheid,
    sum(sleutels),
  );
  const gebruikTotaal = model.cel(`${p}gebruik_totaal`, `${invoer.naam}: totaal eigen gebruik`, "euro", sum(gebruiken));
  const teVerdelenLabel = `${invoer.naam}: te verdelen bedrag`;
  const teVerdelenIsInput = invoer.teVerdelen !== undefined;
  const teVerdelen =
    invoer.teVerdelen !== undefined
      ? model.input(
          `${p}te_verdelen`,
          teVerdelenLabel,
          "euro",
          invoer.teVerdelen,
          invoer.teVerdelenBron ?? GEBRUIKER,
          groep,
        )
      : model.cel(`${p}te_verdelen`, teVerdelenLabel, "euro", gebruikTotaal);

  const aandelen: Expr[] = [];
  const profijten: Expr[] = [];
  const solidairen: Expr[] = [];
  const bedragen: Expr[] = [];
  const verschillen: Expr[] = [];
  const leden: RegioLidCellen[] = invoer.leden.map((lid, i) => {
    const q = `${p}lid${i + 1}_`;
    const g = lid.gemeente;
    const sleutel = sleutels[i] ?? sum([]);
    const gebruik = gebruiken[i] ?? sum([]);
    const aandeel = model.cel(
      `${q}aandeel`,
      `${g}: aandeel in ${sleutelLabel}`,
      "fractie",
      div(sleutel, sleutelTotaal),
    );
    // Default total Σ gebruik: the profijt amount is the own use itself (no division, exact).
    // A given total is shared in proportion to own use; the guard avoids #DIV/0! when Σ gebruik = 0
    // (valideerRegio rejects that case whenever the profijt part matters).
    const profijtExpr = teVerdelenIsInput
      ? iff(cmp(gebruikTotaal, "=", 0), 0, div(mul(teVerdelen, gebruik), gebruikTotaal))
      : gebruik;
    const profijt = model.cel(`${q}profijt`, `${g}: bedrag naar profijt (eigen gebruik)`, "euro", profijtExpr);
    const solidair = model.cel(`${q}solidair`, `${g}: bedrag naar ${sleutelLabel}`, "euro", mul(teVerdelen, aandeel));
    const bedrag = model.cel(
      `${q}bedrag`,
      `${g}: bijdrage volgens verdeelmodel`,
      "euro",
      add(mul(x, solidair), mul(sub(1, x), profijt)),
    );
    const verschil = model.cel(`${q}verschil`, `${g}: verschil met profijt`, "euro", sub(bedrag, profijt));
    aandelen.push(aandeel);
    profijten.push(profijt);
    solidairen.push(solidair);
    bedragen.push(bedrag);
    verschillen.push(verschil);
    return {
      gemeente: g,
      sleutel: `${q}sleutel`,
      gebruik: `${q}gebruik`,
      aandeel: `${q}aandeel`,
      profijt: `${q}profijt`,
      solidair: `${q}solidair`,
      bedrag: `${q}bedrag`,
      verschil: `${q}verschil`,
    };
  });

  model.cel(`${p}aandeel_totaal`, `${invoer.naam}: totaal aandelen`, "fractie", sum(aandelen));
  model.cel(`${p}profijt_totaal`, `${invoer.naam}: totaal naar profijt`, "euro", sum(profijten));
  model.cel(`${p}solidair_totaal`, `${invoer.naam}: totaal naar ${sleutelLabel}`, "euro", sum(solidairen));
  model.cel(`${p}bedrag_totaal`, `${invoer.naam}: totaal bijdragen`, "euro", sum(bedragen));
  model.cel(`${p}verschil_totaal`, `${invoer.naam}: totaal verschil met profijt`, "euro", sum(verschillen));

  return {
    prefix: p,
    solidairDeel: `${p}solidair_deel`,
    teVerdelen: `${p}te_verdelen`,
    teVerdelenIsInput,
    sleutelTotaal: `${p}sleutel_totaal`,
    gebruikTotaal: `${p}gebruik_totaal`,
    aandeelTotaal: `${p}aandeel_totaal`,
    profijtTotaal: `${p}profijt_totaal`,
    solidairTotaal: `${p}solidair_totaal`,
    bedragTotaal: `${p}bedrag_totaal`,
    verschilTotaal: `${p}verschil_totaal`,
    leden,
  };
}

export interface RegioLidResultaat {
  readonly gemeente: string;
  readonly sleutelwaarde: number;
  readonly eigenGebruik: number;
  /** Share in the key (fraction, unrounded). */
  readonly aandeel: number;
  /** € contribution under the chosen model, in whole cents; the members add up to the rounded total. */
  readonly bedrag: number;
  readonly bedragOnafgerond: number;
  /** € by own use, in whole cents, rounded the same way (largest remainder). */
  readonly profijt: number;
  readonly profijtOnafgerond: number;
  /** € by the key, in whole cents, rounded the same way. */
  readonly solidair: number;
  readonly solidairOnafgerond: number;
  /** bedrag − profijt, both rounded: whole cents. */
  readonly verschilMetProfijt: number;
}

export interface RegioTotalen {
  readonly sleutelwaarde: number;
  readonly eigenGebruik: number;
  /** The amount to distribute, rounded to the cent. */
  readonly teVerdelen: number;
  readonly teVerdelenOnafgerond: number;
  /** Σ rounded bedrag: equals teVerdelen exactly in cents. */
  readonly bedrag: number;
  readonly profijt: number;
  readonly solidair: number;
  /** Σ verschilMetProfijt: 0 in cents whenever Σ eigen gebruik ≠ 0. */
  readonly verschilMetProfijt: number;
}

export interface RegioResultaat {
  readonly naam: string;
  readonly sleutel: SleutelSoort;
  readonly sleutelLabel: string;
  readonly sleutelBron: Bron;
  readonly gebruikBron: Bron;
  readonly model: VerdeelModel;
  /** The share x distributed by the key. */
  readonly solidairDeel: number;
  /** Dutch description of model and key, e.g. "mix: 40% naar inwoners, 60% naar eigen gebruik". */
  readonly modelOmschrijving: string;
  readonly leden: readonly RegioLidResultaat[];
  readonly totaal: RegioTotalen;
}

const euro = (centen: number): number => centen / 100 + 0;

/**
 * Build the model, evaluate it and round: member amounts to whole cents by largest remainder, adding
 * up exactly to the region total rounded to the cent. Throws RegioFout for invalid input.
 */
export function berekenRegio(invoer: RegioInvoer): RegioResultaat {
  const model = new Model();
  const c = bouwRegio(model, invoer, "regio_");
  const v = model.evaluator();

  const teVerdelen = v(c.teVerdelen);
  const gebruikTotaal = v(c.gebruikTotaal);
  const aandelen = c.leden.map((l) => v(l.aandeel));
  const bedragen = c.leden.map((l) => v(l.bedrag));
  const profijten = c.leden.map((l) => v(l.profijt));
  const solidairen = c.leden.map((l) => v(l.solidair));

  const bedragC = verdeelInCenten(bedragen, teVerdelen);
  // Σ profijt is T whenever Σ gebruik ≠ 0; aiming at T itself (not at its floating-point sum) makes
  // Σ (bedrag − profijt) exactly 0 in cents. With Σ gebruik = 0 every profijt amount is 0.
  const profijtC = verdeelInCenten(profijten, gebruikTotaal === 0 ? v(c.profijtTotaal) : teVerdelen);
  const solidairC = verdeelInCenten(solidairen, teVerdelen);
  const verschilC = bedragC.map((b, i) => b - (profijtC[i] ?? 0));
  const totaalC = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

  const leden = invoer.leden.map((lid, i): RegioLidResultaat => ({
    gemeente: lid.gemeente,
    sleutelwaarde: lid.sleutelwaarde,
    eigenGebruik: lid.eigenGebruik,
    aandeel: aandelen[i] ?? 0,
    bedrag: euro(bedragC[i] ?? 0),
    bedragOnafgerond: bedragen[i] ?? 0,
    profijt: euro(profijtC[i] ?? 0),
    profijtOnafgerond: profijten[i] ?? 0,
    solidair: euro(solidairC[i] ?? 0),
    solidairOnafgerond: solidairen[i] ?? 0,
    verschilMetProfijt: euro(verschilC[i] ?? 0),
  }));

  return {
    naam: invoer.naam,
    sleutel: invoer.sleutel,
    sleutelLabel: SLEUTEL_LABELS[invoer.sleutel],
    sleutelBron: invoer.sleutelBron,
    gebruikBron: invoer.gebruikBron,
    model: invoer.model,
    solidairDeel: v(c.solidairDeel),
    modelOmschrijving: modelOmschrijving(invoer.model, invoer.sleutel),
    leden,
    totaal: {
      sleutelwaarde: v(c.sleutelTotaal),
      eigenGebruik: gebruikTotaal,
      teVerdelen: euro(naarCenten(teVerdelen)),
      teVerdelenOnafgerond: teVerdelen,
      bedrag: euro(totaalC(bedragC)),
      profijt: euro(totaalC(profijtC)),
      solidair: euro(totaalC(solidairC)),
      verschilMetProfijt: euro(totaalC(verschilC)),
    },
  };
}
