/** Display formatting in Dutch: "€ 1.234.567", "12,5%". Intl is part of the language, so this runs anywhere. */
const euro0 = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const mln = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Whole euros; null shows as the given placeholder. */
export function formatEuro(v: number | null, leeg = "–"): string {
  // Intl puts a non-breaking space after €; plain spaces keep terminal tables aligned.
  return v === null ? leeg : euro0.format(v).replace(/\u00a0/g, " ");
}

export function formatGetal(v: number): string {
  return getal.format(v);
}

/** Millions with one decimal: "€ 6.277,8 mln". */
export function formatMiljoen(v: number | null, leeg = "–"): string {
  return v === null ? leeg : `€ ${mln.format(v / 1e6)} mln`;
}
