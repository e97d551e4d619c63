/**
 * Step 6, Controle: the add-in's scenarios in this workbook, and the verify action for an auditor:
 * the stored input is recomputed and compared with the sheet; the report is shown line by line.
 */
import { useEffect, useId, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
} from "@fluentui/react-components";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { Controlerapport, ScenarioInWerkmap } from "../diensten";
import { useStapStijlen } from "./GegevensStap";
import { FoutMelding, foutVan, useMeldingStijlen, type Fout } from "./meldingen";
import { usePaneel } from "./paneel-context";

const t = nlPaneel.controle;

type Rapport =
  | { readonly soort: "bezig"; readonly naam: string }
  | { readonly soort: "klaar"; readonly naam: string; readonly rapport: Controlerapport }
  | { readonly soort: "fout"; readonly naam: string; readonly fout: Fout };

export default function ControleStap() {
  const p = usePaneel();
  const s = useStapStijlen();
  const m = useMeldingStijlen();
  const lijstId = useId();
  const [lijst, setLijst] = useState<readonly ScenarioInWerkmap[]>();
  const [zoeken, setZoeken] = useState(false);
  const [fout, setFout] = useState<Fout>();
  const [rapport, setRapport] = useState<Rapport>();
  const inExcel = p.diensten.inExcel;

  const zoek = async (): Promise<void> => {
    setZoeken(true);
    setFout(undefined);
    try {
      setLijst(await p.diensten.lijstScenarios());
    } catch (e) {
      setFout(foutVan(e));
    } finally {
      setZoeken(false);
    }
  };

  // Look once when the step is first opened.
  useEffect(() => {
    if (inExcel) void zoek();
  }, [inExcel]); // zoek reads only stable services

  const controleer = async (sc: ScenarioInWerkmap): Promise<void> => {
    setRapport({ soort: "bezig", naam: sc.naam });
    try {
      setRapport({ soort: "klaar", naam: sc.naam, rapport: await p.diensten.controleer(p.snapshot, sc) });
    } catch (e) {
      setRapport({ soort: "fout", naam: sc.naam, fout: foutVan(e) });
    }
  };

  return (
    <div className={s.stap}>
      <Title3 as="h2">{t.kop}</Title3>
      <Body1 as="p">{t.intro}</Body1>
      {!inExcel ? (
        <Caption1 className={s.zacht}>{nlPaneel.algemeen.buitenExcel}</Caption1>
      ) : (
        <>
          <Button className={s.links} onClick={() => void zoek()} disabled={zoeken}>
            {t.zoeken}
          </Button>
          {zoeken && <Spinner size="tiny" label={t.zoekenBezig} />}
          {fout && <FoutMelding fout={fout} />}
          {lijst && lijst.length === 0 && <Body1>{t.geen}</Body1>}
          {lijst && lijst.length > 0 && (
            <section className={s.blok} aria-labelledby={lijstId}>
              <Subtitle2 as="h3" id={lijstId}>
                {t.lijst}
              </Subtitle2>
              {lijst.map((sc) => (
                <div key={`${sc.blad}|${sc.naam}`} className={s.kaart}>
                  <Body1>
                    <strong>{sc.naam}</strong>
                  </Body1>
                  <Caption1 className={s.zacht}>
                    {t.blad}: {sc.blad} · {t.datum}: {sc.datum} · {t.vingerafdruk(sc.vingerafdruk.slice(0, 12))}
                  </Caption1>
                  <Button
                    className={s.links}
                    size="small"
                    aria-label={t.controleerScenario(sc.naam)}
                    disabled={rapport?.soort === "bezig"}
                    onClick={() => void controleer(sc)}
                  >
                    {t.controleer}
                  </Button>
                </div>
              ))}
            </section>
          )}
          <div aria-live="polite">
            {rapport?.soort === "bezig" && <Spinner size="tiny" label={t.bezig(rapport.naam)} />}
            {rapport?.soort === "fout" && <FoutMelding fout={rapport.fout} />}
            {rapport?.soort === "klaar" && (
              <MessageBar intent={rapport.rapport.inOrde ? "success" : "warning"} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{rapport.rapport.inOrde ? t.inOrde : t.nietInOrde}</MessageBarTitle>
                  <p>{rapport.rapport.samenvatting}</p>
                  {rapport.rapport.bevindingen.length > 0 && (
                    <ul className={m.lijst} aria-label={t.bevindingen}>
                      {rapport.rapport.bevindingen.map((b, i) => (
                        <li key={i}>{b}</li>
                      ))}
                    </ul>
                  )}
                  <Caption1>{t.vingerafdruk(rapport.rapport.vingerafdruk)}</Caption1>
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      )}
    </div>
  );
}
