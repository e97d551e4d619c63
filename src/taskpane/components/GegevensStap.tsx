/**
 * Step 1, Gegevens: the gemeente (searchable), the data set, where the Iv3 figures come from, the jeugd
 * baseline and the Iv3-basis sheet.
 */
import { useId, useMemo, useState, type ReactNode } from "react";
import {
  Body1,
  Button,
  Caption1,
  Combobox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { naamSleutel } from "../../domain/gemeente-naam";
import { JeugdAggregator, NEDERLAND, type JeugdOverzicht } from "../../domain/iv3/aggregate";
import type { DatasetId } from "../../domain/iv3/types";
import { formatEuro, formatGetal } from "../../i18n/format";
import { nlPaneel } from "../../i18n/nl-paneel";
import { builtinIv3, datasetProvenance, gemeentenVan, type Snapshot } from "../../sources/builtin";
import type { SchrijfResultaat } from "../diensten";
import { BRON_SOORTEN, type BronSoort } from "../staat/bewaren";
import { toonBedrag } from "../getal";
import { metDataset } from "../staat/concept";
import { CbsBron, CsvBron, WerkmapBron } from "./bronnen";
import { FoutMelding, foutVan, KleineTabel, SchrijfUitkomst, type Fout } from "./meldingen";
import { usePaneel } from "./paneel-context";
import { KeuzeVeld } from "./velden";

const t = nlPaneel.gegevens;

/** Newest first: the data set a controller most likely wants is on top. */
export const DATASET_VOLGORDE: readonly DatasetId[] = [
  "2025-begroting",
  "2024-begroting",
  "2023-jaarrekening",
  "2023-begroting",
];

export const datasetNaam = (d: DatasetId): string => t.datasets[d] ?? d;

export const useStapStijlen = makeStyles({
  stap: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: "0",
    // The gaps of the flex columns do the spacing; browser margins on headings and paragraphs would double it.
    "& h2, & h3, & h4, & p, & dl, & dd": { marginTop: 0, marginBottom: 0 },
  },
  blok: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    minWidth: "0",
  },
  kaart: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: "0",
  },
  rij: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
  },
  zacht: {
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  kerncijfers: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(7.5em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: "0",
  },
  kerncijfer: {
    display: "flex",
    flexDirection: "column",
    margin: "0",
  },
  kerncijferWaarde: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: "0",
    whiteSpace: "nowrap",
  },
  links: {
    alignSelf: "flex-start",
  },
});

export default function GegevensStap() {
  const p = usePaneel();
  const s = useStapStijlen();
  const { concept, zetConcept, snapshot, diensten } = p;
  const [schrijven, setSchrijven] = useState<"bezig" | SchrijfResultaat | Fout>();

  const provenance = datasetProvenance(p.basisSnapshot, concept.dataset);
  const gemeenteBekend = p.basisSnapshot.gemeenten.some((g) => g.naam === concept.gemeente && g.naam !== NEDERLAND);
  const gemeenteFout = p.controle.fouten.get("gemeente");

  const schrijfIv3 = async (): Promise<void> => {
    if (!p.scenario) return;
    setSchrijven("bezig");
    try {
      const r = await diensten.schrijfIv3Blad(snapshot, p.scenario);
      setSchrijven(r);
      p.meld(nlPaneel.scenarios.geschreven(r.bladen.map((b) => b.naam).join(", ")));
    } catch (e) {
      setSchrijven(foutVan(e));
    }
  };

  return (
    <div className={s.stap}>
      <Title3 as="h2">{t.kop}</Title3>
      <Body1 as="p">{t.intro}</Body1>
      <GemeenteKiezer
        snapshot={p.basisSnapshot}
        gekozen={concept.gemeente}
        fout={gemeenteFout}
        onKies={(naam) => zetConcept((c) => ({ ...c, gemeente: naam }))}
      />
      <KeuzeVeld
        label={t.dataset}
        waarde={concept.dataset}
        keuzes={DATASET_VOLGORDE.map((d) => ({ waarde: d, tekst: datasetNaam(d) }))}
        onWijzig={(d) => zetConcept((c) => metDataset(c, d))}
        hint={t.datasetHint}
      />
      <Field label={t.bron}>
        <RadioGroup value={p.bron} onChange={(_, d) => p.zetBron(d.value as BronSoort)}>
          {BRON_SOORTEN.map((b) => (
            <Radio key={b} value={b} label={t.bronnen[b]} />
          ))}
        </RadioGroup>
      </Field>
      {p.bron !== "ingebouwd" && (
        <div className={s.kaart}>
          {!gemeenteBekend ? (
            <Body1>{t.kiesGemeenteEerst}</Body1>
          ) : p.bron === "werkmap" ? (
            <WerkmapBron jaar={provenance.jaar} verslagsoort={provenance.verslagsoort} />
          ) : p.bron === "csv" ? (
            <CsvBron jaar={provenance.jaar} verslagsoort={provenance.verslagsoort} />
          ) : (
            <CbsBron jaar={provenance.jaar} verslagsoort={provenance.verslagsoort} />
          )}
          {p.eigenCijfers && p.eigenCijfers.soort === p.bron && !p.eigenActief && (
            <Caption1 className={s.zacht}>
              {t.eigenAnders(p.eigenCijfers.gemeente, datasetNaam(p.eigenCijfers.dataset))}
            </Caption1>
          )}
        </div>
      )}
      {gemeenteBekend && <Basislijn snapshot={snapshot} gemeente={concept.gemeente} dataset={concept.dataset} />}
      {gemeenteBekend && (
        <div className={s.blok}>
          {diensten.inExcel ? (
            <>
              <Button
                className={s.links}
                onClick={() => void schrijfIv3()}
                disabled={!p.scenario || p.verouderd || schrijven === "bezig"}
              >
                {t.schrijfIv3}
              </Button>
              {schrijven === "bezig" && <Spinner size="tiny" label={t.schrijfIv3Bezig} />}
              {schrijven && schrijven !== "bezig" && "bladen" in schrijven && (
                <SchrijfUitkomst resultaat={schrijven} diensten={diensten} />
              )}
              {schrijven && schrijven !== "bezig" && "titel" in schrijven && <FoutMelding fout={schrijven} />}
            </>
          ) : (
            <Caption1 className={s.zacht}>
              {t.schrijfIv3}: {nlPaneel.algemeen.buitenExcelKort}
            </Caption1>
          )}
        </div>
      )}
    </div>
  );
}

