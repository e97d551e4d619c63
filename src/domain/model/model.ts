/**
 * A model is a set of named inputs (value, unit, label, source) and named computed cells (an
 * expression over inputs and other cells). The engine builds one per scenario; the workbook layer
 * turns inputs into the assumptions block and cells into formulas; evaluation here gives the values.
 */
import type { Bron } from "./bron";
import { evaluate, ModelError, ref, type Expr } from "./expr";

export type Eenheid = "euro" | "fractie" | "aantal" | "jaar" | "factor";

export interface ModelInput {
  readonly naam: string;
  readonly label: string;
  readonly eenheid: Eenheid;
  readonly waarde: number;
  readonly bron: Bron;
  /** Grouping for the assumptions block, e.g. "Toedeling", "Maatregel: Tariefdifferentiatie". */
  readonly groep: string;
}

export interface ModelCel {
  readonly naam: string;
  readonly label: string;
  readonly eenheid: Eenheid;
  readonly expr: Expr;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class Model {
  private readonly inputMap = new Map<string, ModelInput>();
  private readonly celMap = new Map<string, ModelCel>();

  get inputs(): readonly ModelInput[] {
    return [...this.inputMap.values()];
  }

  get cellen(): readonly ModelCel[] {
    return [...this.celMap.values()];
  }

  private claim(naam: string): void {
    if (!NAME_RE.test(naam)) throw new ModelError(`invalid name ${naam}`);
    if (this.inputMap.has(naam) || this.celMap.has(naam)) throw new ModelError(`duplicate name ${naam}`);
  }

  /** Declare an input; returns a reference to it. */
  input(naam: string, label: string, eenheid: Eenheid, waarde: number, bron: Bron, groep: string): Expr {
    this.claim(naam);
    this.inputMap.set(naam, { naam, label, eenheid, waarde, bron, groep });
    return ref(naam);
  }

  /** Declare a computed cell; returns a reference to it. */
  cel(naam: string, label: string, eenheid: Eenheid, expr: Expr): Expr {
    this.claim(naam);
    this.celMap.set(naam, { naam, label, eenheid, expr });
    return ref(naam);
  }

  has(naam: string): boolean {
    return this.inputMap.has(naam) || this.celMap.has(naam);
  }

  getInput(naam: string): ModelInput | undefined {
    return this.inputMap.get(naam);
  }

  getCel(naam: string): ModelCel | undefined {
    return this.celMap.get(naam);
  }

  /** An evaluator (memoised) with optional input overrides, e.g. for a sensitivity run. */
  evaluator(overrides: Readonly<Record<string, number>> = {}): (naam: string) => number {
    const memo = new Map<string, number>();
    const busy = new Set<string>();
    const value = (naam: string): number => {
      const hit = memo.get(naam);
      if (hit !== undefined) return hit;
      const o = overrides[naam];
      const input = this.inputMap.get(naam);
      let v: number;
      if (input) v = o ?? input.waarde;
      else {
        const cel = this.celMap.get(naam);
        if (!cel) throw new ModelError(`unknown name ${naam}`);
        if (busy.has(naam)) throw new ModelError(`cycle at ${naam}`);
        busy.add(naam);
        v = evaluate(cel.expr, value);
        busy.delete(naam);
      }
      memo.set(naam, v);
      return v;
    };
    return value;
  }
}
