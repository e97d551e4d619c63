/**
 * Matching what a user types against gemeente names: tolerant of case, accents, apostrophes and
 * CBS suffixes such as "(gemeente)" or "(L.)"; and suggestions for a name that does not match.
 */

/** Comparison key: lower case, no accents, no punctuation, no "(gemeente)". */
export function naamSleutel(naam: string): string {
  return naam
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\(gemeente\)/g, "")
    .replace(/^gemeente\s+/, "")
    .replace(/[^a-z0-9]+/g, "");
}

/**
 * Everyday names that differ from CBS's official gemeente names (common usage, not a CBS list).
 */
export const ROEPNAMEN: Readonly<Record<string, string>> = {
  "den haag": "'s-Gravenhage",
  "the hague": "'s-Gravenhage",
  "den bosch": "'s-Hertogenbosch",
};

/** Levenshtein distance, small and allocation-light (names are short). */
export function bewerkingsafstand(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Up to `max` names closest to the query: names containing it first, then by edit distance. */
export function suggesties(query: string, namen: readonly string[], max = 3): string[] {
  const q = naamSleutel(query);
  if (q === "") return [];
  const scored = namen.map((naam) => {
    const k = naamSleutel(naam);
    const contains = k.includes(q) || (q.length >= 4 && q.includes(k));
    return { naam, score: contains ? -1000 + Math.abs(k.length - q.length) : bewerkingsafstand(q, k) };
  });
  const limit = Math.max(2, Math.ceil(q.length / 2));
  return scored
    .filter((s) => s.score < 0 || s.score <= limit)
    .sort((a, b) => a.score - b.score || a.naam.localeCompare(b.naam, "nl"))
    .slice(0, max)
    .map((s) => s.naam);
}
