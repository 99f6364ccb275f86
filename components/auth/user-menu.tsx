import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Person } from "@/db/schema";

/**
 * Who is signed in, with which role, and the way out: in a row in the header, stacked in the phone
 * menu. Only the row carries the test id, so that tests find one "signed in as" per page.
 */
export function UserMenu({ person, signOutAction, stacked = false }: {
  person: Person;
  signOutAction: () => Promise<void>;
  stacked?: boolean;
}) {
  return (
    <div className={stacked ? "space-y-2 border-t border-slate-100 pt-2" : "flex items-center gap-3"}>
      <Link
        href="/account"
        className={`text-slate-700 hover:underline ${stacked ? "block" : ""}`}
        data-testid={stacked ? undefined : "signed-in-as"}
      >
        {person.name} <span className="text-slate-500">({person.role})</span>
      </Link>
      <form action={signOutAction}>
        <Button variant="secondary">Sign out</Button>
      </form>
    </div>
  );
}
