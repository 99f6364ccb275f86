// GET /api/health – liveness, no credentials needed
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
