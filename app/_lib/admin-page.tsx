import type { ReactNode } from "react";
import { Forbidden } from "@/components/ui/forbidden";
import type { Person } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { requireSignedIn } from "./auth";

/**
 * A page only admins may open: anyone else signed in reads which role it needs (the forms and
 * mutations behind it check again).
 */
export async function adminPage(render: (admin: Person) => ReactNode | Promise<ReactNode>): Promise<ReactNode> {
  const person = await requireSignedIn();
  if (!can(person.role, "admin")) return <Forbidden needs="admin" role={person.role} />;
  return render(person);
}
