import type { ReactNode } from "react";
import type { Person } from "@/db/schema";
import { requirePagePermission } from "./page-permission";

/** A page only admins may open: anyone else signed in gets a 403 that says which role it needs. */
export async function adminPage(render: (admin: Person) => ReactNode | Promise<ReactNode>): Promise<ReactNode> {
  return render(await requirePagePermission("admin"));
}
