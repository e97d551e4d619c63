/**
 * The pane's services outside Excel (a plain browser, or Office.js not loaded): the built-in data is
 * loaded lazily, the working state is kept in the browser's localStorage, and every workbook action is
 * refused with a Dutch message (the pane hides those actions when `inExcel` is false anyway).
 */
import { nlPaneel } from "../i18n/nl-paneel";
import type { PaneelDiensten } from "./diensten";

export const STAAT_SLEUTEL = "jeugdscenario.paneel";

function opslag(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    // Access to localStorage throws when the browser blocks storage for the page.
    return undefined;
  }
}

const nietInExcel = (): Promise<never> => Promise.reject(new Error(nlPaneel.algemeen.buitenExcel));

export function browserDiensten(): PaneelDiensten {
  return {
    inExcel: false,
    // A separate chunk: the 1.2 MB data set is not part of the initial bundle.
    laadSnapshot: () => import("../sources/builtin").then((m) => m.loadSnapshot()),
    schrijfScenarios: nietInExcel,
    schrijfIv3Blad: nietInExcel,
    activeerBlad: nietInExcel,
    leesKolomIndeling: nietInExcel,
    leesIv3: nietInExcel,
    lijstScenarios: nietInExcel,
    controleer: nietInExcel,
    bewaarStaat: async (json) => {
      try {
        opslag()?.setItem(STAAT_SLEUTEL, json);
      } catch {
        // Quota or privacy mode: the state is simply not kept.
      }
    },
    laadStaat: async () => opslag()?.getItem(STAAT_SLEUTEL) ?? undefined,
  };
}
