/**
 * Requirement sets. The manifest asks for ExcelApi 1.7 (freeze panes, tab colours, chart series with
 * their own ranges, getResizedRange); everything below that is a hard requirement. Newer features are
 * used when present and skipped with a Dutch note when not:
 * - ExcelApi 1.9: page layout and headers/footers, and suspending screen updating;
 * - ExcelApi 1.8: number format of a chart's value axis;
 * - ExcelApi 1.5 (custom XML parts) and 1.4 (settings, names on sheets) are within 1.7 on every host
 *   Microsoft lists, but a host can still lack an API: metadata then goes to a very hidden sheet.
 * Source of the version of each member: the `[Api set: ExcelApi x.y]` remarks in @types/office-js.
 */
import { nl } from "../i18n/nl";
import type { ExcelHost } from "./host";

export const MINIMUM_EXCELAPI = "1.7";

export interface Functies {
  /** The manifest's minimum (freeze panes, tab colours, chart series ranges are part of it). */
  readonly minimum: boolean;
  readonly pagina: boolean;
  readonly schermPauze: boolean;
  readonly rekenPauze: boolean;
  readonly asOpmaak: boolean;
  readonly xmlOnderdelen: boolean;
  readonly instellingen: boolean;
  /** Dutch notes about what is skipped on this host. */
  readonly meldingen: readonly string[];
}

export function functiesVan(host: ExcelHost): Functies {
  const api = (v: string): boolean => host.ondersteunt("ExcelApi", v);
  const meldingen: string[] = [];
  const pagina = api("1.9");
  if (!pagina) meldingen.push(nl.excel.zonderPagina);
  const asOpmaak = api("1.8");
  if (!asOpmaak) meldingen.push(nl.excel.zonderAsOpmaak);
  const xmlOnderdelen = api("1.5");
  if (!xmlOnderdelen) meldingen.push(nl.excel.zonderXml);
  return {
    minimum: api(MINIMUM_EXCELAPI),
    pagina,
    schermPauze: pagina,
    rekenPauze: api("1.6"),
    asOpmaak,
    xmlOnderdelen,
    instellingen: api("1.4"),
    meldingen,
  };
}
