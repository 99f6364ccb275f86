"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { CountBadge, withCount } from "./count-badge";
import { useNavCounts } from "./live-nav-counts";

const PATH = "/my-work";

/**
 * "My work" with the number of new entries. Opening the page marks them seen: on it, and after it
 * until a count newer than the one shown there arrives, the number is hidden, so leaving the page
 * never brings back what it has just shown. Never prefetched: rendering My work records a visit.
 */
export function MyWorkLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const counts = useNavCounts();
  const countedAt = counts?.countedAt ?? 0;
  const [seenAtCount, setSeenAtCount] = useState<number | null>(null);
  if (pathname === PATH && seenAtCount !== countedAt) setSeenAtCount(countedAt);
  const shown = pathname === PATH || (seenAtCount !== null && countedAt <= seenAtCount) ? 0 : (counts?.myWorkNew ?? 0);
  const badge = shown > 0 ? `${shown} new` : undefined;
  return (
    <Link href={PATH} prefetch={false} className={className} aria-current={pathname === PATH ? "page" : undefined} aria-label={withCount("My work", badge)}>
      My work
      {badge && <CountBadge text={badge} />}
    </Link>
  );
}
