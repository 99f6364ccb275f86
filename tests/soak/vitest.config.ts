import { defineConfig } from "vitest/config";

// `npm run test:soak` (scripts/soak.mjs): the long fault runs, one file at a time.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/soak/**/*.soak.test.ts"],
    environment: "node",
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
