/**
 * The three default scenarios. Basis uses the defaults; Optimistisch and Pessimistisch differ only in
 * realisatiegraad, waterbed factor, ingroeipad and the business-case ranges — each difference an
 * assumption with its reason, shown on the sheet next to the value.
 */
import { aanname, type Bron } from "../model/bron";
import type { Scenario } from "./scenario";
import { STANDAARD } from "./standaard";

export type VariantId = "basis" | "optimistisch" | "pessimistisch";

export interface Variant {
  readonly id: VariantId;
  readonly naam: string;
  readonly realisatiegraad: { readonly waarde: number; readonly bron: Bron };
  readonly waterbed: { readonly waarde: number; readonly bron: Bron };
  readonly ingroeijaren: { readonly waarde: number; readonly bron: Bron };
  /** Which end of the business-case ranges becomes the base value. */
  readonly businessCase?: "laag" | "hoog";
  readonly toelichting: string;
}

export const VARIANTEN: readonly Variant[] = [
  {
    id: "basis",
    naam: "Basis",
    realisatiegraad: STANDAARD.realisatiegraad,
    waterbed: STANDAARD.waterbed,
    ingroeijaren: STANDAARD.ingroeijaren,
    toelichting: "Standaardaannames: 80% realisatie, 25% waterbed, volledig effect in het tweede jaar.",
  },
  {
    id: "optimistisch",
    naam: "Optimistisch",
    realisatiegraad: {
      waarde: 100,
      bron: aanname("scenario Optimistisch: de toegedeelde besparing wordt volledig gerealiseerd"),
    },
    waterbed: {
      waarde: 10,
      bron: aanname("scenario Optimistisch: wachtlijsten vullen slechts 10% van de vrijgekomen ruimte"),
    },
    ingroeijaren: { waarde: 1, bron: aanname("scenario Optimistisch: volledig effect in het eerste jaar") },
    businessCase: "hoog",
    toelichting:
      "Gunstige aannames: volledige realisatie, weinig waterbed, direct effect en de gunstige grens van de business-casebandbreedtes.",
  },
  {
    id: "pessimistisch",
    naam: "Pessimistisch",
    realisatiegraad: {
      waarde: 50,
      bron: aanname("scenario Pessimistisch: de helft van de toegedeelde besparing wordt gerealiseerd"),
    },
    waterbed: {
      waarde: 50,
      bron: aanname(
        "scenario Pessimistisch: wachtlijsten vullen de helft van de vrijgekomen ruimte (VNG 2022 noemt het waterbedeffect zonder percentage)",
      ),
    },
    ingroeijaren: { waarde: 3, bron: aanname("scenario Pessimistisch: volledig effect pas in het derde jaar") },
    businessCase: "laag",
    toelichting:
      "Ongunstige aannames: halve realisatie, veel waterbed, trage ingroei en de ongunstige grens van de business-casebandbreedtes.",
  },
];

/** The scenario of a variant, derived from a (Basis) scenario: same gemeente, data, key and path. */
export function variantScenario(basis: Scenario, id: VariantId): Scenario {
  const v = VARIANTEN.find((x) => x.id === id);
  if (!v) throw new Error(`unknown variant ${id}`);
  return {
    ...basis,
    naam: v.naam,
    maatregelen: basis.maatregelen.map((m) => ({
      ...m,
      realisatiegraad: v.realisatiegraad.waarde,
      ingroeijaren: v.ingroeijaren.waarde,
      // Costs (regionalisering) have no waterbed in any variant.
      waterbed: m.maatregel === "regionalisering" ? 0 : v.waterbed.waarde,
    })),
    ...(basis.businessCase
      ? { businessCase: { ...basis.businessCase, ...(v.businessCase ? { variant: v.businessCase } : {}) } }
      : {}),
  };
}

/**
 * The source of a scenario value: the default's or a variant's when the value is theirs, else
 * undefined (entered by the user).
 */
export function bekendeBron(veld: "realisatiegraad" | "waterbed" | "ingroeijaren", waarde: number): Bron | undefined {
  return VARIANTEN.find((v) => v[veld].waarde === waarde)?.[veld].bron;
}
