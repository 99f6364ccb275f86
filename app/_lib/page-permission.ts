import "server-only";
import { forbidden } from "next/navigation";
import { cache } from "react";
import type { Person } from "@/db/schema";
import { can, REQUIRED_ROLE, type Permission, type Role } from "@/lib/auth/roles";
import { requireSignedIn } from "./auth";

/** Who was refused this request's page, and the role it needs (read by app/forbidden.tsx). */
export const refusal = cache((): { needs: Role | null; role: Role | null } => ({ needs: null, role: null }));

/**
 * For pages: the signed-in person when their role holds `permission`; otherwise the page answers
 * 403 and app/forbidden.tsx says which role it needs (the forms and mutations behind it check again).
 */
export async function requirePagePermission(permission: Permission): Promise<Person> {
  const person = await requireSignedIn();
  if (!can(person.role, permission)) {
    Object.assign(refusal(), { needs: REQUIRED_ROLE[permission], role: person.role });
    forbidden();
  }
  return person;
}
