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
 * - the dev server works with or without office-addin-dev-certs.
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
  if (!dev) manifestForProduction("", urlProd); // fail fast on a bad ADDIN_PROD_URL
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const httpsOptions = serving ? await getHttpsOptions() : undefined;

  /** @type {import("webpack").Configuration} */
  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
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
              return dev ? content : manifestForProduction(content.toString());
            },
          },
          ...(dev
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
        officeJsUrl: dev ? `${officeJsLocalDir}/office.js` : officeJsCdn,
      }),
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
    },
  };

  return config;
};

module.exports.manifestForProduction = manifestForProduction;
