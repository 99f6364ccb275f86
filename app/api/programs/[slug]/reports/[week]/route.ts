// GET /api/programs/{slug}/reports/{YYYY-Www}.{md,csv,json,pdf,xlsx}[?paper=a4|letter][&version=published] – the weekly report (DESIGN §8), stamped draft or published
import { apiRoute } from "@/app/_lib/api-handler";
import { chunksResponse } from "@/app/_lib/chunks-response";
import { getDb } from "@/db/get-db";
import { exportWeeklyReport, REPORT_VERSIONS, type ReportVersion } from "@/db/queries/get-weekly-report";
import { AppError } from "@/lib/errors";
import { PAPERS, type Paper } from "@/lib/report/print-page";
import { parseReportFileName } from "@/lib/report/report-week";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function parsePaper(value: string | null): Paper {
  if (value === null || value === "") return "a4";
  const paper = value.toLowerCase();
  if (!(PAPERS as readonly string[]).includes(paper))
    throw new AppError("invalid", "unknown paper size", [{ path: "paper", message: `must be one of ${PAPERS.join(", ")}` }]);
  return paper as Paper;
}

function parseVersion(value: string | null): ReportVersion {
  if (value === null || value === "") return "current";
  if (!(REPORT_VERSIONS as readonly string[]).includes(value))
    throw new AppError("invalid", "unknown report version", [{ path: "version", message: `must be one of ${REPORT_VERSIONS.join(", ")}` }]);
  return value as ReportVersion;
}

export const GET = apiRoute<{ slug: string; week: string }>("read", async ({ request, params }) => {
  const url = new URL(request.url);
  const { week, format } = parseReportFileName(params.week);
  const paper = parsePaper(url.searchParams.get("paper"));
  const version = parseVersion(url.searchParams.get("version"));
  // A PDF the server cannot print now (no Chromium, printer busy) is an AppError "unavailable": 503.
  const file = await exportWeeklyReport(await getDb(), params.slug, week, format, { paper, version });
  const headers = {
    "content-type": file.contentType,
    "content-disposition": `${format === "json" ? "inline" : "attachment"}; filename="${file.fileName}"`,
    "cache-control": "private, no-store",
    ...(file.cache ? { "x-cache": file.cache } : {}),
  };
  // Bytes (a memoised text format, a PDF, a workbook) go out as they are, never decoded nor copied.
  if (file.bytes) return chunksResponse([file.bytes], headers);
  const { body } = file;
  return typeof body === "string" ? new Response(body, { headers }) : chunksResponse([body], headers);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
