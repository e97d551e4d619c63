/**
 * The three other sources of Iv3 figures: a range or table in the workbook (with the detected column
 * mapping, correctable), a CSV file, and CBS open data online. Each reads all-or-nothing; on success the
 * gemeente's figures become the pane's own figures (see eigen-cijfers.ts).
 */
import { useEffect, useId, useRef, useState } from "react";
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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Iv3Data, Verslagsoort } from "../../domain/iv3/types";
import { kolomLetters } from "../../workbook/adres";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { KolomIndeling, Rol } from "../../sources/csv";
import type { Iv3Bron } from "../diensten";
import { cijfersVan, gemeentenIn, type EigenBronSoort } from "../staat/eigen-cijfers";
import { FoutMelding, foutVan, type Fout } from "./meldingen";
import { usePaneel } from "./paneel-context";
import { KeuzeVeld } from "./velden";

const t = nlPaneel.gegevens;

interface BronProps {
  readonly jaar: number;
  readonly verslagsoort: Verslagsoort;
}

const useStijlen = makeStyles({
  kolom: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: "0",
  },
  links: { alignSelf: "flex-start" },
  zacht: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  bestand: {
    maxWidth: "100%",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  label: {
    fontWeight: tokens.fontWeightSemibold,
  },
  knoppen: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});

/** Hook shared by the sources: turn read data into the pane's own figures, or a message. */
function useOvername(): (data: Iv3Data, soort: EigenBronSoort, herkomst: string) => Fout | undefined {
  const p = usePaneel();
  return (data, soort, herkomst) => {
    const g = p.basisSnapshot.gemeenten.find((x) => x.naam === p.concept.gemeente);
    const cijfers = cijfersVan(data, p.concept.gemeente, g?.code);
    if (!cijfers) {
      const gevonden = gemeentenIn(data).slice(0, 8).join(", ");
      return { titel: t.eigenNietGevonden(p.concept.gemeente, gevonden), regels: [] };
    }
    p.zetEigenCijfers({
      soort,
      gemeente: p.concept.gemeente,
      dataset: p.concept.dataset,
      herkomst,
      taakvelden: cijfers,
    });
    return undefined;
  };
}

function Gelukt({ tekst, actief }: { tekst: string; actief: string | undefined }) {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        {tekst}
        {actief ? ` ${t.eigenActief(actief)}` : ""}
      </MessageBarBody>
    </MessageBar>
  );
}

const ROLLEN: readonly Rol[] = ["gemeente", "taakveld", "categorie", "lasten", "baten", "bedrag"];

