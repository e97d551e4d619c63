/**
 * All Dutch user-facing text in one place. Another language is a sibling file with the same shape.
 * Kept free of imports other than domain types so the CLI, the task pane and tests share it.
 */
import type { InputIssue, IssueCode } from "../domain/issues";
import type { ScenarioIssue, ScenarioIssueCode } from "../domain/scenario/validatie";
import type { RegioProbleem } from "../domain/region/validatie";
import { nlExcel } from "./nl-excel";
import { nlLezer } from "./nl-lezer";
import { nlPaneel } from "./nl-paneel";

type IssueText = (i: InputIssue) => string;

const q = (s: string | undefined): string => `'${s ?? ""}'`;
const d = (i: InputIssue, key: string): string => String(i.details?.[key] ?? "");

const issueTexts: Record<IssueCode, IssueText> = {
  "leeg-bestand": () => "Het bestand is leeg: er staan geen gegevens in.",
  "alleen-kop": () => "Er staat alleen een kopregel in: geen enkele rij met bedragen.",
  "geen-kop": (i) =>
    `Geen kopregel gevonden: verwacht kolommen voor taakveld en lasten/baten of bedrag (bijvoorbeeld 'Taakveld;Lasten;Baten')${i.details ? `; gevonden: ${d(i, "gevonden")}` : ""}.`,
  "kolom-ontbreekt": (i) => `Kolom ${q(i.kolom)} ontbreekt.${i.details?.["hint"] ? ` ${d(i, "hint")}` : ""}`,
  "kolom-dubbel": (i) => `Kolom ${q(i.kolom)} komt meer dan één keer voor in de kopregel.`,
  scheidingsteken: (i) =>
    `Het scheidingsteken lijkt ${q(d(i, "gevonden"))} te zijn; gebruik ';' of ',' tussen de kolommen.`,
  "aantal-kolommen": (i) => `${waar(i)}: ${d(i, "gevonden")} kolommen, verwacht ${d(i, "verwacht")}.`,
  "geen-bedrag": (i) => `${waar(i)}: ${q(i.waarde)} is geen bedrag.`,
  "bedrag-te-groot": (i) => `${waar(i)}: ${q(i.waarde)} is onwaarschijnlijk groot voor een Iv3-bedrag.`,
  "eenheid-gemengd": (i) =>
    `${waar(i)}: de eenheid ${q(i.waarde)} wijkt af van ${q(d(i, "eerder"))} eerder in het bestand; gebruik één eenheid per bestand.`,
  "onbekend-taakveld": (i) => `${waar(i)}: ${q(i.waarde)} is geen bekend Iv3-taakveld.`,
  "resultaat-taakveld": (i) =>
    `${waar(i)}: taakveld 0.11 (resultaat van de rekening) is een saldo en hoort niet bij de lasten en baten; laat deze rij weg.`,
  balanspost: (i) => `${waar(i)}: ${q(i.waarde)} is een balanspost, geen taakveld.`,
  "verkeerd-regime": (i) =>
    `${waar(i)}: taakveld ${q(i.waarde)} bestaat niet in de indeling ${d(i, "regime")} (wel in ${d(i, "regimes")}).`,
  "onbekende-categorie": (i) => `${waar(i)}: ${q(i.waarde)} is geen bekende Iv3-categorie.`,
  "categorie-soort": (i) =>
    `${waar(i)}: categorie ${q(i.waarde)} is een ${d(i, "soort")}-categorie, maar de rij heeft ${d(i, "kolomsoort")}.`,
  "lege-gemeente": (i) => `${waar(i)}: de gemeente ontbreekt.`,
  "leeg-taakveld": (i) => `${waar(i)}: het taakveld ontbreekt.`,
  "dubbele-rij": (i) => `${waar(i)}: dubbele rij, dezelfde combinatie staat al in rij ${d(i, "eerste")}.`,
  "te-veel-rijen": (i) =>
    `Te veel rijen: ${d(i, "gevonden")}; de grens is ${d(i, "max")}. Splits de gegevens of filter op gemeente.`,
  "te-veel-meldingen": (i) => `… en nog ${d(i, "aantal")} andere meldingen.`,
  "csv-syntax": (i) => `${waar(i)}: de regel is geen geldige CSV (${d(i, "detail")}).`,
  "geen-gemeente-kolom": () =>
    "Er is geen kolom 'Gemeente' en er is ook geen gemeente opgegeven: geef de gemeente op waar de cijfers bij horen.",
};

