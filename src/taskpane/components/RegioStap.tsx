/**
 * Step 4, Regio (optional): the members of a jeugdregio (presets or a free choice), the key, the model
 * (profijt, solidariteit or a mix) and what each member pays.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SLEUTEL_LABELS } from "../../domain/region/types";
import type { RegioSleutelSoort } from "../../domain/scenario/scenario";
import { REGIO_SLEUTELS } from "../../domain/scenario/validatie";
import { nlPaneel } from "../../i18n/nl-paneel";
import { procentTekst, toonBedrag } from "../getal";
import { regioConcept, type RegioConcept, type RegioModelKeuze, type RegioPresetKeuze } from "../staat/concept";
import { GemeenteKiezer, KiesEerstGemeente, OptioneleStap, useStapStijlen } from "./GegevensStap";
import { FoutMelding, KleineTabel } from "./meldingen";
import { usePaneel } from "./paneel-context";
import { BronRegel, GetalVeld, KeuzeVeld, PercentageVeld } from "./velden";

const t = nlPaneel.regio;
const euroKop = nlPaneel.algemeen.euroKop;

const useStijlen = makeStyles({
  leden: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: "0",
    padding: "0",
  },
});

export default function RegioStap() {
  const p = usePaneel();
  const s = useStapStijlen();
  const st = useStijlen();
  const { concept: c, zetConcept, controle } = p;
  const rg = c.regio;
  const zet = (f: (r: RegioConcept) => RegioConcept): void => zetConcept((x) => ({ ...x, regio: f(x.regio) }));
  const fout = (veld: string): string | undefined => controle.fouten.get(veld);
  const res = p.berekening?.resultaat?.regio;
  const ledenFouten = [...controle.fouten]
    .filter(([k]) => /^regio\.(leden|naam|sleutel|model$)/.test(k))
    .map(([, m]) => m);

  if (c.gemeente === "") {
    return <KiesEerstGemeente kop={t.kop} />;
  }

  return (
    <OptioneleStap
      kop={t.kop}
      intro={t.intro}
      aanLabel={t.aan}
      uitNoot={t.uitNoot}
      aan={rg.aan}
      onAan={(aan) => zet((r) => ({ ...r, aan }))}
    >
      <KeuzeVeld
        label={t.preset}
        waarde={rg.preset}
        keuzes={(["rivierenland", "ijsselland", "eigen"] as const).map((k) => ({
          waarde: k,
          tekst: t.presets[k] ?? k,
        }))}
        onWijzig={(k: RegioPresetKeuze) =>
          zet((r) =>
            k === "eigen"
              ? { ...r, preset: k, naam: r.naam || nlPaneel.regio.presets["eigen"] || "", leden: r.leden }
              : { ...regioConcept(k, true), sleutel: r.sleutel },
          )
        }
      />
      <Field
        label={t.naam}
        validationMessage={fout("regio.naam")}
        validationState={fout("regio.naam") ? "error" : "none"}
      >
        <Input value={rg.naam} autoComplete="off" onChange={(_, d) => zet((r) => ({ ...r, naam: d.value }))} />
      </Field>
      <section className={s.blok} aria-label={t.leden}>
        <Subtitle2 as="h3">
          {t.leden} ({t.ledenAantal(rg.leden.length)})
        </Subtitle2>
        <ul className={st.leden}>
          {rg.leden.map((g) => (
            <li key={g}>
              <Button
                size="small"
                aria-label={t.verwijder(g)}
                title={t.verwijder(g)}
                onClick={() => zet((r) => ({ ...r, preset: "eigen", leden: r.leden.filter((x) => x !== g) }))}
              >
                {g}&nbsp;<span aria-hidden="true">×</span>
              </Button>
            </li>
          ))}
        </ul>
        <GemeenteKiezer
          snapshot={p.basisSnapshot}
          gekozen=""
          label={t.toevoegen}
          uitsluiten={rg.leden}
          legenNaKeuze
          onKies={(g) => zet((r) => (r.leden.includes(g) ? r : { ...r, preset: "eigen", leden: [...r.leden, g] }))}
        />
        {ledenFouten.length > 0 && <FoutMelding fout={{ titel: ledenFouten.join(" "), regels: [] }} />}
      </section>
      <KeuzeVeld
        label={t.sleutel}
        waarde={rg.sleutel}
        keuzes={REGIO_SLEUTELS.map((k) => ({ waarde: k, tekst: SLEUTEL_LABELS[k] }))}
        onWijzig={(k: RegioSleutelSoort) => zet((r) => ({ ...r, sleutel: k }))}
      />
      {(rg.sleutel === "jeugdigen" || rg.sleutel === "eigen") &&
        rg.leden.map((g) => (
          <GetalVeld
            key={g}
            label={t.sleutelwaarde(g)}
            waarde={rg.waarden[g] ?? ""}
            onWijzig={(w) => zet((r) => ({ ...r, waarden: { ...r.waarden, [g]: w } }))}
            fout={fout(`regio.waarden.${g}`)}
          />
        ))}
      <Field label={t.model}>
        <RadioGroup value={rg.model} onChange={(_, d) => zet((r) => ({ ...r, model: d.value as RegioModelKeuze }))}>
          {(["profijt", "solidariteit", "mix"] as const).map((m) => (
            <Radio key={m} value={m} label={t.modellen[m]} />
          ))}
        </RadioGroup>
      </Field>
      {rg.model === "mix" && (
        <PercentageVeld
          label={t.mix}
          waarde={rg.mix}
          onWijzig={(w) => zet((r) => ({ ...r, mix: w }))}
          fout={fout("regio.model.mix")}
        />
      )}
      {p.berekening && p.berekening.regioFouten.length > 0 && (
        <FoutMelding fout={{ titel: p.berekening.regioFouten.join(" "), regels: [] }} />
      )}
      {res && (
        <section className={s.kaart} aria-label={t.uitkomstKop} aria-live="polite">
          <Subtitle1 as="h3">
            {t.uitkomstKop}: {res.naam}
          </Subtitle1>
          <Caption1>{res.modelOmschrijving}</Caption1>
          <KleineTabel
            label={t.uitkomstTabel}
            koppen={[t.gemeente, t.aandeel, euroKop(t.bedrag), euroKop(t.verschil)]}
            rijen={[
              ...res.leden.map((l) => [
                l.gemeente,
                procentTekst(l.aandeel, 1),
                toonBedrag(l.bedrag),
                toonBedrag(l.verschilMetProfijt),
              ]),
              [t.totaal, procentTekst(1, 0), toonBedrag(res.totaal.bedrag), toonBedrag(res.totaal.verschilMetProfijt)],
            ]}
          />
          <BronRegel bron={res.sleutelBron} voorvoegsel={t.sleutelBron} />
          <BronRegel bron={res.gebruikBron} voorvoegsel={t.gebruikBron} />
        </section>
      )}
    </OptioneleStap>
  );
}
