/**
 * Prepares what the scenario engine needs from the built-in data: the gemeente's jeugd baseline per
 * taakveld and the values of the allocation key, each with its source.
 */
import { JeugdAggregator, jeugdTaakvelden, NEDERLAND } from "../domain/iv3/aggregate";
import { regimeForYear } from "../domain/iv3/taxonomy";
import { bron, GEBRUIKER, type Bron } from "../domain/model/bron";
import type { RegioInvoer, VerdeelModel } from "../domain/region/types";
import type { DatasetId } from "../domain/iv3/types";
import type { ScenarioGegevens } from "../domain/scenario/engine";
import type { Circulaire, RegioKeuze, Scenario, Toedeling } from "../domain/scenario/scenario";
import type { ScenarioContext } from "../domain/scenario/validatie";
import { STANDAARD } from "../domain/scenario/standaard";
import { formatEuro, formatGetal } from "../i18n/format";
import { builtinIv3, DATASET_IDS, datasetProvenance, vindGemeente, type Snapshot } from "./builtin";

/** Source of a data set as a Bron: the CBS table, verslagsoort and file. */
export function datasetBron(snapshot: Snapshot, dataset: DatasetId): Bron {
  const p = datasetProvenance(snapshot, dataset);
  return bron(p.herkomst, `bestand ${p.bestand}, bedragen x € 1.000 omgerekend naar euro's`);
}

/** Jeugd saldo per gemeente for a data set (memoised per snapshot: 342 overviews). */
const saldoCache = new WeakMap<Snapshot, Map<DatasetId, Map<string, number>>>();
export function jeugdSaldi(snapshot: Snapshot, dataset: DatasetId): Map<string, number> {
  let perSnapshot = saldoCache.get(snapshot);
  if (!perSnapshot) saldoCache.set(snapshot, (perSnapshot = new Map()));
  let m = perSnapshot.get(dataset);
  if (!m) {
    const data = builtinIv3(snapshot, dataset);
    const agg = new JeugdAggregator(data.regime).addAll(data.rows);
    m = new Map(agg.gemeenten().map((g) => [g, agg.overzicht(g).jeugd.saldo ?? 0]));
    perSnapshot.set(dataset, m);
  }
  return m;
}

export interface Sleutelwaarden {
  readonly teller: number;
  readonly noemer: number;
  readonly bron: Bron;
  readonly omschrijving: string;
}

/** Numerator (gemeente) and denominator (Nederland) of an allocation key. */
export function sleutelwaarden(
  snapshot: Snapshot,
  gemeente: string,
  t: Toedeling,
  scenarioDataset: DatasetId,
): Sleutelwaarden | undefined {
  const g = snapshot.gemeenten.find((x) => x.naam === gemeente);
  const nl = snapshot.gemeenten.find((x) => x.naam === NEDERLAND);
  if (!g || !nl) throw new Error(`gemeente ${gemeente} not in the built-in data`);
  switch (t.sleutel) {
    case "gemeentefonds": {
      const c: Circulaire = t.circulaire ?? STANDAARD.circulaire.waarde;
      const p = snapshot.provenance.gemeentefonds.find((x) => x.id === c);
      const teller = g.gf[c] ?? 0;
      const noemer = snapshot.gemeentefondsTotaal[c] ?? 0;
      return {
        teller,
        noemer,
        bron: bron(
          p?.herkomst ?? c,
          `bestand ${p?.bestand ?? "?"}: ${gemeente} ${formatEuro(teller)}, Nederland ${formatEuro(noemer)}`,
        ),
        omschrijving: `Gemeentefonds jeugd (${p?.naam ?? c})`,
      };
    }
    case "iv3-saldo": {
      const ds = t.dataset ?? scenarioDataset;
      const saldi = jeugdSaldi(snapshot, ds);
      const p = datasetProvenance(snapshot, ds);
      return {
        teller: saldi.get(gemeente) ?? 0,
        noemer: saldi.get(NEDERLAND) ?? 0,
        bron: bron(p.herkomst, `jeugd saldo (lasten − baten) van ${gemeente} en de rij Nederland, ${ds}`),
        omschrijving: `Iv3 jeugd saldo (${ds})`,
      };
    }
    case "inwoners": {
      const ds = t.dataset ?? scenarioDataset;
      const p = datasetProvenance(snapshot, ds);
      const teller = g.inwoners[ds] ?? 0;
      const noemer = nl.inwoners[ds] ?? 0;
      return {
        teller,
        noemer,
        bron: bron(
          p.herkomst,
          `kolom Inwonertal: ${gemeente} ${formatGetal(teller)}, Nederland ${formatGetal(noemer)}`,
        ),
        omschrijving: `Inwoners (${ds})`,
      };
    }
    case "eigen":
      return undefined;
  }
}

