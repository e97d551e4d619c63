/**
 * Step 2, Maatregelen: the national path, the allocation key with its value and source, the general
 * assumptions and one card per measure (status, start year, realisatiegraad, ingroeipad, waterbed) with
 * its amounts per year. Figures follow every keystroke; a field that does not read keeps its error
 * beside it and the figures stay at the last valid input.
 */
import { useId } from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle1, Subtitle2, Title3 } from "@fluentui/react-components";
import { maatregel, PAD_PRESETS, type MaatregelId } from "../../domain/measures/maatregelen";
import { GEBRUIKER, type Bron } from "../../domain/model/bron";
import type { Circulaire, Status, ToedelingSleutel } from "../../domain/scenario/scenario";
import { STANDAARD } from "../../domain/scenario/standaard";
import { CIRCULAIRES, STATUSSEN, TOEDELING_SLEUTELS } from "../../domain/scenario/validatie";
import { formatEuro } from "../../i18n/format";
import { nlPaneel } from "../../i18n/nl-paneel";
import { procentTekst, toonBedrag, toonGetal } from "../getal";
import { bronVan, inputNamen } from "../staat/berekening";
import {
  actieveMaatregelen,
  eigenPadUit,
  jarenVanConcept,
  metMaatregel,
  type Concept,
  type MaatregelConcept,
  type PadKeuze,
} from "../staat/concept";
import { datasetNaam, DATASET_VOLGORDE, KiesEerstGemeente, useStapStijlen } from "./GegevensStap";
import { KleineTabel } from "./meldingen";
import { usePaneel } from "./paneel-context";
import { BronRegel, bronTekstKort, GetalVeld, KeuzeVeld, PercentageVeld } from "./velden";

const t = nlPaneel.maatregelen;
const v = nlPaneel.velden;
const euroKop = nlPaneel.algemeen.euroKop;

