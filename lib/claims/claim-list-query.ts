import { z } from "zod";
import { VERDICTS, type Verdict } from "./claim-verdict";

/** The claims list's filters and order, as they travel in the page's URL. */
export const claimListQuerySchema = z.object({
  verdict: z.enum(VERDICTS, { error: () => `must be one of ${VERDICTS.join(", ")}` }).optional(),
  speaker: z.string().trim().max(300).optional(),
  dir: z.enum(["asc", "desc"], { error: () => "must be asc or desc" }).default("desc"),
});
export type ClaimListQuery = z.output<typeof claimListQuerySchema>;

const DEFAULT_QUERY: ClaimListQuery = { dir: "desc" };

/**
 * The list query from search params; empty values mean "any". A malformed one is reported (as
 * `error`, in words) and the list falls back to every claim, newest first.
 */
export function parseClaimListQuery(search: Readonly<Record<string, string | string[] | undefined>>): {
  query: ClaimListQuery;
  error: string | null;
} {
  const pick = (k: string) => (typeof search[k] === "string" && search[k] !== "" ? search[k] : undefined);
  const parsed = claimListQuerySchema.safeParse({ verdict: pick("verdict"), speaker: pick("speaker"), dir: pick("dir") });
  if (parsed.success) return { query: { ...parsed.data, speaker: parsed.data.speaker || undefined }, error: null };
  return { query: DEFAULT_QUERY, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
}

interface ListedClaim {
  id: string;
  date: string;
  speaker: string;
  verdictAtClaimDate: Verdict;
}

/** The claims that match, by date (then id, so equal dates keep one order) in the asked direction. */
export function filterClaims<T extends ListedClaim>(claims: readonly T[], q: ClaimListQuery): T[] {
  const sign = q.dir === "asc" ? 1 : -1;
  return claims
    .filter((c) => (!q.verdict || c.verdictAtClaimDate === q.verdict) && (!q.speaker || c.speaker === q.speaker))
    .sort((a, b) => sign * (a.date.localeCompare(b.date) || a.id.localeCompare(b.id)));
}

/** Every speaker once, alphabetically: the choices of the speaker filter. */
export function claimSpeakers(claims: readonly { speaker: string }[]): string[] {
  return [...new Set(claims.map((c) => c.speaker))].sort((a, b) => a.localeCompare(b));
}
