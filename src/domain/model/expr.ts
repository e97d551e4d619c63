/**
 * One definition per computed cell. Every computed quantity of the engine is a small expression over
 * named inputs and other named quantities. The same expression is evaluated here (task pane preview,
 * CLI, verification) and rendered as an English Excel formula on the sheets, so the two cannot drift.
 *
 * Only functions that Excel and LibreOffice both compute are used (SUM, MIN, MAX, IF, POWER, ROUND).
 */

export type Expr =
  | { readonly op: "num"; readonly v: number }
  | { readonly op: "ref"; readonly name: string }
  | { readonly op: "+" | "-" | "*" | "/"; readonly a: Expr; readonly b: Expr }
  | { readonly op: "neg"; readonly a: Expr }
  | { readonly op: "sum" | "min" | "max"; readonly xs: readonly Expr[] }
  | { readonly op: "power"; readonly a: Expr; readonly b: Expr }
  | { readonly op: "round"; readonly a: Expr; readonly digits: number }
  | { readonly op: "if"; readonly cond: Cond; readonly then: Expr; readonly else: Expr };

export interface Cond {
  readonly cmp: ">" | ">=" | "<" | "<=" | "=" | "<>";
  readonly a: Expr;
  readonly b: Expr;
}

// Small constructors keep the engine's definitions readable.
export const num = (v: number): Expr => ({ op: "num", v });
export const ref = (name: string): Expr => ({ op: "ref", name });
const lift = (x: Expr | number): Expr => (typeof x === "number" ? num(x) : x);
export const add = (a: Expr | number, b: Expr | number): Expr => ({ op: "+", a: lift(a), b: lift(b) });
export const sub = (a: Expr | number, b: Expr | number): Expr => ({ op: "-", a: lift(a), b: lift(b) });
export const mul = (a: Expr | number, b: Expr | number): Expr => ({ op: "*", a: lift(a), b: lift(b) });
export const div = (a: Expr | number, b: Expr | number): Expr => ({ op: "/", a: lift(a), b: lift(b) });
export const neg = (a: Expr | number): Expr => ({ op: "neg", a: lift(a) });
export const sum = (xs: readonly (Expr | number)[]): Expr =>
  xs.length === 0 ? num(0) : { op: "sum", xs: xs.map(lift) };
export const min = (...xs: (Expr | number)[]): Expr => ({ op: "min", xs: xs.map(lift) });
export const max = (...xs: (Expr | number)[]): Expr => ({ op: "max", xs: xs.map(lift) });
export const power = (a: Expr | number, b: Expr | number): Expr => ({ op: "power", a: lift(a), b: lift(b) });
export const round = (a: Expr | number, digits = 2): Expr => ({ op: "round", a: lift(a), digits });
export const iff = (cond: Cond, then: Expr | number, els: Expr | number): Expr => ({
  op: "if",
  cond,
  then: lift(then),
  else: lift(els),
});
export const cmp = (a: Expr | number, c: Cond["cmp"], b: Expr | number): Cond => ({ cmp: c, a: lift(a), b: lift(b) });

/** Thrown for a reference to an unknown name or a cycle: a programming error, not a user error. */
export class ModelError extends Error {}

/** Excel's ROUND: half away from zero, also for negatives; guards binary noise like 1.005. */
export function excelRound(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = Math.abs(x) * f;
  // A relative nudge of 1e-12 absorbs binary noise (1.005 → 100.49999999999999 cents) without
  // moving real values: doubles carry ~16 significant digits.
  const r = Math.round(y + 1e-12 * Math.max(1, y));
  return (Math.sign(x) * r) / f;
}

/** Evaluate with a resolver for names. Division by zero gives NaN here (#DIV/0! in Excel). */
export function evaluate(e: Expr, resolve: (name: string) => number): number {
  switch (e.op) {
    case "num":
      return e.v;
    case "ref":
      return resolve(e.name);
    case "+":
      return evaluate(e.a, resolve) + evaluate(e.b, resolve);
    case "-":
      return evaluate(e.a, resolve) - evaluate(e.b, resolve);
    case "*":
      return evaluate(e.a, resolve) * evaluate(e.b, resolve);
    case "/": {
      const d = evaluate(e.b, resolve);
      return d === 0 ? Number.NaN : evaluate(e.a, resolve) / d;
    }
    case "neg":
      return -evaluate(e.a, resolve);
    case "sum":
      return e.xs.reduce((s, x) => s + evaluate(x, resolve), 0);
    case "min":
      return Math.min(...e.xs.map((x) => evaluate(x, resolve)));
    case "max":
      return Math.max(...e.xs.map((x) => evaluate(x, resolve)));
    case "power":
      return evaluate(e.a, resolve) ** evaluate(e.b, resolve);
    case "round":
      return excelRound(evaluate(e.a, resolve), e.digits);
    case "if":
      return test(e.cond, resolve) ? evaluate(e.then, resolve) : evaluate(e.else, resolve);
  }
}

function test(c: Cond, resolve: (name: string) => number): boolean {
  const a = evaluate(c.a, resolve);
  const b = evaluate(c.b, resolve);
  switch (c.cmp) {
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case "=":
      return a === b;
    case "<>":
      return a !== b;
  }
}

const PREC: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2, neg: 3 };

/**
 * Render as an English Excel formula (without the leading "="), with `,` as argument separator.
 * `address` maps a name to a cell reference or defined name, e.g. "Scenario!$C$5" or "B_Realisatie".
 */
export function renderFormula(e: Expr, address: (name: string) => string): string {
  const r = (x: Expr, parent = 0, right = false): string => {
    let s: string;
    let p = 9;
    switch (x.op) {
      case "num":
        s = formatNumber(x.v);
        if (x.v < 0) p = PREC["neg"] ?? 3;
        break;
      case "ref":
        s = address(x.name);
        break;
      case "+":
      case "-":
      case "*":
      case "/":
        p = PREC[x.op] ?? 1;
        s = `${r(x.a, p)}${x.op}${r(x.b, p, true)}`;
        break;
      case "neg":
        p = PREC["neg"] ?? 3;
        s = `-${r(x.a, p)}`;
        break;
      case "sum":
      case "min":
      case "max":
        s = `${x.op.toUpperCase()}(${x.xs.map((y) => r(y)).join(",")})`;
        break;
      case "power":
        s = `POWER(${r(x.a)},${r(x.b)})`;
        break;
      case "round":
        s = `ROUND(${r(x.a)},${x.digits})`;
        break;
      case "if":
        s = `IF(${r(x.cond.a)}${x.cond.cmp}${r(x.cond.b)},${r(x.then)},${r(x.else)})`;
        break;
    }
    // Same-precedence right operands of - and / need brackets: a-(b-c), a/(b*c).
    const needs = p < parent || (right && p === parent && p < 3);
    return needs ? `(${s})` : s;
  };
  return r(e);
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new ModelError(`cannot render ${v}`);
  // Up to 15 significant digits, never exponent notation for ordinary amounts.
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
}

/** Names an expression refers to (for dependency order and for checks). */
export function refs(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.op) {
    case "ref":
      out.add(e.name);
      break;
    case "+":
    case "-":
    case "*":
    case "/":
    case "power":
      refs(e.a, out);
      refs(e.b, out);
      break;
    case "neg":
    case "round":
      refs(e.a, out);
      break;
    case "sum":
    case "min":
    case "max":
      e.xs.forEach((x) => refs(x, out));
      break;
    case "if":
      refs(e.cond.a, out);
      refs(e.cond.b, out);
      refs(e.then, out);
      refs(e.else, out);
      break;
    case "num":
      break;
  }
  return out;
}
