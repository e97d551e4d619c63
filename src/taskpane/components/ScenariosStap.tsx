/**
 * Step 5, Scenario's: name and adjust the three scenarios (Basis with the per-measure settings,
 * Optimistisch and Pessimistisch with uniform settings) and write all sheets with one button.
 */
import { useId, useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Title3,
} from "@fluentui/react-components";
import { GEBRUIKER, type Bron } from "../../domain/model/bron";
import { VARIANTEN } from "../../domain/scenario/varianten";
import { formatEuro } from "../../i18n/format";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { SchrijfResultaat } from "../diensten";
import { leesGetal } from "../getal";
import { bereken, variantScenarios } from "../staat/berekening";
import type { BcEinde, VariantConcept } from "../staat/concept";
import { useStapStijlen } from "./GegevensStap";
import { FoutMelding, foutVan, SchrijfUitkomst, type Fout } from "./meldingen";
import { usePaneel } from "./paneel-context";
import { GetalVeld, KeuzeVeld, PercentageVeld, VeldLabel } from "./velden";

const t = nlPaneel.scenarios;

type Schrijven =
  | { readonly soort: "bezig"; readonly fractie?: number; readonly tekst?: string }
  | { readonly soort: "klaar"; readonly resultaat: SchrijfResultaat }
  | { readonly soort: "fout"; readonly fout: Fout };

export default function ScenariosStap() {
  const p = usePaneel();
  const s = useStapStijlen();
  const { concept: c, zetConcept, controle } = p;
  const [schrijven, setSchrijven] = useState<Schrijven>();
  const basis = controle.scenario;
  const varianten = useMemo(
    () => (basis ? variantScenarios(basis, c.varianten, p.ctx) : undefined),
    [basis, c.varianten, p.ctx],
  );
  // A region that cannot be distributed would fail in the writer: the Regio step says why; no write until fixed.
  const regioFouten = p.berekening?.regioFouten ?? [];
  const scenarios = regioFouten.length > 0 ? undefined : varianten?.scenarios;
  const uitkomsten = useMemo(() => scenarios?.map((x) => bereken(p.snapshot, x)), [scenarios, p.snapshot]);
  const fout = (veld: string): string | undefined => varianten?.fouten.get(veld) ?? controle.fouten.get(veld);
  const zetVariant = (i: number, patch: Partial<VariantConcept>): void =>
    zetConcept((x) => ({ ...x, varianten: x.varianten.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));

  const schrijf = async (): Promise<void> => {
    if (!scenarios) return;
    setSchrijven({ soort: "bezig" });
    try {
      const resultaat = await p.diensten.schrijfScenarios(p.snapshot, scenarios, (fractie, tekst) =>
        setSchrijven({ soort: "bezig", fractie, tekst }),
      );
      setSchrijven({ soort: "klaar", resultaat });
      p.meld(t.geschrevenToast);
    } catch (e) {
      setSchrijven({ soort: "fout", fout: foutVan(e) });
    }
  };

  return (
    <div className={s.stap}>
      <Title3 as="h2">{t.kop}</Title3>
      <Body1 as="p">{t.intro}</Body1>
      {!basis && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{c.gemeente === "" ? nlPaneel.algemeen.kiesEerstGemeente : t.nietSchrijfbaar}</MessageBarBody>
        </MessageBar>
      )}
      {regioFouten.length > 0 && (
        <FoutMelding fout={{ titel: `${t.regioFout} ${regioFouten.join(" ")}`, regels: [] }} />
      )}
      {c.varianten.map((v, i) => {
        const r = uitkomsten?.[i]?.resultaat;
        const laatste = r?.jaren[r.jaren.length - 1];
        return (
          <VariantKaart
            key={v.id}
            v={v}
            i={i}
            fout={fout}
            zet={(patch) => zetVariant(i, patch)}
            metBusinessCase={c.businessCase.aan}
            besparing={
              r && laatste !== undefined ? t.besparing(laatste, formatEuro(r.totaal[String(laatste)] ?? 0)) : undefined
            }
          />
        );
      })}
      {p.diensten.inExcel ? (
        <div className={s.blok}>
          <Button
            appearance="primary"
            className={s.links}
            disabled={!scenarios || schrijven?.soort === "bezig"}
            onClick={() => void schrijf()}
          >
            {t.schrijven}
          </Button>
          {schrijven?.soort === "bezig" && (
            <>
              <ProgressBar
                aria-label={t.voortgang}
                {...(schrijven.fractie !== undefined ? { value: Math.min(1, Math.max(0, schrijven.fractie)) } : {})}
              />
              <Caption1 aria-live="polite">{schrijven.tekst ?? t.schrijvenBezig}</Caption1>
            </>
          )}
          {schrijven?.soort === "klaar" && <SchrijfUitkomst resultaat={schrijven.resultaat} diensten={p.diensten} />}
          {schrijven?.soort === "fout" && (
            <FoutMelding fout={{ titel: `${t.schrijfFout}: ${schrijven.fout.titel}`, regels: schrijven.fout.regels }} />
          )}
        </div>
      ) : (
        <Caption1 className={s.zacht}>
          {t.schrijven}: {nlPaneel.algemeen.buitenExcelKort}
        </Caption1>
      )}
    </div>
  );
}

