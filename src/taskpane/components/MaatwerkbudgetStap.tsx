/**
 * Step 3, Maatwerkbudget: a business case from one of the seed presets, every input with its source,
 * and the results (net, ratio, break-even, payback, NPV range) live.
 */
import { useId } from "react";
import { Caption1, Subtitle1, Subtitle2 } from "@fluentui/react-components";
import { PARAMETER_INFO } from "../../domain/business-case/parameters";
import { BUSINESS_CASE_PRESETS, type BusinessCasePresetSleutel } from "../../domain/business-case/presets";
import { BUSINESS_CASE_PARAMETERS, type BusinessCaseParameter } from "../../domain/business-case/types";
import type { Bron } from "../../domain/model/bron";
import { businessCaseInvoer } from "../../domain/scenario/bereken";
import { BC_PERCENTAGES } from "../../domain/scenario/validatie";
import { formatEuro } from "../../i18n/format";
import { nlPaneel } from "../../i18n/nl-paneel";
import { procentTekst } from "../getal";
import { businessCaseConcept, type BcTekst, type BusinessCaseConcept } from "../staat/concept";
import { Kerncijfers, KiesEerstGemeente, OptioneleStap, useStapStijlen } from "./GegevensStap";
import { usePaneel } from "./paneel-context";
import { GetalVeld, KeuzeVeld, PercentageVeld } from "./velden";

const t = nlPaneel.maatwerkbudget;

const eenheidVan = (k: BusinessCaseParameter): string | undefined => {
  const e = PARAMETER_INFO[k].eenheid;
  return e === "euro" ? nlPaneel.algemeen.euro : e === "jaar" ? nlPaneel.algemeen.jaren : undefined;
};

export default function MaatwerkbudgetStap() {
  const p = usePaneel();
  const s = useStapStijlen();
  const { concept: c, zetConcept, controle, scenario } = p;
  const bc = c.businessCase;
  const r = p.berekening?.resultaat?.businessCase;
  const zet = (f: (b: BusinessCaseConcept) => BusinessCaseConcept): void =>
    zetConcept((x) => ({ ...x, businessCase: f(x.businessCase) }));
  // Sources of the values in use: the preset's, or "ingevoerd door de gebruiker" for an override.
  const invoer = scenario?.businessCase ? businessCaseInvoer(scenario.businessCase) : undefined;
  const preset = BUSINESS_CASE_PRESETS[bc.preset];
  const bronVan = (k: BusinessCaseParameter): Bron => invoer?.[k].bron ?? preset[k].bron;
  const fout = (veld: string): string | undefined => controle.fouten.get(`businessCase.aanpassingen.${veld}`);

  if (c.gemeente === "") {
    return <KiesEerstGemeente kop={t.kop} />;
  }

  return (
    <OptioneleStap
      kop={t.kop}
      intro={t.intro}
      aanLabel={t.aan}
      uitNoot={t.uitNoot}
      aan={bc.aan}
      onAan={(aan) => zet((b) => ({ ...b, aan }))}
    >
      <KeuzeVeld
        label={t.preset}
        waarde={bc.preset}
        keuzes={(Object.keys(BUSINESS_CASE_PRESETS) as BusinessCasePresetSleutel[]).map((k) => ({
          waarde: k,
          tekst: t.presets[k] ?? k,
        }))}
        onWijzig={(k) => zet(() => businessCaseConcept(k, true))}
        hint={<Caption1 className={s.zacht}>{preset.toelichting}</Caption1>}
      />
      {r && <Uitkomst />}
      <Subtitle2 as="h3">{t.invoerKop}</Subtitle2>
      {BUSINESS_CASE_PARAMETERS.map((k) => (
        <Parameter
          key={k}
          k={k}
          tekst={bc.waarden[k]}
          bereik={preset[k].laag !== undefined || preset[k].hoog !== undefined}
          bron={bronVan(k)}
          fout={fout}
          onWijzig={(w) => zet((b) => ({ ...b, waarden: { ...b.waarden, [k]: w } }))}
        />
      ))}
      <div className={s.rij}>
        <GetalVeld
          label={nlPaneel.velden.bcStartjaar}
          jaartal
          waarde={bc.startjaar}
          onWijzig={(w) => zet((b) => ({ ...b, startjaar: w }))}
          fout={fout("startjaar")}
        />
        <GetalVeld
          label={nlPaneel.velden.bcHorizon}
          waarde={bc.horizonJaren}
          onWijzig={(w) => zet((b) => ({ ...b, horizonJaren: w }))}
          fout={fout("horizonJaren")}
          eenheid={nlPaneel.algemeen.jaren}
        />
      </div>
    </OptioneleStap>
  );
}

