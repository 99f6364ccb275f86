import { formatPercentFloor } from "../format";
import type { SubscriptionKind } from "../validations/subscription-input";
import { headlineSentence, noticeTitle, type ReportNotice } from "./report-notice";

/** The event name every webhook format carries. */
export const REPORT_PUBLISHED_EVENT = "report.published";

/** The generic JSON payload: program, week, headline figures, links, digest. */
export function genericPayload(n: ReportNotice) {
  return {
    event: REPORT_PUBLISHED_EVENT,
    program: n.program,
    week: n.week,
    weekStart: n.weekStart,
    weekEnd: n.weekEnd,
    cutoff: n.cutoff,
    publishedAt: n.publishedAt,
    headline: n.headline,
    links: n.links,
    sha256: n.sha256,
    logHeadAtCutoff: n.logHeadAtCutoff,
  };
}

/** Slack's mrkdwn treats &, < and > as markup: stored text must not become a link or a mention. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The figures both chat formats show, as label/value pairs. */
function figures(n: ReportNotice): [string, string][] {
  const h = n.headline;
  return [
    ["Done (verified)", `${h.done} of ${h.total} · ${formatPercentFloor(h.readiness)}`],
    ["Done (reported)", `${h.reportedDone} of ${h.total}`],
    ["Started", `${h.startedTrue} verified · ${h.startedReported} reported`],
    ["Inflated / blocked", `${h.inflated} / ${h.blocked}`],
    ["Critical path", `${h.remainingWeeks} wk · not before ${h.earliestByDependencies}`],
    ["Forecast", h.forecastDate ?? "none: no verified throughput"],
  ];
}

/** A Slack incoming-webhook message: `text` (the notification and fallback) and Block Kit blocks. */
export function slackPayload(n: ReportNotice) {
  const title = noticeTitle(n);
  return {
    text: `${slackEscape(title)}: ${slackEscape(headlineSentence(n))}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150), emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: slackEscape(headlineSentence(n)) } },
      { type: "section", fields: figures(n).map(([label, value]) => ({ type: "mrkdwn", text: `*${label}*\n${slackEscape(value)}` })) },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `<${n.links.report}|Open the report> · <${n.links.pdf}|PDF> · <${n.links.markdown}|Markdown> · <${n.links.json}|JSON>`,
        },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `Week ${n.weekStart} – ${n.weekEnd} · published ${n.publishedAt} · sha256 \`${n.sha256}\`` }] },
    ],
  };
}

/**
 * A Microsoft Teams message for an incoming webhook (Workflows or the classic connector): one
 * Adaptive Card 1.4 attachment. Adaptive Card text is plain (no HTML), so stored text stays text.
 */
export function teamsPayload(n: ReportNotice) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Large", weight: "Bolder", wrap: true, text: noticeTitle(n) },
            { type: "TextBlock", wrap: true, text: headlineSentence(n) },
            { type: "FactSet", facts: figures(n).map(([title, value]) => ({ title, value })) },
            { type: "TextBlock", wrap: true, isSubtle: true, size: "Small", text: `Week ${n.weekStart} – ${n.weekEnd} · published ${n.publishedAt} · sha256 ${n.sha256}` },
          ],
          actions: [
            { type: "Action.OpenUrl", title: "Open the report", url: n.links.report },
            { type: "Action.OpenUrl", title: "PDF", url: n.links.pdf },
            { type: "Action.OpenUrl", title: "Markdown", url: n.links.markdown },
          ],
        },
      },
    ],
  };
}

/** The JSON body sent to a webhook subscription of `kind`. */
export function webhookBody(kind: Exclude<SubscriptionKind, "email">, n: ReportNotice): string {
  const payload = kind === "slack" ? slackPayload(n) : kind === "teams" ? teamsPayload(n) : genericPayload(n);
  return JSON.stringify(payload);
}