/** Field paths this step shows beside a field; other problems are listed at the top. */
const EIGEN_VELDEN = /^(begrotingsjaar|horizon|groei|indexatie|toedeling\.|pad\.|maatregelen\[)/;
const ELDERS = /^(gemeente|businessCase|regio|varianten)/;

export default function MaatregelenStap() {
  const p = usePaneel();
  const s = useStapStijlen();
  const { concept: c, zetConcept, controle, berekening: b, scenario } = p;
  const r = b?.resultaat;
  const fout = (veld: string): string | undefined => controle.fouten.get(veld);
  const overig = [...controle.fouten].filter(([k]) => !EIGEN_VELDEN.test(k) && !ELDERS.test(k));

  if (c.gemeente === "") {
    return <KiesEerstGemeente kop={t.kop} />;
  }

  const jaren = r ? r.jaren : jarenVanConcept(c);
  const actief = actieveMaatregelen(c);
  const padKeuzes: { waarde: PadKeuze; tekst: string }[] = [
    ...PAD_PRESETS.map((x) => ({ waarde: x.id as PadKeuze, tekst: x.naam })),
    { waarde: "eigen", tekst: t.eigenPad },
  ];
  const kiesPad = (pad: PadKeuze): void =>
    zetConcept((x) => {
      if (pad !== "eigen" || x.pad === "eigen") return { ...x, pad };
      // Start the own path from the figures of the path the user was looking at.
      const vul = eigenPadUit(x.pad, jarenVanConcept(x));
      const eigenPad: Record<string, Record<string, string>> = {};
      for (const [id, perJaar] of Object.entries(vul)) eigenPad[id] = { ...perJaar, ...(x.eigenPad[id] ?? {}) };
      return { ...x, pad, eigenPad };
    });

  const horizonBron: Bron | undefined = scenario
    ? scenario.horizon === STANDAARD.horizon.waarde
      ? STANDAARD.horizon.bron
      : GEBRUIKER
    : undefined;
  const teller = b?.invoer.get("sleutel_teller");
  const noemer = b?.invoer.get("sleutel_noemer");

  return (
    <div className={s.stap}>
      <Title3 as="h2">{t.kop}</Title3>
      <Body1 as="p">{t.intro}</Body1>
      {b?.fout && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{b.fout}</MessageBarBody>
        </MessageBar>
      )}
      {p.verouderd && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{nlPaneel.algemeen.laatsteGeldig}</MessageBarBody>
        </MessageBar>
      )}
      {!scenario && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{nlPaneel.algemeen.geenUitkomst}</MessageBarBody>
        </MessageBar>
      )}
      {overig.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {nlPaneel.algemeen.overigeFouten}: {overig.map(([, m]) => m).join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}

      {r && (
        <section className={s.kaart} aria-label={t.samenvattingKop(r.gemeente)}>
          <Subtitle1 as="h3">{t.samenvattingKop(r.gemeente)}</Subtitle1>
          <KleineTabel
            label={t.samenvattingTabel}
            koppen={[t.jaar, euroKop(t.nettoBesparing), euroKop(t.lastenMet)]}
            rijen={r.jaren.map((j) => [
              String(j),
              toonBedrag(r.totaal[String(j)] ?? 0),
              toonBedrag(r.projectie.totaal.met[String(j)] ?? 0),
            ])}
          />
          <Caption1>{t.aandeel(r.gemeente, procentTekst(r.toedeling.aandeel, 4))}</Caption1>
        </section>
      )}

      <section className={s.blok} aria-label={t.padKop}>
        <Subtitle2 as="h3">{t.padKop}</Subtitle2>
        <KeuzeVeld
          label={t.pad}
          waarde={c.pad}
          keuzes={padKeuzes}
          onWijzig={kiesPad}
          hint={c.pad === "eigen" ? t.eigenPadUitleg : PAD_PRESETS.find((x) => x.id === c.pad)?.omschrijving}
        />
        <Caption1 className={s.zacht}>{t.totaal2022}</Caption1>
      </section>

      <section className={s.blok} aria-label={t.sleutelKop}>
        <Subtitle2 as="h3">{t.sleutelKop}</Subtitle2>
        <KeuzeVeld
          label={t.sleutel}
          waarde={c.toedeling.sleutel}
          keuzes={TOEDELING_SLEUTELS.map((k) => ({ waarde: k, tekst: t.sleutels[k] ?? k }))}
          onWijzig={(k: ToedelingSleutel) => zetConcept((x) => ({ ...x, toedeling: { ...x.toedeling, sleutel: k } }))}
          fout={fout("toedeling.sleutel")}
        />
        {c.toedeling.sleutel === "gemeentefonds" && (
          <KeuzeVeld
            label={t.circulaire}
            waarde={c.toedeling.circulaire}
            keuzes={CIRCULAIRES.map((k) => ({ waarde: k, tekst: t.circulaires[k] ?? k }))}
            onWijzig={(k: Circulaire) => zetConcept((x) => ({ ...x, toedeling: { ...x.toedeling, circulaire: k } }))}
          />
        )}
        {(c.toedeling.sleutel === "iv3-saldo" || c.toedeling.sleutel === "inwoners") && (
          <KeuzeVeld
            label={t.sleutelDataset}
            waarde={c.toedeling.dataset}
            keuzes={[
              { waarde: "" as const, tekst: t.zelfdeDataset },
              ...DATASET_VOLGORDE.map((d) => ({ waarde: d, tekst: datasetNaam(d) })),
            ]}
            onWijzig={(d) => zetConcept((x) => ({ ...x, toedeling: { ...x.toedeling, dataset: d } }))}
          />
        )}
        {c.toedeling.sleutel === "eigen" && (
          <PercentageVeld
            label={t.percentage}
            waarde={c.toedeling.percentage}
            onWijzig={(w) => zetConcept((x) => ({ ...x, toedeling: { ...x.toedeling, percentage: w } }))}
            fout={fout("toedeling.percentage")}
            bron={GEBRUIKER}
          />
        )}
        {r && (
          <div aria-live="polite" className={s.blok}>
            <Body1 as="p">
              <strong>{t.aandeel(r.gemeente, procentTekst(r.toedeling.aandeel, 4))}</strong>
            </Body1>
            {teller && noemer && (
              <Caption1 as="p">
                {t.sleutelWaarden(
                  r.toedeling.omschrijving,
                  formatSleutel(teller.waarde, teller.eenheid),
                  formatSleutel(noemer.waarde, noemer.eenheid),
                )}
              </Caption1>
            )}
            <Caption1 as="p" className={s.zacht}>
              {bronTekstKort(r.toedeling.bron)}
            </Caption1>
          </div>
        )}
      </section>

      <section className={s.blok} aria-label={t.uitgangspuntenKop}>
        <Subtitle2 as="h3">{t.uitgangspuntenKop}</Subtitle2>
        <div className={s.rij}>
          <GetalVeld
            label={v.begrotingsjaar}
            jaartal
            waarde={c.begrotingsjaar}
            onWijzig={(w) => zetConcept((x) => ({ ...x, begrotingsjaar: w }))}
            fout={fout("begrotingsjaar")}
            hint={<Caption1 className={s.zacht}>{t.begrotingsjaarBron}</Caption1>}
          />
          <GetalVeld
            label={v.horizon}
            jaartal
            waarde={c.horizon}
            onWijzig={(w) => zetConcept((x) => ({ ...x, horizon: w }))}
            fout={fout("horizon")}
            bron={horizonBron}
          />
        </div>
        <GetalVeld
          label={v.groei}
          eenheid="%"
          waarde={c.groei}
          onWijzig={(w) => zetConcept((x) => ({ ...x, groei: w }))}
          fout={fout("groei")}
          bron={bronVan(b, "groei")}
        />
        <GetalVeld
          label={v.indexatie}
          eenheid="%"
          waarde={c.indexatie}
          onWijzig={(w) => zetConcept((x) => ({ ...x, indexatie: w }))}
          fout={fout("indexatie")}
          bron={bronVan(b, "indexatie")}
        />
      </section>

      <Subtitle1 as="h3">{t.maatregelenKop}</Subtitle1>
      {actief.map((m, i) => (
        <MaatregelKaart key={m.maatregel} m={m} index={i} jaren={jaren} concept={c} zetConcept={zetConcept} />
      ))}
    </div>
  );
}

