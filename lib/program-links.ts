/** Search parameters that carry the bitemporal view from page to page. */
export interface ViewParams {
  asOf?: string;
  knownAt?: string;
}

/** A link into a program page keeping asOf/knownAt, plus extra filters. */
/** The readiness API's answer for the same view: the whole lists a dashboard cuts. */
export function readinessApiHref(slug: string, view: ViewParams = {}): string {
  return `/api/programs/${slug}/readiness${viewQuery(view)}`;
}

/** "?asOf=…&…" for a view and extra parameters, empty ones left out; "" when none is left. */
function viewQuery(view: ViewParams, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...view, ...extra })) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function programHref(
  slug: string,
  page: "" | "items" | "graph" | "timeline" | "claims" | "reports" | "settings",
  view: ViewParams = {},
  extra: Record<string, string | undefined> = {},
): string {
  return `/programs/${slug}${page ? `/${page}` : ""}${viewQuery(view, extra)}`;
}

/** asOf/knownAt from page search params, only when they look like dates (the query parser judges). */
export function viewParams(search: Record<string, string | string[] | undefined>): ViewParams {
  const pick = (k: string) => (typeof search[k] === "string" && search[k] ? (search[k] as string) : undefined);
  return { asOf: pick("asOf"), knownAt: pick("knownAt") };
}

/** A link to one claim of a program, keeping asOf/knownAt. */
export function claimHref(slug: string, id: string, view: ViewParams = {}): string {
  return programHref(slug, "claims", view).replace(/\/claims(?=\?|$)/, `/claims/${encodeURIComponent(id)}`);
}
