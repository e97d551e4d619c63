import type { InputIssue } from "../domain/issues";
import { formatIssue, nl } from "../i18n/nl";

/** At most this many issues are kept; a file with a million bad rows must not produce a million messages. */
export const MAX_ISSUES = 200;

/**
 * Thrown by every Iv3 source when any row is invalid. Carries all issues (up to MAX_ISSUES) as data
 * and as Dutch sentences; no rows are returned with it.
 */
export class Iv3InputError extends Error {
  readonly issues: readonly InputIssue[];
  readonly meldingen: readonly string[];
  /** Total number of issues found, which may exceed issues.length. */
  readonly totaal: number;

  constructor(issues: readonly InputIssue[], totaal = issues.length) {
    const kept = issues.slice(0, MAX_ISSUES);
    const meldingen = kept.map(formatIssue);
    if (totaal > kept.length) {
      meldingen.push(formatIssue({ code: "te-veel-meldingen", details: { aantal: totaal - kept.length } }));
    }
    super(`${nl.bronnen.ongeldigeInvoer(totaal)}\n${meldingen.join("\n")}`);
    this.name = "Iv3InputError";
    this.issues = kept;
    this.meldingen = meldingen;
    this.totaal = totaal;
  }
}

/** A source could not deliver (offline, timeout, bad answer). The message is Dutch and user-ready. */
export class SourceError extends Error {
  readonly kind: "offline" | "timeout" | "http" | "antwoord" | "niet-gevonden" | "bestand";
  constructor(kind: SourceError["kind"], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SourceError";
    this.kind = kind;
  }
}
