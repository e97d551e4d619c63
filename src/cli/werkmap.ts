/**
 * `jeugdscenario workbook`: the scenario workbook as an .xlsx file (Basis, Optimistisch, Pessimistisch,
 * Vergelijking, Iv3-basis and, with a region, the region sheet); and the batch form for all members of
 * a region (one workbook per member plus the region workbook).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { berekenVolledig, type VolledigResultaat } from "../domain/scenario/bereken";
import type { Scenario } from "../domain/scenario/scenario";
import { formatEuro } from "../i18n/format";
import { nl } from "../i18n/nl";
import { nodeHasher } from "../platform/hash-node";
import { loadSnapshot, type Snapshot } from "../sources/builtin";
import { regioInvoer, scenarioGegevens } from "../sources/scenario-gegevens";
import { VERSIE } from "../versie";
import { bouwWerkmap } from "../workbook/werkmap";
import { vandaag, werkmapVoor as werkmapVoorPlatform } from "../app/werkmap-voor";
import type { WerkmapSpec } from "../workbook/spec";
import { schrijfXlsx } from "../xlsx/schrijf";
import { leesScenarioInvoer, type ScenarioOpties } from "./scenario";

export interface WerkmapOpties extends ScenarioOpties {
  readonly auteur?: string;
}

/** The workbook description for one (validated) Basis scenario: its three variants and the rest. */
export function werkmapVoor(
  snapshot: Snapshot,
  basis: Scenario,
  opties: { regio?: boolean; datum?: string; auteur?: string } = {},
): Promise<WerkmapSpec> {
  return werkmapVoorPlatform(snapshot, basis, nodeHasher, opties);
}

async function schrijf(spec: WerkmapSpec, pad: string): Promise<void> {
  await mkdir(dirname(resolve(pad)), { recursive: true });
  await writeFile(pad, await schrijfXlsx(spec));
}

/** Write one workbook; returns the sheet names and the Basis scenario's result for a summary. */
export async function schrijfWerkmap(
  opties: WerkmapOpties,
  uit: string,
): Promise<{ bladen: string[]; scenario: Scenario; resultaat: VolledigResultaat }> {
  const snapshot = await loadSnapshot();
  const s = await leesScenarioInvoer(opties, snapshot);
  const spec = await werkmapVoor(snapshot, s, { ...(opties.auteur ? { auteur: opties.auteur } : {}) });
  await schrijf(spec, uit);
  const resultaat = berekenVolledig(
    s,
    scenarioGegevens(snapshot, s),
    s.regio ? regioInvoer(snapshot, s.regio, s.dataset) : undefined,
  );
  return { bladen: spec.bladen.map((b) => b.naam), scenario: s, resultaat };
}

/** A few Dutch lines about the Basis scenario, printed after writing a workbook. */
export function werkmapSamenvatting(r: VolledigResultaat): string {
  const t = nl.werkmap;
  const regels = [
    t.samenvattingBesparing(r.scenario, r.jaren.map((j) => `${j} ${formatEuro(r.totaal[String(j)] ?? 0)}`).join(", ")),
  ];
  const j = r.jaren[r.jaren.length - 1] ?? 0;
  regels.push(
    t.samenvattingLasten(
      j,
      formatEuro(r.projectie.totaal.zonder[String(j)] ?? 0),
      formatEuro(r.projectie.totaal.met[String(j)] ?? 0),
    ),
  );
  if (r.businessCase)
    regels.push(
      t.samenvattingBc(
        r.businessCase.naam,
        formatEuro(r.businessCase.totalen.ncw),
        r.businessCase.totalen.terugverdienjaar,
      ),
    );
  if (r.regio) regels.push(t.samenvattingRegio(r.regio.naam, r.regio.leden.length, formatEuro(r.regio.totaal.bedrag)));
  return `${regels.join("\n")}\n`;
}

/**
 * Batch: one workbook per member of the scenario's region (each with that member as gemeente, without
 * the region sheet) and one region workbook with the distribution sheet.
 */
export async function schrijfRegioBatch(
  opties: WerkmapOpties,
  uitMap: string,
  voortgang: (regel: string) => void,
): Promise<string[]> {
  const snapshot = await loadSnapshot();
  const s = await leesScenarioInvoer(opties, snapshot);
  if (!s.regio) throw new Error("batch needs a region");
  const bestanden: string[] = [];
  const leden = s.regio.leden;
  for (const [i, lid] of leden.entries()) {
    const pad = join(uitMap, `jeugdscenario-${bestandsnaam(lid)}.xlsx`);
    const spec = await werkmapVoor(
      snapshot,
      { ...s, gemeente: lid },
      { regio: false, ...(opties.auteur ? { auteur: opties.auteur } : {}) },
    );
    await schrijf(spec, pad);
    bestanden.push(pad);
    voortgang(nl.werkmap.voortgang(i + 1, leden.length + 1, lid, pad));
  }
  const regioPad = join(uitMap, `jeugdscenario-regio-${bestandsnaam(s.regio.naam)}.xlsx`);
  // The region workbook holds the distribution only; the members' scenarios are in their own workbooks.
  const regioSpec = bouwWerkmap({
    gemeente: s.gemeente,
    scenarios: [],
    regio: regioInvoer(snapshot, s.regio, s.dataset),
    versie: VERSIE,
    datum: vandaag(),
  });
  await schrijf(regioSpec, regioPad);
  bestanden.push(regioPad);
  voortgang(nl.werkmap.voortgang(leden.length + 1, leden.length + 1, `${nl.scenario.regio} ${s.regio.naam}`, regioPad));
  return bestanden;
}

/** A file-name-safe version of a gemeente or region name. */
export function bestandsnaam(naam: string): string {
  return naam
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
