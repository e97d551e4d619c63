/**
 * The harness's own page of Fluent UI v9 controls (dist/test/bediening.html), on the same template, CSP
 * and fake host as the pane. It exists to prove the scenario helpers in harness.ts (choose in a
 * Combobox by mouse and by keyboard, Tab/Arrow/Enter navigation with visible focus, reading the fake
 * workbook after a write) against the real components the pane uses, independent of the pane's
 * progress. Test-only text; it is never shipped.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Combobox,
  Field,
  Option,
  Tab,
  TabList,
  Text,
  Toast,
  Toaster,
  ToastTitle,
  useId,
  useToastController,
} from "@fluentui/react-components";
import { gemeentenVan, loadSnapshot } from "../../src/sources/builtin";
import type { ExcelHost } from "../../src/excel/host";
import { maakTestHost, toon } from "./opstart";

const { host, params } = maakTestHost();

/** Writes the choice into a new sheet "Keuze" (A1:B1) in one batch. */
async function schrijfKeuze(excel: ExcelHost, gemeente: string, stap: string): Promise<void> {
  await excel.run(async (context) => {
    const blad = context.workbook.worksheets.add("Keuze");
    blad.getRange("A1:B1").values = [[gemeente, stap]];
    await context.sync();
  });
}

const Bediening = () => {
  const [namen, setNamen] = useState<readonly string[]>([]);
  const [invoer, setInvoer] = useState("");
  const [gekozen, setGekozen] = useState<string | undefined>();
  const [stap, setStap] = useState("gegevens");
  const [melding, setMelding] = useState("");
  // The same toast as the pane's success message (Werkruimte's `meld`), to test how axe sees it.
  const toasterId = useId("bediening-meldingen");
  const { dispatchToast } = useToastController(toasterId);

  useEffect(() => {
    void loadSnapshot().then((s) => setNamen(gemeentenVan(s).map((g) => g.naam)));
  }, []);

  const zichtbaar = useMemo(() => {
    const q = invoer.trim().toLowerCase();
    return (q === "" ? namen : namen.filter((n) => n.toLowerCase().includes(q))).slice(0, 50);
  }, [namen, invoer]);

  return (
    <main style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}>
      <Toaster toasterId={toasterId} position="top-end" />
      <h1>Bediening</h1>
      <TabList selectedValue={stap} onTabSelect={(_, d) => setStap(String(d.value))} aria-label="Stappen">
        <Tab value="gegevens">Gegevens</Tab>
        <Tab value="maatregelen">Maatregelen</Tab>
        <Tab value="scenarios">Scenario&apos;s</Tab>
      </TabList>
      <Field label="Gemeente">
        <Combobox
          placeholder={namen.length === 0 ? "Laden…" : "Zoek een gemeente"}
          disabled={namen.length === 0}
          value={invoer}
          selectedOptions={gekozen ? [gekozen] : []}
          onChange={(e) => setInvoer(e.target.value)}
          onOptionSelect={(_, d) => {
            setGekozen(d.optionValue);
            setInvoer(d.optionText ?? "");
          }}
        >
          {zichtbaar.map((n) => (
            <Option key={n} value={n}>
              {n}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Button
        appearance="primary"
        disabled={!gekozen}
        onClick={() => {
          if (!gekozen) return;
          schrijfKeuze(host, gekozen, stap).then(
            () => setMelding(`Geschreven: ${gekozen}`),
            (e: unknown) => setMelding(`Fout: ${e instanceof Error ? e.message : String(e)}`),
          );
        }}
      >
        Naar werkmap
      </Button>
      <Button
        onClick={() =>
          dispatchToast(
            <Toast>
              <ToastTitle>De scenariobladen staan in de werkmap.</ToastTitle>
            </Toast>,
            { intent: "success", timeout: 6000 },
          )
        }
      >
        Toon melding
      </Button>
      <Text role="status">{melding}</Text>
    </main>
  );
};

toon(<Bediening />, params, { pagina: "bediening", diensten: "geen" });
