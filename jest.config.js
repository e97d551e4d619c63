/**
 * Two jest projects:
 * - unit: everything under tests/ except the browser suite (node; jsdom where a file asks for it);
 * - browser: tests/browser, the built task pane in headless Chromium with the strict Excel fake as its
 *   host. Its global setup builds the test pane (webpack --env test → dist/test) once per run, and only
 *   when a browser test is selected; without Chromium it skips locally and fails under CI=true.
 * `npx jest` runs both; `npx jest tests/browser` only the second.
 */
const gedeeld = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...gedeeld,
      displayName: "unit",
      roots: ["<rootDir>/tests"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/browser/"],
    },
    {
      ...gedeeld,
      displayName: "browser",
      roots: ["<rootDir>/tests/browser"],
      globalSetup: "<rootDir>/tests/browser/global-setup.ts",
    },
  ],
  // Global only: jest 30 ignores testTimeout inside a project. Browser tests that need more say so.
  testTimeout: 60000,
};
