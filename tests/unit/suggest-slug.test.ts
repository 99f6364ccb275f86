import { describe, expect, it } from "vitest";
import { slugSchema } from "@/lib/bundle/bundle-schema";
import { suggestSlug } from "@/lib/bundle/suggest-slug";

describe("suggestSlug", () => {
  it("counts up from 2 past the slugs in use", () => {
    const taken = new Set(["boost-offload", "boost-offload-2"]);
    expect(suggestSlug("boost-offload", (s) => taken.has(s))).toBe("boost-offload-3");
  });

  it("keeps a number the slug already ends with (a year, a timestamp)", () => {
    expect(suggestSlug("offload-2024", () => false)).toBe("offload-2024-2");
  });

  it("stays a valid slug at the maximum length", () => {
    const long = `a${"b".repeat(61)}-`.slice(0, 63);
    const slug = suggestSlug(long, () => false);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
});
