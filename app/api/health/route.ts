// GET /api/health – liveness, no credentials needed
import { markSmallAnswer } from "@/lib/http/small-answer";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export function GET() {
  return markSmallAnswer(Response.json({ ok: true }));
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
