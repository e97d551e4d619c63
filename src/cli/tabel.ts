/** Plain-text tables for the terminal: columns padded to their widest cell; an empty row draws a rule. */
export function tabel(rows: readonly (readonly string[])[], rechts: (kolom: number) => boolean): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) =>
    r.length === 0
      ? widths.map((w) => "─".repeat(w)).join("  ")
      : r
          .map((c, i) => (rechts(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
          .join("  ")
          .trimEnd(),
  );
}
