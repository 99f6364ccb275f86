import "server-only";
import { AppError } from "@/lib/errors";
import { fieldErrorsInWords } from "@/lib/form-field-words";
import { viewParams, type ViewParams } from "@/lib/program-links";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * asOf/knownAt of a page from its URL, parsed by the same rule as the API. A malformed date is
 * reported back to the page (as `error`) and the view falls back to today.
 */
export async function pageView(searchParams: SearchParams) {
  const search = await searchParams;
  // Read once per request, so every date derived from "today" on the page agrees.
  const now = Date.now();
  const view: ViewParams = viewParams(search);
  try {
    const { asOf, knownAt } = parseAsOfQuery(new URLSearchParams(Object.entries(view).filter(([, v]) => v) as [string, string][]), now);
    return { search, view, asOf, knownAt, now, error: null as string | null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { search, view: {}, asOf: now, knownAt: now, now, error: fieldErrorsInWords(e.errors) };
  }
}
