/** The maatwerkbudget business case: types, model cells, evaluation and presets. */
export * from "./types";
export {
  controleerBusinessCase,
  PARAMETER_INFO,
  HORIZON_MAX,
  type ParameterInfo,
  type BusinessCaseProbleem,
  type BusinessCaseProbleemCode,
  type BusinessCaseVeld,
} from "./parameters";
export { bouwBusinessCase, BUSINESS_CASE_GROEP } from "./model";
export { berekenBusinessCase } from "./bereken";
export {
  BUSINESS_CASE_PRESETS,
  STANDAARD_HORIZON_JAREN,
  STANDAARD_STARTJAAR,
  maandenInclusief,
  type BusinessCasePresetSleutel,
} from "./presets";
