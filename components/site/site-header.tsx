import Link from "next/link";
import type { Person } from "@/db/schema";
import { UserMenu } from "../auth/user-menu";
import { CountBadge, withCount } from "./count-badge";
import { MyWorkLink } from "./my-work-link";
import type { NavCounts } from "./nav-counts";

interface NavLink {
  href: string;
  label: string;
  badge?: string;
}

function mainLinks(person: Person, counts: NavCounts | null): NavLink[] {
  const reviewable = counts?.reviewable ?? 0;
  return [
    { href: "/", label: "Programs" },
    { href: "/rules", label: "Rules" },
    ...(person.role === "reviewer" || person.role === "admin"
      ? [{ href: "/review", label: "Awaiting verification", ...(reviewable > 0 ? { badge: String(reviewable) } : {}) }]
      : []),
    ...(person.role === "admin" ? [{ href: "/import", label: "Import" }, { href: "/people", label: "People" }] : []),
  ];
}

function MainNav({ label, links, counts, className }: { label: string; links: NavLink[]; counts: NavCounts | null; className: string }) {
  const [first, ...rest] = links;
  const link = (l: NavLink) => (
    <Link key={l.href} href={l.href} className="hover:underline" aria-label={withCount(l.label, l.badge)}>
      {l.label}
      {l.badge && <CountBadge text={l.badge} />}
    </Link>
  );
  return (
    <nav aria-label={label} className={`text-slate-700 ${className}`}>
      {first && link(first)}
      <MyWorkLink count={counts?.myWorkNew ?? 0} countedAt={counts?.countedAt ?? 0} className="hover:underline" />
      {rest.map(link)}
    </nav>
  );
}

/**
 * The app's header: inline navigation from 768 px up; below, one "Menu" button (a native
 * disclosure, so it works without JavaScript) so that nothing pushes the page sideways on a phone.
 */
export function SiteHeader({
  person,
  counts,
  signOutAction,
}: {
  person: Person | null;
  counts: NavCounts | null;
  signOutAction: () => Promise<void>;
}) {
  const links = person ? mainLinks(person, counts) : [];
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight text-slate-900">
          Boost Offload Tracker
        </Link>
        {person && (
          <>
            <MainNav label="Main" links={links} counts={counts} className="hidden gap-4 md:flex" />
            <div className="ml-auto hidden md:block">
              <UserMenu person={person} signOutAction={signOutAction} />
            </div>
            <details className="relative ml-auto md:hidden">
              <summary className="cursor-pointer list-none rounded border border-slate-300 px-3 py-1 text-slate-800">Menu</summary>
              <div className="absolute right-0 z-20 mt-2 w-56 space-y-2 rounded border border-slate-200 bg-white p-3 shadow-lg">
                <MainNav label="Main (menu)" links={links} counts={counts} className="flex flex-col gap-2" />
                <UserMenu person={person} signOutAction={signOutAction} stacked />
              </div>
            </details>
          </>
        )}
      </div>
    </header>
  );
}
