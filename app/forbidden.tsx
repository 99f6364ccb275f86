import { Forbidden } from "@/components/ui/forbidden";
import { currentPerson } from "./_lib/auth";
import { refusedFor } from "./_lib/page-permission";

/** A page the signed-in person's role does not open: 403, and which role it needs. */
export default async function ForbiddenPage() {
  const person = await currentPerson();
  return <Forbidden needs={refusedFor().needs ?? "another"} role={person?.role ?? "signed out"} />;
}
