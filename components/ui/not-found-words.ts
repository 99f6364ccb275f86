/** What each 404 says: what was not found, and what to try. */
export const NOT_FOUND_WORDS = {
  page: "Nothing is here. The address may be mistyped, or the program was never imported.",
  itemOrClaim: "There is no item or claim by that name in this program. It may have been mistyped, or it belongs to another program.",
  week:
    "This program has no report for that week. A week is written YYYY-Www (such as 2024-W52) and must be complete: from the week of the " +
    "program's first item to last week. The reports page lists them all.",
} as const;
