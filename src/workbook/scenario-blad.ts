/**
 * The scenario sheet: header, assumptions (every input a named cell with its source), the national
 * path and the settings per measure, allocated and net savings per measure and year, the projection per
 * taakveld, the maatwerkbudget block and three charts. Every number is an input or a formula.
 */
import type { BusinessCaseCellen, BusinessCaseInvoer } from "../domain/business-case/types";
import { BUSINESS_CASE_PARAMETERS } from "../domain/business-case/types";
import { maatregel } from "../domain/measures/maatregelen";
import { bronKort, type Bron } from "../domain/model/bron";
import type { Model } from "../domain/model/model";
import { ident, type ScenarioGegevens, type ScenarioNamen } from "../domain/scenario/engine";
import type { Scenario } from "../domain/scenario/scenario";
import { nl } from "../i18n/nl";
import { bereik, a1 } from "./adres";
import { BladBouwer } from "./bouwer";
import { FORMAAT, type BladSpec } from "./spec";

export interface ScenarioBladInvoer {
  readonly bladnaam: string;
  readonly scenario: Scenario;
  readonly gegevens: ScenarioGegevens;
  readonly model: Model;
  readonly namen: ScenarioNamen;
  readonly businessCase?: { readonly invoer: BusinessCaseInvoer; readonly cellen: BusinessCaseCellen };
  readonly padNaam: string;
  readonly vingerafdruk: string;
  readonly auteur?: string;
  readonly versie: string;
  readonly datum: string;
}

const T = nl.blad;
const GEEN_BRON: Bron = { soort: "gebruiker" };
const FORMAAT_VAN = {
  euro: FORMAAT.euro,
  fractie: FORMAAT.procent,
  aantal: FORMAAT.getal2,
  jaar: FORMAAT.jaar,
  factor: FORMAAT.factor,
} as const;
const EENHEID_TEKST = { euro: "€", fractie: "%", aantal: "aantal", jaar: "jaar", factor: "factor" } as const;

