/**
 * Checks of a regional distribution's input, with Dutch messages that name the member concerned.
 */
import { naamSleutel } from "../gemeente-naam";
import { SLEUTEL_LABELS, solidairDeelVan, type RegioInvoer } from "./types";

/** A problem with a region's input, as data; the Dutch wording is in src/i18n/nl.ts. */
export type RegioProbleem =
  | { readonly code: "te-weinig-leden"; readonly aantal: number }
  | { readonly code: "geen-naam"; readonly lid: number }
  | { readonly code: "dubbel-lid"; readonly gemeente: string; readonly eerder: number; readonly lid: number }
  | {
      readonly code: "sleutel-ongeldig" | "sleutel-negatief";
      readonly wie: string;
      readonly sleutel: string;
      readonly waarde: number;
    }
  | { readonly code: "gebruik-ongeldig"; readonly wie: string }
  | { readonly code: "sleutels-nul"; readonly sleutel: string }
  | { readonly code: "solidair-ongeldig" | "solidair-bereik"; readonly waarde: number }
  | { readonly code: "totaal-ongeldig" }
  | { readonly code: "gebruik-nul" };

/** Problems that make the distribution impossible or meaningless; empty when the input is fine. */
export function valideerRegio(invoer: RegioInvoer): RegioProbleem[] {
  const fouten: RegioProbleem[] = [];
  const sleutel = SLEUTEL_LABELS[invoer.sleutel];
  const leden = invoer.leden;
  if (leden.length < 2) fouten.push({ code: "te-weinig-leden", aantal: leden.length });

  const gezien = new Map<string, number>();
  leden.forEach((lid, i) => {
    const nr = i + 1;
    const naam = lid.gemeente.trim();
    const wie = naam === "" ? `lid ${nr}` : naam;
    if (naam === "") fouten.push({ code: "geen-naam", lid: nr });
    else {
      const k = naamSleutel(naam);
      const eerder = gezien.get(k);
      if (eerder !== undefined) fouten.push({ code: "dubbel-lid", gemeente: naam, eerder, lid: nr });
      else gezien.set(k, nr);
    }
    if (!Number.isFinite(lid.sleutelwaarde))
      fouten.push({ code: "sleutel-ongeldig", wie, sleutel, waarde: lid.sleutelwaarde });
    else if (lid.sleutelwaarde < 0) fouten.push({ code: "sleutel-negatief", wie, sleutel, waarde: lid.sleutelwaarde });
    if (!Number.isFinite(lid.eigenGebruik)) fouten.push({ code: "gebruik-ongeldig", wie });
  });

  const sleutelsGeldig = leden.every((l) => Number.isFinite(l.sleutelwaarde) && l.sleutelwaarde >= 0);
  if (leden.length > 0 && sleutelsGeldig && leden.every((l) => l.sleutelwaarde === 0)) {
    fouten.push({ code: "sleutels-nul", sleutel });
  }

  const x = solidairDeelVan(invoer.model);
  if (!Number.isFinite(x)) fouten.push({ code: "solidair-ongeldig", waarde: x });
  else if (x < 0 || x > 1) fouten.push({ code: "solidair-bereik", waarde: x });

  const totaal = invoer.teVerdelen;
  if (totaal !== undefined) {
    if (!Number.isFinite(totaal)) fouten.push({ code: "totaal-ongeldig" });
    else if (leden.every((l) => Number.isFinite(l.eigenGebruik))) {
      const gebruik = leden.reduce((s, l) => s + l.eigenGebruik, 0);
      // The profijt part is shared in proportion to own use; with Σ own use = 0 that proportion does not exist.
      if (gebruik === 0 && totaal !== 0 && Number.isFinite(x) && x < 1) fouten.push({ code: "gebruik-nul" });
    }
  }
  return fouten;
}
