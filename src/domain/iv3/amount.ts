/**
 * Amount parsing for Iv3 inputs. Money is handled in whole cents internally (integers stay exact
 * up to 9·10^13 euros), and returned as euros rounded to the cent.
 */

/** Amount notation of a source. "nl": Dutch display text as controllers export it; "machine": CBS files. */
export type Notatie = "nl" | "machine";

export type AmountResult =
  | { readonly ok: true; readonly waarde: number | null }
  | { readonly ok: false; readonly reden: "geen-bedrag" | "bedrag-te-groot" };

/** No single Iv3 figure comes near this (the national total lasten is ~€ 80 bn). */
export const MAX_BEDRAG_EURO = 1e12;

const MACHINE_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UNSIGNED_RE = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SPACES_RE = /[\s\u00a0\u202f\u2009']/g;

/**
 * Parse one amount cell.
 * - "" → null ("geen opgave"); "-" (how Excel's accounting format shows 0) → 0.
 * - nl: "1.234,56", "-1.234", "€ 1.234", "(1.234)" (negative), "1.234-", "1234.5", "1,5", "1.2E+06".
 *   A single dot followed by exactly three digits is a Dutch thousands separator ("1.234" = 1234);
 *   otherwise a single dot is a decimal point ("9869.0", as CBS writes).
 * - machine: plain JavaScript number syntax only.
 * `factor` converts the source unit to euros (1 or 1000).
 */
export function parseAmount(raw: string, notatie: Notatie, factor = 1): AmountResult {
  let t = raw.trim();
  if (t === "") return { ok: true, waarde: null };
  if (notatie === "machine") {
    if (!MACHINE_RE.test(t)) return { ok: false, reden: "geen-bedrag" };
    return scale(Number(t), factor);
  }
  t = t
    .replace(/^(€|eur\b)/i, "")
    .replace(/(€|eur)$/i, "")
    .replace(SPACES_RE, "");
  if (t === "-" || t === "–") return { ok: true, waarde: 0 };
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  } else if (/^[0-9.,]+-$/.test(t)) {
    negative = true;
    t = t.slice(0, -1);
  }
  t = t.replace(/^(€|eur\b)/i, "");
  if (/^[-+−]/.test(t)) {
    if (t[0] !== "+") negative = !negative;
    t = t.slice(1);
  }
  if (!/^[0-9.,][0-9.,eE+-]*$/.test(t)) return { ok: false, reden: "geen-bedrag" };
  let normalized: string;
  if (/[eE]/.test(t)) {
    normalized = t.replace(",", ".");
  } else {
    const lastDot = t.lastIndexOf(".");
    const lastComma = t.lastIndexOf(",");
    if (lastDot >= 0 && lastComma >= 0) {
      const [thousands, decimal] = lastComma > lastDot ? [".", ","] : [",", "."];
      if (!groupsValid(t.slice(0, t.lastIndexOf(decimal)), thousands)) return { ok: false, reden: "geen-bedrag" };
      normalized = t.split(thousands).join("").replace(decimal, ".");
    } else if (lastComma >= 0) {
      const count = t.split(",").length - 1;
      if (count > 1) {
        if (!groupsValid(t, ",")) return { ok: false, reden: "geen-bedrag" };
        normalized = t.split(",").join("");
      } else normalized = t.replace(",", ".");
    } else if (lastDot >= 0) {
      const count = t.split(".").length - 1;
      const after = t.length - lastDot - 1;
      if (count > 1 || after === 3) {
        if (!groupsValid(t, ".")) return { ok: false, reden: "geen-bedrag" };
        normalized = t.split(".").join("");
      } else normalized = t;
    } else normalized = t;
  }
  if (!UNSIGNED_RE.test(normalized)) return { ok: false, reden: "geen-bedrag" };
  const n = Number(normalized);
  return scale(negative ? -n : n, factor);
}

/** "1.234.567" is valid grouping, "1.23.4" is not. */
function groupsValid(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  if (groups.length === 1) return /^\d+$/.test(intPart);
  return /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

function scale(n: number, factor: number): AmountResult {
  if (!Number.isFinite(n)) return { ok: false, reden: "geen-bedrag" };
  const euros = n * factor;
  if (Math.abs(euros) > MAX_BEDRAG_EURO) return { ok: false, reden: "bedrag-te-groot" };
  return { ok: true, waarde: toCents(euros) / 100 };
}

/** Euros → whole cents, rounding half away from zero. */
export function toCents(euros: number): number {
  return Math.sign(euros) * Math.round(Math.abs(euros) * 100);
}
