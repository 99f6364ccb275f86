import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_FILE, parseDatabaseUrl, redactPassword } from "@/lib/database-url";

describe("parseDatabaseUrl", () => {
  it("unset or blank is the default SQLite file", () => {
    for (const value of [undefined, "", "   "]) expect(parseDatabaseUrl(value)).toEqual({ dialect: "sqlite", file: DEFAULT_DATABASE_FILE });
  });

  it("a path, file:PATH, file:///PATH and :memory: are SQLite", () => {
    expect(parseDatabaseUrl("data/x.db")).toEqual({ dialect: "sqlite", file: "data/x.db" });
    expect(parseDatabaseUrl("/var/lib/tracker/t.db")).toEqual({ dialect: "sqlite", file: "/var/lib/tracker/t.db" });
    expect(parseDatabaseUrl("./a:b/t.db")).toEqual({ dialect: "sqlite", file: "./a:b/t.db" });
    expect(parseDatabaseUrl("file:data/x.db")).toEqual({ dialect: "sqlite", file: "data/x.db" });
    expect(parseDatabaseUrl("file:///var/lib/t%20x.db")).toEqual({ dialect: "sqlite", file: "/var/lib/t x.db" });
    expect(parseDatabaseUrl(":memory:")).toEqual({ dialect: "sqlite", file: ":memory:" });
  });

  it("postgres:// and postgresql:// name PostgreSQL, with a database", () => {
    expect(parseDatabaseUrl("postgres://u:p@db:5432/tracker")).toEqual({ dialect: "postgres", url: "postgres://u:p@db:5432/tracker" });
    expect(parseDatabaseUrl("PostgreSQL://db/tracker?sslmode=require")).toEqual({ dialect: "postgres", url: "PostgreSQL://db/tracker?sslmode=require" });
    expect(() => parseDatabaseUrl("postgres://u:secret@db:5432")).toThrow(/names no database/);
    expect(() => parseDatabaseUrl("postgres://u:secret@db:5432/")).toThrow(/names no database/);
    expect(() => parseDatabaseUrl("postgres://u:secret@db:5432")).not.toThrow(/secret/);
  });

  it("any other scheme is refused in one line that names what is accepted, never showing a password", () => {
    for (const value of ["mysql://u:secret@db/tracker", "sqlite://t.db", "redis://db", "http://db/x"]) {
      let message = "";
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, value).toMatch(/names no database the tracker runs on .*SQLite file path .*postgres:\/\//);
      expect(message).not.toContain("secret");
      expect(message).not.toContain("\n");
    }
  });

  it("whatever the value, it is SQLite, PostgreSQL, or one line of refusal", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom("postgres://", "file:", "mysql://")), (value) => {
        try {
          const target = parseDatabaseUrl(value);
          expect(["sqlite", "postgres"]).toContain(target.dialect);
          if (target.dialect === "sqlite") expect(target.file.length).toBeGreaterThan(0);
        } catch (error) {
          expect((error as Error).message).toMatch(/^DATABASE_URL /);
        }
      }),
    );
  });
});

describe("redactPassword", () => {
  it("hides a URL's password and leaves everything else", () => {
    expect(redactPassword("postgres://tracker:s3cr%40t@db:5432/t")).toBe("postgres://tracker:***@db:5432/t");
    expect(redactPassword("postgres://tracker@db/t")).toBe("postgres://tracker@db/t");
    expect(redactPassword("data/tracker.db")).toBe("data/tracker.db");
  });
});
