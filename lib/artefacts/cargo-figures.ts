import type { IngestResult, ItemComponents, ItemFigure } from "./artefact-types";
import { closure, isRegistryPackage, parseCargoLock } from "./cargo-lock";
import { classifyVet, type VetTexts } from "./cargo-vet";

const count = (n: number) => n.toLocaleString("en-US");
const crates = (n: number) => `${count(n)} registry ${n === 1 ? "crate" : "crates"}`;

/** A component with a `/` or a glob character names paths, not a Cargo package. */
export function isPathGlob(component: string): boolean {
  return /[/*?[]/.test(component);
}

/**
 * Per item, the registry crates its Cargo packages pull in (`third_party_crates`) and how many of
 * them cargo-vet does not vouch for (`unvetted_crates`: exempted or unvetted). Items whose
 * components name no package of the lock get no figures; workspace packages no item names are
 * listed as unmapped.
 */
export function cargoFigures(lockText: string, items: readonly ItemComponents[], vet?: VetTexts): IngestResult {
  const lock = parseCargoLock(lockText);
  const { status, notes } = classifyVet(lock, vet);
  const figures: ItemFigure[] = [];
  const named = new Set<string>();

  for (const item of items) {
    const names = [...new Set(item.components.filter((c) => !isPathGlob(c) && lock.byName.has(c)))];
    if (names.length === 0) continue;
    names.forEach((n) => named.add(n));
    const registry = [...closure(lock, names).ids].filter((id) => isRegistryPackage(lock.byId.get(id)!));
    const exempted = registry.filter((id) => status.get(id) === "exempted").length;
    const unvetted = registry.filter((id) => status.get(id) === "unvetted").length;
    figures.push(
      { key: item.key, metric: "third_party_crates", value: registry.length, detail: `${crates(registry.length)} in the dependency closure of ${names.join(", ")}` },
      {
        key: item.key,
        metric: "unvetted_crates",
        value: exempted + unvetted,
        detail: `${count(exempted + unvetted)} of ${count(registry.length)} not vetted: ${count(exempted)} exempted, ${count(unvetted)} unvetted`,
      },
    );
  }

  const unmapped = [...new Set(lock.packages.filter((p) => p.source === undefined && !named.has(p.name)).map((p) => p.name))].sort();
  // Cargo.lock cannot tell a dev, build or other-platform dependency from a shipped one.
  const scope = "closures count every dependency Cargo.lock lists: dev, build and all platforms' alike";
  return { figures, unmapped, notes: figures.length > 0 ? [...notes, scope] : notes };
}
