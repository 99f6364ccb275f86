import fs from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { cargoFigures } from "@/lib/artefacts/cargo-figures";
import { closure, parseCargoLock } from "@/lib/artefacts/cargo-lock";
import { classifyVet } from "@/lib/artefacts/cargo-vet";

const OPENVMM = fs.readFileSync("tests/fixtures/real/openvmm/Cargo.lock", "utf8");
const WASMTIME = fs.readFileSync("tests/fixtures/real/wasmtime/Cargo.lock", "utf8");
const supplyChain = (file: string) => fs.readFileSync(`tests/fixtures/real/wasmtime/supply-chain/${file}`, "utf8");
const VET = { config: supplyChain("config.toml"), audits: supplyChain("audits.toml"), imports: supplyChain("imports.lock") };

const figureOf = (result: ReturnType<typeof cargoFigures>, key: string, metric: string) => result.figures.find((f) => f.key === key && f.metric === metric);
const workspaceNames = (text: string) =>
  [...new Set((parse(text) as { package: Array<{ name: string; source?: string }> }).package.filter((p) => p.source === undefined).map((p) => p.name))];

describe("cargoFigures on OpenVMM without vetting data", () => {
  const items = [
    { key: "PARAVISOR", components: ["underhill_core", "openhcl_boot", "vm/devices/**", "not_a_crate"] },
    { key: "DOCS", components: ["Guide/**"] },
  ];
  const result = cargoFigures(OPENVMM, items);

  it("counts the registry crates of the item's packages together and names the packages it counted", () => {
    const lock = parseCargoLock(OPENVMM);
    const registry = [...closure(lock, ["underhill_core", "openhcl_boot"]).ids].filter((id) => lock.byId.get(id)!.source?.startsWith("registry+"));
    const figure = figureOf(result, "PARAVISOR", "third_party_crates");
    expect(figure?.value).toBe(registry.length);
    expect(figure?.detail).toBe(`${registry.length} registry crates in the dependency closure of underhill_core, openhcl_boot`);
  });

  it("calls every crate not vetted when there is no supply-chain data, and says so", () => {
    const total = figureOf(result, "PARAVISOR", "third_party_crates")!.value;
    const figure = figureOf(result, "PARAVISOR", "unvetted_crates");
    expect(figure?.value).toBe(total);
    expect(figure?.detail).toBe(`${total} of ${total} not vetted: 0 exempted, ${total} unvetted`);
    expect(result.notes).toContain("no vetting data");
  });

  it("gives no figures to an item whose components name no package of the lock", () => {
    expect(result.figures.filter((f) => f.key === "DOCS")).toEqual([]);
    expect(result.figures).toHaveLength(2);
  });

  it("lists, sorted, the workspace packages no item names, and nothing from a registry or git", () => {
    const expected = workspaceNames(OPENVMM)
      .filter((n) => n !== "underhill_core" && n !== "openhcl_boot")
      .sort();
    expect(result.unmapped).toEqual(expected);
    expect(result.unmapped).not.toContain("bitvec");
    expect(result.unmapped).not.toContain("zerocopy");
  });

  it("ignores a path glob even when it spells a package name", () => {
    const globbed = cargoFigures(OPENVMM, [{ key: "X", components: ["underhill_core/**", "underhill_core/src", "underhill_cor?"] }]);
    expect(globbed.figures).toEqual([]);
    expect(globbed.unmapped).toContain("underhill_core");
  });
});

describe("cargoFigures on an empty program", () => {
  it("gives no figures and lists every workspace package as unmapped", () => {
    const result = cargoFigures(OPENVMM, []);
    expect(result.figures).toEqual([]);
    expect(result.unmapped).toEqual(workspaceNames(OPENVMM).sort());
    expect(result.notes).toEqual(["no vetting data"]);
  });
});

describe("cargoFigures on Wasmtime with its supply-chain folder", () => {
  const result = cargoFigures(WASMTIME, [{ key: "CLI", components: ["wasmtime-cli"] }], VET);

  it("counts as not vetted the exempted and unvetted crates of the closure, each named in the detail", () => {
    const lock = parseCargoLock(WASMTIME);
    const { status } = classifyVet(lock, VET);
    const inClosure = [...closure(lock, ["wasmtime-cli"]).ids].map((id) => status.get(id)).filter((s) => s !== undefined);
    const exempted = inClosure.filter((s) => s === "exempted").length;
    const unvetted = inClosure.filter((s) => s === "unvetted").length;
    const figure = figureOf(result, "CLI", "unvetted_crates");
    expect(figure?.value).toBe(exempted + unvetted);
    expect(figure?.detail).toBe(`${exempted + unvetted} of ${inClosure.length} not vetted: ${exempted} exempted, ${unvetted} unvetted`);
    expect(exempted).toBeGreaterThan(0);
    expect(figure!.value).toBeLessThan(figureOf(result, "CLI", "third_party_crates")!.value);
  });

  it("passes on the vetting notes and says what a closure counts", () => {
    expect(result.notes.some((n) => n.includes("trusted without a publisher record"))).toBe(true);
    expect(result.notes).toContain("closures count every dependency Cargo.lock lists: dev, build and all platforms' alike");
    expect(result.notes).not.toContain("no vetting data");
  });
});

describe("cargoFigures on small locks", () => {
  it("speaks of one crate in the singular", () => {
    const lock = '[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["log"]\n\n[[package]]\nname = "log"\nversion = "0.4.0"\nsource = "sparse+https://index.crates.io/"\n';
    expect(figureOf(cargoFigures(lock, [{ key: "APP", components: ["app"] }]), "APP", "third_party_crates")?.detail).toBe(
      "1 registry crate in the dependency closure of app",
    );
  });

  it("refuses a malformed lock before reading any item", () => {
    expect(() => cargoFigures("[[package]]\nname = 1", [{ key: "A", components: ["a"] }])).toThrow(AppError);
  });
});