/** Everything the engine needs for one scenario from the built-in data set. */
export function scenarioGegevens(snapshot: Snapshot, s: Scenario): ScenarioGegevens {
  const data = builtinIv3(snapshot, s.dataset, s.gemeente);
  const o = new JeugdAggregator(data.regime).addAll(data.rows).overzicht(s.gemeente);
  const sleutel = sleutelwaarden(snapshot, s.gemeente, s.toedeling, s.dataset);
  return {
    gemeente: s.gemeente,
    dataset: s.dataset,
    regime: data.regime,
    basisjaar: data.provenance.jaar,
    datasetBron: datasetBron(snapshot, s.dataset),
    taakvelden: o.taakvelden
      .filter((t) => t.jeugd === "ja")
      .map((t) => ({ code: t.code, naam: t.naam, lasten: t.lasten })),
    ...(sleutel ? { sleutel } : {}),
  };
}

/** Validation context for scenarios read from a config or from the workbook. */
export function scenarioContext(snapshot: Snapshot): ScenarioContext {
  return {
    datasets: DATASET_IDS,
    vindGemeente: (naam) => {
      const m = vindGemeente(snapshot, naam);
      if (m.ok && m.gemeente.naam !== NEDERLAND) return { ok: true, naam: m.gemeente.naam };
      return { ok: false, suggesties: m.ok ? [] : m.suggesties };
    },
    jeugdTaakvelden: (dataset) =>
      jeugdTaakvelden(regimeForYear(datasetProvenance(snapshot, dataset).jaar))
        .filter((t) => t.jeugd === "ja")
        .map((t) => t.code),
  };
}

/** The region's members with their key values and own use (Iv3 jeugd saldo) from the built-in data. */
export function regioInvoer(snapshot: Snapshot, keuze: RegioKeuze, scenarioDataset: DatasetId): RegioInvoer {
  const ds = keuze.dataset ?? scenarioDataset;
  const saldi = jeugdSaldi(snapshot, ds);
  const circ: Circulaire = keuze.circulaire ?? STANDAARD.circulaire.waarde;
  const gebruikBron = bron(datasetProvenance(snapshot, ds).herkomst, `jeugd saldo (lasten − baten) per lid, ${ds}`);
  const waarde = (g: string): number => {
    const info = snapshot.gemeenten.find((x) => x.naam === g);
    switch (keuze.sleutel) {
      case "inwoners":
        return info?.inwoners[ds] ?? 0;
      case "gemeentefonds":
        return info?.gf[circ] ?? 0;
      case "iv3-saldo":
        return saldi.get(g) ?? 0;
      case "jeugdigen":
      case "eigen":
        return keuze.waarden?.[g] ?? 0;
    }
  };
  const sleutelBron: Bron =
    keuze.sleutel === "jeugdigen" || keuze.sleutel === "eigen"
      ? GEBRUIKER
      : keuze.sleutel === "gemeentefonds"
        ? bron(snapshot.provenance.gemeentefonds.find((c) => c.id === circ)?.herkomst ?? circ, "per lid")
        : keuze.sleutel === "iv3-saldo"
          ? gebruikBron
          : bron(datasetProvenance(snapshot, ds).herkomst, "kolom Inwonertal per lid");
  const model: VerdeelModel =
    keuze.model === "profijt" || keuze.model === "solidariteit"
      ? { soort: keuze.model }
      : { soort: "mix", solidairDeel: keuze.model.mix / 100 };
  return {
    naam: keuze.naam,
    leden: keuze.leden.map((g) => ({ gemeente: g, sleutelwaarde: waarde(g), eigenGebruik: saldi.get(g) ?? 0 })),
    sleutel: keuze.sleutel,
    sleutelBron,
    gebruikBron,
    model,
    modelBron: GEBRUIKER,
  };
}
