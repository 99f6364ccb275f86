// GET /api/programs/{slug}/claims?asOf=&knownAt= – public claims with their three verdicts (DESIGN §7)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { loadClaims } from "@/db/queries/load-claims";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { evaluateClaims } from "@/lib/claims/evaluate-claims";
import { AppError } from "@/lib/errors";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  const db = getDb();
  const history = loadProgramHistory(db, params.slug);
  if (!history) throw new AppError("not_found", `no program "${params.slug}"`);
  return Response.json(evaluateClaims(loadClaims(db, history.program.id), history.items, asOf, knownAt));
});
