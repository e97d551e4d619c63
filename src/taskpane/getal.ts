/**
 * Dutch number entry for the task pane: what a controller types ("1.234,5", "-12", "€ 40.000", "12,5%")
 * to a number, and a number back to the text an input shows. Kept strict where a lenient reading could
 * silently change a figure: "12,3,4", "1.23.4" and "1,234.5" are refused rather than guessed.
 *
 * Rules:
 * - "," is the decimal separator; "." groups thousands ("1.234.567"), in groups of exactly three digits;
 * - a single "." followed by other than three digits is read as a decimal point ("12.5" = 12,5), because
 *   that is what someone typing a percentage with a keypad means; "1.234" is one thousand two hundred …;
 * - spaces (also non-breaking), a leading or trailing "€" and, with `procent`, a trailing "%" are ignored;
 * - a leading "-", "−" or "+" sets the sign; an empty text is "leeg", not 0.
 */

export type GetalUitkomst =
  { readonly ok: true; readonly waarde: number } | { readonly ok: false; readonly reden: "leeg" | "geen-getal" };

export interface LeesOpties {
  /** Allow a trailing "%" (the value stays a percentage: "12,5%" → 12.5). */
  readonly procent?: boolean;
}

const GEGROEPEERD = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const KOMMA = /^\d*,\d+$|^\d+(,\d*)?$/;
const PUNT_DECIMAAL = /^\d+\.(\d{1,2}|\d{4,})$/;

/** Reads a Dutch number as typed in the pane. */
export function leesGetal(tekst: string, opties: LeesOpties = {}): GetalUitkomst {
  let t = tekst.replace(/[\s\u00a0\u202f]/g, "");
  if (t === "") return { ok: false, reden: "leeg" };
  t = t.replace(/^€/, "").replace(/€$/, "");
  if (opties.procent) t = t.replace(/%$/, "");
  let teken = 1;
  if (/^[-−+]/.test(t)) {
    if (t[0] !== "+") teken = -1;
    t = t.slice(1);
  }
  t = t.replace(/^€/, "");
  if (t === "" || t === ",") return { ok: false, reden: "geen-getal" };
  let genormaliseerd: string;
  if (GEGROEPEERD.test(t)) genormaliseerd = t.replace(/\./g, "").replace(",", ".");
  else if (KOMMA.test(t)) genormaliseerd = t.replace(",", ".");
  else if (PUNT_DECIMAAL.test(t)) genormaliseerd = t;
  else return { ok: false, reden: "geen-getal" };
  const n = Number(genormaliseerd);
  if (!Number.isFinite(n)) return { ok: false, reden: "geen-getal" };
  // "+ 0" turns -0 into 0.
  return { ok: true, waarde: teken * n + 0 };
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(decimalen: number, groeperen: boolean): Intl.NumberFormat {
  const sleutel = `${decimalen}|${groeperen}`;
  let f = formatters.get(sleutel);
  if (!f) {
    f = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: decimalen, useGrouping: groeperen });
    formatters.set(sleutel, f);
  }
  return f;
}

/**
 * The text an input shows for a number: Dutch, thousands grouped, at most `decimalen` decimals and no
 * trailing zeros ("1.234,5", "2,25", "33.000.000"). Years and other codes: `groeperen: false` ("2025").
 * The result reads back with `leesGetal` to the same value (rounded to `decimalen`).
 */
export function toonGetal(waarde: number, decimalen = 4, groeperen = true): string {
  if (!Number.isFinite(waarde)) return "";
  // Intl uses U+2212 for minus in some locales; inputs should carry the ASCII hyphen.
  return formatter(decimalen, groeperen)
    .format(waarde + 0)
    .replace(/\u2212/g, "-")
    .replace(/\u00a0/g, "");
}

/** A fraction as a percentage text for an input: 0.0225 → "2,25". */
export function toonProcent(fractie: number, decimalen = 2): string {
  return toonGetal(Math.round(fractie * 100 * 10 ** decimalen) / 10 ** decimalen, decimalen);
}

/** A fraction for display with a % sign: 0.002765 → "0,2765%". */
export function procentTekst(fractie: number, decimalen = 1): string {
  return `${formatter(decimalen, true).format(fractie * 100)}%`;
}

/** Whole euros without the sign, for table cells whose header says "(€)": 1234567.4 → "1.234.567". */
export function toonBedrag(euro: number): string {
  return toonGetal(Math.round(euro), 0);
}
