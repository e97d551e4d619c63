/* eslint-env node */
/**
 * Webpack config for the task pane, after the official Office-Addin-TaskPane-React template
 * (async config so the dev certificates can be loaded), with these changes:
 * - ts-loader type-checks the bundled files against tsconfig.json (the template only transpiles);
 * - output goes to dist/web (dist/node is the CLI);
 * - development builds serve a local copy of Office.js from @microsoft/office-js, so the pane
 *   and the browser tests work offline; production builds load it from Microsoft's CDN, as
 *   Microsoft requires for published add-ins;
 * - the production URL comes from ADDIN_PROD_URL and replaces https://localhost:3000/ in the
 *   copied manifest;
 * - the dev server works with or without office-addin-dev-certs, and `npm start` prints how to
 *   sideload the manifest once it listens;
 * - taskpane.html gets a Content-Security-Policy <meta> (see contentSecurityPolicy below);
 * - `--env test` builds the browser-test pane instead (tests/browser/paneel-test.tsx: the real pane
 *   with the strict Excel fake as its host) into dist/test, so the fake never reaches dist/web.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = withTrailingSlash(process.env.ADDIN_PROD_URL || "https://jeugdscenario.example.nl/");
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsLocalDir = "office-js";
const officeJsDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** Where the CBS open-data client connects (src/sources/cbs-odata.ts; odata.nextLink may point to opendata). */
const cbsHosts = ["https://dataderden.cbs.nl", "https://opendata.cbs.nl"];

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The manifest for a production build: every https://localhost:3000/ URL becomes the production
 * URL, and the bare origin (AppDomain) becomes the production origin.
 */
function manifestForProduction(xml, prodUrl = urlProd) {
  if (new URL(prodUrl).protocol !== "https:") {
    throw new Error(`ADDIN_PROD_URL must be an https URL (Office requires it), got ${prodUrl}`);
  }
  const devOrigin = new URL(urlDev).origin;
  const prodOrigin = new URL(prodUrl).origin;
  return xml
    .replace(new RegExp(escapeRegExp(urlDev), "g"), withTrailingSlash(prodUrl))
    .replace(new RegExp(escapeRegExp(devOrigin), "g"), prodOrigin);
}

/**
 * The task pane's Content-Security-Policy, as the content of a <meta http-equiv> in taskpane.html
 * (a static host cannot be relied on to send headers; `frame-ancestors` cannot be set in a <meta>,
 * so it is left to the municipality's web server). Only what the pane needs:
 * - default-src 'self': the bundle, its lazy chunks (the built-in data) and the icons come from the
 *   add-in's own origin.
 * - script-src: 'self', plus Microsoft's Office.js CDN in production. Office.js loads its host
 *   scripts (excel-web-16.00.js, …) and telemetry scripts from the same host. Development and test
 *   builds load the local copy from 'self'. No 'unsafe-eval' / 'unsafe-inline': neither the bundle
 *   (devtool source-map, no eval) nor Office.js needs them.
 * - style-src 'self' 'unsafe-inline': Fluent UI v9 styles through Griffel, which at run time creates
 *   <style> elements in <head> and fills them with insertRule; FluentProvider writes its theme tokens
 *   (CSS variables) into another such element. CSP treats every <style> element as inline style, even
 *   an empty one filled later through CSSOM. Measured in headless Chromium with style-src 'self': four
 *   "Applying inline style violates … style-src" errors (Griffel's and FluentProvider's elements, whose
 *   hash is that of the empty string, and the <style> block of taskpane.html), then "FluentProvider: No
 *   sheet available on styleTag", and the pane renders unstyled. A nonce (Griffel's
 *   createDOMRenderer({ styleElementAttributes: { nonce } })) needs a fresh value per response from a
 *   server, which static hosting of dist/web cannot give. Hashes (the empty string's plus that of the
 *   <style> block) would satisfy the pane alone, but Office.js's host script in Excel on the web has
 *   been reported to need 'unsafe-inline' styles (OfficeDev/office-js#1687), which cannot be checked
 *   outside Office, and a hash switches 'unsafe-inline' off. Inline *styles* cannot run code, so this
 *   keeps the protection that matters: no inline or foreign *script*.
 * - connect-src: 'self' (the webpack-dev-server websocket in development) and the CBS open-data hosts.
 *   Office.js's own telemetry is deliberately not allowed: neither its usage data
 *   (*.pipe.aria.microsoft.com) nor the ULS logging proxy it frames 3 s after start
 *   (telemetryservice.firstpartyapps.oaspapps.com; without frame-src, default-src 'self' refuses it
 *   with one console error — seen outside Office; its Windows host script has the same code). The
 *   pane needs neither, and blocking them keeps usage data of a municipality's staff in house.
 * - object-src 'none', base-uri 'self': no plugins, no <base> hijacking.
 */
