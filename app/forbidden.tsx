import { Forbidden } from "@/components/ui/forbidden";
import { refusal } from "./_lib/page-permission";

/** A page the signed-in person's role does not open: 403, and which role it needs. */
export default function ForbiddenPage() {
  const { needs, role } = refusal();
  return <Forbidden needs={needs ?? "another"} role={role ?? "unknown"} />;
}
