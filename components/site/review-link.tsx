"use client";

import Link from "next/link";
import { CountBadge, withCount } from "./count-badge";
import { useNavCounts } from "./live-nav-counts";

/** "Awaiting verification" with how many transitions the reviewer may decide on, kept fresh by LiveNavCounts. */
export function ReviewLink({ className }: { className?: string }) {
  const reviewable = useNavCounts()?.reviewable ?? 0;
  const badge = reviewable > 0 ? String(reviewable) : undefined;
  return (
    <Link href="/review" className={className} aria-label={withCount("Awaiting verification", badge)}>
      Awaiting verification
      {badge && <CountBadge text={badge} />}
    </Link>
  );
}
