import { describe, expect, it } from "vitest";
import { sourceHost } from "@/lib/claims/source-host";

describe("sourceHost", () => {
  it("names the host a source link leads to", () => {
    expect(sourceHost("https://www.youtube.com/watch?v=1VgptLwP588")).toBe("youtube.com");
    expect(sourceHost("https://learn.microsoft.com/azure/azure-boost/overview")).toBe("learn.microsoft.com");
  });
  it("shows what it was given when that is not a URL", () => {
    expect(sourceHost("not a url")).toBe("not a url");
  });
});
