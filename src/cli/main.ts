/**
 * The command-line tool `jeugdscenario`. Same sources and domain as the task pane.
 * Exit codes: 0 ok; 1 invalid input data or a source that could not deliver; 2 wrong usage or an
 * unknown gemeente.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { suggesties, naamSleutel } from "../domain/gemeente-naam";
import { JeugdAggregator, type Bedragen, type JeugdOverzicht } from "../domain/iv3/aggregate";
import type { DatasetId, Iv3Data } from "../domain/iv3/types";
import { formatEuro, formatGetal } from "../i18n/format";
import { nl } from "../i18n/nl";
import {
  builtinIv3,
  DATASET_IDS,
  datasetProvenance,
  gemeentenVan,
  isDatasetId,
  loadSnapshot,
  vindGemeente,
} from "../sources/builtin";
import { readIv3CsvFile } from "../sources/csv-node";
import { Iv3InputError, SourceError } from "../sources/errors";
import { tabel } from "./tabel";
import { scenarioJson, scenarioSamenvatting, ScenarioInvoerFout, voerScenarioUit } from "./scenario";
import { schrijfRegioBatch, schrijfWerkmap, werkmapSamenvatting } from "./werkmap";
import { VOORBEELD_CONFIG } from "../i18n/voorbeeld-config.nl";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

class UsageError extends Error {}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "iv3":
        return await iv3(rest, io);
      case "gemeenten":
        return await gemeenten(rest, io);
      case "scenario":
        return await scenario(rest, io);
      case "workbook":
      case "werkmap":
        return await werkmap(rest, io);
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.out(`${nl.cli.gebruik}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(nl.cli.onbekendCommando(command));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${nl.cli.gebruik}\n`);
      return 2;
    }
    if (e instanceof ScenarioInvoerFout) {
      io.err(`${nl.scenario.ongeldig(e.meldingen.length)}\n${e.meldingen.map((m) => `- ${m}`).join("\n")}\n`);
      return 2;
    }
    if (e instanceof Iv3InputError || e instanceof SourceError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

function parse(args: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError(nl.cli.onbekendeOptie((e as Error).message));
  }
}

async function iv3(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    gemeente: { type: "string" },
    dataset: { type: "string" },
    json: { type: "boolean" },
    csv: { type: "string" },
  });
  const gemeenteArg = values["gemeente"];
  const datasetArg = values["dataset"];
  if (typeof gemeenteArg !== "string") throw new UsageError(nl.cli.optieOntbreekt("gemeente"));
  if (typeof datasetArg !== "string") throw new UsageError(nl.cli.optieOntbreekt("dataset"));
  if (!isDatasetId(datasetArg)) throw new UsageError(nl.bronnen.onbekendeDataset(datasetArg, DATASET_IDS.join(", ")));
  const dataset: DatasetId = datasetArg;
  const csv = values["csv"];

  let data: Iv3Data;
  let gemeente: string;
  let inwoners: number | undefined;
  const snapshot = await loadSnapshot();
  if (typeof csv === "string") {
    const prov = datasetProvenance(snapshot, dataset);
    data = await readIv3CsvFile(csv, { jaar: prov.jaar, verslagsoort: prov.verslagsoort, gemeente: gemeenteArg });
    const namen = [...new Set(data.rows.map((r) => r.gemeente))];
    const key = naamSleutel(gemeenteArg);
    const hit =
      namen.find((n) => naamSleutel(n) === key) ??
      data.gemeenten.find((g) => g.code === gemeenteArg.toUpperCase())?.naam;
    if (hit === undefined) {
      io.err(`${nl.bronnen.onbekendeGemeente(gemeenteArg, suggesties(gemeenteArg, namen))}\n`);
      return 2;
    }
    gemeente = hit;
    inwoners = data.gemeenten.find((g) => g.naam === hit)?.inwoners;
  } else {
    const match = vindGemeente(snapshot, gemeenteArg);
    if (!match.ok) {
      io.err(`${match.melding}\n`);
      return 2;
    }
    gemeente = match.gemeente.naam;
    inwoners = match.gemeente.inwoners[dataset];
    data = builtinIv3(snapshot, dataset, gemeente);
  }
  const overzicht = new JeugdAggregator(data.regime).addAll(data.rows).overzicht(gemeente);
  if (values["json"]) {
    io.out(`${JSON.stringify(toJson(overzicht, dataset, data, inwoners), null, 2)}\n`);
  } else {
    io.out(table(overzicht, dataset, data, inwoners));
  }
  return 0;
}

function bedragenJson(b: Bedragen): Bedragen {
  return { lasten: b.lasten, baten: b.baten, saldo: b.saldo };
}

/** The JSON contract of `iv3 --json`: amounts in euros, null = geen opgave. */
export function toJson(o: JeugdOverzicht, dataset: DatasetId, data: Iv3Data, inwoners?: number) {
  return {
    gemeente: o.gemeente,
    dataset,
    regime: o.regime,
    ...(inwoners !== undefined ? { inwoners } : {}),
    eenheid: "EUR",
    bron: data.provenance,
    jeugd: bedragenJson(o.jeugd),
    groepen: o.groepen.map((g) => ({
      id: g.id,
      naam: g.naam,
      inJeugdTotaal: g.inJeugdTotaal,
      taakvelden: g.taakvelden,
      ...bedragenJson(g),
    })),
    taakvelden: o.taakvelden.map((t) => ({
      code: t.code,
      naam: t.naam,
      ...(t.groep ? { groep: t.groep } : {}),
      ...bedragenJson(t),
    })),
  };
}

