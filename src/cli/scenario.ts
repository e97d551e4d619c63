/**
 * `jeugdscenario scenario`: read a scenario (defaults, a JSONC config, command-line choices), validate
 * it, compute it and print a Dutch summary or the full result as JSON.
 */
import { readFile } from "node:fs/promises";
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import { PAD_PRESETS } from "../domain/measures/maatregelen";
import { bronTekst } from "../domain/model/bron";
import { REGIO_PRESETS } from "../domain/region/presets";
import { RegioFout } from "../domain/region/verdeling";
import { berekenVolledig, type VolledigResultaat } from "../domain/scenario/bereken";
import { vingerafdruk } from "../domain/scenario/canoniek";
import type { RegioKeuze, Scenario } from "../domain/scenario/scenario";
import { leesScenario, REGIO_SLEUTELS } from "../domain/scenario/validatie";
import { naamSleutel } from "../domain/gemeente-naam";
import { formatEuro } from "../i18n/format";
import { formatRegioProbleem, formatScenarioIssue, nl } from "../i18n/nl";
import { nodeHasher } from "../platform/hash-node";
import { tabel } from "./tabel";
import { loadSnapshot, type Snapshot } from "../sources/builtin";
import { regioInvoer, scenarioContext, scenarioGegevens } from "../sources/scenario-gegevens";

export interface ScenarioOpties {
  readonly gemeente?: string;
  readonly dataset?: string;
  readonly config?: string;
  readonly regio?: string;
  readonly leden?: string;
  readonly sleutel?: string;
  readonly model?: string;
  readonly json?: boolean;
  /** Business-case preset to include (den-haag-doorbraaklab, ivt-jim, enquete-bandbreedte). */
  readonly maatwerkbudget?: string;
}

export class ScenarioInvoerFout extends Error {
  constructor(readonly meldingen: readonly string[]) {
    super(meldingen.join("\n"));
  }
}

/** Parse "profijt", "solidariteit" or "mix:40" (percentage shared by the key). */
function leesModel(t: string): RegioKeuze["model"] | undefined {
  if (t === "profijt" || t === "solidariteit") return t;
  const m = /^mix:(\d+(?:[.,]\d+)?)$/.exec(t);
  return m ? { mix: Number((m[1] ?? "").replace(",", ".")) } : undefined;
}

