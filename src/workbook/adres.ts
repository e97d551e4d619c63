/** A1 address helpers. Columns and rows are 1-based. */

export function kolomLetters(kolom: number): string {
  if (!Number.isInteger(kolom) || kolom < 1) throw new RangeError(`column ${kolom}`);
  let n = kolom;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const a1 = (kolom: number, rij: number): string => `${kolomLetters(kolom)}${rij}`;
export const abs = (kolom: number, rij: number): string => `$${kolomLetters(kolom)}$${rij}`;
export const bereik = (k1: number, r1: number, k2: number, r2: number): string => `${a1(k1, r1)}:${a1(k2, r2)}`;

/** A reference to a cell on another sheet: 'Scenario Basis'!$C$5 (quotes doubled inside the name). */
export function extern(blad: string, adres: string): string {
  return `'${blad.replace(/'/g, "''")}'!${adres}`;
}
