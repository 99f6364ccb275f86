import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations, generated from db/schema-pg.ts (SQLite's stay in drizzle/, from db/schema-sqlite.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./drizzle/pg",
});
