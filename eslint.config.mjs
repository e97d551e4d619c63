// ESLint flat config used by `npm run lint` (office-addin-lint check runs
// `eslint -c eslint.config.mjs "src/**/*.{ts,tsx,js,jsx}"` when this file exists).
//
// Why not spread `officeAddins.configs.recommended` as is: its rules block only matches
// `**/*.{js,mjs,cjs,ts,cts,mts}` (no .tsx), and it registers its own, older copy of the
// `@typescript-eslint` plugin, which clashes with typescript-eslint's ("Cannot redefine plugin").
// So we take its pieces and scope them to our TypeScript sources:
// - the Office rules (call-sync-before-read, load-object-before-read, …) and prettier/prettier,
//   with the same severities as the plugin's recommended config;
// - @eslint/js recommended and eslint-config-prettier, as in the plugin's recommended config;
// - typescript-eslint recommended (which also switches off no-undef for TypeScript: tsc checks it);
// - no-explicit-any as an error.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const files = ["src/**/*.{ts,tsx}"];

const [jsRecommended, prettierCompat, officeRecommended] = officeAddins.configs.recommended;
if (!officeRecommended?.rules?.["office-addins/call-sync-before-read"]) {
  throw new Error("eslint-plugin-office-addins: recommended config has changed shape; update eslint.config.mjs");
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  {
    files,
    extends: [jsRecommended, prettierCompat, ...tseslint.configs.recommended],
    plugins: {
      "office-addins": officeRecommended.plugins["office-addins"],
      prettier: officeRecommended.plugins.prettier,
    },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...officeRecommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
);
