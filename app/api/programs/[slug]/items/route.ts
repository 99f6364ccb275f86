// GET /api/programs/{slug}/items?asOf=&knownAt= – items with their true and reported status
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { computeItemStatuses } from "@/lib/compute-item-statuses";
import { AppError } from "@/lib/errors";
import { formatDateOrInstant } from "@/lib/time";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  const history = loadProgramHistory(getDb(), params.slug);
  if (!history) throw new AppError("not_found", `no program "${params.slug}"`);
  const rows = computeItemStatuses(history.items, asOf, knownAt)
    .filter((i) => i.inProgram)
    .map((i) => ({
      key: i.key,
      title: i.title,
      area: i.area,
      owner: i.owner,
      team: i.team,
      estimateWeeks: i.estimateWeeks,
      identifiedAt: formatDateOrInstant(i.identifiedAt),
      dependsOn: i.dependsOn,
      trueStatus: i.trueStatus,
      reportedStatus: i.reportedStatus,
    }));
  return Response.json(rows);
});
