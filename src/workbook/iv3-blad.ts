/**
 * The Iv3-basis sheet: the gemeente's taakvelden for one data set (code, full name, lasten, baten,
 * saldo as a formula, jeugd flag, aggregate group) as an Excel table, with totals as formulas. This is
 * how the add-in "pulls the Iv3 categories" into the workbook.
 */
import { jeugdGroep, taakveld } from "../domain/iv3/taxonomy";
import type { Iv3Data } from "../domain/iv3/types";
import { nl } from "../i18n/nl";
import { bereik, a1 } from "./adres";
import { BladBouwer } from "./bouwer";
import { FORMAAT, type BladSpec } from "./spec";

const T = nl.blad;

export function iv3Blad(
  bladnaam: string,
  gemeente: string,
  datasetNaam: string,
  data: Iv3Data,
  tabelNaam: string,
  versie: string,
  datum: string,
): BladSpec {
  const b = new BladBouwer(bladnaam, "iv3-basis");
  b.zet(1, 1, `${T.iv3Titel} — ${gemeente} — ${datasetNaam}`, "titel");
  b.voegSamen(bereik(1, 1, 7, 1));
  b.zet(
    1,
    2,
    `${nl.iv3.bron}: ${data.provenance.bron}${data.provenance.bestand ? ` (${data.provenance.bestand})` : ""}`,
    "bron",
  );
  b.voegSamen(bereik(1, 2, 7, 2));
  b.zet(1, 3, `${T.bedragenInEuro}. ${T.geenOpgaveNoot}`, "notitie");
  b.voegSamen(bereik(1, 3, 7, 3));
  const kop = 5;
  const kolommen = [T.code, T.naam, T.lasten, T.baten, T.saldo, T.jeugd, T.groep];
  kolommen.forEach((k, i) => b.zet(1 + i, kop, k, "kolomkop"));
  const rows = data.rows.filter((r) => r.gemeente === gemeente);
  let r = kop + 1;
  let jeugdLasten = 0;
  let jeugdBaten = 0;
  let alleLasten = 0;
  let alleBaten = 0;
  for (const row of rows) {
    const tv = taakveld(row.taakveld, data.regime);
    // Codes are text ("0.10" is not 0.1): written as text values.
    b.zet(1, r, row.taakveld, "tekst");
    b.zet(2, r, tv?.naam ?? "", "tekst");
    b.zet(3, r, row.lasten ?? undefined, "invoer", FORMAAT.euro);
    b.zet(4, r, row.baten ?? undefined, "invoer", FORMAAT.euro);
    b.zetFormule(5, r, `${a1(3, r)}-${a1(4, r)}`, (row.lasten ?? 0) - (row.baten ?? 0), "berekend", FORMAAT.euro);
    b.zet(6, r, tv?.jeugd ?? "nee", "tekst");
    b.zet(7, r, tv?.groep ? jeugdGroep(tv.groep).naam : "", "tekst");
    if (tv?.jeugd === "ja") {
      jeugdLasten += row.lasten ?? 0;
      jeugdBaten += row.baten ?? 0;
    }
    alleLasten += row.lasten ?? 0;
    alleBaten += row.baten ?? 0;
    r++;
  }
  const laatste = r - 1;
  b.tabellen.push({ naam: tabelNaam, adres: a1(1, kop), kolommen, rijen: laatste - kop });
  r++;
  const som = (kol: number): string => `SUM(${bereik(kol, kop + 1, kol, laatste)})`;
  const sumif = (kol: number): string =>
    `SUMIF(${bereik(6, kop + 1, 6, laatste)},"ja",${bereik(kol, kop + 1, kol, laatste)})`;
  b.zet(2, r, T.jeugdTotaal, "totaal");
  b.zetFormule(3, r, sumif(3), jeugdLasten, "totaal", FORMAAT.euro);
  b.zetFormule(4, r, sumif(4), jeugdBaten, "totaal", FORMAAT.euro);
  b.zetFormule(5, r, `${a1(3, r)}-${a1(4, r)}`, jeugdLasten - jeugdBaten, "totaal", FORMAAT.euro);
  r++;
  b.zet(2, r, T.alleTaakvelden, "subtotaal");
  b.zetFormule(3, r, som(3), alleLasten, "subtotaal", FORMAAT.euro);
  b.zetFormule(4, r, som(4), alleBaten, "subtotaal", FORMAAT.euro);
  b.zetFormule(5, r, `${a1(3, r)}-${a1(4, r)}`, alleLasten - alleBaten, "subtotaal", FORMAAT.euro);
  return b.klaar({
    kolombreedtes: [9, 48, 16, 16, 16, 10, 34],
    vastzetten: { rijen: kop, kolommen: 0 },
    afdruk: {
      liggend: false,
      passendInBreedte: true,
      titelRijen: `${kop}:${kop}`,
      koptekst: `${gemeente} — ${T.iv3Titel} ${datasetNaam}`,
      voettekst: `${nl.product} ${versie} · ${datum}`,
    },
    tabkleur: "7F7F7F",
  });
}
