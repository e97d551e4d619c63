/**
 * The comparison sheet: key results of every scenario side by side, as formulas that refer to the
 * scenario sheets, with a chart of the net savings per year.
 */
import { nl } from "../i18n/nl";
import { a1, bereik, extern } from "./adres";
import { BladBouwer } from "./bouwer";
import { FORMAAT, type BladSpec } from "./spec";

const T = nl.blad;

/** Find the cell that holds a model name on a sheet. */
function cel(blad: BladSpec, modelNaam: string): { adres: string; verwacht: number } | undefined {
  const c = blad.cellen.find((x) => x.modelNaam === modelNaam && x.formule !== undefined);
  return c?.verwacht === undefined
    ? undefined
    : { adres: c.adres.replace(/([A-Z]+)(\d+)/, "$$$1$$$2"), verwacht: c.verwacht };
}

export function vergelijkingBlad(
  bladnaam: string,
  scenarioBladen: readonly { naam: string; blad: BladSpec }[],
  jaren: readonly number[],
  versie: string,
  datum: string,
): BladSpec {
  const b = new BladBouwer(bladnaam, "vergelijking");
  const n = scenarioBladen.length;
  b.zet(1, 1, T.vergelijkingTitel, "titel");
  b.voegSamen(bereik(1, 1, Math.max(2, 1 + n), 1));
  b.zet(1, 2, T.bedragenInEuro, "subtitel");
  let r = 4;
  b.zet(1, r, T.kengetal, "kolomkop");
  scenarioBladen.forEach((s, k) => b.zet(2 + k, r, s.naam, "kolomkop"));
  r++;
  const regel = (
    label: string,
    modelNaam: string,
    formaat: string,
    stijl: "berekend" | "totaal" = "berekend",
  ): void => {
    b.zet(1, r, label, "label");
    scenarioBladen.forEach((s, k) => {
      const c = cel(s.blad, modelNaam);
      if (c) b.zetFormule(2 + k, r, extern(s.blad.naam, c.adres), c.verwacht, stijl, formaat);
    });
    r++;
  };
  regel(T.aandeelGemeente, "aandeel", FORMAAT.procent4);
  const besparingEerste = r;
  for (const j of jaren) regel(T.nettoBesparing(j), `besparing_totaal_${j}`, FORMAAT.euro);
  const besparingLaatste = r - 1;
  const laatstJaar = jaren[jaren.length - 1] ?? 0;
  regel(T.lastenMet(laatstJaar), `met_totaal_${laatstJaar}`, FORMAAT.euro, "totaal");
  if (scenarioBladen.some((s) => cel(s.blad, "bc_ncw"))) {
    regel(T.bcNcw, "bc_ncw", FORMAAT.euro);
    regel(T.bcRatioGemeente, "bc_ratioGemeente", FORMAAT.getal2);
    regel(T.bcTerugverdienjaar, "bc_terugverdienjaar", FORMAAT.jaar);
  }
  // The chart's categories are the years: a small year column beside the savings rows.
  const jaarKol = 3 + n;
  b.zet(jaarKol, besparingEerste - 1, T.jaarGrafiek, "notitie");
  jaren.forEach((j, k) => b.zet(jaarKol, besparingEerste + k, j, "notitie", FORMAAT.jaar));
  b.grafieken.push({
    titel: T.grafiekVergelijking,
    soort: "kolom",
    categorieen: bereik(jaarKol, besparingEerste, jaarKol, besparingLaatste),
    reeksen: scenarioBladen.map((s, k) => ({
      naam: s.naam,
      waarden: bereik(2 + k, besparingEerste, 2 + k, besparingLaatste),
    })),
    positie: { adres: a1(1, r + 2), breedte: Math.max(4, 2 + n), hoogte: 18 },
    formaat: FORMAAT.euro,
  });
  return b.klaar({
    kolombreedtes: [40, ...scenarioBladen.map(() => 18), 4, 14],
    vastzetten: { rijen: 4, kolommen: 1 },
    afdruk: {
      liggend: true,
      passendInBreedte: true,
      koptekst: T.vergelijkingTitel,
      voettekst: `${nl.product} ${versie} · ${datum}`,
    },
    tabkleur: "548235",
  });
}
