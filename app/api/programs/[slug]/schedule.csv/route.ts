// GET /api/programs/{slug}/schedule.csv?asOf=&knownAt= – the schedule, one row per item, as CSV
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { getSchedule } from "@/db/queries/get-schedule";
import { toCsv } from "@/lib/csv/to-csv";
import { SCHEDULE_CSV_COLUMNS, scheduleCsvRows } from "@/lib/schedule/schedule-csv";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  const schedule = await getSchedule(await getDb(), params.slug, asOf, knownAt);
  return new Response(toCsv(SCHEDULE_CSV_COLUMNS, scheduleCsvRows(schedule)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${params.slug}-schedule-${schedule.asOf}.csv"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
