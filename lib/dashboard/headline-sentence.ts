import type { Verdict } from "../claims/claim-verdict";
import type { Readiness } from "../readiness/compute-readiness";
import { describeTargetOutlook, type TargetOutlook } from "../readiness/target-outlook";
import { startedCount } from "../status";

/** One clause of the headline; `bad` clauses are news a reader must not miss (shown in red, in words). */
export interface HeadlineClause {
  text: string;
  bad: boolean;
}

export interface HeadlineInput {
  readiness: Readiness;
  /** Every public claim of the program, with its verdict on its own date. */
  claims: readonly { date: string; verdictAtClaimDate: Verdict }[];
  target: TargetOutlook | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The dashboard in one sentence, from the same numbers as its cards: verified against reported
 * for done and started work, the public claims made by asOf and how they fared on their date,
 * and when the program can finish.
 */
export function headlineSentence({ readiness: r, claims, target }: HeadlineInput): HeadlineClause[] {
  const verifiedStarted = startedCount(r.byStatus.true, r.total);
  const reportedStarted = startedCount(r.byStatus.reported, r.total);
  const clauses: HeadlineClause[] = [
    {
      text: `${r.done} of ${plural(r.total, "item")} verified done (${r.reportedDone} reported done)`,
      bad: r.reportedDone > r.done,
    },
    {
      text: `${verifiedStarted} verified started, ${reportedStarted} reported started`,
      bad: reportedStarted > verifiedStarted,
    },
  ];

  const made = claims.filter((c) => c.date <= r.asOf);
  if (made.length > 0) {
    const contradicted = made.filter((c) => c.verdictAtClaimDate === "contradicted").length;
    clauses.push({
      text: `${contradicted} of ${plural(made.length, "public claim")} contradicted on ${made.length === 1 ? "its" : "their"} date`,
      bad: contradicted > 0,
    });
  } else {
    clauses.push({ text: "no public claim made by then", bad: false });
  }

  if (r.total > r.done) {
    clauses.push(
      r.forecast.date
        ? { text: `forecast (P85) ${r.forecast.date}, no earlier than ${r.earliestByDependencies} by dependencies`, bad: false }
        : { text: `no forecast: ${noForecastReason(r)}`, bad: true },
    );
  }
  if (target) clauses.push(describeTargetOutlook(target));
  return clauses;
}

function noForecastReason(r: Readiness): string {
  if (r.forecast.sample.every((w) => w.done === 0)) return `nothing verified done in the last ${r.forecast.sample.length} weeks`;
  return r.forecast.reason ?? "no verified throughput";
}

/** The headline as one line of text, as it reads on the page. */
export function headlineText(asOf: string, clauses: readonly HeadlineClause[]): string {
  return `As of ${asOf}: ${clauses.map((c) => c.text).join(" · ")}`;
}
