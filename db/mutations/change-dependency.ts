import { affectedRows } from "../affected-rows";
import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq, max } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { cycleClosedBy, formatCycle } from "@/lib/graph";
import { dependencyId } from "@/lib/log-vocabulary";
import { parseInput } from "@/lib/validations/parse-input";
import { dependencyInputSchema } from "@/lib/validations/transition-input";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { findProgramItem } from "../queries/find-program-item";
import { dependencies, items, type Person } from "../schema";

async function programEdges(tx: Tx, programId: number): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ from: items.key, to: dependencies.dependsOnId })
    .from(dependencies)
    .innerJoin(items, eq(dependencies.itemId, items.id))
    .where(eq(items.programId, programId))
    .orderBy(dependencies.itemId, dependencies.position);
  const keyById = new Map(
    (await tx.select({ id: items.id, key: items.key }).from(items).where(eq(items.programId, programId))).map((i) => [i.id, i.key]),
  );
  const edges = new Map<string, string[]>();
  rows.forEach((r) => edges.set(r.from, [...(edges.get(r.from) ?? []), keyById.get(r.to)!]));
  return edges;
}

/** Adds `key depends on dependsOn`; an edge that would close a cycle is refused, naming it (422). */
export interface AddDependencyArgs {
  slug: string;
  key: string;
  /** `{ dependsOn }`, parsed here. */
  input: unknown;
  actor: Person;
}

export async function addDependency(db: Db, { slug, key, input, actor }: AddDependencyArgs) {
  const { dependsOn } = parseInput(dependencyInputSchema, input, "dependency");
  return await transact(db, async (tx) => {
    const { program, item } = await findProgramItem(tx, slug, key);
    const target = (await findProgramItem(tx, slug, dependsOn)).item;
    const edges = await programEdges(tx, program.id);
    if (edges.get(key)?.includes(dependsOn)) throw new AppError("conflict", `${key} already depends on ${dependsOn}`);
    const cycle = cycleClosedBy(edges, key, dependsOn);
    if (cycle)
      throw new AppError("rule", `dependency cycle: ${formatCycle(cycle)}`, [
        { path: "dependsOn", message: `${key} -> ${dependsOn} would close the cycle ${formatCycle(cycle)}` },
      ]);
    const position =
      ((await firstRow(tx.select({ n: max(dependencies.position) }).from(dependencies).where(eq(dependencies.itemId, item.id))))?.n ?? -1) + 1;
    await tx.insert(dependencies).values({ itemId: item.id, dependsOnId: target.id, position });
    await appendToLog(tx, {
      actor: actor.email,
      action: "add",
      entity: "dependency",
      entityId: dependencyId(key, dependsOn),
      programSlug: slug,
      payload: { item: key, dependsOn },
    });
    return { item: key, dependsOn };
  });
}

export interface RemoveDependencyArgs {
  slug: string;
  key: string;
  dependsOn: string;
  actor: Person;
}

export async function removeDependency(db: Db, { slug, key, dependsOn, actor }: RemoveDependencyArgs): Promise<void> {
  await transact(db, async (tx) => {
    const { item } = await findProgramItem(tx, slug, key);
    const target = (await findProgramItem(tx, slug, dependsOn)).item;
    const removed = await tx
      .delete(dependencies)
      .where(and(eq(dependencies.itemId, item.id), eq(dependencies.dependsOnId, target.id)));
    if (affectedRows(removed) === 0) throw new AppError("not_found", `${key} does not depend on ${dependsOn}`);
    await appendToLog(tx, {
      actor: actor.email,
      action: "remove",
      entity: "dependency",
      entityId: dependencyId(key, dependsOn),
      programSlug: slug,
      payload: { item: key, dependsOn },
    });
  });
}
