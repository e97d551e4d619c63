/**
 * Messages: errors from sources and services (with their row-and-column lines), and the result of a
 * write with a button that activates the first sheet.
 */
import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { nlPaneel } from "../../i18n/nl-paneel";
import type { PaneelDiensten, SchrijfResultaat } from "../diensten";

export const useMeldingStijlen = makeStyles({
  lijst: {
    margin: "0",
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "14em",
    overflowY: "auto",
    overflowWrap: "anywhere",
  },
  kolom: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  tabel: {
    tableLayout: "auto",
    width: "100%",
  },
  // Narrow panes: less padding than Fluent's default, headers that wrap.
  kop: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    verticalAlign: "bottom",
  },
  kopKnop: {
    whiteSpace: "normal",
    minHeight: "24px",
    overflowWrap: "break-word",
  },
  kopGetal: {
    justifyContent: "flex-end",
    textAlign: "right",
  },
  getal: {
    textAlign: "right",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontVariantNumeric: "tabular-nums",
  },
  cel: {
    overflowWrap: "break-word",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
});

export interface Fout {
  readonly titel: string;
  readonly regels: readonly string[];
}

/** An error as title and lines: an Iv3InputError carries one Dutch line per problem (row, column, cell). */
export function foutVan(e: unknown, titel?: (n: number) => string): Fout {
  if (e instanceof DOMException && e.name === "AbortError") return { titel: nlPaneel.algemeen.afgebroken, regels: [] };
  const meldingen = (e as { meldingen?: unknown })?.meldingen;
  if (Array.isArray(meldingen) && meldingen.every((m) => typeof m === "string")) {
    const totaal = (e as { totaal?: unknown }).totaal;
    const n = typeof totaal === "number" ? totaal : meldingen.length;
    return { titel: titel ? titel(n) : nlPaneel.gegevens.leesFouten(n), regels: meldingen as string[] };
  }
  const tekst = e instanceof Error ? e.message : String(e);
  return { titel: tekst, regels: [] };
}

export function FoutMelding({ fout, intent = "error" }: { fout: Fout; intent?: "error" | "warning" }) {
  const s = useMeldingStijlen();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {fout.regels.length > 0 ? <MessageBarTitle>{fout.titel}</MessageBarTitle> : fout.titel}
        {fout.regels.length > 0 && (
          <ul className={s.lijst}>
            {fout.regels.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Success of a write: the sheets by name and a button to the first scenario sheet (or the first sheet). */
export function SchrijfUitkomst({ resultaat, diensten }: { resultaat: SchrijfResultaat; diensten: PaneelDiensten }) {
  const s = useMeldingStijlen();
  const [fout, setFout] = useState<string>();
  const eerste = resultaat.bladen.find((b) => b.soort === "scenario") ?? resultaat.bladen[0];
  return (
    <div className={s.kolom}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{nlPaneel.scenarios.geschreven(resultaat.bladen.map((b) => b.naam).join(", "))}</MessageBarBody>
      </MessageBar>
      {eerste && (
        <Button
          appearance="secondary"
          onClick={() => {
            setFout(undefined);
            diensten.activeerBlad(eerste.id).catch((e: unknown) => setFout(foutVan(e).titel));
          }}
        >
          {nlPaneel.scenarios.naarBlad(eerste.naam)}
        </Button>
      )}
      {resultaat.meldingen.length > 0 && (
        <FoutMelding intent="warning" fout={{ titel: nlPaneel.schrijven.meldingen, regels: resultaat.meldingen }} />
      )}
      {fout && <FoutMelding fout={{ titel: fout, regels: [] }} />}
    </div>
  );
}

/** A compact table of label/amount rows (two or more columns); numbers right-aligned. */
export function KleineTabel(p: {
  readonly label: string;
  readonly koppen: readonly string[];
  readonly rijen: readonly (readonly string[])[];
  /** Which columns hold numbers (right-aligned). Default: all but the first. */
  readonly getalKolom?: (i: number) => boolean;
}) {
  const s = useMeldingStijlen();
  const getal = p.getalKolom ?? ((i: number) => i > 0);
  return (
    <Table size="extra-small" aria-label={p.label} className={s.tabel}>
      <TableHeader>
        <TableRow>
          {p.koppen.map((k, i) => (
            <TableHeaderCell
              key={i}
              className={s.kop}
              button={{ className: mergeClasses(s.kopKnop, getal(i) ? s.kopGetal : undefined) }}
            >
              {k}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {p.rijen.map((r, ri) => (
          <TableRow key={ri}>
            {r.map((c, i) => (
              <TableCell key={i} className={getal(i) ? s.getal : s.cel}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
