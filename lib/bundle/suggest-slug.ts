const MAX_SLUG = 63;

/** A slug no program uses, made from `base`: `base-2`, `base-3`…, shortened to fit the 63 characters a slug may have. */
export function suggestSlug(base: string, isTaken: (slug: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const slug = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!isTaken(slug)) return slug;
  }
}
