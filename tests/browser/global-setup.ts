/**
 * Global setup of the jest "browser" project: builds the test pane once per run
 * (`webpack --mode development --env test` → dist/test: the pane's App and the harness's control page,
 * with the strict Excel fake as host and the local Office.js copy). Development mode on purpose: React's
 * development build reports warnings as console errors, which the tests then catch.
 *
 * Skipped when Chromium is missing locally (the suites skip too); under CI a missing Chromium fails here.
 * JEUGD_TESTBOUW=bestaand reuses an existing dist/test (fast reruns while writing tests).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { vereistChromium } from "./chromium";
import { ROOT, TESTBOUW } from "./paden";

export default function globalSetup(): void {
  if (!vereistChromium("browser tests (global setup)")) return;
  if (process.env["JEUGD_TESTBOUW"] === "bestaand" && existsSync(join(TESTBOUW, "taskpane.html"))) return;
  const start = Date.now();
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [webpackCli, "--mode", "development", "--env", "test"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  if (r.status !== 0) {
    const uit = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n");
    throw new Error(
      `building the test pane failed (webpack --env test, exit ${String(r.status)}${r.error ? `, ${r.error.message}` : ""}):\n` +
        uit.slice(-100).join("\n"),
    );
  }
  console.log(`\n[browser] test pane built into dist/test in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
