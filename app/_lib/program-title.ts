import "server-only";
import { getDb } from "@/db/get-db";
import { findItemInProgram } from "@/db/queries/find-program-item";
import { findProgram } from "@/db/queries/get-program-or-throw";
import { currentPerson } from "./auth";

/**
 * A program page's browser title: what the page shows, then the program's name (a slug is no
 * name a person chose). Names are read only for a signed-in person; anyone else, and an address
 * that names no program, gets the page's part alone.
 */
export async function programTitle(slug: string, part: string | null): Promise<string> {
  const program = await programOf(slug);
  return [part, program?.name].filter(Boolean).join(" · ") || "Not found";
}

/** An item page's title: its key and title, then the program's name. */
export async function itemTitle(slug: string, key: string | null): Promise<string> {
  if (key === null) return "Not found";
  const program = await programOf(slug);
  const found = program ? await findItemInProgram(await getDb(), program.id, key) : undefined;
  if (!found) return "Not found";
  return `${key} ${found.item.title} · ${program!.name}`;
}

async function programOf(slug: string) {
  if (!(await currentPerson())) return undefined;
  return await findProgram(await getDb(), slug);
}
