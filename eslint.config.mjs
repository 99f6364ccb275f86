// One lint config for the whole tree; `npm test` runs it before the unit tests and fails on any error.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

// The layers point one way: lib is pure (no I/O, no framework), components never reach up into app.
const layerRules = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const pureLib = layerRules([
  { group: ["@/db", "@/db/*", "**/db/*"], message: "lib/ is pure: load data in db/ and pass it in." },
  { group: ["next", "next/*"], message: "lib/ is framework-free: keep Next.js at the edges (app/)." },
  { group: ["react", "react-dom", "react/*"], message: "lib/ is framework-free: UI lives in components/." },
  { group: ["@/app", "@/app/*", "@/components", "@/components/*"], message: "lib/ never imports the layers above it." },
  {
    group: ["node:fs", "node:fs/*", "fs", "fs/*", "node:child_process", "child_process", "node:worker_threads", "worker_threads", "node:os", "os", "node:http", "node:https", "node:dns", "better-sqlite3", "pg"],
    message: "lib/ is pure: files, processes, threads, the network and the database are I/O; do them in db/ (or app/) and pass the result in.",
  },
]);

const componentsBelowApp = layerRules([
  { group: ["@/app", "@/app/*"], message: "components/ never imports from app/: pass actions and data in as props." },
]);

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "tests/.tmp/**",
      "test-results/**",
      "playwright-report/**",
      "bench/tmp/**",
      "data/**",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only the database handles: a Map's delete needs no where.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // Type-aware: a promise nobody awaits (a write that may fail unseen, a read used before it
    // arrived) is an error, as is a promise handed where a plain callback is expected.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  { files: ["lib/**"], rules: pureLib },
  { files: ["components/**"], rules: componentsBelowApp },
);