export function WerkmapBron({ jaar, verslagsoort }: BronProps) {
  const p = usePaneel();
  const s = useStijlen();
  const neem = useOvername();
  const [soort, setSoort] = useState<Iv3Bron["soort"]>("selectie");
  const [naam, setNaam] = useState("");
  const [indeling, setIndeling] = useState<KolomIndeling>();
  const [kolommen, setKolommen] = useState<Partial<Record<Rol, number>>>({});
  const [bezig, setBezig] = useState<"herkennen" | "lezen">();
  const [voortgang, setVoortgang] = useState<{ gelezen: number; totaal: number }>();
  const [fout, setFout] = useState<Fout>();
  const [klaar, setKlaar] = useState<string>();

  if (!p.diensten.inExcel) return <Body1>{nlPaneel.algemeen.buitenExcel}</Body1>;

  const naamNodig = soort !== "selectie" && naam.trim() === "";
  const bron = (): Iv3Bron => (soort === "selectie" ? { soort } : { soort, naam: naam.trim() });

  const herken = async (): Promise<void> => {
    setBezig("herkennen");
    setFout(undefined);
    setKlaar(undefined);
    try {
      const i = await p.diensten.leesKolomIndeling(bron(), { jaar, verslagsoort, gemeente: p.concept.gemeente });
      setIndeling(i);
      setKolommen({ ...i.kolommen });
    } catch (e) {
      setIndeling(undefined);
      setFout(foutVan(e));
    } finally {
      setBezig(undefined);
    }
  };

  const lees = async (): Promise<void> => {
    setBezig("lezen");
    setFout(undefined);
    setKlaar(undefined);
    setVoortgang(undefined);
    try {
      const r = await p.diensten.leesIv3(
        bron(),
        { jaar, verslagsoort, gemeente: p.concept.gemeente, kolommen },
        (gelezen, totaal) => setVoortgang({ gelezen, totaal }),
      );
      const f = neem(r.resultaat, "werkmap", t.herkomstWerkmap(r.bereik));
      if (f) setFout(f);
      else setKlaar(t.ingelezen(r.resultaat.rows.length, r.bereik));
    } catch (e) {
      setFout(foutVan(e));
    } finally {
      setBezig(undefined);
    }
  };

  const opties = [
    { waarde: "-1", tekst: t.geenKolom },
    ...(indeling?.kop ?? []).map((k, i) => ({ waarde: String(i), tekst: t.kolomOptie(kolomLetters(i + 1), k) })),
  ];

  return (
    <div className={s.kolom}>
      <KeuzeVeld
        label={t.werkmapWaar}
        waarde={soort}
        keuzes={(["selectie", "tabel", "naam"] as const).map((w) => ({ waarde: w, tekst: t.werkmapSoorten[w] }))}
        onWijzig={(w) => {
          setSoort(w);
          setIndeling(undefined);
        }}
      />
      {soort !== "selectie" && (
        <Field label={t.werkmapNaam} required>
          <Input value={naam} onChange={(_, d) => setNaam(d.value)} autoComplete="off" />
        </Field>
      )}
      <Button className={s.links} onClick={() => void herken()} disabled={bezig !== undefined || naamNodig}>
        {t.kolommenHerkennen}
      </Button>
      {indeling && (
        <section className={s.kolom} aria-label={t.kolommenKop}>
          <Subtitle2 as="h4">{t.kolommenKop}</Subtitle2>
          <Caption1 className={s.zacht}>
            {t.indeling(
              t.formaten[indeling.formaat] ?? indeling.formaat,
              t.scheidingstekens[indeling.scheidingsteken] ?? indeling.scheidingsteken,
              t.eenheden[indeling.eenheid] ?? indeling.eenheid,
              indeling.kopRij,
            )}
          </Caption1>
          <Body1>{t.kolommenUitleg}</Body1>
          {ROLLEN.map((rol) => (
            <KeuzeVeld
              key={rol}
              label={t.kolomVoor(t.rollen[rol] ?? rol)}
              waarde={String(kolommen[rol] ?? -1)}
              keuzes={opties}
              onWijzig={(w) =>
                setKolommen((k) => {
                  const n = { ...k };
                  if (w === "-1") delete n[rol];
                  else n[rol] = Number(w);
                  return n;
                })
              }
            />
          ))}
          <Button appearance="primary" className={s.links} onClick={() => void lees()} disabled={bezig !== undefined}>
            {t.inlezen}
          </Button>
        </section>
      )}
      {bezig && (
        <ProgressBar
          aria-label={t.inlezenBezig}
          {...(voortgang && voortgang.totaal > 0 ? { value: voortgang.gelezen / voortgang.totaal } : {})}
        />
      )}
      {bezig === "lezen" && (
        <Caption1 aria-live="polite">
          {voortgang ? t.inlezenVoortgang(voortgang.gelezen, voortgang.totaal) : t.inlezenBezig}
        </Caption1>
      )}
      {fout && <FoutMelding fout={fout} />}
      {klaar && <Gelukt tekst={klaar} actief={p.eigenActief ? p.eigenCijfers?.herkomst : undefined} />}
    </div>
  );
}

/** File text as UTF-8, or Windows-1252 when it is not valid UTF-8 (older Excel CSV exports). */
export async function leesBestandTekst(bestand: Blob): Promise<string> {
  const buffer: ArrayBuffer =
    typeof bestand.arrayBuffer === "function"
      ? await bestand.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve(r.result as ArrayBuffer);
          r.onerror = () => reject(r.error ?? new Error("FileReader"));
          r.readAsArrayBuffer(bestand);
        });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder("windows-1252").decode(buffer);
  }
}

