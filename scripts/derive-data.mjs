#!/usr/bin/env node
/**
 * Derives the built-in data set (src/data/iv3-snapshot.json) from the raw public files:
 *   <bron>/cbs-iv3/{2023_begroting,2023_jaarrekening,2024_begroting,2025_begroting}.csv
 *   <bron>/gemeentefonds/{GF_M2023_2024,GF_M2024_2025,GF_S2024_2025}.csv and gemeentenamen.csv
 * Usage: node scripts/derive-data.mjs [--bron ../shared/data] [--uit src/data/iv3-snapshot.json]
 *
 * What it keeps: per gemeente (and the national `Nederland` row) and per data set, lasten and baten
 * per taakveld converted from € 1,000 to euros (null where CBS gives no figure; taakveld 0.11, a
 * saldo, is left out), inwonertal and provincie; per circulaire the gemeentefonds cluster
 * "Individuele voorzieningen Jeugd" in euros rounded to cents. Everything is written with its
 * provenance (file, SHA-256, CBS origin, verslagsoort, unit). The raw files are never copied.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Papa from "papaparse";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const bron = resolve(opt("bron", join("..", "shared", "data")));
const uit = resolve(opt("uit", join("src", "data", "iv3-snapshot.json")));

// CBS table ids per year: data README of the shared data ("The CBS source itself").
const DATASETS = [
  {
    id: "2023-begroting",
    bestand: "cbs-iv3/2023_begroting.csv",
    jaar: 2023,
    verslagsoort: "begroting",
    cbsTabel: "45063NED",
  },
  {
    id: "2023-jaarrekening",
    bestand: "cbs-iv3/2023_jaarrekening.csv",
    jaar: 2023,
    verslagsoort: "jaarrekening",
    cbsTabel: "45063NED",
  },
  {
    id: "2024-begroting",
    bestand: "cbs-iv3/2024_begroting.csv",
    jaar: 2024,
    verslagsoort: "begroting",
    cbsTabel: "45067NED",
  },
  {
    id: "2025-begroting",
    bestand: "cbs-iv3/2025_begroting.csv",
    jaar: 2025,
    verslagsoort: "begroting",
    cbsTabel: "45071NED",
  },
];
const CIRCULAIRES = [
  {
    id: "M2023_2024",
    naam: "Meicirculaire 2023, uitkeringsjaar 2024",
    bestand: "gemeentefonds/GF_M2023_2024.csv",
    uitkeringsjaar: 2024,
  },
  {
    id: "M2024_2025",
    naam: "Meicirculaire 2024, uitkeringsjaar 2025",
    bestand: "gemeentefonds/GF_M2024_2025.csv",
    uitkeringsjaar: 2025,
  },
  {
    id: "S2024_2025",
    naam: "Septembercirculaire 2024, uitkeringsjaar 2025",
    bestand: "gemeentefonds/GF_S2024_2025.csv",
    uitkeringsjaar: 2025,
  },
];
const GF_KOLOM = "Individuele voorzieningen Jeugd";
const NEDERLAND = "Nederland";

function read(rel) {
  const buf = readFileSync(join(bron, rel));
  return { text: buf.toString("utf8").replace(/^\uFEFF/, ""), sha256: createHash("sha256").update(buf).digest("hex") };
}
function parse(text, delimiter) {
  const r = Papa.parse(text, { delimiter, skipEmptyLines: true });
  if (r.errors.length > 0) throw new Error(`CSV errors: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.data;
}
const code = (taakveld) => taakveld.trim().split(/\s+/)[0];
// € 1,000 → euros; the CBS-derived files hold whole thousands with ".0".
const euros = (cell) => {
  const t = cell.trim();
  if (t === "") return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${cell}`);
  return Math.round(n * 1000);
};

const gemeenten = new Map(); // naam → { naam, provincie, inwoners: {}, gf: {} }
const datasets = [];
const provenance = { datasets: [], gemeentefonds: [], namen: null };

for (const ds of DATASETS) {
  const { text, sha256 } = read(ds.bestand);
  const rows = parse(text, ";");
  const header = rows[0];
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${ds.bestand}: column ${name} missing`);
    return i;
  };
  const [cG, cT, cL, cB, cP, cI] = ["Gemeenten", "Taakveld", "Lasten", "Baten", "Provincie", "Inwonertal"].map(col);
  const codes = [];
  const perGemeente = new Map();
  for (const r of rows.slice(1)) {
    const naam = r[cG].trim();
    const c = code(r[cT]);
    if (c === "0.11") continue; // result row: a saldo, not lasten/baten
    if (!codes.includes(c)) codes.push(c);
    let g = perGemeente.get(naam);
    if (!g) perGemeente.set(naam, (g = { lasten: new Map(), baten: new Map() }));
    if (g.lasten.has(c)) throw new Error(`${ds.bestand}: duplicate ${naam} ${c}`);
    g.lasten.set(c, euros(r[cL]));
    g.baten.set(c, euros(r[cB]));
    let info = gemeenten.get(naam);
    if (!info) gemeenten.set(naam, (info = { naam, provincie: null, inwoners: {}, gf: {}, aliassen: [] }));
    if (r[cP].trim() !== "") info.provincie = r[cP].trim();
    if (r[cI].trim() !== "") info.inwoners[ds.id] = Number(r[cI]);
  }
  datasets.push({
    id: ds.id,
    taakvelden: codes,
    gemeenten: [...perGemeente.entries()].map(([naam, g]) => ({
      naam,
      lasten: codes.map((c) => g.lasten.get(c) ?? null),
      baten: codes.map((c) => g.baten.get(c) ?? null),
    })),
  });
  provenance.datasets.push({
    id: ds.id,
    bestand: ds.bestand,
    sha256,
    jaar: ds.jaar,
    verslagsoort: ds.verslagsoort,
    cbsTabel: ds.cbsTabel,
    herkomst: `CBS open data, catalogus IV3 (Iv3 per gemeente), tabel ${ds.cbsTabel}, verslagsoort ${ds.verslagsoort}; per taakveld opgeteld door een openbare analyse-tool (Apache-2.0)`,
    eenheidBron: "EUR1000",
    eenheid: "EUR",
    rijen: rows.length - 1,
  });
}

// Names differing between CBS and gemeentefonds files: CBS's official name becomes an alias.
const namen = read("gemeentefonds/gemeentenamen.csv");
const aliasRows = parse(namen.text, "\t").filter((r) => r[0] !== "Iv3naam"); // the file repeats its header
for (const [iv3naam, gfnaam] of aliasRows) {
  const g = gemeenten.get(gfnaam.trim()) ?? gemeenten.get(iv3naam.trim());
  if (g && !g.aliassen.includes(iv3naam.trim()) && iv3naam.trim() !== g.naam) g.aliassen.push(iv3naam.trim());
}
provenance.namen = { bestand: "gemeentefonds/gemeentenamen.csv", sha256: namen.sha256 };

const gfTotaal = {};
for (const c of CIRCULAIRES) {
  const { text, sha256 } = read(c.bestand);
  const rows = parse(text, ";");
  const header = rows[0];
  const cN = header.indexOf("Gemeenten");
  const cJ = header.indexOf(GF_KOLOM);
  if (cN < 0 || cJ < 0) throw new Error(`${c.bestand}: columns missing`);
  let matched = 0;
  for (const r of rows.slice(1)) {
    const naam = r[cN].trim();
    const bedrag = Math.round(Number(r[cJ]) * 100) / 100;
    if (!Number.isFinite(bedrag)) throw new Error(`${c.bestand}: bad amount for ${naam}`);
    if (naam === NEDERLAND) {
      gfTotaal[c.id] = bedrag;
      continue;
    }
    const alias = aliasRows.find((a) => a[0].trim() === naam);
    const g = gemeenten.get(naam) ?? (alias ? gemeenten.get(alias[1].trim()) : undefined);
    if (!g) throw new Error(`${c.bestand}: gemeente ${naam} not in the Iv3 files`);
    g.gf[c.id] = bedrag;
    matched++;
  }
  provenance.gemeentefonds.push({
    id: c.id,
    naam: c.naam,
    uitkeringsjaar: c.uitkeringsjaar,
    bestand: c.bestand,
    sha256,
    cluster: GF_KOLOM,
    herkomst: `Gemeentefonds, ${c.naam.toLowerCase()}: uitkering per cluster per gemeente, cluster "${GF_KOLOM}"`,
    eenheid: "EUR",
    afronding: "op centen afgerond",
    gemeenten: matched,
  });
}

const snapshot = {
  schema: 1,
  omschrijving:
    "Ingebouwde Iv3-gegevens jeugd per gemeente (lasten en baten per taakveld in euro's) en het gemeentefondscluster Individuele voorzieningen Jeugd. Afgeleid door scripts/derive-data.mjs; niet met de hand bewerken.",
  provenance,
  gemeenten: [...gemeenten.values()]
    .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
    .map((g) => ({ naam: g.naam, provincie: g.provincie, aliassen: g.aliassen, inwoners: g.inwoners, gf: g.gf })),
  gemeentefondsTotaal: gfTotaal,
  datasets,
};
mkdirSync(dirname(uit), { recursive: true });
writeFileSync(uit, JSON.stringify(snapshot) + "\n");
const n = snapshot.gemeenten.filter((g) => g.naam !== NEDERLAND).length;
console.log(
  `Geschreven: ${uit} (${n} gemeenten + Nederland, ${datasets.length} datasets, ${CIRCULAIRES.length} circulaires)`,
);
