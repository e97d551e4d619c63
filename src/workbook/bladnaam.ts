/**
 * Valid, unique sheet names. Excel: at most 31 characters, none of [ ] : * ? / \, not starting or
 * ending with an apostrophe, not "History", unique ignoring case.
 */
const VERBODEN = /[[\]:*?/\\]/g;
export const MAX_BLADNAAM = 31;

/**
 * Cut to at most `max` UTF-16 units (the stricter reading of Excel's 31-character limit) without
 * splitting a surrogate pair.
 */
function knip(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A valid sheet name close to `wens` that is not in `bezet` (lower-cased names already used); the
 * result is added to `bezet`.
 */
export function geldigeBladnaam(wens: string, bezet: Set<string>): string {
  let basis = wens.replace(VERBODEN, "-").replace(/\s+/g, " ").trim();
  basis = basis.replace(/^'+|'+$/g, "").trim();
  if (basis === "" || basis.toLowerCase() === "history") basis = `Blad ${basis}`.trim();
  let naam = knip(basis, MAX_BLADNAAM).replace(/'+$/, "").trim();
  for (let i = 2; bezet.has(naam.toLowerCase()); i++) {
    const achtervoegsel = ` (${i})`;
    naam = `${knip(basis, MAX_BLADNAAM - achtervoegsel.length)
      .replace(/'+$/, "")
      .trim()}${achtervoegsel}`;
  }
  bezet.add(naam.toLowerCase());
  return naam;
}

/** True when Excel accepts the name (used by tests and by the Office.js adapter). */
export function isGeldigeBladnaam(naam: string): boolean {
  return (
    naam.length > 0 &&
    naam.length <= MAX_BLADNAAM &&
    !/[[\]:*?/\\]/.test(naam) &&
    !naam.startsWith("'") &&
    !naam.endsWith("'") &&
    naam.toLowerCase() !== "history"
  );
}
