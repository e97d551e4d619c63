/**
 * Builds one sheet description from a model: inputs go into visible cells (each also a defined name),
 * computed cells become formulas rendered from the model's expressions with the cell addresses where
 * their operands were placed. A computed operand that has no cell of its own is written inline.
 */
import { renderFormula } from "../domain/model/expr";
import type { Model } from "../domain/model/model";
import { abs, a1 } from "./adres";
import type { AfdrukSpec, BladSoort, BladSpec, CelSpec, GrafiekSpec, NaamSpec, Stijl, TabelSpec } from "./spec";

export class BladBouwer {
  private readonly cellen = new Map<string, CelSpec>();
  private readonly formules: { adres: string; naam: string; formaat?: string; stijl: Stijl }[] = [];
  private readonly plaats = new Map<string, string>();
  private readonly namen: NaamSpec[] = [];
  readonly samengevoegd: string[] = [];
  readonly grafieken: GrafiekSpec[] = [];
  readonly tabellen: TabelSpec[] = [];
  private readonly waarde: (naam: string) => number;
  private readonly nootNummers = new Map<string, number>();
  private nootOpen: string[] = [];

  constructor(
    readonly naam: string,
    readonly soort: BladSoort,
    private readonly model?: Model,
  ) {
    this.waarde = model ? model.evaluator() : () => Number.NaN;
  }

  /** A literal cell (text is always text). */
  zet(
    kolom: number,
    rij: number,
    waarde: number | string | boolean | undefined,
    stijl: Stijl = "tekst",
    formaat?: string,
  ): void {
    const adres = a1(kolom, rij);
    // An empty text is an empty (styled) cell: spreadsheets do not keep "" as a value.
    const w = waarde === "" ? undefined : waarde;
    this.cellen.set(adres, {
      adres,
      ...(w !== undefined ? { waarde: w } : {}),
      stijl,
      ...(formaat ? { formaat } : {}),
    });
  }

  /** A layout formula that is not in the model (e.g. SUMIF over a table); `verwacht` computed by the caller. */
  zetFormule(kolom: number, rij: number, formule: string, verwacht: number, stijl: Stijl, formaat?: string): void {
    const adres = a1(kolom, rij);
    this.cellen.set(adres, { adres, formule, verwacht, stijl, ...(formaat ? { formaat } : {}) });
  }

  /** Place a model input: its value in an input cell, a defined name, and its address for formulas. */
  invoer(kolom: number, rij: number, modelNaam: string, formaat?: string): void {
    const input = this.model?.getInput(modelNaam);
    if (!input) throw new Error(`no input ${modelNaam}`);
    const adres = a1(kolom, rij);
    this.cellen.set(adres, {
      adres,
      waarde: input.waarde,
      stijl: "invoer",
      modelNaam,
      ...(formaat ? { formaat } : {}),
    });
    this.plaats.set(modelNaam, abs(kolom, rij));
    this.namen.push({ naam: modelNaam, adres });
  }

  /** Place a model cell as a formula (rendered in `klaar`, once every operand has its place). */
  berekend(kolom: number, rij: number, modelNaam: string, formaat?: string, stijl: Stijl = "berekend"): void {
    if (!this.model?.getCel(modelNaam)) throw new Error(`no cell ${modelNaam}`);
    const adres = a1(kolom, rij);
    this.plaats.set(modelNaam, abs(kolom, rij));
    this.formules.push({ adres, naam: modelNaam, stijl, ...(formaat ? { formaat } : {}) });
  }

  /** Where a model name was placed (absolute), if anywhere. */
  adresVan(modelNaam: string): string | undefined {
    return this.plaats.get(modelNaam);
  }

  /** A note reference "[n]" for a source text; the text itself is written by `schrijfNoten`. */
  noot(tekst: string): string {
    let n = this.nootNummers.get(tekst);
    if (n === undefined) {
      n = this.nootNummers.size + 1;
      this.nootNummers.set(tekst, n);
      this.nootOpen.push(tekst);
    }
    return `[${n}]`;
  }

  /** Write the notes referenced since the last call, one per row from `rij`; returns the next free row. */
  schrijfNoten(rij: number, totKolom: number): number {
    let r = rij;
    for (const tekst of this.nootOpen) {
      this.zet(1, r, `${this.noot(tekst)} ${tekst}`, "bron");
      this.voegSamen(`${a1(1, r)}:${a1(totKolom, r)}`);
      r++;
    }
    this.nootOpen = [];
    return r;
  }

  voegSamen(bereik: string): void {
    this.samengevoegd.push(bereik);
  }

  private formuleVan(modelNaam: string, bezig: Set<string> = new Set()): string {
    const model = this.model;
    const cel = model?.getCel(modelNaam);
    if (!model || !cel) throw new Error(`no cell ${modelNaam}`);
    return renderFormula(cel.expr, (ref) => {
      const plek = this.plaats.get(ref);
      if (plek) return plek;
      if (model.getCel(ref)) {
        if (bezig.has(ref)) throw new Error(`cycle at ${ref}`);
        return `(${this.formuleVan(ref, new Set([...bezig, ref]))})`;
      }
      throw new Error(`input ${ref} has no cell on sheet ${this.naam}`);
    });
  }

  klaar(opties: {
    kolombreedtes: readonly number[];
    vastzetten?: { rijen: number; kolommen: number };
    afdruk: AfdrukSpec;
    tabkleur?: string;
  }): BladSpec {
    for (const f of this.formules) {
      this.cellen.set(f.adres, {
        adres: f.adres,
        formule: this.formuleVan(f.naam),
        verwacht: this.waarde(f.naam),
        stijl: f.stijl,
        modelNaam: f.naam,
        ...(f.formaat ? { formaat: f.formaat } : {}),
      });
    }
    return {
      naam: this.naam,
      soort: this.soort,
      cellen: [...this.cellen.values()],
      samengevoegd: this.samengevoegd,
      kolombreedtes: opties.kolombreedtes,
      ...(opties.vastzetten ? { vastzetten: opties.vastzetten } : {}),
      namen: this.namen,
      tabellen: this.tabellen,
      grafieken: this.grafieken,
      afdruk: opties.afdruk,
      ...(opties.tabkleur ? { tabkleur: opties.tabkleur } : {}),
    };
  }
}
