/**
 * Where Chromium is, and what a suite does without it. Debian's `chromium` package (installed by
 * .ci/run) driven by playwright-core; never `npx playwright install`, which downloads a browser.
 * Locally a missing Chromium skips the browser suite with a message; under CI (CI=true) it fails.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Launch arguments for headless Chromium on CI machines (no sandbox as root, nothing phoning home). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

const INSTALLATIEHINT = "installeer met: apt-get install -y chromium (of: bash .ci/run als root)";

function uitvoerbaar(pad: string): boolean {
  try {
    accessSync(pad, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** JEUGD_CHROMIUM, else /usr/bin/chromium, else chromium or chromium-browser on PATH. */
export function chromiumPad(): string | undefined {
  const eigen = process.env["JEUGD_CHROMIUM"];
  if (eigen) return uitvoerbaar(eigen) ? eigen : undefined;
  const mappen = ["/usr/bin", ...(process.env["PATH"] ?? "").split(delimiter).filter(Boolean)];
  for (const map of mappen) {
    for (const naam of ["chromium", "chromium-browser"]) {
      const pad = join(map, naam);
      if (uitvoerbaar(pad)) return pad;
    }
  }
  return undefined;
}

/**
 * Chromium for a suite: its path when installed. When it is missing this throws under CI (nothing may be
 * skipped there) and otherwise warns and returns undefined so the caller can skip.
 */
export function vereistChromium(suite: string): string | undefined {
  const pad = chromiumPad();
  if (pad) return pad;
  const waar = process.env["JEUGD_CHROMIUM"] ? `JEUGD_CHROMIUM=${process.env["JEUGD_CHROMIUM"]}` : "/usr/bin en PATH";
  if (process.env["CI"] === "true") {
    throw new Error(
      `${suite}: Chromium not found in ${waar}; CI must not skip tests — ${INSTALLATIEHINT}. ` +
        `/ Chromium niet gevonden; onder CI mag geen test worden overgeslagen.`,
    );
  }
  console.warn(`SKIPPED: ${suite} — Chromium not found in ${waar}; ${INSTALLATIEHINT}.`);
  return undefined;
}

/** `describe` that runs only when Chromium is installed (skips locally with a message, fails under CI). */
export function describeMetChromium(naam: string, fn: (chromium: string) => void): void {
  const chromium = vereistChromium(naam);
  if (chromium) describe(naam, () => fn(chromium));
  else describe.skip(`${naam} (Chromium ontbreekt)`, () => fn(""));
}
