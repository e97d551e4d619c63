/**
 * Offline checks of manifest.xml. `office-addin-manifest validate` needs Microsoft's web service,
 * so CI checks here what the schema and the store validation would reject: element order, https
 * everywhere, resources that resolve, icons that exist at the declared size, requirement sets,
 * version and id formats, text lengths.
 *
 * XML is parsed with jsdom (namespace-aware, throws on malformed XML). jsdom is a dependency of
 * jest-environment-jsdom, not a direct devDependency.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";

const ROOT = join(__dirname, "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** Children of OfficeApp in the order the schema's xs:sequence requires. */
const OFFICE_APP_ORDER = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

function parseManifest(xml: string): Document {
  return new JSDOM(xml, { contentType: "application/xml" }).window.document;
}

const xml = readFileSync(MANIFEST_PATH, "utf8");
const doc = parseManifest(xml);
const root = doc.documentElement;

function children(el: Element): Element[] {
  return Array.from(el.children);
}

/** The one direct child of `parent` with this local name; fails the test when there is not exactly one. */
function child(parent: Element, localName: string): Element {
  const found = children(parent).filter((c) => c.localName === localName);
  if (found.length !== 1) {
    throw new Error(`<${parent.localName}> has ${found.length} <${localName}> children, expected 1`);
  }
  return found[0] as Element;
}

function descendants(el: Element): Element[] {
  return Array.from(el.getElementsByTagName("*"));
}

function attr(el: Element, name: string): string {
  const v = el.getAttribute(name);
  if (v === null) throw new Error(`<${el.localName}> has no ${name} attribute`);
  return v;
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, "type");
}

const versionOverrides = child(root, "VersionOverrides");
const resources = child(versionOverrides, "Resources");

/** Resource ids by kind, from <Resources>. */
function resourceIds(groupName: string): Map<string, Element> {
  const group = children(resources).find((c) => c.localName === groupName && c.namespaceURI === NS.bt);
  const map = new Map<string, Element>();
  for (const el of group ? children(group) : []) {
    const id = attr(el, "id");
    if (map.has(id)) throw new Error(`resource id ${id} is defined twice in bt:${groupName}`);
    map.set(id, el);
  }
  return map;
}