function contentSecurityPolicy(dev) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": dev ? ["'self'"] : ["'self'", new URL(officeJsCdn).origin],
    "style-src": ["'self'", "'unsafe-inline'"],
    "connect-src": ["'self'", ...cbsHosts],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The Dutch sideloading instructions `npm start` prints once the dev server listens. */
function sideloadInstructions(url) {
  return [
    "",
    `Jeugdscenario draait op ${url}taskpane.html`,
    "",
    "Invoegtoepassing laden (sideloaden) met manifest.xml uit deze map:",
    "- Excel op het web: open een werkmap, kies Start > Invoegtoepassingen > Meer invoegtoepassingen >",
    "  Mijn invoegtoepassingen > Mijn invoegtoepassing uploaden, en kies manifest.xml.",
    "- Excel voor Windows of Mac: npx office-addin-debugging start manifest.xml",
    "  (laadt de invoegtoepassing en opent Excel; niet op Linux).",
    "Daarna staat de knop Jeugdscenario op het tabblad Start.",
    "Excel vertrouwt de https-verbinding alleen met de ontwikkelcertificaten:",
    "npx office-addin-dev-certs install (eenmalig; vraagt om beheerdersrechten).",
    "Stoppen: Ctrl+C.",
    "",
  ].join("\n");
}

/**
 * HTTPS options for the dev server, in this order:
 * 1. office-addin-dev-certs, when installed and its certificates are valid;
 * 2. the certificates it writes to ~/.office-addin-dev-certs, read directly;
 * 3. undefined: webpack-dev-server then generates a self-signed certificate.
 */
async function getHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch {
    // not installed, or no valid certificates: try the files, then fall back
  }
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", key: "localhost.key", cert: "localhost.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  }
  console.warn(
    "[jeugdscenario] No Office dev certificates found (npx office-addin-dev-certs install); " +
      "serving https with a self-signed certificate that Office will not trust.",
  );
  return undefined;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // `--env test`: the browser-test pane (tests/browser/paneel-test.tsx) into dist/test. It uses the
  // local Office.js copy like a development build, in whichever mode it is built.
  const test = Boolean(env && env.test);
  const localOfficeJs = dev || test;
  if (!dev && !test) manifestForProduction("", urlProd); // fail fast on a bad ADDIN_PROD_URL
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const httpsOptions = serving ? await getHttpsOptions() : undefined;

  /** @type {import("webpack").Configuration} */
  const config = {
    devtool: "source-map",
    entry: test
      ? {
          // The test pane keeps the chunk name, so its taskpane.html comes from the same template and
          // plugin options as the real one; bediening.html is the harness's own page of Fluent controls.
          taskpane: "./tests/browser/paneel-test.tsx",
          bediening: "./tests/browser/bediening-test.tsx",
        }
      : { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, test ? "dist/test" : "dist/web"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // tsconfig.json is the type-check config (noEmit); the bundle needs output.
              compilerOptions: { noEmit: false, sourceMap: true },
              // Report type errors in what we bundle, not in tests/scripts/CLI.
              onlyCompileBundledFiles: true,
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              return dev || test ? content : manifestForProduction(content.toString());
            },
          },
          ...(localOfficeJs
            ? [
                "office.js",
                "o15apptofilemappingtable.js",
                "excel-*.js",
                "en-us/**",
                "telemetry/**",
                "ariatelemetry/**",
              ].map((glob) => ({
                from: glob,
                context: officeJsDist,
                to: `${officeJsLocalDir}/`,
                info: { minimized: true },
              }))
            : []),
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJsUrl: localOfficeJs ? `${officeJsLocalDir}/office.js` : officeJsCdn,
        contentSecurityPolicy: contentSecurityPolicy(localOfficeJs),
      }),
      ...(test
        ? [
            new HtmlWebpackPlugin({
              filename: "bediening.html",
              template: "./src/taskpane/taskpane.html",
              chunks: ["bediening"],
              officeJsUrl: `${officeJsLocalDir}/office.js`,
              contentSecurityPolicy: contentSecurityPolicy(true),
            }),
          ]
        : []),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
      }),
    ],
    performance: {
      // Fluent UI + React: the pane is one bundle loaded once; budget it in `npm run bench`.
      hints: false,
    },
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsOptions ? { type: "https", options: httpsOptions } : "https",
      // Everything is served from webpack's in-memory output (bundle + copied files).
      static: false,
      onListening(devServer) {
        const address = devServer.server && devServer.server.address();
        const port = address && typeof address === "object" ? address.port : devServer.options.port;
        console.log(sideloadInstructions(`https://localhost:${port}/`));
      },
    },
  };

  return config;
};

module.exports.manifestForProduction = manifestForProduction;
