/**
 * Node-only CSV entry: streams a file through the same validator, so a million-row file is never
 * held in memory as text. Used by the command-line tool and the benchmark.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import Papa from "papaparse";
import type { InputIssue } from "../domain/issues";
import { detecteerScheidingsteken, Iv3CsvValidator, type CsvOptions, type CsvResult } from "./csv";
import { Iv3InputError, SourceError } from "./errors";
import { nl } from "../i18n/nl";

async function readHead(path: string, bytes: number): Promise<string> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    // Cut at the last newline so a multi-byte character is never split.
    const text = buf.subarray(0, bytesRead).toString("utf8");
    const nlAt = text.lastIndexOf("\n");
    return bytesRead === bytes && nlAt > 0 ? text.slice(0, nlAt) : text;
  } finally {
    await fh.close();
  }
}

/** Read and validate an Iv3 CSV file; throws Iv3InputError or SourceError("bestand"). */
export async function readIv3CsvFile(path: string, options: CsvOptions = {}): Promise<CsvResult> {
  let head: string;
  try {
    head = await readHead(path, 64 * 1024);
  } catch (e) {
    throw new SourceError("bestand", nl.cli.bestandNietGelezen(path, (e as Error).message), { cause: e });
  }
  if (head.replace(/^\uFEFF/, "").trim() === "") throw new Iv3InputError([{ code: "leeg-bestand" }]);
  const det = detecteerScheidingsteken(head);
  if (!det.ok) throw new Iv3InputError([det.issue]);
  const v = new Iv3CsvValidator(det.scheidingsteken, { bestand: basename(path), ...options });
  let syntax: InputIssue | undefined;
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
    stream.on("error", (e) =>
      reject(new SourceError("bestand", nl.cli.bestandNietGelezen(path, e.message), { cause: e })),
    );
    Papa.parse<string[]>(stream, {
      delimiter: det.scheidingsteken,
      skipEmptyLines: false,
      chunk: (res, parser) => {
        const base = v.rijNummer;
        for (const r of res.data) v.record(r);
        const e = res.errors.find((x) => x.type === "Quotes");
        if (e && !syntax) syntax = { code: "csv-syntax", rij: base + (e.row ?? 0) + 1, details: { detail: e.message } };
        if (v.gestopt) {
          parser.abort();
          stream.destroy();
          resolve();
        }
      },
      complete: () => resolve(),
      error: (e) => reject(new SourceError("bestand", nl.cli.bestandNietGelezen(path, e.message), { cause: e })),
    });
  });
  if (syntax) throw new Iv3InputError([syntax]);
  return v.finish();
}
