import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // unit/: lib rules without a database; db/: tests that open SQLite (files, :memory:, the CLI).
    include: ["tests/unit/**/*.test.ts", "tests/db/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Vitest's default leaves one core free (one worker on two cores), but many database tests
    // wait on a child process (the CLI, PostgreSQL) while it works: two workers keep both busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
