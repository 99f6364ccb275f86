import { VERDICT_LABELS, type Verdict } from "./claim-verdict";
import type { EvaluatedClaim } from "./evaluate-claims";

/** The verdict scale as a schema.org Rating: 5 (supported) down to 1 (contradicted). */
const RATING_VALUE: Record<Exclude<Verdict, "unrated">, number> = {
  supported: 5,
  mostly_supported: 4,
  partly_supported: 3,
  unsupported: 2,
  contradicted: 1,
};

const ALTERNATE_NAME: Record<Exclude<Verdict, "unrated">, string> = {
  supported: "Supported",
  mostly_supported: "Mostly supported",
  partly_supported: "Partly supported",
  unsupported: "Unsupported",
  contradicted: "Contradicted",
};

/**
 * A schema.org ClaimReview (JSON-LD) of a claim judged at its own date with today's knowledge.
 * Null for an unrated claim (no links): there is nothing to review. `factsUntil` and `illustrative`
 * (DESIGN §13) say whether that date lies past the program's evidence horizon, so that the rating
 * rests on invented records; the explanation then says so in words for readers of schema.org alone.
 */
export function toClaimReview(c: EvaluatedClaim, reviewUrl: string, reviewedOn: string) {
  if (c.verdictAtClaimDate === "unrated") return null;
  const verdict = c.verdictAtClaimDate;
  const unmet = c.links.filter((l) => !l.met).map((l) => `${l.item} (${l.trueStatus}, claim implies ${l.requires})`);
  const illustrative = c.illustrativeAtClaimDate && c.factsUntil !== null;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: reviewUrl,
    datePublished: reviewedOn,
    factsUntil: c.factsUntil,
    illustrative,
    author: { "@type": "Organization", name: "Boost Offload Tracker" },
    claimReviewed: c.quote,
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Organization", name: c.speaker },
      datePublished: c.date,
      appearance: { "@type": "CreativeWork", url: c.url, ...(c.venue ? { name: c.venue } : {}) },
    },
    reviewRating: {
      "@type": "Rating",
      ratingValue: RATING_VALUE[verdict],
      bestRating: 5,
      worstRating: 1,
      alternateName: ALTERNATE_NAME[verdict],
      ratingExplanation:
        `${VERDICT_LABELS[verdict]}. On ${c.date}, ${c.metAtClaimDate} of ${c.linked} linked work items had verifiably reached the status the claim implies` +
        (unmet.length > 0 ? `; not reached: ${unmet.join(", ")}.` : ".") +
        (illustrative
          ? ` Illustrative: ${c.date} is after the program's evidence horizon (facts until ${c.factsUntil}), so the work records rated here are an invented continuation, not fact.`
          : ""),
    },
  };
}