/** "rij 17, kolom Lasten" or "Blad1!C17" or "rij 17": where an issue is, in Dutch. */
function waar(i: InputIssue): string {
  if (i.cel) return i.cel;
  const parts: string[] = [];
  if (i.rij !== undefined) parts.push(`rij ${i.rij}`);
  if (i.kolom !== undefined) parts.push(`kolom ${i.kolom}`);
  return parts.length > 0 ? parts.join(", ") : "invoer";
}

/** One Dutch sentence for an input issue, naming row and column (or cell). */
export function formatIssue(issue: InputIssue): string {
  const text = issueTexts[issue.code](issue);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const veld = (i: ScenarioIssue): string => (i.veld === "" ? "de invoer" : `'${i.veld}'`);
const sd = (i: ScenarioIssue, key: string): string => String(i.details?.[key] ?? "");

const scenarioTexts: Record<ScenarioIssueCode, (i: ScenarioIssue) => string> = {
  "geen-object": (i) => `${veld(i)} moet een object zijn ({ … })${i.waarde !== undefined ? `, niet ${i.waarde}` : ""}.`,
  verplicht: (i) => `${veld(i)} ontbreekt.`,
  "type-getal": (i) => `${veld(i)}: ${q(i.waarde)} is geen getal.`,
  "type-tekst": (i) => `${veld(i)} moet een (niet-lege) tekst zijn.`,
  "type-lijst": (i) => `${veld(i)} moet een lijst zijn ([ … ]).`,
  percentage: (i) => `${veld(i)}: ${i.waarde ?? ""} ligt buiten 0–100%.`,
  negatief: (i) => `${veld(i)}: ${i.waarde ?? ""} mag niet negatief zijn.`,
  "geheel-getal": (i) => `${veld(i)}: ${i.waarde ?? ""} moet een geheel getal zijn.`,
  bereik: (i) => `${veld(i)}: ${i.waarde ?? ""} ligt buiten het bereik ${sd(i, "min")}–${sd(i, "max")}.`,
  "onbekende-waarde": (i) => `${veld(i)}: ${q(i.waarde)} is onbekend; kies uit ${sd(i, "toegestaan")}.`,
  "onbekend-veld": (i) => `${veld(i)} is geen bekend veld (tikfout?); bekend zijn: ${sd(i, "toegestaan")}.`,
  "dubbele-waarde": (i) => `${veld(i)}: ${q(i.waarde)} komt dubbel voor.`,
  "onbekende-gemeente": (i) =>
    `${veld(i)}: gemeente ${q(i.waarde)} is niet gevonden.${sd(i, "suggesties") ? ` Bedoelde u: ${sd(i, "suggesties")}?` : ""}`,
  volgorde: (i) =>
    `${veld(i)}: ${i.waarde ?? ""} ligt aan de verkeerde kant van de basiswaarde ${sd(i, "basis")} (laag ≤ basis ≤ hoog).`,
  schema: (i) => `${veld(i)}: schemaversie ${i.waarde ?? ""} wordt niet ondersteund (verwacht ${sd(i, "verwacht")}).`,
};

/** One Dutch sentence for a scenario problem, naming the field. */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  const text = scenarioTexts[issue.code](issue);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const getalNl = (x: number): string =>
  Number.isFinite(x) ? x.toLocaleString("nl-NL", { maximumFractionDigits: 2 }) : String(x);

/** One Dutch sentence for a region problem, naming the member. */
export function formatRegioProbleem(p: RegioProbleem): string {
  switch (p.code) {
    case "te-weinig-leden":
      return `Een regio heeft minstens twee gemeenten nodig; opgegeven: ${p.aantal}.`;
    case "geen-naam":
      return `Lid ${p.lid} van de regio heeft geen gemeentenaam.`;
    case "dubbel-lid":
      return `${p.gemeente} staat meer dan eens in de regio (lid ${p.eerder} en lid ${p.lid}).`;
    case "sleutel-ongeldig":
      return `${cap(p.wie)}: de sleutelwaarde (${p.sleutel}) is geen eindig getal.`;
    case "sleutel-negatief":
      return `${cap(p.wie)}: de sleutelwaarde (${p.sleutel}) is negatief (${getalNl(p.waarde)}).`;
    case "gebruik-ongeldig":
      return `${cap(p.wie)}: het eigen gebruik is geen eindig getal.`;
    case "sleutels-nul":
      return `Alle sleutelwaarden (${p.sleutel}) zijn 0; naar deze sleutel valt niets te verdelen.`;
    case "solidair-ongeldig":
      return "Het solidaire deel van het verdeelmodel is geen eindig getal.";
    case "solidair-bereik":
      return `Het solidaire deel moet tussen 0% en 100% liggen; opgegeven: ${getalNl(p.waarde * 100)}%.`;
    case "totaal-ongeldig":
      return "Het te verdelen bedrag is geen eindig getal.";
    case "gebruik-nul":
      return "Het eigen gebruik van de gemeenten is samen € 0; het deel dat naar profijt wordt verdeeld kan dan niet worden toegerekend.";
  }
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Texts of the Iv3 sources and the command-line tool. */
export const nl = {
  product: "Jeugdscenario",
  productOndertitel: "Besparingsscenario's jeugdhulp voor gemeenten",
  bronnen: {
    ongeldigeInvoer: (n: number) =>
      n === 1
        ? "De invoer bevat 1 fout; er is niets ingelezen."
        : `De invoer bevat ${n} fouten; er is niets ingelezen.`,
    cbsOffline:
      "CBS open data is niet bereikbaar. Controleer de internetverbinding (of de proxy van de gemeente) en probeer het opnieuw, of gebruik de ingebouwde CBS-gegevens.",
    cbsTimeout: (s: number) =>
      `CBS open data gaf binnen ${s.toLocaleString("nl-NL")} seconden geen antwoord, ook niet na herhaalde pogingen.`,
    cbsGeenVerslagsoort: (soort: string, jaar: number) =>
      `CBS open data heeft (nog) geen ${soort} ${jaar} in de Iv3-tabel.`,
    detailGeenJson: "het is geen JSON",
    detailGeenLijst: "de lijst 'value' ontbreekt",
    detailVeldOntbreekt: (rij: number, veld: string) => `rij ${rij} mist het veld '${veld}'`,
    detailDimensie: (naam: string) => `de lijst '${naam}' heeft niet de vorm Key/Title`,
    detailVolgende: "de vervolgpagina (odata.nextLink) is geen geldig adres",
    detailTeVeelPaginas: (n: number) => `meer dan ${n} pagina's of een vervolgpagina die naar zichzelf verwijst`,
    cbsHttp: (status: number) => `CBS open data antwoordde met foutcode ${status}.`,
    cbsOngeldigAntwoord: (detail: string) => `Het antwoord van CBS open data is niet te lezen: ${detail}.`,
    cbsGeenTabel: (jaar: number) => `CBS open data heeft (nog) geen Iv3-tabel voor ${jaar}.`,
    cbsGeenGemeente: (g: string) => `CBS open data kent geen gemeente '${g}' in deze tabel.`,
    cbsVoortgang: (rijen: number) => `${rijen.toLocaleString("nl-NL")} rijen opgehaald van CBS`,
    onbekendeDataset: (id: string, geldig: string) => `Onbekende dataset '${id}'. Kies uit: ${geldig}.`,
    onbekendeGemeente: (g: string, suggesties: readonly string[]) =>
      suggesties.length > 0
        ? `Gemeente '${g}' is niet gevonden. Bedoelde u: ${suggesties.join(", ")}?`
        : `Gemeente '${g}' is niet gevonden.`,
  },
  iv3: {
    jeugdTotaal: "Jeugd totaal",
    lasten: "Lasten",
    baten: "Baten",
    saldo: "Saldo",
    taakveld: "Taakveld",
    naam: "Naam",
    groep: "Groep",
    gemeente: "Gemeente",
    dataset: "Dataset",
    inwoners: "Inwoners",
    provincie: "Provincie",
    geenOpgave: "geen opgave",
    bron: "Bron",
    bedragenInEuro: "Bedragen in euro's",
  },
  blad: {
    scenarioTitel: "Jeugdscenario",
    bedragenInEuro: "bedragen in euro's",
    gemeente: "Gemeente",
    basisgegevens: "Basisgegevens",
    bronBasisgegevens: "Bron basisgegevens",
    scenario: "Scenario",
    datum: "Datum",
    auteur: "Opgesteld door",
    versie: "Versie",
    vingerafdruk: "Vingerafdruk invoer",
    landelijkPad: "Landelijk pad",
    aannames: "Aannames (invoercellen zijn geel; elke waarde met bron of 'aanname')",
    omschrijving: "Omschrijving",
    waarde: "Waarde",
    eenheid: "Eenheid",
    bron: "Bron",
    aandeelGemeente: "Aandeel gemeente in de landelijke bedragen",
    aandeelUitleg: "berekend: sleutelwaarde gemeente / sleutelwaarde Nederland",
    landelijkPadKop: "Landelijke bedragen per maatregel (€, heel Nederland)",
    maatregel: "Maatregel",
    instellingenKop: "Instellingen per maatregel",
    status: "Status",
    teltMee: "Telt mee (1/0)",
    vanaf: "Vanaf jaar",
    realisatiegraad: "Realisatiegraad",
    ingroeijaren: "Ingroeijaren",
    waterbed: "Waterbedfactor",
    gewichtenKop: "Eigen verdeling over taakvelden (gewichten)",
    taakveld: "Taakveld",
    brutoKop: "Toegedeelde besparing (bruto: landelijk bedrag × aandeel gemeente)",
    nettoKop: "Netto besparing (bruto × telt mee × realisatie × ingroei × (1 − waterbed))",
    totaal: "Totaal",
    projectieKop: "Basis jeugd lasten per taakveld",
    basis: "Basis",
    verdeling: "Verdeling besparing",
    groeifactor: "Groei- en indexatiefactor per jaar",
    zonderKop: "Jeugd lasten zonder maatregelen",
    besparingTvKop: "Besparing per taakveld",
    metKop: "Jeugd lasten met maatregelen",
    maatwerkbudgetKop: "Maatwerkbudget",
    laag: "Laag",
    hoog: "Hoog",
    successen: "Geslaagde casussen per jaar (na deadweight)",
    bcJaar: "Jaar",
    bcKosten: "Kosten",
    bcBaten: "Baten (alle betalers)",
    bcBatenGemeente: "Baten gemeente",
    bcBatenAnderen: "Baten anderen",
    bcNetto: "Netto gemeente",
    bcCumulatief: "Cumulatief",
    bcDisconto: "Discontofactor",
    bcKostenTotaal: "Kosten totaal",
    bcBatenTotaal: "Baten totaal (alle betalers)",
    bcBatenGemeenteTotaal: "Baten gemeente totaal",
    bcNettoTotaal: "Netto besparing gemeente",
    bcRatio: "Baten/kosten (maatschappelijk)",
    bcRatioGemeente: "Baten/kosten (gemeente)",
    bcNcw: "Netto contante waarde gemeente",
    bcNcwMaatschappelijk: "Netto contante waarde maatschappelijk",
    bcBreakEven: "Break-even succeskans",
    bcTerugverdienjaar: "Terugverdienjaar",
    bcNulBetekenis:
      "Break-even 0% = niet te bepalen (geen eigen baten); terugverdienjaar 0 = niet binnen de horizon. Laag en hoog zijn de bandbreedte van de bron; de doorrekening gebruikt de waarde in kolom Waarde.",
    grafiekBesparing: "Netto besparing per maatregel per jaar",
    grafiekProjectie: "Jeugd lasten met en zonder maatregelen",
    grafiekBusinessCase: "Maatwerkbudget: kosten, baten gemeente en cumulatief",
    iv3Titel: "Iv3-basis",
    code: "Code",
    naam: "Naam",
    lasten: "Lasten",
    baten: "Baten",
    saldo: "Saldo",
    jeugd: "Jeugd",
    groep: "Groep",
    jeugdTotaal: "Jeugd totaal (lasten van de jeugdtaakvelden)",
    alleTaakvelden: "Alle taakvelden (zonder 0.11)",
    geenOpgaveNoot:
      "Lege cel = geen opgave bij CBS. 'ja' = individuele jeugdhulp, jeugdbescherming of jeugdreclassering; 'deels' = deels jeugd, niet te scheiden.",
    vergelijkingTitel: "Vergelijking van scenario's",
    kengetal: "Kengetal",
    nettoBesparing: (j: number) => `Netto besparing ${j}`,
    lastenMet: (j: number) => `Jeugd lasten met maatregelen ${j}`,
    grafiekVergelijking: "Netto besparing per jaar per scenario",
    jaarGrafiek: "Jaar (grafiek)",
    regioTitel: (naam: string) => `Regio ${naam}`,
    regioModel: "Verdeelmodel",
    regioSolidairDeel: "Deel via de sleutel (solidair)",
    regioSleutel: "Verdeelsleutel",
    sleutelwaarde: "Sleutelwaarde",
    eigenGebruik: "Eigen gebruik (Iv3 jeugd saldo)",
    aandeel: "Aandeel",
    profijt: "Profijt",
    solidair: "Solidair",
    bedragOnafgerond: "Bedrag",
    bedragAfgerond: "Bedrag (op centen)",
    verschil: "Verschil met profijt",
    centen: "Centen (afgerond omlaag)",
    rest: "Rest",
    regioAfronding:
      "Afronding op centen: eerst omlaag, daarna krijgen de leden met de grootste rest één cent extra tot het totaal precies klopt (grootste-restmethode).",
    grafiekRegio: "Verdeling: bedrag en profijt per gemeente",
  },
  werkmap: {
    voortgang: (i: number, n: number, wat: string, pad: string) => `[${i}/${n}] ${wat}: ${pad}`,
    geschreven: (pad: string) => `Werkmap geschreven: ${pad}`,
    bladen: (namen: readonly string[]) => `Bladen: ${namen.join(", ")}`,
    batchKlaar: (n: number) => `${n} werkmappen geschreven.`,
    samenvattingBesparing: (naam: string, perJaar: string) => `Netto besparing (${naam}): ${perJaar}.`,
    samenvattingLasten: (j: number, zonder: string, met: string) =>
      `Jeugd lasten ${j}: ${zonder} zonder, ${met} met maatregelen.`,
    samenvattingBc: (naam: string, ncw: string, jaar: number | null) =>
      `Maatwerkbudget ${naam}: netto contante waarde ${ncw}, ${jaar === null ? "niet terugverdiend binnen de horizon" : `terugverdiend in ${jaar}`}.`,
    samenvattingRegio: (naam: string, n: number, totaal: string) =>
      `Regio ${naam}: ${n} gemeenten, te verdelen ${totaal}.`,
    outOntbreekt:
      "Geef met --out het bestand op (bijvoorbeeld --out out/jeugdscenario.xlsx), of met --batch --out-dir een map.",
    batchZonderRegio: "--batch schrijft een werkmap per lid van een regio: geef ook --regio of --leden op.",
  },
  scenario: {
    kop: (naam: string, gemeente: string, dataset: string, van: number, tot: number) =>
      `Scenario ${naam} · ${gemeente} · basis ${dataset} · ${van}–${tot}`,
    vingerafdruk: "Vingerafdruk",
    toedeling: "Toedeling",
    aandeel: "aandeel",
    pad: "Landelijk pad",
    eigenPad: "eigen pad",
    besparingPerMaatregel: "Netto besparing per maatregel",
    totaalBesparing: "Totaal netto besparing",
    lastenZonder: "Jeugd lasten zonder maatregelen",
    lastenMet: "Jeugd lasten met maatregelen",
    status: { gepland: "gepland", gerealiseerd: "al gerealiseerd", niet: "niet genomen" } as Record<string, string>,
    maatwerkbudget: "Maatwerkbudget",
    bc: {
      kosten: "kosten",
      baten: "baten",
      gemeente: "gemeente",
      anderen: "anderen",
      netto: "netto voor de gemeente",
      ratio: "baten/kosten",
      ncw: "netto contante waarde",
      breakEven: "break-even succeskans",
      terugverdienjaar: "terugverdienjaar",
      nietBinnenHorizon: "niet binnen de horizon",
      bandbreedte: "NCW laag / basis / hoog",
    },
    regio: "Regio",
    aandeelKop: "Aandeel",
    bedrag: "Bedrag",
    profijt: "Profijt",
    verschil: "Verschil met profijt",
    totaal: "Totaal",
    eigenRegio: "Eigen regio",
    regioEnLeden: "Gebruik --regio óf --leden, niet allebei.",
    onbekendModel: (m: string) =>
      `Onbekend verdeelmodel '${m}': kies profijt, solidariteit of mix:<percentage> (bijvoorbeeld mix:40).`,
    onbekendeSleutel: (k: string, geldig: string) => `Onbekende verdeelsleutel '${k}': kies uit ${geldig}.`,
    onbekendeRegio: (r: string, geldig: string) =>
      `Onbekende regio '${r}': kies uit ${geldig}, of geef de leden op met --leden.`,
    sleutelZonderRegio: "--sleutel en --model horen bij een regio: geef ook --regio of --leden op.",
    configSyntax: (pad: string, regel: number, kolom: number, fout: string) =>
      `${pad}, regel ${regel}, kolom ${kolom}: de configuratie is geen geldige JSON (${fout}).`,
    configGeenObject: (pad: string) => `${pad}: de configuratie moet een object zijn ({ … }).`,
    ongeldig: (n: number) => (n === 1 ? "Het scenario bevat 1 fout:" : `Het scenario bevat ${n} fouten:`),
  },
  cli: {
    gebruik: `Gebruik:
  jeugdscenario iv3 --gemeente <naam of GM-code> --dataset <2023-begroting|2023-jaarrekening|2024-begroting|2025-begroting> [--json] [--csv <bestand>]
  jeugdscenario scenario --gemeente <naam> [--dataset <dataset>] [--config scenario.json]
                         [--regio <naam> | --leden a,b,c] [--sleutel <inwoners|jeugdigen|gemeentefonds|iv3-saldo|eigen>]
                         [--model <profijt|solidariteit|mix:x>] [--json]
  jeugdscenario scenario --voorbeeld        (voorbeeldconfiguratie met toelichting)
  jeugdscenario workbook --gemeente <naam> [zelfde opties als scenario] [--maatwerkbudget <preset>]
                         [--auteur <naam>] --out <bestand.xlsx>
  jeugdscenario workbook --regio <naam> --batch --out-dir <map>   (een werkmap per lid plus de regio)
  jeugdscenario gemeenten [--json]
  jeugdscenario --help`,
    onbekendCommando: (c: string) => `Onbekend commando '${c}'.`,
    optieOntbreekt: (o: string) => `De optie --${o} ontbreekt.`,
    onbekendeOptie: (detail: string) => `Ongeldige optie: ${detail}`,
    bestandNietGelezen: (f: string, detail: string) => `Het bestand '${f}' kan niet worden gelezen: ${detail}`,
    nietInTotaal: "* Toegang en beleid jeugd: deels jeugd, niet in het jeugd totaal.",
    aantalGemeenten: (n: number, ds: string) => `${n} gemeenten (inwoners volgens ${ds}).`,
  },
  /** The Office.js adapter, the workbook reader and the task pane keep their text in sibling files. */
  excel: nlExcel,
  lezer: nlLezer,
  paneel: nlPaneel,
} as const;
