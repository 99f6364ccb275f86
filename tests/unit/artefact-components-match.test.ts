/** How an item's components name the files and modules of an artefact. */
import { describe, expect, it } from "vitest";
import { matchesName, matchesPath, normalisePath, splitComponents } from "@/lib/artefacts/components-match";

describe("splitComponents", () => {
  it("treats an entry with a slash or a glob character as a path glob, any other as a name", () => {
    expect(splitComponents(["vm/devices/net/**", "underhill_core", "*.rs", "src?", "[ab]", "{x,y}", " net_backend ", ""])).toEqual({
      globs: ["vm/devices/net/**", "*.rs", "src?", "[ab]", "{x,y}"],
      names: ["underhill_core", "net_backend"],
    });
  });
});

describe("matchesPath", () => {
  const net = ["vm/devices/net/**"];

  it("a directory glob ending in ** matches every file below it, at any depth", () => {
    expect(matchesPath(net, "vm/devices/net/lib.rs")).toBe(true);
    expect(matchesPath(net, "vm/devices/net/virtio/queue/mod.rs")).toBe(true);
    expect(matchesPath(net, "vm/devices/network/lib.rs")).toBe(false);
    expect(matchesPath(net, "other/vm/devices/net/lib.rs")).toBe(false);
  });

  it("reads ./ prefixes and Windows backslashes, on either side, as the same path", () => {
    expect(matchesPath(net, "./vm/devices/net/lib.rs")).toBe(true);
    expect(matchesPath(net, "vm\\devices\\net\\lib.rs")).toBe(true);
    expect(matchesPath(["./vm/devices/net/**"], ".\\vm\\devices\\net\\lib.rs")).toBe(true);
    expect(normalisePath(" ././a\\b.rs ")).toBe("a/b.rs");
  });

  it("keeps picomatch's meaning: * stays in one folder, a plain folder names only itself", () => {
    expect(matchesPath(["vm/devices/net/*"], "vm/devices/net/lib.rs")).toBe(true);
    expect(matchesPath(["vm/devices/net/*"], "vm/devices/net/virtio/mod.rs")).toBe(false);
    expect(matchesPath(["vm/devices/net"], "vm/devices/net/lib.rs")).toBe(false);
    expect(matchesPath(["vm/devices/net"], "vm/devices/net")).toBe(true);
    expect(matchesPath(["src/{a,b}.rs"], "src/b.rs")).toBe(true);
    expect(matchesPath(["src/[ab].rs"], "src/c.rs")).toBe(false);
  });

  it("includes files in hidden folders and matches nothing without a glob", () => {
    expect(matchesPath(["vm/**"], "vm/.generated/bindings.rs")).toBe(true);
    expect(matchesPath([], "vm/lib.rs")).toBe(false);
  });
});

describe("matchesName", () => {
  it("is exact and case-sensitive", () => {
    expect(matchesName(["underhill_core"], "underhill_core")).toBe(true);
    expect(matchesName(["underhill_core"], "Underhill_core")).toBe(false);
    expect(matchesName(["underhill_core"], "underhill_core_sys")).toBe(false);
    expect(matchesName([], "underhill_core")).toBe(false);
  });
});
