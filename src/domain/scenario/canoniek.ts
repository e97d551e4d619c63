/**
 * Canonical JSON and the fingerprint of a scenario: equal inputs give equal bytes, so an auditor can
 * prove that a sheet was computed from exactly these inputs. Hashing sits behind a tiny interface so
 * the domain needs neither Node's crypto nor the browser's.
 */

/** SHA-256 as lowercase hex; implemented with Web Crypto (browser) or node:crypto (CLI). */
export interface Hasher {
  sha256Hex(text: string): Promise<string>;
}

/**
 * JSON with object keys sorted (by UTF-16 code units), no whitespace, `undefined` members left out,
 * -0 written as 0. Arrays keep their order: order is meaningful there.
 */
export function canoniekeJson(value: unknown): string {
  const walk = (v: unknown): string => {
    if (v === null) return "null";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Error(`non-finite number in canonical JSON: ${v}`);
      return Object.is(v, -0) ? "0" : JSON.stringify(v);
    }
    if (typeof v === "string" || typeof v === "boolean") return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? "null" : walk(x))).join(",")}]`;
    if (typeof v === "object") {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${walk(o[k])}`).join(",")}}`;
    }
    throw new Error(`cannot serialise ${typeof v} in canonical JSON`);
  };
  return walk(value);
}

/** Fingerprint of any canonical-JSON-able value: "sha256:<hex>". */
export async function vingerafdruk(value: unknown, hasher: Hasher): Promise<string> {
  return `sha256:${await hasher.sha256Hex(canoniekeJson(value))}`;
}