export function CsvBron({ jaar, verslagsoort }: BronProps) {
  const p = usePaneel();
  const s = useStijlen();
  const neem = useOvername();
  const id = useId();
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<Fout>();
  const [klaar, setKlaar] = useState<{ tekst: string; indeling: KolomIndeling }>();

  const lees = async (bestand: File): Promise<void> => {
    setBezig(true);
    setFout(undefined);
    setKlaar(undefined);
    try {
      const [tekst, csv] = await Promise.all([leesBestandTekst(bestand), import("../../sources/csv")]);
      const r = csv.parseIv3Csv(tekst, { jaar, verslagsoort, gemeente: p.concept.gemeente, bestand: bestand.name });
      const formaat = t.formaten[r.indeling.formaat] ?? r.indeling.formaat;
      const f = neem(r, "csv", t.herkomstCsv(bestand.name, formaat));
      if (f) setFout(f);
      else setKlaar({ tekst: t.ingelezen(r.rows.length, `'${bestand.name}'`), indeling: r.indeling });
    } catch (e) {
      setFout(foutVan(e, t.csvFouten));
    } finally {
      setBezig(false);
    }
  };

  return (
    <div className={s.kolom}>
      <label htmlFor={id} className={s.label}>
        {t.csvKies}
      </label>
      <input
        id={id}
        className={s.bestand}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        aria-describedby={`${id}-hint`}
        disabled={bezig}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          // Allow choosing the same file again after a fix.
          e.currentTarget.value = "";
          if (f) void lees(f);
        }}
      />
      <Caption1 id={`${id}-hint`} className={s.zacht}>
        {t.csvHint}
      </Caption1>
      {bezig && <ProgressBar aria-label={t.csvLezen} />}
      {fout && <FoutMelding fout={fout} />}
      {klaar && (
        <>
          <Gelukt tekst={klaar.tekst} actief={p.eigenActief ? p.eigenCijfers?.herkomst : undefined} />
          <Caption1 className={s.zacht}>
            {t.indeling(
              t.formaten[klaar.indeling.formaat] ?? klaar.indeling.formaat,
              t.scheidingstekens[klaar.indeling.scheidingsteken] ?? klaar.indeling.scheidingsteken,
              t.eenheden[klaar.indeling.eenheid] ?? klaar.indeling.eenheid,
              klaar.indeling.kopRij,
            )}
          </Caption1>
        </>
      )}
    </div>
  );
}

export function CbsBron({ jaar, verslagsoort }: BronProps) {
  const p = usePaneel();
  const s = useStijlen();
  const neem = useOvername();
  const [bezig, setBezig] = useState(false);
  const [voortgang, setVoortgang] = useState<string>();
  const [fout, setFout] = useState<Fout>();
  const [klaar, setKlaar] = useState<string>();
  const afbreker = useRef<AbortController>();
  useEffect(() => () => afbreker.current?.abort(), []);

  const haal = async (): Promise<void> => {
    const ac = new AbortController();
    afbreker.current = ac;
    setBezig(true);
    setFout(undefined);
    setKlaar(undefined);
    setVoortgang(undefined);
    try {
      const bron = await p.cbsBron();
      const data = await bron.laadGemeente({
        jaar,
        verslagsoort,
        gemeente: p.concept.gemeente,
        signal: ac.signal,
        onProgress: (v) => setVoortgang(v.bericht),
      });
      const datum = data.provenance.opgehaald ?? "";
      const f = neem(data, "cbs", t.herkomstCbs(data.provenance.bron, datum));
      if (f) setFout(f);
      else setKlaar(t.ingelezen(data.rows.length, data.provenance.bron));
    } catch (e) {
      setFout(ac.signal.aborted ? { titel: nlPaneel.algemeen.afgebroken, regels: [] } : foutVan(e));
    } finally {
      setBezig(false);
    }
  };

  return (
    <div className={s.kolom}>
      <Caption1 className={s.zacht}>{t.cbsUitleg(jaar, verslagsoort)}</Caption1>
      <div className={s.knoppen}>
        <Button appearance="primary" onClick={() => void haal()} disabled={bezig}>
          {t.cbsOphalen}
        </Button>
        {bezig && <Button onClick={() => afbreker.current?.abort()}>{nlPaneel.algemeen.afbreken}</Button>}
      </div>
      {bezig && (
        <>
          <ProgressBar aria-label={t.cbsBezig} />
          <Caption1 aria-live="polite">{voortgang ?? t.cbsBezig}</Caption1>
        </>
      )}
      {fout && <FoutMelding fout={fout} />}
      {klaar && <Gelukt tekst={klaar} actief={p.eigenActief ? p.eigenCijfers?.herkomst : undefined} />}
    </div>
  );
}
