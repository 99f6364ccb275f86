"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { NavCounts } from "@/db/queries/count-nav";

const COUNTS_URL = "/api/me/counts";
const NavCountsContext = createContext<NavCounts | null>(null);

/** The header's numbers as they stand: the ones the page was rendered with, or newer ones. */
export const useNavCounts = () => useContext(NavCountsContext);

/**
 * Keeps the header's numbers fresh. The root layout counts when a page is rendered, but a click on
 * a link renders only the page: the header would keep the numbers of the first page for the whole
 * visit. So after each client navigation it asks the server again; of two counts the newer wins,
 * whichever way it came (a form that writes renders the layout again, with a newer count).
 */
export function LiveNavCounts({ initial, children }: { initial: NavCounts | null; children: ReactNode }) {
  const pathname = usePathname();
  const [fetched, setFetched] = useState<NavCounts | null>(null);
  const countedFor = useRef(pathname); // the first page's numbers came with it

  useEffect(() => {
    if (initial === null || countedFor.current === pathname) return;
    countedFor.current = pathname;
    // Not aborted by the next click: answers may arrive in any order, and the newest count wins.
    fetch(COUNTS_URL, { cache: "no-store" })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        const counts = parseCounts(body);
        if (counts) setFetched((prev) => (prev && prev.countedAt > counts.countedAt ? prev : counts));
      })
      // Offline, or signed out meanwhile (the page itself then says so): the numbers shown stay.
      .catch(() => {});
  }, [pathname, initial]);

  const counts = initial && fetched && fetched.countedAt > initial.countedAt ? fetched : initial;
  return <NavCountsContext.Provider value={counts}>{children}</NavCountsContext.Provider>;
}

function parseCounts(body: unknown): NavCounts | null {
  if (typeof body !== "object" || body === null) return null;
  const { myWorkNew, reviewable, countedAt } = body as Record<string, unknown>;
  const at = typeof countedAt === "string" ? Date.parse(countedAt) : NaN;
  if (typeof myWorkNew !== "number" || !(reviewable === null || typeof reviewable === "number") || Number.isNaN(at)) return null;
  return { myWorkNew, reviewable, countedAt: at };
}
