"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { CountBadge } from "./count-badge";
import { useNavCounts } from "./live-nav-counts";

/**
 * The phone's "Menu": a native disclosure (it opens without JavaScript), which Escape closes (focus
 * back on the button) and a navigation closes. Its button carries the sum of the counts inside, so
 * that new work and reports awaiting verification show without opening it.
 */
export function MenuDisclosure({ children, mayReview }: { children: ReactNode; mayReview: boolean }) {
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const pathname = usePathname();
  const counts = useNavCounts();
  const myWork = counts?.myWorkNew ?? 0;
  const review = mayReview ? (counts?.reviewable ?? 0) : 0;
  const total = myWork + review;
  const label = total > 0 ? `Menu: ${[myWork > 0 && `${myWork} new in My work`, review > 0 && `${review} awaiting verification`].filter(Boolean).join(", ")}` : undefined;

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  return (
    <details
      ref={details}
      className="relative ml-auto md:hidden"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !details.current?.open) return;
        details.current.open = false;
        summary.current?.focus();
      }}
    >
      <summary ref={summary} aria-label={label} className="cursor-pointer list-none rounded border border-slate-300 px-3 py-1 text-slate-800">
        Menu
        {total > 0 && <CountBadge text={String(total)} />}
      </summary>
      {children}
    </details>
  );
}
