/**
 * Rounding a distribution to whole cents so that the parts add up exactly to the rounded total
 * (largest-remainder method, also called Hamilton's method).
 */

/**
 * Euros to cents with binary noise removed: 0.29 × 100 is 28.999999999999996 in floating point, which
 * is 29 cents. Like Excel, keep 15 significant digits.
 */
function centenExact(euro: number): number {
  return Number((euro * 100).toPrecision(15));
}

/** Round euros to whole cents, half away from zero (as Excel's ROUND(x, 2)). */
export function naarCenten(euro: number): number {
  if (!Number.isFinite(euro)) throw new RangeError(`geen eindig bedrag: ${euro}`);
  const c = centenExact(euro);
  return Math.sign(c) * Math.round(Math.abs(c)) + 0;
}

/**
 * Largest remainder in whole cents: every amount is first rounded down to the cent; the cents that
 * are then still missing to reach the total (rounded to the cent) go one each to the amounts with the
 * largest remainders, ties to the lower index. Works for negative amounts too (rounding down is
 * towards −∞). When `totaal` equals Σ `bedragen`, every part stays within one cent of its amount.
 * If `totaal` differs further, the difference is first spread evenly in whole cents.
 *
 * Returns integer cents.
 */
export function verdeelInCenten(bedragen: readonly number[], totaal: number): number[] {
  const doel = naarCenten(totaal);
  const n = bedragen.length;
  if (n === 0) {
    if (doel !== 0) throw new RangeError(`kan ${totaal} niet over nul bedragen verdelen`);
    return [];
  }
  const onder: number[] = [];
  const rest: number[] = [];
  for (const b of bedragen) {
    if (!Number.isFinite(b)) throw new RangeError(`geen eindig bedrag: ${b}`);
    const c = centenExact(b);
    let f = Math.floor(c);
    // Remainders at a fixed resolution, so that equal fractions tie exactly (and go by index).
    let r = Math.round((c - f) * 1e6) / 1e6;
    if (r >= 1) {
      f += 1;
      r = 0;
    }
    onder.push(f);
    rest.push(r);
  }
  const verschil = doel - onder.reduce((s, x) => s + x, 0);
  const basis = Math.floor(verschil / n);
  const extra = verschil - basis * n;
  const volgorde = onder.map((_, i) => i).sort((i, j) => (rest[j] ?? 0) - (rest[i] ?? 0) || i - j);
  const uit = onder.map((f) => f + basis);
  for (let k = 0; k < extra; k++) {
    const i = volgorde[k] ?? 0;
    uit[i] = (uit[i] ?? 0) + 1;
  }
  return uit.map((c) => c + 0);
}

/**
 * Round `bedragen` (euros) to cents so that they add up exactly, in whole cents, to `totaal` rounded to
 * the cent; see verdeelInCenten. Returns euros (cents / 100).
 */
export function verdeelCenten(bedragen: readonly number[], totaal: number): number[] {
  return verdeelInCenten(bedragen, totaal).map((c) => c / 100 + 0);
}
