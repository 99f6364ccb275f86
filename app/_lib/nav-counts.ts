import "server-only";
import { cache } from "react";
import { getDb } from "@/db/get-db";
import { countNav, type NavCounts } from "@/db/queries/count-nav";
import { currentPerson } from "./auth";

/**
 * The header's numbers for the signed-in person, as the page is rendered. React's per-request
 * cache computes them once however many parts of the page ask.
 */
export const navCounts = cache(async (): Promise<NavCounts | null> => {
  const person = await currentPerson();
  return person ? await countNav(await getDb(), person) : null;
});
