import Link from "next/link";
import type { Person } from "@/db/schema";
import type { NavCounts } from "@/db/queries/count-nav";
import { UserMenu } from "../auth/user-menu";
import { LiveNavCounts } from "./live-nav-counts";
import { MenuDisclosure } from "./menu-disclosure";
import { MyWorkLink } from "./my-work-link";
import { ReviewLink } from "./review-link";

interface NavLink {
  href: string;
  label: string;
}

const mayReview = (person: Person) => person.role === "reviewer" || person.role === "admin";

function adminLinks(person: Person): NavLink[] {
  return person.role === "admin" ? [{ href: "/import", label: "Import" }, { href: "/people", label: "People" }] : [];
}

// The links with a count are client components: they read the numbers LiveNavCounts keeps fresh.
function MainNav({ label, person, className }: { label: string; person: Person; className: string }) {
  const link = (l: NavLink) => (
    <Link key={l.href} href={l.href} className="hover:underline">
      {l.label}
    </Link>
  );
  return (
    <nav aria-label={label} className={`text-slate-700 ${className}`}>
      {link({ href: "/", label: "Programs" })}
      <MyWorkLink className="hover:underline" />
      {link({ href: "/rules", label: "Rules" })}
      {mayReview(person) && <ReviewLink className="hover:underline" />}
      {adminLinks(person).map(link)}
    </nav>
  );
}

/**
 * The app's header: inline navigation from 768 px up; below, one "Menu" button (a native
 * disclosure, so it works without JavaScript, with the counts inside summed on it) so that nothing
 * pushes the page sideways on a phone.
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
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <LiveNavCounts initial={counts}>
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="font-semibold tracking-tight text-slate-900">
            Boost Offload Tracker
          </Link>
          {person && (
            <>
              <MainNav label="Main" person={person} className="hidden gap-4 md:flex" />
              <div className="ml-auto hidden md:block">
                <UserMenu person={person} signOutAction={signOutAction} />
              </div>
              <MenuDisclosure mayReview={mayReview(person)}>
                <div className="absolute right-0 z-20 mt-2 w-56 space-y-2 rounded border border-slate-200 bg-white p-3 shadow-lg">
                  <MainNav label="Main (menu)" person={person} className="flex flex-col gap-2" />
                  <UserMenu person={person} signOutAction={signOutAction} stacked />
                </div>
              </MenuDisclosure>
            </>
          )}
        </div>
      </LiveNavCounts>
    </header>
  );
}
