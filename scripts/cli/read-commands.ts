import { parseArgs } from "node:util";
import { bootDatabase } from "@/db/boot";
import { getClaims } from "@/db/queries/get-claims";
import { getReadinessJson } from "@/db/queries/get-readiness";
import { parseItemQuery, queryItems } from "@/db/queries/query-items";
import type { EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { horizonMark } from "@/lib/evidence-horizon";
import { AppError } from "@/lib/errors";
import { formatPercentFloor, formatWeeks } from "@/lib/format";
import { toItemView } from "@/lib/items/item-view";
import { verdictLabel } from "@/lib/labels";
import type { ReadinessAnswer } from "@/lib/readiness/limit-lists";
import { formatDate } from "@/lib/time";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";

type Command = (args: string[]) => number | Promise<number>;
type Horizon = { factsUntil: string | null; illustrative: boolean };

const open = async () => await bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));
const write = (lines: string[]) => process.stdout.write(`${lines.join("\n")}\n`);

/** `<slug> [--as-of D] [--known-at D] [--json]`, the dates read by the API's own rule (DESIGN §4). */
function readArgs(args: string[], usage: string) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { "as-of": { type: "string" }, "known-at": { type: "string" }, json: { type: "boolean" } },
  });
  if (positionals.length !== 1) throw new AppError("invalid", `expected a program slug: ${usage}`);
  const query = new URLSearchParams();
  if (values["as-of"] !== undefined) query.set("asOf", values["as-of"]);
  if (values["known-at"] !== undefined) query.set("knownAt", values["known-at"]);
  return { slug: positionals[0]!, ...asOfOf(query), json: Boolean(values.json), given: { asOf: values["as-of"], knownAt: values["known-at"] } };
}

const FLAG: Record<string, string> = { asOf: "--as-of", knownAt: "--known-at" };

/** The API's rule, its refusal in the CLI's words: the flag, not the query parameter, on one line. */
function asOfOf(query: URLSearchParams) {
  try {
    return parseAsOfQuery(query);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError(e.code, e.errors.map((x) => `${FLAG[x.path] ?? x.path} ${x.message}`).join("; "));
  }
}

// Text output says "illustrative" on every line that carries such a figure, so a line cut out of
// cron mail still says it; the first line says why (DESIGN §13).
const mark = (on: boolean) => (on ? " (illustrative)" : "");
const horizonLine = (h: Horizon, what: string) =>
  h.illustrative ? [`illustrative: ${what} after the evidence horizon (facts until ${h.factsUntil}): invented continuation, not fact`] : [];
const knownLine = (knownAt: string | undefined, at: number) => (knownAt ? ` as known at ${formatDate(at)}` : "");

const readiness: Command = async (args) => {
  const a = readArgs(args, "readiness <slug> [--as-of D] [--known-at D] [--json]");
  const text = await getReadinessJson(await open(), a.slug, a.asOf, a.knownAt, "all");
  if (a.json) return write([text]), 0;
  const r = JSON.parse(text) as ReadinessAnswer & Horizon;
  const m = mark(r.illustrative);
  const f = r.forecast;
  write([
    `${a.slug} as of ${r.asOf}${knownLine(a.given.knownAt, a.knownAt)}${m}`,
    ...horizonLine(r, "figures computed for a date"),
    `done (verified): ${r.done} of ${r.total} (${formatPercentFloor(r.readiness)}); reported done: ${r.reportedDone}${m}`,
    `inflated: ${r.counts.inflated}; blocked: ${r.counts.blocked}; unowned: ${r.counts.unowned}; quality breaches: ${r.counts.breaches}${m}`,
    `critical path: ${r.criticalPath.keys.length ? r.criticalPath.keys.join(" -> ") : "nothing remains"} (${formatWeeks(r.criticalPath.remainingWeeks)}); earliest by dependencies: ${r.earliestByDependencies}${m}`,
    f.date === null ? `forecast: none: ${f.reason}${m}` : `forecast: P50 ${f.p50}, P85 ${f.p85}, P95 ${f.p95}; honest date ${f.date}${m}`,
  ]);
  return 0;
};

const claims: Command = async (args) => {
  const a = readArgs(args, "claims <slug> [--as-of D] [--known-at D] [--json]");
  const list = (await getClaims(await open(), a.slug, a.asOf, a.knownAt)).claims;
  if (a.json) return write([JSON.stringify(list, null, 2)]), 0;
  const asOf = formatDate(a.asOf);
  const h = { factsUntil: list[0]?.factsUntil ?? null, illustrative: list.some((c) => c.illustrativeAsOf || c.illustrativeAtClaimDate) };
  const line = (c: EvaluatedClaim) =>
    [
      c.date,
      c.id,
      c.speaker,
      `at its date: ${verdictLabel(c.verdictAtClaimDate)}${mark(c.illustrativeAtClaimDate)}`,
      `known then: ${verdictLabel(c.verdictKnownThen)}${mark(c.illustrativeAtClaimDate)}`,
      `as of ${asOf}: ${verdictLabel(c.verdictAsOf)}${mark(c.illustrativeAsOf)}`,
    ].join("\t");
  write([...horizonLine(h, "a verdict marked so is computed for a date"), ...(list.length ? list.map(line) : [`no public claim in ${a.slug}`])]);
  return 0;
};

const status: Command = async (args) => {
  const a = readArgs(args, "status <slug> [--as-of D] [--known-at D] [--json]");
  const result = await queryItems(await open(), a.slug, parseItemQuery(a.given));
  const h = horizonMark(result.program.factsUntil, result.asOf);
  const items = result.items.map(toItemView);
  const asOf = formatDate(result.asOf);
  if (a.json) return write([JSON.stringify({ program: a.slug, asOf, knownAt: formatDate(result.knownAt), ...h, items }, null, 2)]), 0;
  const m = mark(h.illustrative);
  write([
    `${a.slug}: ${items.length} items as of ${asOf}${knownLine(a.given.knownAt, result.knownAt)}, true status then reported${m}`,
    ...horizonLine(h, "statuses computed for a date"),
    ...items.map((i) => [i.key, i.trueStatus, i.reportedStatus, [i.inflated && "inflated", i.blocked && "blocked"].filter(Boolean).join(",") || "-"].join("\t") + m),
  ]);
  return 0;
};

/** Read-only views of a program for a shell or cron: readiness, claims and item statuses, in text or JSON. */
export const READ_COMMANDS: Record<string, { help: string; run: Command }> = {
  readiness: {
    help: "readiness <slug> [--as-of D] [--known-at D] [--json]\n                                 readiness, critical path and forecast (JSON: the API's answer)",
    run: readiness,
  },
  claims: {
    help: "claims <slug> [--as-of D] [--known-at D] [--json]\n                                 public claims with their three verdicts",
    run: claims,
  },
  status: {
    help: "status <slug> [--as-of D] [--known-at D] [--json]\n                                 every item's true and reported status",
    run: status,
  },
};