/** Columns: A label, B.. values per year; the source column follows the last value column. */
export function scenarioBlad(i: ScenarioBladInvoer): BladSpec {
  const { model, namen, scenario: s, gegevens: g } = i;
  const b = new BladBouwer(i.bladnaam, "scenario", model);
  const jaren = namen.jaren;
  const nJ = jaren.length;
  const laatsteKol = Math.max(2 + nJ, 9);
  const bronKol = 2 + nJ;
  let r = 1;

  b.zet(1, r, `${T.scenarioTitel} — ${s.naam}`, "titel");
  b.voegSamen(bereik(1, r, laatsteKol, r));
  r++;
  b.zet(1, r, `${g.gemeente} · ${T.bedragenInEuro}`, "subtitel");
  b.voegSamen(bereik(1, r, laatsteKol, r));
  r += 2;

  const kop: [string, string | number][] = [
    [T.gemeente, g.gemeente],
    [T.basisgegevens, g.dataset],
    [T.bronBasisgegevens, bronKort(g.datasetBron)],
    [T.scenario, s.naam],
    [T.datum, i.datum],
    [T.auteur, i.auteur ?? ""],
    [T.versie, `${nl.product} ${i.versie}`],
    [T.vingerafdruk, i.vingerafdruk],
    [T.landelijkPad, i.padNaam],
  ];
  for (const [label, waarde] of kop) {
    b.zet(1, r, label, "label");
    b.zet(2, r, waarde, label === T.auteur ? "invoer" : label === T.bronBasisgegevens ? "bron" : "tekst");
    b.voegSamen(bereik(2, r, laatsteKol, r));
    r++;
  }
  r++;

  // Assumptions: scalar inputs.
  b.zet(1, r, T.aannames, "kop");
  b.voegSamen(bereik(1, r, laatsteKol, r));
  r++;
  b.zet(1, r, T.omschrijving, "kolomkop");
  b.zet(2, r, T.waarde, "kolomkop");
  b.zet(3, r, T.eenheid, "kolomkop");
  b.zet(4, r, T.bron, "kolomkop");
  b.voegSamen(bereik(4, r, laatsteKol, r));
  r++;
  const scalair = model.inputs.filter((x) => x.groep === "Toedeling" || x.groep === "Projectie");
  for (const x of scalair) {
    b.zet(1, r, x.label, "label");
    b.invoer(2, r, x.naam, x.naam.startsWith("sleutel_") ? FORMAAT.getal : FORMAAT_VAN[x.eenheid]);
    b.zet(3, r, EENHEID_TEKST[x.eenheid], "tekst");
    b.zet(4, r, bronKort(x.bron), "bron");
    b.voegSamen(bereik(4, r, laatsteKol, r));
    r++;
  }
  if (model.getCel(namen.aandeel)) {
    b.zet(1, r, T.aandeelGemeente, "label");
    b.berekend(2, r, namen.aandeel, FORMAAT.procent4);
    b.zet(3, r, "%", "tekst");
    b.zet(4, r, T.aandeelUitleg, "bron");
    b.voegSamen(bereik(4, r, laatsteKol, r));
    r++;
  }
  r++;

  // National path (inputs per measure per year).
  const jaarKop = (rij: number, eerste: string, bron?: string): void => {
    b.zet(1, rij, eerste, "kolomkop");
    jaren.forEach((j, k) => b.zet(2 + k, rij, j, "kolomkop", FORMAAT.jaar));
    if (bron) b.zet(bronKol, rij, bron, "kolomkop");
  };
  b.zet(1, r, T.landelijkPadKop, "kop");
  b.voegSamen(bereik(1, r, laatsteKol, r));
  r++;
  jaarKop(r, T.maatregel, T.bron);
  r++;
  for (const m of namen.maatregelen) {
    b.zet(1, r, maatregel(m.id).naam, "label");
    jaren.forEach((j, k) => b.invoer(2 + k, r, m.nationaal[j] ?? "", FORMAAT.euro));
    // Years with the same source share one note: "2023–2027 [2]; 2028 [3]".
    const groepen: { van: number; tot: number; noot: string }[] = [];
    for (const j of jaren) {
      const noot = b.noot(bronKort(model.getInput(m.nationaal[j] ?? "")?.bron ?? GEEN_BRON));
      const laatste = groepen[groepen.length - 1];
      if (laatste && laatste.noot === noot) laatste.tot = j;
      else groepen.push({ van: j, tot: j, noot });
    }
    b.zet(
      bronKol,
      r,
      groepen.map((x) => `${x.van === x.tot ? x.van : `${x.van}–${x.tot}`} ${x.noot}`).join("; "),
      "bron",
    );
    if (bronKol < laatsteKol) b.voegSamen(bereik(bronKol, r, laatsteKol, r));
    r++;
  }
  r = b.schrijfNoten(r, laatsteKol) + 1;

  // Settings per measure.
  b.zet(1, r, T.instellingenKop, "kop");
  b.voegSamen(bereik(1, r, laatsteKol, r));
  r++;
  const instKop = [T.maatregel, T.status, T.teltMee, T.vanaf, T.realisatiegraad, T.ingroeijaren, T.waterbed, T.bron];
  instKop.forEach((t, k) => b.zet(1 + k, r, t, "kolomkop"));
  r++;
  for (const [idx, m] of namen.maatregelen.entries()) {
    const id = ident(m.id);
    const inst = s.maatregelen[idx];
    b.zet(1, r, maatregel(m.id).naam, "label");
    b.zet(2, r, inst ? (nl.scenario.status[inst.status] ?? inst.status) : "", "tekst");
    b.invoer(3, r, `actief_${id}`, FORMAAT.getal);
    b.invoer(4, r, `vanaf_${id}`, FORMAAT.jaar);
    b.invoer(5, r, `real_${id}`, FORMAAT.procent);
    b.invoer(6, r, `ingroei_${id}`, FORMAAT.getal2);
    b.invoer(7, r, `waterbed_${id}`, FORMAAT.procent);
    const noten = [`actief_${id}`, `real_${id}`, `ingroei_${id}`, `waterbed_${id}`].map((n) =>
      b.noot(bronKort(model.getInput(n)?.bron ?? GEEN_BRON)),
    );
    b.zet(8, r, [...new Set(noten)].join(" "), "bron");
    if (8 < laatsteKol) b.voegSamen(bereik(8, r, laatsteKol, r));
    r++;
  }
  // Own weights, when a measure has them.
  const eigenGewichten = namen.maatregelen.filter((m) => model.has(`gewicht_${ident(m.id)}_totaal`));
  if (eigenGewichten.length > 0) {
    r++;
    b.zet(1, r, T.gewichtenKop, "kop");
    b.voegSamen(bereik(1, r, laatsteKol, r));
    r++;
    b.zet(1, r, T.taakveld, "kolomkop");
    eigenGewichten.forEach((m, k) => b.zet(2 + k, r, maatregel(m.id).naam, "kolomkop"));
    r++;
    for (const t of namen.taakvelden) {
      b.zet(1, r, t.code, "label");
      eigenGewichten.forEach((m, k) => b.invoer(2 + k, r, `gewicht_${ident(m.id)}_${ident(t.code)}`, FORMAAT.getal2));
      r++;
    }
  }
  r = b.schrijfNoten(r, laatsteKol) + 1;

  // Allocated gross and net savings per measure and year.
  const tabelMaatregelen = (
    titel: string,
    kies: (m: ScenarioNamen["maatregelen"][number]) => Readonly<Record<number, string>>,
    totaal: Readonly<Record<number, string>>,
  ): { eerste: number; laatste: number; totaalRij: number } => {
    b.zet(1, r, titel, "kop");
    b.voegSamen(bereik(1, r, laatsteKol, r));
    r++;
    jaarKop(r, T.maatregel);
    r++;
    const eerste = r;
    for (const m of namen.maatregelen) {
      b.zet(1, r, maatregel(m.id).naam, "label");
      jaren.forEach((j, k) => b.berekend(2 + k, r, kies(m)[j] ?? "", FORMAAT.euro));
      r++;
    }
    const laatste = r - 1;
    b.zet(1, r, T.totaal, "totaal");
    jaren.forEach((j, k) => b.berekend(2 + k, r, totaal[j] ?? "", FORMAAT.euro, "totaal"));
    const totaalRij = r;
    r += 2;
    return { eerste, laatste, totaalRij };
  };
  tabelMaatregelen(T.brutoKop, (m) => m.bruto, namen.totaal.bruto);
  const jaarKopRij = r + 1;
  const netto = tabelMaatregelen(T.nettoKop, (m) => m.netto, namen.totaal.besparing);

  // Projection per taakveld: baseline and distribution, then without / savings / with per year.
  b.zet(1, r, T.projectieKop, "kop");
  b.voegSamen(bereik(1, r, laatsteKol, r));
  r++;
  b.zet(1, r, T.taakveld, "kolomkop");
  b.zet(2, r, `${T.basis} ${g.dataset}`, "kolomkop");
  b.zet(3, r, T.verdeling, "kolomkop");
  b.zet(4, r, T.bron, "kolomkop");
  b.voegSamen(bereik(4, r, laatsteKol, r));
  r++;
  for (const t of namen.taakvelden) {
    const tv = g.taakvelden.find((x) => x.code === t.code);
    b.zet(1, r, `${t.code} ${tv?.naam ?? ""}`, "label");
    b.invoer(2, r, t.basis, FORMAAT.euro);
    b.berekend(3, r, `verdeel_${ident(t.code)}`, FORMAAT.procent);
    b.zet(4, r, b.noot(bronKort(model.getInput(t.basis)?.bron ?? GEEN_BRON)), "bron");
    b.voegSamen(bereik(4, r, laatsteKol, r));
    r++;
  }
  b.zet(1, r, T.totaal, "totaal");
  b.berekend(2, r, "basis_totaal", FORMAAT.euro, "totaal");
  r++;
  b.zet(1, r, T.groeifactor, "label");
  b.berekend(2, r, "groeifactor", FORMAAT.factor);
  r = b.schrijfNoten(r + 1, laatsteKol) + 1;

  const projectie = (
    titel: string,
    kies: (t: ScenarioNamen["taakvelden"][number]) => Readonly<Record<number, string>>,
    totaal: Readonly<Record<number, string>>,
  ): number => {
    b.zet(1, r, titel, "kop");
    b.voegSamen(bereik(1, r, laatsteKol, r));
    r++;
    jaarKop(r, T.taakveld);
    r++;
    for (const t of namen.taakvelden) {
      b.zet(1, r, `${t.code} ${g.taakvelden.find((x) => x.code === t.code)?.naam ?? ""}`, "label");
      jaren.forEach((j, k) => b.berekend(2 + k, r, kies(t)[j] ?? "", FORMAAT.euro));
      r++;
    }
    b.zet(1, r, T.totaal, "totaal");
    jaren.forEach((j, k) => b.berekend(2 + k, r, totaal[j] ?? "", FORMAAT.euro, "totaal"));
    const rij = r;
    r += 2;
    return rij;
  };
  const zonderRij = projectie(T.zonderKop, (t) => t.zonder, namen.totaal.zonder);
  projectie(T.besparingTvKop, (t) => t.besparing, namen.totaal.besparing);
  const metRij = projectie(T.metKop, (t) => t.met, namen.totaal.met);

  // Maatwerkbudget.
  let bcKop: { eerste: number; laatste: number; kopRij: number } | undefined;
  if (i.businessCase) {
    const { invoer, cellen } = i.businessCase;
    b.zet(1, r, `${T.maatwerkbudgetKop}: ${invoer.naam}`, "kop");
    b.voegSamen(bereik(1, r, laatsteKol, r));
    r++;
    [T.omschrijving, T.waarde, T.laag, T.hoog, T.bron].forEach((t, k) => b.zet(1 + k, r, t, "kolomkop"));
    b.voegSamen(bereik(5, r, laatsteKol, r));
    r++;
    for (const p of BUSINESS_CASE_PARAMETERS) {
      const naam = cellen.invoer[p];
      const x = model.getInput(naam);
      if (!x) continue;
      // Durations may be fractional (1,5 jaar): not the plain year format.
      const f = x.eenheid === "jaar" ? FORMAAT.getal1 : FORMAAT_VAN[x.eenheid];
      b.zet(1, r, x.label, "label");
      b.invoer(2, r, naam, f);
      const br = invoer[p];
      if (br.laag !== undefined) b.zet(3, r, br.laag, "invoer", f);
      if (br.hoog !== undefined) b.zet(4, r, br.hoog, "invoer", f);
      b.zet(5, r, bronKort(x.bron), "bron");
      b.voegSamen(bereik(5, r, laatsteKol, r));
      r++;
    }
    const start = model.getInput(cellen.startjaar);
    if (start) {
      b.zet(1, r, start.label, "label");
      b.invoer(2, r, cellen.startjaar, FORMAAT.jaar);
      b.zet(5, r, bronKort(start.bron), "bron");
      b.voegSamen(bereik(5, r, laatsteKol, r));
      r++;
    }
    b.zet(1, r, T.successen, "label");
    b.berekend(2, r, cellen.successenPerJaar, FORMAAT.getal2);
    r += 2;
    const bcKolommen: [string, keyof BusinessCaseCellen["perJaar"][number]][] = [
      [T.bcJaar, "jaar"],
      [T.bcKosten, "kosten"],
      [T.bcBaten, "baten"],
      [T.bcBatenGemeente, "batenGemeente"],
      [T.bcBatenAnderen, "batenAnderen"],
      [T.bcNetto, "netto"],
      [T.bcCumulatief, "cumulatief"],
      [T.bcDisconto, "discontofactor"],
    ];
    bcKolommen.forEach(([t], k) => b.zet(1 + k, r, t, "kolomkop"));
    const kopRij = r;
    r++;
    const eerste = r;
    for (const j of cellen.perJaar) {
      bcKolommen.forEach(([, key], k) => {
        const naam = j[key];
        if (typeof naam === "string")
          b.berekend(
            1 + k,
            r,
            naam,
            key === "jaar" ? FORMAAT.jaar : key === "discontofactor" ? FORMAAT.factor : FORMAAT.euro,
          );
      });
      r++;
    }
    const laatste = r - 1;
    r++;
    const t = cellen.totaal;
    const totalen: [string, string, string][] = [
      [T.bcKostenTotaal, t.kosten, FORMAAT.euro],
      [T.bcBatenTotaal, t.baten, FORMAAT.euro],
      [T.bcBatenGemeenteTotaal, t.batenGemeente, FORMAAT.euro],
      [T.bcNettoTotaal, t.netto, FORMAAT.euro],
      [T.bcRatio, t.ratio, FORMAAT.getal2],
      [T.bcRatioGemeente, t.ratioGemeente, FORMAAT.getal2],
      [T.bcNcw, t.ncw, FORMAAT.euro],
      [T.bcNcwMaatschappelijk, t.ncwMaatschappelijk, FORMAAT.euro],
      [T.bcBreakEven, t.breakEvenSucceskans, FORMAAT.procent],
      [T.bcTerugverdienjaar, t.terugverdienjaar, FORMAAT.jaar],
    ];
    for (const [label, naam, f] of totalen) {
      b.zet(1, r, label, "label");
      b.berekend(2, r, naam, f, "totaal");
      r++;
    }
    b.zet(1, r, T.bcNulBetekenis, "notitie");
    b.voegSamen(bereik(1, r, laatsteKol, r));
    r += 2;
    bcKop = { eerste, laatste, kopRij };
  }

  // Charts under the tables.
  const grafiekRij = r;
  const jaarBereik = bereik(2, jaarKopRij, 1 + nJ, jaarKopRij);
  b.grafieken.push({
    titel: T.grafiekBesparing,
    soort: "gestapeldeKolom",
    categorieen: jaarBereik,
    reeksen: namen.maatregelen.map((m, k) => ({
      naam: maatregel(m.id).naam,
      waarden: bereik(2, netto.eerste + k, 1 + nJ, netto.eerste + k),
    })),
    positie: { adres: a1(1, grafiekRij), breedte: 5, hoogte: 18 },
    formaat: FORMAAT.euro,
  });
  b.grafieken.push({
    titel: T.grafiekProjectie,
    soort: "lijn",
    categorieen: jaarBereik,
    reeksen: [
      { naam: T.zonderKop, waarden: bereik(2, zonderRij, 1 + nJ, zonderRij) },
      { naam: T.metKop, waarden: bereik(2, metRij, 1 + nJ, metRij) },
    ],
    positie: { adres: a1(6, grafiekRij), breedte: 5, hoogte: 18 },
    formaat: FORMAAT.euro,
  });
  if (bcKop) {
    b.grafieken.push({
      titel: T.grafiekBusinessCase,
      soort: "kolom",
      categorieen: bereik(1, bcKop.eerste, 1, bcKop.laatste),
      reeksen: [
        { naam: T.bcKosten, waarden: bereik(2, bcKop.eerste, 2, bcKop.laatste) },
        { naam: T.bcBatenGemeente, waarden: bereik(4, bcKop.eerste, 4, bcKop.laatste) },
        { naam: T.bcCumulatief, waarden: bereik(7, bcKop.eerste, 7, bcKop.laatste) },
      ],
      positie: { adres: a1(1, grafiekRij + 19), breedte: 5, hoogte: 18 },
      formaat: FORMAAT.euro,
    });
  }

  return b.klaar({
    kolombreedtes: [62, ...Array.from({ length: laatsteKol - 1 }, () => 15)],
    vastzetten: { rijen: 0, kolommen: 1 },
    afdruk: {
      liggend: true,
      passendInBreedte: true,
      koptekst: `${g.gemeente} — ${T.scenario} ${s.naam}`,
      voettekst: `${nl.product} ${i.versie} · ${i.datum} · ${i.vingerafdruk.slice(0, 19)}…`,
    },
    tabkleur: "1F4E79",
  });
}