const images = resourceIds("Images");
const urls = resourceIds("Urls");
const shortStrings = resourceIds("ShortStrings");
const longStrings = resourceIds("LongStrings");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Local file behind a dev URL (https://localhost:3000/assets/x.png → <root>/assets/x.png). */
function localFileFor(url: string): string {
  const u = new URL(url);
  expect(u.origin).toBe(DEV_ORIGIN);
  expect(u.pathname.startsWith("/assets/")).toBe(true);
  return join(ROOT, decodeURIComponent(u.pathname));
}

function expectIcon(url: string, size: number): void {
  const file = localFileFor(url);
  expect(existsSync(file)).toBe(true);
  expect(pngSize(file)).toEqual({ width: size, height: size });
}

describe("manifest.xml", () => {
  test("is an add-in-only task pane manifest", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.officeApp);
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(versionOverrides.namespaceURI).toBe(NS.overrides);
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
  });

  test("OfficeApp children come in schema order", () => {
    expect(children(root).map((c) => c.localName)).toEqual(OFFICE_APP_ORDER);
  });

  test("Id is a GUID and Version has four numeric parts", () => {
    expect(child(root, "Id").textContent?.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    const version = child(root, "Version").textContent?.trim() ?? "";
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const part of version.split(".")) expect(Number(part)).toBeLessThanOrEqual(65535);
  });

  test("names the product in Dutch", () => {
    expect(child(root, "DefaultLocale").textContent?.trim()).toBe("nl-NL");
    expect(attr(child(root, "DisplayName"), "DefaultValue")).toBe("Jeugdscenario");
    expect(child(root, "ProviderName").textContent?.trim()).not.toBe("");
    const description = attr(child(root, "Description"), "DefaultValue");
    expect(description).toMatch(/jeugdhulp/i);
  });

  test("runs in Excel only (Host Workbook), also in the ribbon overrides", () => {
    const hosts = children(child(root, "Hosts"));
    expect(hosts.map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    const overrideHosts = children(child(versionOverrides, "Hosts"));
    expect(overrideHosts.map((h) => xsiType(h))).toEqual(["Workbook"]);
  });

  test("declares the ExcelApi requirement set 1.7 (the adapter's minimum)", () => {
    const sets = child(child(root, "Requirements"), "Sets");
    const excelApi = children(sets).filter((s) => s.localName === "Set" && s.getAttribute("Name") === "ExcelApi");
    expect(excelApi).toHaveLength(1);
    expect(attr(excelApi[0] as Element, "MinVersion")).toBe("1.7");
  });

  test("every URL is https", () => {
    const found: string[] = [];
    for (const el of [root, ...descendants(root)]) {
      for (const a of Array.from(el.attributes)) {
        // Namespace declarations are identifiers, not URLs that Office fetches.
        if (a.name === "xmlns" || a.prefix === "xmlns") continue;
        if (a.value.includes("://")) found.push(a.value);
      }
      for (const n of Array.from(el.childNodes)) {
        const text = n.nodeType === n.TEXT_NODE ? (n.textContent ?? "").trim() : "";
        if (text.includes("://")) found.push(text);
      }
    }
    expect(found.length).toBeGreaterThan(5);
    for (const url of found) {
      expect(url).toMatch(/^https:\/\//);
      expect(() => new URL(url)).not.toThrow();
    }
    for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
      expect(attr(child(root, name), "DefaultValue")).toMatch(/^https:\/\//);
    }
    expect(attr(child(child(root, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toMatch(/^https:\/\//);
  });

  test("every resid resolves to a resource of the right kind", () => {
    const kindFor = (el: Element): Map<string, Element> => {
      if (el.localName === "Image" && el.namespaceURI === NS.bt) return images;
      if (["SourceLocation", "LearnMoreUrl", "FunctionFile"].includes(el.localName)) return urls;
      if (["Label", "Title"].includes(el.localName)) return shortStrings;
      if (el.localName === "Description") return longStrings;
      throw new Error(`<${el.localName} resid> is not covered by this test; add its resource kind`);
    };
    const all = new Map([...images, ...urls, ...shortStrings, ...longStrings]);
    const referencing = descendants(versionOverrides).filter((el) => el.hasAttribute("resid"));
    expect(referencing.length).toBeGreaterThan(0);
    for (const el of referencing) {
      const resid = attr(el, "resid");
      expect({ resid, resolves: all.has(resid) }).toEqual({ resid, resolves: true });
      expect({ resid, rightKind: kindFor(el).has(resid) }).toEqual({ resid, rightKind: true });
      expect(resid.length).toBeLessThanOrEqual(32); // schema: resid is at most 32 characters
    }
  });

  test("resource strings and names fit the schema's length limits", () => {
    expect(attr(child(root, "DisplayName"), "DefaultValue").length).toBeLessThanOrEqual(125);
    expect(attr(child(root, "Description"), "DefaultValue").length).toBeLessThanOrEqual(250);
    for (const el of shortStrings.values()) expect(attr(el, "DefaultValue").length).toBeLessThanOrEqual(125);
    for (const el of longStrings.values()) expect(attr(el, "DefaultValue").length).toBeLessThanOrEqual(250);
    for (const el of urls.values()) expect(attr(el, "DefaultValue").length).toBeLessThanOrEqual(2048);
  });

  test("the ribbon button on the Home tab opens the task pane", () => {
    const tab = descendants(versionOverrides).find((el) => el.localName === "OfficeTab");
    expect(tab && attr(tab, "id")).toBe("TabHome");
    const button = descendants(versionOverrides).find(
      (el) => el.localName === "Control" && xsiType(el) === "Button",
    ) as Element;
    const action = child(button, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    const url = urls.get(attr(child(action, "SourceLocation"), "resid"));
    expect(url && attr(url, "DefaultValue")).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  test("the button sits in its own group on the Home tab of the desktop ribbon, with a label and tooltip", () => {
    const host = child(child(versionOverrides, "Hosts"), "Host");
    const formFactor = child(host, "DesktopFormFactor");
    const extension = child(formFactor, "ExtensionPoint");
    expect(xsiType(extension)).toBe("PrimaryCommandSurface");
    const tab = child(extension, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const group = child(tab, "Group");
    expect(attr(shortStrings.get(attr(child(group, "Label"), "resid")) as Element, "DefaultValue")).toBe("Jeugdscenario");
    const controls = children(group).filter((c) => c.localName === "Control");
    expect(controls).toHaveLength(1);
    const button = controls[0] as Element;
    expect(xsiType(button)).toBe("Button");
    expect(attr(shortStrings.get(attr(child(button, "Label"), "resid")) as Element, "DefaultValue")).toBe(
      "Jeugdscenario",
    );
    const supertip = child(button, "Supertip");
    expect(attr(longStrings.get(attr(child(supertip, "Description"), "resid")) as Element, "DefaultValue")).toMatch(
      /taakvenster/,
    );
    const action = child(button, "Action");
    expect(child(action, "TaskpaneId").textContent?.trim()).not.toBe("");
    // The ribbon and the classic entry point open the same page.
    expect(attr(urls.get(attr(child(action, "SourceLocation"), "resid")) as Element, "DefaultValue")).toBe(
      attr(child(child(root, "DefaultSettings"), "SourceLocation"), "DefaultValue"),
    );
  });

  test("assets/ holds the icons at 16, 32, 64 and 80 px, each used by the manifest", () => {
    const sizes = [16, 32, 64, 80];
    for (const size of sizes) {
      const file = join(ROOT, "assets", `icon-${size}.png`);
      expect({ file: `icon-${size}.png`, exists: existsSync(file) }).toEqual({ file: `icon-${size}.png`, exists: true });
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    const referenced = new Set(
      [
        attr(child(root, "IconUrl"), "DefaultValue"),
        attr(child(root, "HighResolutionIconUrl"), "DefaultValue"),
        ...[...images.values()].map((el) => attr(el, "DefaultValue")),
      ].map((url) => new URL(url).pathname),
    );
    expect([...referenced].sort()).toEqual(sizes.map((s) => `/assets/icon-${s}.png`).sort());
  });

  test("scripts/make-icons.mjs regenerates the committed icons byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "jeugd-icons-"));
    try {
      const result = spawnSync(process.execPath, [join(ROOT, "scripts", "make-icons.mjs"), out], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
      for (const size of [16, 32, 64, 80]) {
        const name = `icon-${size}.png`;
        expect({ name, same: readFileSync(join(out, name)).equals(readFileSync(join(ROOT, "assets", name))) }).toEqual({
          name,
          same: true,
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("icons exist under assets/ with the declared pixel size", () => {
    expectIcon(attr(child(root, "IconUrl"), "DefaultValue"), 32);
    expectIcon(attr(child(root, "HighResolutionIconUrl"), "DefaultValue"), 64);
    const iconRefs = descendants(versionOverrides).filter(
      (el) => el.localName === "Image" && el.namespaceURI === NS.bt && el.hasAttribute("resid"),
    );
    expect(new Set(iconRefs.map((el) => attr(el, "size")))).toEqual(new Set(["16", "32", "80"]));
    for (const ref of iconRefs) {
      const image = images.get(attr(ref, "resid"));
      expect(image).toBeDefined();
      expectIcon(attr(image as Element, "DefaultValue"), Number(attr(ref, "size")));
    }
  });

  test("the production build replaces every dev URL with ADDIN_PROD_URL", () => {
    // webpack.config.js is CommonJS without types; type the one helper we use.
    const { manifestForProduction } = require("../webpack.config.js") as {
      manifestForProduction: (xml: string, prodUrl?: string) => string;
    };
    const prod = manifestForProduction(xml, "https://jeugd.example.org/pane");
    expect(prod).not.toContain("localhost");
    const prodDoc = parseManifest(prod);
    expect(attr(child(child(prodDoc.documentElement, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(
      "https://jeugd.example.org/pane/taskpane.html",
    );
    expect(child(child(prodDoc.documentElement, "AppDomains"), "AppDomain").textContent).toBe(
      "https://jeugd.example.org",
    );
    expect(() => manifestForProduction(xml, "http://jeugd.example.org/")).toThrow(/https/);
  });

  test("office-addin-manifest info parses it offline", () => {
    const result = spawnSync("npx", ["--no", "office-addin-manifest", "info", "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      shell: process.platform === "win32",
    });
    expect(result.error).toBeUndefined();
    expect({ status: result.status, stderr: result.status === 0 ? "" : result.stderr }).toEqual({
      status: 0,
      stderr: "",
    });
    expect(result.stdout).toContain("Hosts: Workbook");
    expect(result.stdout).toContain(child(root, "Id").textContent?.trim());
  });
});
