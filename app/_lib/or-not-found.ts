import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a query for a page: its not_found AppError (unknown slug, key or id) becomes the 404 page. */
export async function orNotFound<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