/** The variant's own source while the value is the variant's default; typed over, the user's. */
function bronVoor(tekst: string, standaard: { readonly waarde: number; readonly bron: Bron } | undefined): Bron {
  const g = leesGetal(tekst, { procent: true });
  return standaard && g.ok && g.waarde === standaard.waarde ? standaard.bron : GEBRUIKER;
}

function VariantKaart(p: {
  v: VariantConcept;
  i: number;
  fout: (veld: string) => string | undefined;
  zet: (patch: Partial<VariantConcept>) => void;
  metBusinessCase: boolean;
  besparing: string | undefined;
}) {
  const s = useStapStijlen();
  const kopId = useId();
  const info = VARIANTEN.find((x) => x.id === p.v.id);
  const kop = info?.naam ?? p.v.id;
  const pad = `varianten[${p.i}]`;
  const naamFout = p.fout(`${pad}.naam`);
  return (
    <section className={s.kaart} aria-labelledby={kopId}>
      <Subtitle2 as="h3" id={kopId}>
        {kop}
      </Subtitle2>
      <Field
        label={{ children: <VeldLabel tekst={t.naam} extra={kop} /> }}
        validationMessage={naamFout}
        validationState={naamFout ? "error" : "none"}
        required
      >
        <Input value={p.v.naam} autoComplete="off" onChange={(_, d) => p.zet({ naam: d.value })} />
      </Field>
      {p.v.id === "basis" ? (
        <Caption1 className={s.zacht}>{t.basisUitleg}</Caption1>
      ) : (
        <>
          <Caption1 className={s.zacht}>
            {info?.toelichting} {t.variantUitleg}
          </Caption1>
          <PercentageVeld
            label={nlPaneel.velden.realisatiegraad}
            extraLabel={kop}
            waarde={p.v.realisatiegraad}
            onWijzig={(w) => p.zet({ realisatiegraad: w })}
            fout={p.fout(`${pad}.realisatiegraad`)}
            bron={bronVoor(p.v.realisatiegraad, info?.realisatiegraad)}
          />
          <PercentageVeld
            label={nlPaneel.velden.waterbed}
            extraLabel={kop}
            waarde={p.v.waterbed}
            onWijzig={(w) => p.zet({ waterbed: w })}
            fout={p.fout(`${pad}.waterbed`)}
            bron={bronVoor(p.v.waterbed, info?.waterbed)}
          />
          <GetalVeld
            label={nlPaneel.velden.ingroeijaren}
            extraLabel={kop}
            waarde={p.v.ingroeijaren}
            onWijzig={(w) => p.zet({ ingroeijaren: w })}
            fout={p.fout(`${pad}.ingroeijaren`)}
            eenheid={nlPaneel.algemeen.jaar}
            bron={bronVoor(p.v.ingroeijaren, info?.ingroeijaren)}
          />
          {p.metBusinessCase && (
            <KeuzeVeld
              label={t.businessCase}
              extraLabel={kop}
              waarde={p.v.businessCase}
              keuzes={(["basis", "laag", "hoog"] as const).map((e: BcEinde) => ({
                waarde: e,
                tekst: t.bcEinden[e] ?? e,
              }))}
              onWijzig={(e) => p.zet({ businessCase: e })}
            />
          )}
        </>
      )}
      {p.besparing && <Body1 aria-live="polite">{p.besparing}</Body1>}
    </section>
  );
}
