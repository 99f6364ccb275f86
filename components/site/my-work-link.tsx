"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { CountBadge, withCount } from "./count-badge";

const PATH = "/my-work";

/**
 * "My work" with the number of new entries. Opening the page marks them seen, but the header is
 * part of the root layout, which a client navigation does not render again: once the person has
 * been on My work, the number counted before stays hidden until the server counts again.
 * Never prefetched: rendering My work records a visit.
 */
export function MyWorkLink({ count, countedAt, className }: { count: number; countedAt: number; className?: string }) {
  const pathname = usePathname();
  const [seenAtCount, setSeenAtCount] = useState<number | null>(null);
  if (pathname === PATH && seenAtCount !== countedAt) setSeenAtCount(countedAt);
  const shown = pathname === PATH || seenAtCount === countedAt ? 0 : count;
  const badge = shown > 0 ? `${shown} new` : undefined;
  return (
    <Link href={PATH} prefetch={false} className={className} aria-current={pathname === PATH ? "page" : undefined} aria-label={withCount("My work", badge)}>
      My work
      {badge && <CountBadge text={badge} />}
    </Link>
  );
}
