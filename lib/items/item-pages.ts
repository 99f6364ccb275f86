/** The neighbouring pages of one page of a list: the offset each starts at, or absent at an end. */
export interface PageOffsets {
  first: number;
  prev?: number;
  next?: number;
  last: number;
}

/**
 * Where the first, previous, next and last pages of `limit` rows start, for a page starting at
 * `offset` of `total` rows. A page past the end still points back to the first and last pages.
 */
export function pageOffsets(total: number, offset: number, limit: number): PageOffsets {
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  return {
    first: 0,
    ...(offset > 0 && { prev: Math.min(Math.max(0, offset - limit), last) }),
    ...(offset + limit < total && { next: offset + limit }),
    last,
  };
}

/** "Items 101–200 of 10,000": the rows a page shows, counted from one. */
export function pageRange(total: number, offset: number, shown: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  if (shown === 0) return `none of ${n(total)}`;
  return `${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}

/** An RFC 8288 Link header of the pages, each URL the request's with only `offset` and `limit` changed. */
export function linkHeader(url: URL, pages: PageOffsets, limit: number): string {
  const at = (offset: number) => {
    const u = new URL(url);
    u.searchParams.set("offset", String(offset));
    u.searchParams.set("limit", String(limit));
    return `${u.pathname}${u.search}`;
  };
  return (["first", "prev", "next", "last"] as const)
    .filter((rel) => pages[rel] !== undefined)
    .map((rel) => `<${at(pages[rel]!)}>; rel="${rel}"`)
    .join(", ");
}
