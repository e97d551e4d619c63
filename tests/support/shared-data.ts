import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The raw public data lives outside the repository (never committed). Tests that need it look in
 * JEUGD_DATA_DIR or in ../shared/data beside the checkout. Locally they skip with a message when it
 * is absent; under CI (CI=true) its absence is a failure.
 */
export function sharedDataDir(): string | undefined {
  const dir = process.env["JEUGD_DATA_DIR"] ?? resolve(__dirname, "..", "..", "..", "shared", "data");
  if (existsSync(join(dir, "cbs-iv3"))) return dir;
  if (process.env["CI"] === "true") {
    throw new Error(`De ruwe CBS-gegevens ontbreken in ${dir}; onder CI mag geen test worden overgeslagen.`);
  }
  console.warn(`OVERGESLAGEN: ruwe CBS-gegevens niet gevonden in ${dir} (zet JEUGD_DATA_DIR).`);
  return undefined;
}

/** `describe` that runs only when the raw data is present (and fails under CI when it is not). */
export const withSharedData: (name: string, fn: (dir: string) => void) => void = (name, fn) => {
  const dir = sharedDataDir();
  if (dir) describe(name, () => fn(dir));
  else describe.skip(`${name} (ruwe CBS-gegevens ontbreken)`, () => fn(""));
};
