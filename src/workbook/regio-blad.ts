/**
 * The region sheet: members with key values and own use (inputs), shares, profijt and solidarity
 * amounts and the distributed amount (model formulas), then the amounts rounded to the cent with the
 * largest-remainder method as formulas, so the members add up exactly to the region total.
 */
import { bronKort } from "../domain/model/bron";
import { Model } from "../domain/model/model";
import type { RegioInvoer } from "../domain/region/types";
import { bouwRegio, berekenRegio } from "../domain/region/verdeling";
import { nl } from "../i18n/nl";
import { a1, abs, bereik } from "./adres";
import { BladBouwer } from "./bouwer";
import { FORMAAT, type BladSpec } from "./spec";

const T = nl.blad;

export function regioBlad(bladnaam: string, invoer: RegioInvoer, versie: string, datum: string): BladSpec {
  const model = new Model();
  const c = bouwRegio(model, invoer, "rg_");
  const resultaat = berekenRegio(invoer);
  const b = new BladBouwer(bladnaam, "regio", model);
  const breed = 10;
  b.zet(1, 1, T.regioTitel(invoer.naam), "titel");
  b.voegSamen(bereik(1, 1, breed, 1));
  b.zet(1, 2, T.bedragenInEuro, "subtitel");
  let r = 4;
  b.zet(1, r, T.regioSleutel, "label");
  b.zet(2, r, resultaat.sleutelLabel, "tekst");
  b.zet(4, r, bronKort(invoer.sleutelBron), "bron");
  b.voegSamen(bereik(4, r, breed, r));
  r++;
  b.zet(1, r, T.eigenGebruik, "label");
  b.zet(4, r, bronKort(invoer.gebruikBron), "bron");
  b.voegSamen(bereik(4, r, breed, r));
  r++;
  b.zet(1, r, T.regioModel, "label");
  b.zet(2, r, resultaat.modelOmschrijving, "tekst");
  b.voegSamen(bereik(2, r, 3, r));
  r++;
  b.zet(1, r, T.regioSolidairDeel, "label");
  b.invoer(2, r, c.solidairDeel, FORMAAT.procent);
  const modelBron = model.getInput(c.solidairDeel)?.bron;
  if (modelBron) b.zet(4, r, bronKort(modelBron), "bron");
  b.voegSamen(bereik(4, r, breed, r));
  r += 2;

  const kop = [
    T.gemeente,
    T.sleutelwaarde,
    T.eigenGebruik,
    T.aandeel,
    T.profijt,
    T.solidair,
    T.bedragOnafgerond,
    T.centen,
    T.rest,
    T.bedragAfgerond,
    T.verschil,
  ];
  kop.forEach((t, k) => b.zet(1 + k, r, t, "kolomkop"));
  r++;
  const eerste = r;
  const n = c.leden.length;
  const laatste = eerste + n - 1;
  const totaalRij = laatste + 1;
  const centenBereik = `${abs(8, eerste)}:${abs(8, laatste)}`;
  const restBereik = `${abs(9, eerste)}:${abs(9, laatste)}`;
  // Cents still to hand out after rounding every member down: total in cents − Σ rounded-down cents.
  const nogTeVerdelen = `(ROUND(${abs(7, totaalRij)}*100,0)-SUM(${centenBereik}))`;
  c.leden.forEach((lid, i) => {
    const rij = eerste + i;
    const res = resultaat.leden[i];
    b.zet(1, rij, lid.gemeente, "label");
    b.invoer(
      2,
      rij,
      lid.sleutel,
      invoer.sleutel === "inwoners" || invoer.sleutel === "jeugdigen" ? FORMAAT.getal : FORMAAT.euro,
    );
    b.invoer(3, rij, lid.gebruik, FORMAAT.euro);
    b.berekend(4, rij, lid.aandeel, FORMAAT.procent2);
    b.berekend(5, rij, lid.profijt, FORMAAT.euroCent);
    b.berekend(6, rij, lid.solidair, FORMAAT.euroCent);
    b.berekend(7, rij, lid.bedrag, FORMAAT.euroCent);
    const onaf = res?.bedragOnafgerond ?? 0;
    const centen = Math.floor(Math.round(onaf * 100 * 1e6) / 1e6);
    b.zetFormule(8, rij, `INT(ROUND(${abs(7, rij)}*100,6))`, centen, "berekend", FORMAAT.getal);
    b.zetFormule(
      9,
      rij,
      `ROUND(${abs(7, rij)}*100,6)-${abs(8, rij)}`,
      Math.round(onaf * 100 * 1e6) / 1e6 - centen,
      "berekend",
      FORMAAT.factor,
    );
    // Largest remainder: rank of this member's remainder (ties to the earlier member) within the cents left.
    const eerder = i === 0 ? "0" : `COUNTIF(${abs(9, eerste)}:${abs(9, rij - 1)},${abs(9, rij)})`;
    b.zetFormule(
      10,
      rij,
      `(${abs(8, rij)}+IF(RANK(${abs(9, rij)},${restBereik},0)+${eerder}<=${nogTeVerdelen},1,0))/100`,
      res?.bedrag ?? 0,
      "berekend",
      FORMAAT.euroCent,
    );
    b.zetFormule(
      11,
      rij,
      `${abs(10, rij)}-ROUND(${abs(5, rij)},2)`,
      (res?.bedrag ?? 0) - Math.round((res?.profijtOnafgerond ?? 0) * 100) / 100,
      "berekend",
      FORMAAT.euroCent,
    );
  });
  b.zet(1, totaalRij, T.totaal, "totaal");
  b.berekend(
    2,
    totaalRij,
    c.sleutelTotaal,
    invoer.sleutel === "inwoners" || invoer.sleutel === "jeugdigen" ? FORMAAT.getal : FORMAAT.euro,
    "totaal",
  );
  b.berekend(3, totaalRij, c.gebruikTotaal, FORMAAT.euro, "totaal");
  b.berekend(4, totaalRij, c.aandeelTotaal, FORMAAT.procent2, "totaal");
  b.berekend(5, totaalRij, c.profijtTotaal, FORMAAT.euroCent, "totaal");
  b.berekend(6, totaalRij, c.solidairTotaal, FORMAAT.euroCent, "totaal");
  b.berekend(7, totaalRij, c.bedragTotaal, FORMAAT.euroCent, "totaal");
  b.zetFormule(
    10,
    totaalRij,
    `SUM(${bereik(10, eerste, 10, laatste)})`,
    resultaat.totaal.bedrag,
    "totaal",
    FORMAAT.euroCent,
  );
  b.zetFormule(
    11,
    totaalRij,
    `SUM(${bereik(11, eerste, 11, laatste)})`,
    resultaat.leden.reduce(
      (s, l) => s + Math.round(((l.bedrag ?? 0) - Math.round((l.profijtOnafgerond ?? 0) * 100) / 100) * 100),
      0,
    ) / 100,
    "totaal",
    FORMAAT.euroCent,
  );
  b.zet(1, totaalRij + 2, T.regioAfronding, "notitie");
  b.voegSamen(bereik(1, totaalRij + 2, breed, totaalRij + 2));
  b.grafieken.push({
    titel: T.grafiekRegio,
    soort: "kolom",
    categorieen: bereik(1, eerste, 1, laatste),
    reeksen: [
      { naam: T.bedragAfgerond, waarden: bereik(10, eerste, 10, laatste) },
      { naam: T.profijt, waarden: bereik(5, eerste, 5, laatste) },
    ],
    positie: { adres: a1(1, totaalRij + 5), breedte: 7, hoogte: 18 },
    formaat: FORMAAT.euro,
  });
  return b.klaar({
    kolombreedtes: [24, 14, 16, 10, 16, 16, 16, 12, 10, 16, 16],
    vastzetten: { rijen: eerste - 1, kolommen: 1 },
    afdruk: {
      liggend: true,
      passendInBreedte: true,
      koptekst: T.regioTitel(invoer.naam),
      voettekst: `${nl.product} ${versie} · ${datum}`,
    },
    tabkleur: "C55A11",
  });
}
