import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Person } from "@/db/schema";

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ person, signOutAction }: { person: Person; signOutAction: () => Promise<void> }) {
  return (
    <div className="flex items-center gap-3">
      <Link href="/account" className="text-slate-700 hover:underline" data-testid="signed-in-as">
        {person.name} <span className="text-slate-500">({person.role})</span>
      </Link>
      <form action={signOutAction}>
        <Button variant="secondary">Sign out</Button>
      </form>
    </div>
  );
}
