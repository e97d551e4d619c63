/**
 * Form building blocks shared by the steps: a Dutch number field, a percentage field with a slider, a
 * choice field, and the line that names a value's source. Every control gets an accessible name from
 * its visible label; `extraLabel` adds a visually hidden part (the measure or scenario) so that repeated
 * fields ("Realisatiegraad" on every measure) stay unique for screen readers and tests.
 */
import type { ReactElement } from "react";
import { Field, FieldContextProvider, Input, Select, Slider, makeStyles, tokens } from "@fluentui/react-components";
import { bronKort, type Bron } from "../../domain/model/bron";
import { nlPaneel } from "../../i18n/nl-paneel";
import { leesGetal, toonGetal } from "../getal";

export const useVeldStijlen = makeStyles({
  verborgen: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
  bron: {
    display: "-webkit-box",
    WebkitLineClamp: "3",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  procentRij: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  procentInput: {
    width: "6.5em",
    flexShrink: 0,
  },
  slider: {
    flexGrow: 1,
    minWidth: "0",
  },
  getalInput: {
    maxWidth: "14em",
  },
  // A native select is as wide as its longest option; keep it inside the pane.
  keuze: {
    maxWidth: "100%",
    minWidth: "0",
  },
  keuzeSelect: {
    minWidth: "0",
    maxWidth: "100%",
    textOverflow: "ellipsis",
  },
});

/** Label with an optional visually hidden suffix. */
export function VeldLabel({ tekst, extra }: { tekst: string; extra?: string | undefined }) {
  const s = useVeldStijlen();
  return (
    <>
      {tekst}
      {extra ? <span className={s.verborgen}>{`, ${extra}`}</span> : null}
    </>
  );
}

/** The source of a value in one line (clamped; the full text in the tooltip and for screen readers). */
export function BronRegel({ bron, voorvoegsel }: { bron: Bron; voorvoegsel?: string }) {
  const s = useVeldStijlen();
  const tekst = voorvoegsel ? `${voorvoegsel}${bronKort(bron)}` : bronTekstKort(bron);
  return (
    <span className={s.bron} title={tekst}>
      {tekst}
    </span>
  );
}

/** "Bron: VNG …", "aanname: …", "berekend: …", "ingevoerd door de gebruiker". */
export function bronTekstKort(b: Bron): string {
  const t = bronKort(b);
  return b.soort === "bron" ? `${nlPaneel.bron.prefix}${t}` : t;
}

interface BasisVeldProps {
  readonly label: string;
  /** Hidden part of the accessible name (e.g. the measure). */
  readonly extraLabel?: string | undefined;
  readonly waarde: string;
  readonly onWijzig: (tekst: string) => void;
  readonly fout?: string | undefined;
  readonly bron?: Bron | undefined;
  /** A detail line when there is no source. */
  readonly hint?: string | ReactElement | undefined;
  readonly eenheid?: string;
  readonly disabled?: boolean;
  readonly required?: boolean;
}

/**
 * The Field around every input: label (with the hidden extra part), the error beside the field, and the
 * source line (or the hint when there is no source) below it.
 */
function VeldKader(p: {
  readonly label: string;
  readonly extraLabel?: string | undefined;
  readonly fout?: string | undefined;
  readonly bron?: Bron | undefined;
  readonly hint?: string | ReactElement | undefined;
  readonly required?: boolean | undefined;
  readonly children: ReactElement;
}) {
  const h = p.bron ? <BronRegel bron={p.bron} /> : p.hint;
  return (
    <Field
      label={{ children: <VeldLabel tekst={p.label} extra={p.extraLabel} /> }}
      validationMessage={p.fout}
      validationState={p.fout ? "error" : "none"}
      {...(h !== undefined ? { hint: h } : {})}
      required={p.required ?? false}
    >
      {p.children}
    </Field>
  );
}

/** A number typed the Dutch way ("1.234,5"). The text is kept as typed; the parent parses it. */
export function GetalVeld(p: BasisVeldProps & { readonly jaartal?: boolean }) {
  const s = useVeldStijlen();
  return (
    <VeldKader {...p}>
      <Input
        className={s.getalInput}
        value={p.waarde}
        inputMode={p.jaartal ? "numeric" : "decimal"}
        autoComplete="off"
        disabled={p.disabled ?? false}
        onChange={(_, d) => p.onWijzig(d.value)}
        {...(p.eenheid ? { contentAfter: <span aria-hidden="true">{p.eenheid}</span> } : {})}
      />
    </VeldKader>
  );
}

/** A percentage (0–100): text entry plus a slider that follows it. */
export function PercentageVeld(p: BasisVeldProps) {
  const s = useVeldStijlen();
  const gelezen = leesGetal(p.waarde, { procent: true });
  const schuif = gelezen.ok ? Math.min(100, Math.max(0, gelezen.waarde)) : 0;
  return (
    <VeldKader {...p}>
      <div className={s.procentRij}>
        <Input
          className={s.procentInput}
          value={p.waarde}
          inputMode="decimal"
          autoComplete="off"
          disabled={p.disabled ?? false}
          onChange={(_, d) => p.onWijzig(d.value)}
          contentAfter={<span aria-hidden="true">%</span>}
        />
        {/* The slider is a second way to set the same value: it must not take the field's id, label or errors. */}
        <FieldContextProvider value={undefined}>
          <Slider
            className={s.slider}
            min={0}
            max={100}
            step={1}
            value={schuif}
            disabled={p.disabled ?? false}
            aria-label={nlPaneel.velden.schuif(p.label, p.extraLabel)}
            aria-valuetext={`${toonGetal(schuif)}%`}
            onChange={(_, d) => p.onWijzig(toonGetal(d.value))}
          />
        </FieldContextProvider>
      </div>
    </VeldKader>
  );
}

export interface Keuze<T extends string> {
  readonly waarde: T;
  readonly tekst: string;
}

/** A choice from a short list (a native select: light, and fully keyboard-usable everywhere). */
export function KeuzeVeld<T extends string>(p: {
  readonly label: string;
  readonly extraLabel?: string | undefined;
  readonly waarde: T;
  readonly keuzes: readonly Keuze<T>[];
  readonly onWijzig: (w: T) => void;
  readonly bron?: Bron | undefined;
  readonly hint?: string | ReactElement | undefined;
  readonly fout?: string | undefined;
  readonly disabled?: boolean;
}) {
  const s = useVeldStijlen();
  return (
    <VeldKader {...p}>
      <Select
        className={s.keuze}
        select={{ className: s.keuzeSelect }}
        value={p.waarde}
        disabled={p.disabled ?? false}
        onChange={(_, d) => p.onWijzig(d.value as T)}
      >
        {p.keuzes.map((k) => (
          <option key={k.waarde} value={k.waarde}>
            {k.tekst}
          </option>
        ))}
      </Select>
    </VeldKader>
  );
}
