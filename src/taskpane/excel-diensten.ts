/**
 * The pane's services inside Excel, with the Office.js adapter (src/excel, the writer, reader and
 * verify with the engine) in a separate chunk: it is fetched on first use, so the pane's first paint
 * does not wait for it. index.tsx passes `Excel.run`; the browser tests pass the strict fake.
 */
import type { ExcelHost } from "../excel/host";
import type { PaneelDiensten } from "./diensten";

export function excelDiensten(host: ExcelHost): PaneelDiensten {
  let geladen: Promise<PaneelDiensten> | undefined;
  const adapter = (): Promise<PaneelDiensten> =>
    (geladen ??= import(/* webpackChunkName: "excel" */ "../excel/diensten").then((m) => m.maakDiensten(host)));
  return {
    inExcel: true,
    laadSnapshot: () => adapter().then((d) => d.laadSnapshot()),
    schrijfScenarios: (...a) => adapter().then((d) => d.schrijfScenarios(...a)),
    schrijfIv3Blad: (...a) => adapter().then((d) => d.schrijfIv3Blad(...a)),
    activeerBlad: (...a) => adapter().then((d) => d.activeerBlad(...a)),
    leesKolomIndeling: (...a) => adapter().then((d) => d.leesKolomIndeling(...a)),
    leesIv3: (...a) => adapter().then((d) => d.leesIv3(...a)),
    lijstScenarios: () => adapter().then((d) => d.lijstScenarios()),
    controleer: (...a) => adapter().then((d) => d.controleer(...a)),
    bewaarStaat: (...a) => adapter().then((d) => d.bewaarStaat(...a)),
    laadStaat: () => adapter().then((d) => d.laadStaat()),
  };
}

/** The host from Office.js: `Excel.run` and the requirement-set check. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    ondersteunt: (set, versie) => Office.context.requirements.isSetSupported(set, versie),
  };
}
