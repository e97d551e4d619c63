/** Paths of the browser suite, relative to this file (never absolute paths of a machine). */
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
/** The test build of the pane (webpack --env test); outside dist/web, gitignored with dist/. */
export const TESTBOUW = join(ROOT, "dist", "test");
/** Screenshots for review by eye; gitignored with out/. */
export const SCHERMAFDRUKKEN = join(ROOT, "out", "screenshots");
