// GET /api/health – liveness, no credentials needed
import { markSmallAnswer } from "@/lib/http/small-answer";

export const dynamic = "force-dynamic";

export function GET() {
  return markSmallAnswer(Response.json({ ok: true }));
}
