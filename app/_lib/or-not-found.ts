import "server-only";
import { notFound } from "next/navigation";
import { namesNothing } from "@/lib/errors";

/**
 * Runs a query for a page: its not_found AppError (unknown slug, key or id) becomes the 404 page,
 * as does a value no database could hold (a slug with U+0000 refused by PostgreSQL).
 */
export async function orNotFound<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (namesNothing(e)) notFound();
    throw e;
  }
}