function Parameter(p: {
  k: BusinessCaseParameter;
  tekst: BcTekst;
  bereik: boolean;
  bron: Bron;
  fout: (veld: string) => string | undefined;
  onWijzig: (w: BcTekst) => void;
}) {
  const s = useStapStijlen();
  const label = PARAMETER_INFO[p.k].label;
  const procent = BC_PERCENTAGES.has(p.k);
  const pad = p.bereik ? `${p.k}.basis` : p.k;
  const Veld = procent ? PercentageVeld : GetalVeld;
  const eenheid = procent ? "%" : eenheidVan(p.k);
  return (
    <div className={s.blok}>
      <Veld
        label={label}
        waarde={p.tekst.basis}
        onWijzig={(w) => p.onWijzig({ ...p.tekst, basis: w })}
        fout={p.fout(pad)}
        bron={p.bron}
        {...(!procent && eenheid ? { eenheid } : {})}
      />
      {p.bereik && (
        <div className={s.rij} role="group" aria-label={`${label}: ${t.bereik}`}>
          <GetalVeld
            label={t.laag}
            extraLabel={label}
            waarde={p.tekst.laag}
            onWijzig={(w) => p.onWijzig({ ...p.tekst, laag: w })}
            fout={p.fout(`${p.k}.laag`)}
            {...(eenheid ? { eenheid } : {})}
          />
          <GetalVeld
            label={t.hoog}
            extraLabel={label}
            waarde={p.tekst.hoog}
            onWijzig={(w) => p.onWijzig({ ...p.tekst, hoog: w })}
            fout={p.fout(`${p.k}.hoog`)}
            {...(eenheid ? { eenheid } : {})}
          />
        </div>
      )}
    </div>
  );
}

function Uitkomst() {
  const p = usePaneel();
  const s = useStapStijlen();
  const kopId = useId();
  const r = p.berekening?.resultaat?.businessCase;
  if (!r) return null;
  const tt = r.totalen;
  const ratio = (x: number | null): string =>
    x === null ? nlPaneel.algemeen.onbepaald : x.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
  const breakEven =
    tt.breakEvenSucceskans === null
      ? nlPaneel.algemeen.onbepaald
      : tt.breakEvenSucceskans > 1
        ? t.breakEvenOnbereikbaar(procentTekst(tt.breakEvenSucceskans))
        : procentTekst(tt.breakEvenSucceskans);
  const regels: [string, string][] = [
    [t.netto, formatEuro(tt.netto)],
    [t.kosten, formatEuro(tt.kosten)],
    [t.batenGemeente, formatEuro(tt.batenGemeente)],
    [t.ratio, ratio(tt.ratio)],
    [t.ratioGemeente, ratio(tt.ratioGemeente)],
    [t.breakEven, breakEven],
    [t.terugverdienjaar, tt.terugverdienjaar === null ? t.nietBinnenHorizon : String(tt.terugverdienjaar)],
    [t.ncw, formatEuro(tt.ncw)],
    [t.ncwLaag, formatEuro(r.bereik.laag.totalen.ncw)],
    [t.ncwHoog, formatEuro(r.bereik.hoog.totalen.ncw)],
  ];
  return (
    <section className={s.kaart} aria-labelledby={kopId} aria-live="polite">
      <Subtitle1 as="h3" id={kopId}>
        {t.uitkomstKop}: {r.naam} ({t.periode(r.startjaar, r.startjaar + r.horizonJaren - 1)})
      </Subtitle1>
      <Kerncijfers regels={regels} />
    </section>
  );
}
