import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** The domain is pure: it imports only other files of src/domain (no Office, React, Node, browser, packages). */
const domain = resolve(__dirname, "..", "..", "src", "domain");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

test("src/domain imports nothing outside itself", () => {
  const all = files(domain);
  expect(all.length).toBeGreaterThan(20);
  const offenders: string[] = [];
  for (const f of all) {
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? "";
      const target = spec.startsWith(".") ? resolve(dirname(f), spec) : spec;
      if (!spec.startsWith(".") || relative(domain, target).startsWith(".."))
        offenders.push(`${relative(domain, f)} → ${spec}`);
    }
    // Globals of Node, the browser or Office must not be used either.
    // (a property such as `bron.document` is fine: only bare globals count)
    for (const m of text.matchAll(/(?<![\w.$])(process|window|document|Office|Excel)\.|(?<![\w.$])(require|fetch)\(/g)) {
      offenders.push(`${relative(domain, f)} uses ${m[0]}`);
    }
  }
  expect(offenders).toEqual([]);
});