async function leesConfig(pad: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(pad, "utf8");
  } catch (e) {
    throw new ScenarioInvoerFout([nl.cli.bestandNietGelezen(pad, (e as Error).message)]);
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    throw new ScenarioInvoerFout(
      errors.slice(0, 10).map((e) => {
        const before = text.slice(0, e.offset);
        const regel = before.split("\n").length;
        const kolom = e.offset - before.lastIndexOf("\n");
        return nl.scenario.configSyntax(pad, regel, kolom, printParseErrorCode(e.error));
      }),
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ScenarioInvoerFout([nl.scenario.configGeenObject(pad)]);
  return value as Record<string, unknown>;
}

/** Build the raw scenario input from config and options (validated afterwards as a whole). */
async function ruweInvoer(o: ScenarioOpties): Promise<Record<string, unknown>> {
  const raw: Record<string, unknown> = o.config ? await leesConfig(o.config) : {};
  if (o.gemeente !== undefined) raw["gemeente"] = o.gemeente;
  if (o.dataset !== undefined) raw["dataset"] = o.dataset;
  if (o.maatwerkbudget !== undefined) raw["businessCase"] = { preset: o.maatwerkbudget };
  const fouten: string[] = [];
  if (o.regio !== undefined && o.leden !== undefined) fouten.push(nl.scenario.regioEnLeden);
  const model = o.model === undefined ? undefined : leesModel(o.model);
  if (o.model !== undefined && !model) fouten.push(nl.scenario.onbekendModel(o.model));
  if (o.sleutel !== undefined && !(REGIO_SLEUTELS as readonly string[]).includes(o.sleutel)) {
    fouten.push(nl.scenario.onbekendeSleutel(o.sleutel, REGIO_SLEUTELS.join(", ")));
  }
  if (o.regio !== undefined) {
    const preset = REGIO_PRESETS.find((p) => naamSleutel(p.naam) === naamSleutel(o.regio ?? ""));
    if (!preset) fouten.push(nl.scenario.onbekendeRegio(o.regio, REGIO_PRESETS.map((p) => p.naam).join(", ")));
    else {
      raw["regio"] = {
        naam: preset.naam,
        leden: [...preset.leden],
        sleutel: o.sleutel ?? "inwoners",
        model: model ?? (preset.voorgesteldModel?.soort === "solidariteit" ? "solidariteit" : "profijt"),
      };
    }
  } else if (o.leden !== undefined) {
    raw["regio"] = {
      naam: nl.scenario.eigenRegio,
      leden: o.leden
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
      sleutel: o.sleutel ?? "inwoners",
      model: model ?? "profijt",
    };
  } else if ((o.sleutel !== undefined || o.model !== undefined) && raw["regio"] === undefined) {
    fouten.push(nl.scenario.sleutelZonderRegio);
  }
  if (fouten.length > 0) throw new ScenarioInvoerFout(fouten);
  return raw;
}

export interface ScenarioUitkomst {
  readonly scenario: Scenario;
  readonly resultaat: VolledigResultaat;
  readonly vingerafdruk: string;
}

/** Read and validate the scenario from config and options; throws ScenarioInvoerFout. */
export async function leesScenarioInvoer(o: ScenarioOpties, snapshot: Snapshot): Promise<Scenario> {
  const raw = await ruweInvoer(o);
  const gelezen = leesScenario(raw, scenarioContext(snapshot));
  if (!gelezen.ok) throw new ScenarioInvoerFout(gelezen.issues.map(formatScenarioIssue));
  return gelezen.scenario;
}

/** Read, validate and compute; throws ScenarioInvoerFout with Dutch messages on bad input. */
export async function voerScenarioUit(o: ScenarioOpties): Promise<ScenarioUitkomst> {
  const snapshot = await loadSnapshot();
  const s = await leesScenarioInvoer(o, snapshot);
  const g = scenarioGegevens(snapshot, s);
  let resultaat: VolledigResultaat;
  try {
    resultaat = berekenVolledig(s, g, s.regio ? regioInvoer(snapshot, s.regio, s.dataset) : undefined);
  } catch (e) {
    if (e instanceof RegioFout) throw new ScenarioInvoerFout(e.problemen.map(formatRegioProbleem));
    throw e;
  }
  return { scenario: s, resultaat, vingerafdruk: await vingerafdruk(s, nodeHasher) };
}

/** The JSON contract of `scenario --json`: amounts in euros. */
export function scenarioJson(u: ScenarioUitkomst) {
  const r = u.resultaat;
  return {
    scenario: r.scenario,
    gemeente: r.gemeente,
    dataset: r.dataset,
    jaren: r.jaren,
    vingerafdruk: u.vingerafdruk,
    eenheid: "EUR",
    toedeling: {
      sleutel: r.toedeling.sleutel,
      omschrijving: r.toedeling.omschrijving,
      aandeel: r.toedeling.aandeel,
      bron: bronTekst(r.toedeling.bron),
    },
    pad: "preset" in u.scenario.pad ? u.scenario.pad.preset : "eigen",
    maatregelen: r.maatregelen.map((m) => ({
      id: m.id,
      naam: m.naam,
      status: m.status,
      nationaal: m.nationaal,
      bruto: m.bruto,
      besparing: m.besparing,
    })),
    totaal: r.totaal,
    projectie: r.projectie,
    ...(r.businessCase ? { businessCase: r.businessCase } : {}),
    ...(r.regio
      ? {
          regio: {
            naam: r.regio.naam,
            sleutel: r.regio.sleutel,
            model: r.regio.modelOmschrijving,
            totaal: r.regio.totaal,
          },
          leden: r.regio.leden.map((l) => ({
            gemeente: l.gemeente,
            aandeel: l.aandeel,
            bedrag: l.bedrag,
            profijt: l.profijt,
            verschilMetProfijt: l.verschilMetProfijt,
          })),
        }
      : {}),
    scenarioInvoer: u.scenario,
  };
}

const pct = (x: number, d = 1): string =>
  `${(x * 100).toLocaleString("nl-NL", { minimumFractionDigits: d, maximumFractionDigits: d })}%`;

/** The Dutch summary of `scenario`. */
export function scenarioSamenvatting(u: ScenarioUitkomst): string {
  const r = u.resultaat;
  const t = nl.scenario;
  const jaren = r.jaren.map(String);
  const pad =
    "preset" in u.scenario.pad
      ? PAD_PRESETS.find((p) => "preset" in u.scenario.pad && p.id === u.scenario.pad.preset)?.naam
      : t.eigenPad;
  const out: string[] = [];
  out.push(`${t.kop(r.scenario, r.gemeente, r.dataset, r.jaren[0] ?? 0, r.jaren[r.jaren.length - 1] ?? 0)}`);
  out.push(`${t.vingerafdruk}: ${u.vingerafdruk}`);
  out.push(`${t.toedeling}: ${r.toedeling.omschrijving}, ${t.aandeel} ${pct(r.toedeling.aandeel, 4)}`);
  out.push(`  ${nl.iv3.bron}: ${bronTekst(r.toedeling.bron)}`);
  out.push(`${t.pad}: ${pad ?? ""}`);
  out.push("");
  const rows: string[][] = [[t.besparingPerMaatregel, ...jaren]];
  rows.push([]);
  for (const m of r.maatregelen)
    rows.push([
      `${m.naam}${m.status === "gepland" ? "" : ` (${t.status[m.status]})`}`,
      ...jaren.map((j) => formatEuro(m.besparing[j] ?? 0)),
    ]);
  rows.push([]);
  rows.push([t.totaalBesparing, ...jaren.map((j) => formatEuro(r.totaal[j] ?? 0))]);
  rows.push([t.lastenZonder, ...jaren.map((j) => formatEuro(r.projectie.totaal.zonder[j] ?? 0))]);
  rows.push([t.lastenMet, ...jaren.map((j) => formatEuro(r.projectie.totaal.met[j] ?? 0))]);
  out.push(...tabel(rows, (c) => c > 0));
  const bc = r.businessCase;
  if (bc) {
    const tt = bc.totalen;
    out.push("", `${t.maatwerkbudget}: ${bc.naam} (${bc.startjaar}–${bc.startjaar + bc.horizonJaren - 1})`);
    out.push(
      `  ${t.bc.kosten} ${formatEuro(tt.kosten)} · ${t.bc.baten} ${formatEuro(tt.baten)} (${t.bc.gemeente} ${formatEuro(tt.batenGemeente)}, ${t.bc.anderen} ${formatEuro(tt.batenAnderen)})`,
    );
    out.push(
      `  ${t.bc.netto} ${formatEuro(tt.netto)} · ${t.bc.ratio} ${tt.ratio === null ? "–" : tt.ratio.toLocaleString("nl-NL", { maximumFractionDigits: 2 })} · ${t.bc.ncw} ${formatEuro(tt.ncw)}`,
    );
    out.push(
      `  ${t.bc.breakEven} ${tt.breakEvenSucceskans === null ? "–" : pct(tt.breakEvenSucceskans)} · ${t.bc.terugverdienjaar} ${tt.terugverdienjaar ?? t.bc.nietBinnenHorizon}`,
    );
    out.push(
      `  ${t.bc.bandbreedte}: ${formatEuro(bc.bereik.laag.totalen.ncw)} / ${formatEuro(bc.bereik.basis.totalen.ncw)} / ${formatEuro(bc.bereik.hoog.totalen.ncw)}`,
    );
  }
  const rg = r.regio;
  if (rg) {
    out.push("", `${t.regio} ${rg.naam}: ${rg.modelOmschrijving}`);
    const rr: string[][] = [[nl.iv3.gemeente, t.aandeelKop, t.bedrag, t.profijt, t.verschil]];
    rr.push([]);
    for (const l of rg.leden)
      rr.push([
        l.gemeente,
        pct(l.aandeel, 2),
        formatEuro(l.bedrag),
        formatEuro(l.profijt),
        formatEuro(l.verschilMetProfijt),
      ]);
    rr.push([]);
    rr.push([
      t.totaal,
      pct(1, 2),
      formatEuro(rg.totaal.bedrag),
      formatEuro(rg.totaal.profijt),
      formatEuro(rg.totaal.verschilMetProfijt),
    ]);
    out.push(...tabel(rr, (c) => c > 0));
  }
  return `${out.join("\n")}\n`;
}
