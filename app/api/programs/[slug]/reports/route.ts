// GET /api/programs/{slug}/reports?page=|week= – the reportable weeks, newest first (20 a page), with publication and restatement
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { listReportWeeks } from "@/db/queries/list-report-weeks";
import { AppError } from "@/lib/errors";
import { REPORT_FORMATS } from "@/lib/report/report-week";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const search = new URL(request.url).searchParams;
  const raw = search.get("page");
  const page = raw === null ? 1 : Number(raw);
  if (!Number.isInteger(page) || page < 1) throw new AppError("invalid", "invalid query", [{ path: "page", message: "must be a whole number from 1" }]);
  const list = await listReportWeeks(await getDb(), params.slug, { page, week: search.get("week") ?? undefined });
  return Response.json({
    program: list.program.slug,
    page: list.page,
    pages: list.pages,
    total: list.total,
    weeks: list.weeks.map((w) => ({
      week: w.week,
      weekStart: w.weekStart,
      weekEnd: w.weekEnd,
      published: w.publication !== null,
      restated: w.publication?.restated ?? false,
      publication: w.publication,
      files: Object.fromEntries(REPORT_FORMATS.map((f) => [f, `/api/programs/${params.slug}/reports/${w.week}.${f}`])),
    })),
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
