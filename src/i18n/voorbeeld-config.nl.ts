/**
 * The commented example configuration printed by `jeugdscenario scenario --voorbeeld` (JSON with
 * comments). A test reads it back through the same validation as any config.
 */
export const VOORBEELD_CONFIG = `// Voorbeeldconfiguratie voor: jeugdscenario scenario --config scenario.json
// JSON met commentaar (// …). Alles wat u weglaat krijgt de standaardwaarde; percentages schrijft u als 0–100.
{
  "schema": 1,
  "naam": "Basis",
  // Gemeentenaam zoals CBS die schrijft (of 'Den Haag'); --gemeente op de opdrachtregel gaat voor.
  "gemeente": "Tiel",
  // Basisgegevens: 2023-begroting, 2023-jaarrekening, 2024-begroting of 2025-begroting.
  "dataset": "2025-begroting",
  // Eerste jaar van de doorrekening en het aantal jaren daarna (1–10; standaard 3: de meerjarenraming).
  "begrotingsjaar": 2025,
  "horizon": 3,
  // Autonome volumegroei en loon-/prijsindexatie, % per jaar.
  "groei": 2.9,
  "indexatie": 3.0,
  // Verdeelsleutel voor de landelijke bedragen: gemeentefonds, iv3-saldo, inwoners of eigen (met percentage).
  "toedeling": { "sleutel": "gemeentefonds", "circulaire": "M2024_2025" },
  // Landelijk pad: vng-2022, cvw-1-mld of cvw-1-mld-extra; of een eigen pad in euro's per maatregel per jaar:
  // "pad": { "eigen": { "afbakening": { "2025": 40000000, "2026": 60000000 } } },
  "pad": { "preset": "cvw-1-mld" },
  // Per maatregel: status (gepland, gerealiseerd = zit al in de basis, niet), vanaf welk jaar,
  // realisatiegraad en waterbedfactor in %, ingroeijaren tot volledig effect, en eventueel eigen gewichten
  // per jeugdtaakveld (anders naar rato van de basislasten). Niet genoemde maatregelen vallen weg.
  "maatregelen": [
    { "maatregel": "afbakening", "status": "gepland", "vanafJaar": 2025, "realisatiegraad": 80, "ingroeijaren": 2, "waterbed": 25 },
    { "maatregel": "contractering", "status": "gerealiseerd" },
    { "maatregel": "tariefdifferentiatie" },
    { "maatregel": "verwijzingen", "waterbed": 40 },
    { "maatregel": "bestaanszekerheid", "verdeling": { "6.751": 2, "6.761": 1 } },
    { "maatregel": "poh-jeugd", "vanafJaar": 2026 },
    { "maatregel": "regionalisering" }
  ],
  // Maatwerkbudget: den-haag-doorbraaklab, ivt-jim of enquete-bandbreedte, met eigen aanpassingen
  // (een getal, of { "basis", "laag", "hoog" }); succeskans, deadweight, aandeelGemeente en
  // disconteringsvoet in %.
  "businessCase": {
    "preset": "ivt-jim",
    "aanpassingen": { "casussenPerJaar": 12, "deadweight": { "basis": 30, "laag": 10, "hoog": 50 } }
  },
  // Regio (optioneel): leden, verdeelsleutel (inwoners, jeugdigen, gemeentefonds, iv3-saldo, eigen) en
  // model (profijt, solidariteit of { "mix": % dat via de sleutel wordt verdeeld }).
  // Verdeeld wordt het jeugd saldo (Iv3) van de leden; bij jeugdigen of eigen geeft u "waarden" per lid.
  "regio": {
    "naam": "Rivierenland",
    "leden": ["Buren", "Culemborg", "Maasdriel", "Neder-Betuwe", "Tiel", "West Betuwe", "West Maas en Waal", "Zaltbommel"],
    "sleutel": "inwoners",
    "model": { "mix": 50 },
    "dataset": "2023-jaarrekening"
  }
}
`;