function formatSleutel(w: number, eenheid: string): string {
  return eenheid === "euro" ? formatEuro(w) : w.toLocaleString("nl-NL", { maximumFractionDigits: 0 });
}

function MaatregelKaart(p: {
  m: MaatregelConcept;
  index: number;
  jaren: readonly number[];
  concept: Concept;
  zetConcept: (f: (c: Concept) => Concept) => void;
}) {
  const paneel = usePaneel();
  const s = useStapStijlen();
  const kopId = useId();
  const { m, index, zetConcept } = p;
  const info = maatregel(m.maatregel);
  const b = paneel.berekening;
  const r = b?.resultaat?.maatregelen.find((x) => x.id === m.maatregel);
  const namen = inputNamen(m.maatregel);
  const pad = `maatregelen[${index}]`;
  const fout = (veld: string): string | undefined => paneel.controle.fouten.get(`${pad}.${veld}`);
  const zet = (patch: Partial<Omit<MaatregelConcept, "maatregel">>): void =>
    zetConcept((c) => metMaatregel(c, m.maatregel, patch));
  const naam = info.naam;
  const eigenPad = p.concept.pad === "eigen";
  // The source of the national amount in the last year (where the path's assumption shows most).
  const laatsteJaar = p.jaren[p.jaren.length - 1];
  const landelijkBron = laatsteJaar === undefined ? undefined : bronVan(b, namen.nationaal(laatsteJaar));
  const zetBedrag = (id: MaatregelId, jaar: number, w: string): void =>
    zetConcept((c) => ({
      ...c,
      eigenPad: { ...c.eigenPad, [id]: { ...(c.eigenPad[id] ?? {}), [String(jaar)]: w } },
    }));

  return (
    <section className={s.kaart} aria-labelledby={kopId}>
      <Subtitle2 as="h4" id={kopId}>
        {naam}
      </Subtitle2>
      {info.code && <Caption1 className={s.zacht}>{nlPaneel.maatregelen.code(info.code)}</Caption1>}
      {info.toelichting && <Caption1 className={s.zacht}>{info.toelichting}</Caption1>}
      <KeuzeVeld
        label={v.status}
        extraLabel={naam}
        waarde={m.status}
        keuzes={STATUSSEN.map((x: Status) => ({ waarde: x, tekst: nlPaneel.maatregelen.statussen[x] ?? x }))}
        onWijzig={(x) => zet({ status: x })}
        bron={bronVan(b, namen.actief)}
        fout={fout("status")}
      />
      <div className={s.rij}>
        <GetalVeld
          label={v.vanafJaar}
          extraLabel={naam}
          jaartal
          waarde={m.vanafJaar}
          onWijzig={(w) => zet({ vanafJaar: w })}
          fout={fout("vanafJaar")}
          disabled={m.status !== "gepland"}
        />
        <GetalVeld
          label={v.ingroeijaren}
          extraLabel={naam}
          waarde={m.ingroeijaren}
          onWijzig={(w) => zet({ ingroeijaren: w })}
          fout={fout("ingroeijaren")}
          bron={bronVan(b, namen.ingroei)}
          eenheid={nlPaneel.algemeen.jaar}
        />
      </div>
      <PercentageVeld
        label={v.realisatiegraad}
        extraLabel={naam}
        waarde={m.realisatiegraad}
        onWijzig={(w) => zet({ realisatiegraad: w })}
        fout={fout("realisatiegraad")}
        bron={bronVan(b, namen.real)}
      />
      {info.kost ? (
        <Caption1 className={s.zacht}>{nlPaneel.maatregelen.kostNoot}</Caption1>
      ) : (
        <PercentageVeld
          label={v.waterbed}
          extraLabel={naam}
          waarde={m.waterbed}
          onWijzig={(w) => zet({ waterbed: w })}
          fout={fout("waterbed")}
          bron={bronVan(b, namen.waterbed)}
        />
      )}
      {eigenPad &&
        p.jaren.map((j) => (
          <GetalVeld
            key={j}
            label={v.landelijkBedrag(j)}
            extraLabel={naam}
            waarde={p.concept.eigenPad[m.maatregel]?.[String(j)] ?? ""}
            onWijzig={(w) => zetBedrag(m.maatregel, j, w)}
            fout={paneel.controle.fouten.get(`pad.eigen.${m.maatregel}.${j}`)}
            bron={GEBRUIKER}
            eenheid={nlPaneel.algemeen.euro}
          />
        ))}
      {r && (
        <KleineTabel
          label={nlPaneel.maatregelen.bedragenTabel(naam)}
          koppen={[
            nlPaneel.maatregelen.jaar,
            nlPaneel.algemeen.mlnKop(nlPaneel.maatregelen.landelijk),
            euroKop(nlPaneel.maatregelen.toegedeeld),
            euroKop(nlPaneel.maatregelen.netto),
          ]}
          rijen={p.jaren.map((j) => [
            String(j),
            toonGetal((r.nationaal[String(j)] ?? 0) / 1e6, 1),
            toonBedrag(r.bruto[String(j)] ?? 0),
            toonBedrag(r.besparing[String(j)] ?? 0),
          ])}
        />
      )}
      {!eigenPad && landelijkBron && (
        <BronRegel bron={landelijkBron} voorvoegsel={`${nlPaneel.maatregelen.landelijk} ${laatsteJaar}: `} />
      )}
    </section>
  );
}