function table(o: JeugdOverzicht, dataset: DatasetId, data: Iv3Data, inwoners?: number): string {
  const t = nl.iv3;
  const lines: string[] = [];
  lines.push(
    `${o.gemeente} · ${dataset} · Iv3-indeling ${o.regime}${inwoners ? ` · ${formatGetal(inwoners)} ${t.inwoners.toLowerCase()}` : ""}`,
  );
  lines.push(`${t.bron}: ${data.provenance.bron}${data.provenance.bestand ? ` (${data.provenance.bestand})` : ""}`);
  lines.push(`${t.bedragenInEuro}; '–' = ${t.geenOpgave}.`);
  lines.push("");
  const rows: string[][] = [[t.taakveld, t.naam, t.lasten, t.baten, t.saldo], []];
  for (const r of o.taakvelden)
    rows.push([
      r.code,
      r.jeugd === "ja" ? r.naam : `${r.naam} *`,
      formatEuro(r.lasten),
      formatEuro(r.baten),
      formatEuro(r.saldo),
    ]);
  rows.push([]);
  for (const g of o.groepen)
    rows.push([
      "",
      g.inJeugdTotaal ? g.naam : `${g.naam} *`,
      formatEuro(g.lasten),
      formatEuro(g.baten),
      formatEuro(g.saldo),
    ]);
  rows.push([]);
  rows.push(["", t.jeugdTotaal, formatEuro(o.jeugd.lasten), formatEuro(o.jeugd.baten), formatEuro(o.jeugd.saldo)]);
  lines.push(...tabel(rows, (kolom) => kolom >= 2));
  if (o.taakvelden.some((r) => r.jeugd !== "ja")) lines.push("", nl.cli.nietInTotaal);
  return `${lines.join("\n")}\n`;
}

async function gemeenten(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, { json: { type: "boolean" }, dataset: { type: "string" } });
  const snapshot = await loadSnapshot();
  const ds = typeof values["dataset"] === "string" ? values["dataset"] : "2025-begroting";
  if (!isDatasetId(ds)) throw new UsageError(nl.bronnen.onbekendeDataset(ds, DATASET_IDS.join(", ")));
  const list = gemeentenVan(snapshot).map((g) => ({
    naam: g.naam,
    provincie: g.provincie,
    inwoners: g.inwoners[ds] ?? null,
    ...(g.aliassen.length > 0 ? { aliassen: g.aliassen } : {}),
  }));
  if (values["json"]) {
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const w = Math.max(...list.map((g) => g.naam.length));
  const pw = Math.max(...list.map((g) => (g.provincie ?? "").length));
  for (const g of list) {
    io.out(
      `${g.naam.padEnd(w)}  ${(g.provincie ?? "").padEnd(pw)}  ${g.inwoners === null ? "" : formatGetal(g.inwoners).padStart(9)}\n`,
    );
  }
  io.out(`${nl.cli.aantalGemeenten(list.length, ds)}\n`);
  return 0;
}

async function scenario(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, { ...SCENARIO_OPTIES, json: { type: "boolean" }, voorbeeld: { type: "boolean" } });
  if (values["voorbeeld"]) {
    io.out(VOORBEELD_CONFIG);
    return 0;
  }
  const opties = scenarioOpties(values);
  if (opties["gemeente"] === undefined && opties["config"] === undefined) {
    throw new UsageError(nl.cli.optieOntbreekt("gemeente"));
  }
  const u = await voerScenarioUit(opties);
  io.out(values["json"] ? `${JSON.stringify(scenarioJson(u), null, 2)}\n` : scenarioSamenvatting(u));
  return 0;
}

const SCENARIO_OPTIES: Options = {
  gemeente: { type: "string" },
  dataset: { type: "string" },
  config: { type: "string" },
  regio: { type: "string" },
  leden: { type: "string" },
  sleutel: { type: "string" },
  model: { type: "string" },
  maatwerkbudget: { type: "string" },
};

function scenarioOpties(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(SCENARIO_OPTIES)) {
    const v = values[k];
    if (typeof v === "string") out[k] = v;
  }
  return out;
}

async function werkmap(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    ...SCENARIO_OPTIES,
    auteur: { type: "string" },
    out: { type: "string" },
    batch: { type: "boolean" },
    "out-dir": { type: "string" },
  });
  const opties = scenarioOpties(values);
  if (opties["gemeente"] === undefined && opties["config"] === undefined && !values["batch"]) {
    throw new UsageError(nl.cli.optieOntbreekt("gemeente"));
  }
  const auteur = typeof values["auteur"] === "string" ? values["auteur"] : undefined;
  if (values["batch"]) {
    const map = typeof values["out-dir"] === "string" ? values["out-dir"] : undefined;
    if (!map) throw new UsageError(nl.werkmap.outOntbreekt);
    if (opties["regio"] === undefined && opties["leden"] === undefined)
      throw new UsageError(nl.werkmap.batchZonderRegio);
    const gemeente = opties["gemeente"] ?? opties["leden"]?.split(",")[0]?.trim();
    const bestanden = await schrijfRegioBatch(
      { ...opties, ...(gemeente ? { gemeente } : {}), ...(auteur ? { auteur } : {}) },
      map,
      (regel) => io.err(`${regel}\n`),
    );
    io.out(`${nl.werkmap.batchKlaar(bestanden.length)}\n`);
    return 0;
  }
  const uit = typeof values["out"] === "string" ? values["out"] : undefined;
  if (!uit) throw new UsageError(nl.werkmap.outOntbreekt);
  const r = await schrijfWerkmap({ ...opties, ...(auteur ? { auteur } : {}) }, uit);
  io.out(`${nl.werkmap.geschreven(resolve(uit))}\n${nl.werkmap.bladen(r.bladen)}\n${werkmapSamenvatting(r.resultaat)}`);
  return 0;
}
