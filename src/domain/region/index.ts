/** Regional distribution inside a jeugdregio: types, model cells, evaluation, validation, presets. */
export * from "./types";
export * from "./centen";
export * from "./validatie";
export * from "./verdeling";
export * from "./presets";
