import type { DeliveryView } from "@/db/queries/list-deliveries";
import { DELIVERY_STATUS_LABELS, SUBSCRIPTION_KIND_LABELS } from "@/lib/labels";
import { HeaderRow, Td } from "../ui/data-table";

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

const STATUS_STYLE: Record<DeliveryView["status"], string> = {
  pending: "bg-slate-100 text-slate-800",
  sending: "bg-sky-50 text-sky-900",
  delivered: "bg-emerald-50 text-emerald-900",
  failed: "bg-red-50 text-red-900",
  not_sent: "bg-amber-50 text-amber-950",
  interrupted: "bg-red-50 text-red-900",
};

/** One attempt's answer in words: the HTTP status or SMTP reply, or what went wrong. */
function attemptResult(a: DeliveryView["attempts"][number], kind: DeliveryView["subscription"]["kind"]): string {
  const code = a.statusCode === null ? "" : kind === "email" ? `SMTP ${a.statusCode}` : `HTTP ${a.statusCode}`;
  if (a.ok) return `Sent${code ? ` (${code})` : ""}`;
  return `Failed${code ? ` (${code})` : ""}`;
}

/**
 * The delivery log of published weeks: one row per attempt (time, result, how long, the error),
 * under its delivery (week, subscription, how it stands). A delivery that made no attempt (SMTP
 * not configured, subscription removed) has one row saying why. Webhook URLs come masked and
 * secrets never reach it. Meant for the week's preview page as well as the settings page.
 */
export function DeliveryLog({ deliveries, caption = "Delivery log" }: { deliveries: DeliveryView[]; caption?: string }) {
  if (deliveries.length === 0)
    return <p className="text-slate-600">Nothing sent yet: a week is sent to the subscriptions when it is published, or when an admin sends it again.</p>;
  return (
    <div className="max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-left text-sm" aria-label={caption}>
        <HeaderRow cell="py-1 pr-2" columns={["week", "subscription", "delivery", { label: "attempt", numeric: true }, "time", "result", "detail"]} />
        <tbody>
          {deliveries.flatMap((d) => {
            const head = (span: number) => (
              <>
                <Td className="py-1 pr-2 align-top font-mono whitespace-nowrap" rowSpan={span}>
                  {d.week}
                </Td>
                <Td className="min-w-40 py-1 pr-2 align-top" rowSpan={span}>
                  <span className="block">
                    #{d.subscription.id} {SUBSCRIPTION_KIND_LABELS[d.subscription.kind]}
                    {d.subscription.removed && <span className="text-slate-600"> (removed)</span>}
                  </span>
                  <span className="block break-all text-slate-700">{d.subscription.target}</span>
                </Td>
                <Td className="py-1 pr-2 align-top" rowSpan={span}>
                  <span className={`rounded px-1 ${STATUS_STYLE[d.status]}`} data-testid="delivery-status">
                    {DELIVERY_STATUS_LABELS[d.status]}
                  </span>
                  <span className="block text-xs text-slate-600">
                    {d.trigger === "publish" ? "on publication" : "sent again"}
                    {d.requestedBy ? ` by ${d.requestedBy}` : ""}
                  </span>
                </Td>
              </>
            );
            if (d.attempts.length === 0)
              return [
                <tr key={d.id} className="border-t border-slate-100" data-testid={`delivery-${d.id}`}>
                  {head(1)}
                  <Td className="py-1 pr-2 align-top" numeric>
                    —
                  </Td>
                  <Td className="py-1 pr-2 align-top whitespace-nowrap">{when(d.requestedAt)}</Td>
                  <Td className="py-1 pr-2 align-top">{d.status === "not_sent" ? "Not sent" : "No attempt yet"}</Td>
                  <Td className="py-1 pr-2 align-top break-words">{d.note}</Td>
                </tr>,
              ];
            return d.attempts.map((a, i) => (
              <tr key={`${d.id}-${a.attempt}`} className={i === 0 ? "border-t border-slate-100" : ""} data-testid={`delivery-${d.id}-attempt-${a.attempt}`}>
                {i === 0 && head(d.attempts.length)}
                <Td className="py-1 pr-2 align-top" numeric>
                  {a.attempt}
                </Td>
                <Td className="py-1 pr-2 align-top whitespace-nowrap">{when(a.at)}</Td>
                <Td className={`py-1 pr-2 align-top ${a.ok ? "text-emerald-900" : "text-red-800"}`}>{attemptResult(a, d.subscription.kind)}</Td>
                <Td className="py-1 pr-2 align-top break-words">
                  {a.error ?? ""}
                  <span className="block text-xs text-slate-600">{a.durationMs} ms</span>
                  {i === d.attempts.length - 1 && d.note && <span className="block text-xs text-slate-700">{d.note}</span>}
                </Td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