/** Searchable list of the 342 gemeenten; typing filters (case, accents and punctuation do not matter). */
export function GemeenteKiezer(p: {
  snapshot: Snapshot;
  gekozen: string;
  fout?: string | undefined;
  onKies: (naam: string) => void;
  label?: string;
  /** Names not to offer (e.g. members already in the region). */
  uitsluiten?: readonly string[];
  /** Empty the text after a choice (for adding members one by one). */
  legenNaKeuze?: boolean;
}) {
  const namen = useMemo(
    () =>
      gemeentenVan(p.snapshot)
        .map((g) => g.naam)
        .sort((a, b) => a.localeCompare(b, "nl")),
    [p.snapshot],
  );
  const [zoek, setZoek] = useState(p.gekozen);
  const [open, setOpen] = useState(false);
  const uit = useMemo(() => new Set(p.uitsluiten ?? []), [p.uitsluiten]);
  const treffers = useMemo(() => {
    const k = naamSleutel(zoek);
    const beschikbaar = namen.filter((n) => !uit.has(n));
    if (k === "" || zoek === p.gekozen) return beschikbaar;
    const begin = beschikbaar.filter((n) => naamSleutel(n).startsWith(k));
    const midden = beschikbaar.filter((n) => !naamSleutel(n).startsWith(k) && naamSleutel(n).includes(k));
    return [...begin, ...midden];
  }, [zoek, namen, p.gekozen, uit]);

  const kies = (naam: string): void => {
    p.onKies(naam);
    setZoek(p.legenNaKeuze ? "" : naam);
  };

  return (
    <Field
      label={p.label ?? t.gemeente}
      validationMessage={p.fout}
      validationState={p.fout ? "error" : "none"}
      hint={p.legenNaKeuze ? undefined : t.gemeenteHint(namen.length)}
    >
      <Combobox
        value={zoek}
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        placeholder={t.gemeentePlaatsaanduiding}
        expandIcon={{ "aria-label": t.lijstOpenen }}
        selectedOptions={p.gekozen && !p.legenNaKeuze ? [p.gekozen] : []}
        onChange={(e) => {
          setZoek(e.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, d) => {
          if (d.optionValue) kies(d.optionValue);
        }}
        onBlur={() => {
          // A name typed in full (any case or accents) counts as chosen; anything else goes back.
          const exact = namen.find((n) => naamSleutel(n) === naamSleutel(zoek) && !uit.has(n));
          if (exact && exact !== p.gekozen) kies(exact);
          else if (!exact && !p.legenNaKeuze) setZoek(p.gekozen);
        }}
      >
        {treffers.map((n) => (
          <Option key={n} value={n}>
            {n}
          </Option>
        ))}
        {treffers.length === 0 && (
          <Option key="__geen" value="" text="" disabled>
            {t.geenTreffers}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}

/** The jeugd baseline of a gemeente in a data set: total, groups, and (on request) the taakvelden. */
export function Basislijn(p: { snapshot: Snapshot; gemeente: string; dataset: DatasetId }) {
  const s = useStapStijlen();
  const kopId = useId();
  const [taakvelden, setTaakvelden] = useState(false);
  const { overzicht, bron, inwoners } = useMemo(() => {
    const data = builtinIv3(p.snapshot, p.dataset, p.gemeente);
    const o: JeugdOverzicht = new JeugdAggregator(data.regime).addAll(data.rows).overzicht(p.gemeente);
    return {
      overzicht: o,
      bron: datasetProvenance(p.snapshot, p.dataset).herkomst,
      inwoners: data.gemeenten.find((g) => g.naam === p.gemeente)?.inwoners,
    };
  }, [p.snapshot, p.gemeente, p.dataset]);
  const j = overzicht.jeugd;
  const euro = (v: number | null): string => formatEuro(v, nlPaneel.algemeen.onbepaald);
  const bedrag = (v: number | null): string => (v === null ? nlPaneel.algemeen.onbepaald : toonBedrag(v));
  return (
    <section className={s.kaart} aria-labelledby={kopId}>
      <Subtitle2 as="h3" id={kopId}>
        {t.basisKop}: {t.basisVan(p.gemeente, datasetNaam(p.dataset))}
      </Subtitle2>
      {inwoners !== undefined && <Caption1 className={s.zacht}>{t.inwoners(formatGetal(inwoners))}</Caption1>}
      <Kerncijfers
        label={t.jeugdTotaal}
        regels={[
          [`${t.jeugdTotaal} ${t.lasten.toLowerCase()}`, euro(j.lasten)],
          [t.baten, euro(j.baten)],
          [t.saldo, euro(j.saldo)],
        ]}
      />
      <KleineTabel
        label={t.groepenTabel}
        koppen={[t.groep, nlPaneel.algemeen.euroKop(t.lasten), nlPaneel.algemeen.euroKop(t.saldo)]}
        rijen={overzicht.groepen.map((g) => [
          g.inJeugdTotaal ? g.naam : `${g.naam} *`,
          bedrag(g.lasten),
          bedrag(g.saldo),
        ])}
      />
      {overzicht.groepen.some((g) => !g.inJeugdTotaal) && (
        <Caption1 className={s.zacht}>* {t.nietInTotaalNoot}</Caption1>
      )}
      <Button
        className={s.links}
        appearance="subtle"
        size="small"
        aria-expanded={taakvelden}
        onClick={() => setTaakvelden((x) => !x)}
      >
        {taakvelden ? t.taakveldenVerbergen : t.taakveldenTonen}
      </Button>
      {taakvelden && (
        <KleineTabel
          label={t.taakveldenTabel}
          koppen={[t.taakveld, nlPaneel.algemeen.euroKop(t.lasten), nlPaneel.algemeen.euroKop(t.saldo)]}
          rijen={overzicht.taakvelden.map((tv) => [
            `${tv.code} ${tv.naam}${tv.jeugd === "ja" ? "" : " *"}`,
            bedrag(tv.lasten),
            bedrag(tv.saldo),
          ])}
        />
      )}
      <Caption1 className={s.zacht}>{t.bronRegel(bron)}</Caption1>
    </section>
  );
}

/** What a step that needs a gemeente shows before one is chosen: a note and a way back to Gegevens. */
export function KiesEerstGemeente({ kop }: { readonly kop: string }) {
  const p = usePaneel();
  const s = useStapStijlen();
  return (
    <div className={s.stap}>
      <Title3 as="h2">{kop}</Title3>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{nlPaneel.algemeen.kiesEerstGemeente}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => p.naarStap("gegevens")}>
            {nlPaneel.algemeen.naarGegevens}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

/** Key figures as a description list: label above, amount below (baseline, business case). */
export function Kerncijfers({
  regels,
  label,
}: {
  readonly regels: readonly (readonly [string, string])[];
  readonly label?: string;
}) {
  const s = useStapStijlen();
  return (
    <dl className={s.kerncijfers} aria-label={label}>
      {regels.map(([tekst, waarde]) => (
        <div key={tekst} className={s.kerncijfer}>
          <dt>
            <Caption1>{tekst}</Caption1>
          </dt>
          <dd className={s.kerncijferWaarde}>{waarde}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An optional step (Maatwerkbudget, Regio): heading, intro and a switch; the content only when switched on. */
export function OptioneleStap(p: {
  readonly kop: string;
  readonly intro: string;
  readonly aanLabel: string;
  readonly uitNoot: string;
  readonly aan: boolean;
  readonly onAan: (aan: boolean) => void;
  readonly children: ReactNode;
}) {
  const s = useStapStijlen();
  return (
    <div className={s.stap}>
      <Title3 as="h2">{p.kop}</Title3>
      <Body1 as="p">{p.intro}</Body1>
      <Switch label={p.aanLabel} checked={p.aan} onChange={(_, d) => p.onAan(d.checked)} />
      {p.aan ? p.children : <Caption1 className={s.zacht}>{p.uitNoot}</Caption1>}
    </div>
  );
}
