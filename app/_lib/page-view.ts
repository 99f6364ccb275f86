import "server-only";
import { AppError } from "@/lib/errors";
import { viewParams, type ViewParams } from "@/lib/program-links";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * asOf/knownAt of a page from its URL, parsed by the same rule as the API. A malformed date is
 * reported back to the page (as `error`) and the view falls back to today.
 */
export async function pageView(searchParams: SearchParams) {
  const search = await searchParams;
  const view: ViewParams = viewParams(search);
  try {
    const { asOf, knownAt } = parseAsOfQuery(new URLSearchParams(Object.entries(view).filter(([, v]) => v) as [string, string][]));
    return { search, view, asOf, knownAt, error: null as string | null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const now = Date.now();
    return { search, view: {}, asOf: now, knownAt: now, error: e.errors.map((x) => `${x.path}: ${x.message}`).join("; ") };
  }
}
