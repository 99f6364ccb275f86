"use client";

import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { statusLabel } from "@/lib/labels";
import type { StatusPoint } from "@/lib/charts/status-over-time";
import { STATUSES } from "@/lib/status";
import { STATUS_COLORS } from "@/lib/status-colors";

export interface ClaimMark {
  id: string;
  date: string;
  verdict: string;
}

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const tickDate = (t: number) => new Date(t).toISOString().slice(0, 7);
const tipDate = (t: unknown) => new Date(Number(t)).toISOString().slice(0, 10);

/** Burn-up: verified done vs reported done vs scope, with the public claims on the time axis. */
export function BurnUpChart({ series, claims }: { series: StatusPoint[]; claims: ClaimMark[] }) {
  const data = series.map((p) => ({ t: toTime(p.date), scope: p.scope, verified: p.verifiedDone, reported: p.reportedDone }));
  const [min, max] = [data[0]?.t ?? 0, data[data.length - 1]?.t ?? 0];
  return (
    <figure aria-label="Burn-up: verified done, reported done and scope over time, with public claims marked">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" scale="time" domain={[min, max]} tickFormatter={tickDate} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip labelFormatter={tipDate} />
          <Legend />
          <Line type="stepAfter" dataKey="scope" name="scope (items)" stroke="#64748b" dot={false} strokeDasharray="4 3" />
          <Line type="stepAfter" dataKey="reported" name="reported done" stroke="#f97316" dot={false} />
          <Line type="stepAfter" dataKey="verified" name="verified done" stroke="#059669" dot={false} strokeWidth={2} />
          {claims
            .filter((c) => toTime(c.date) >= min && toTime(c.date) <= max)
            .map((c) => (
              <ReferenceLine
                key={c.id}
                x={toTime(c.date)}
                stroke="#be123c"
                strokeDasharray="2 2"
                label={{ value: "◆", position: "top", fill: "#be123c", fontSize: 11 }}
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="text-xs text-slate-600">
        Red marks: public claims ({claims.length}). Verified done counts only transitions a second person confirmed.
      </figcaption>
    </figure>
  );
}

/** Cumulative flow of true status: how many items sat at each level, week by week. */
export function CumulativeFlowChart({ series }: { series: StatusPoint[] }) {
  const data = series.map((p) => ({ t: toTime(p.date), ...p.byTrueStatus }));
  return (
    <figure aria-label="Cumulative flow of true status over time">
      <ResponsiveContainer width="100%" height={260}>
        <AreaChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tickDate} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip labelFormatter={tipDate} />
          <Legend />
          {[...STATUSES].reverse().map((s) => (
            <Area key={s} type="stepAfter" dataKey={s} name={statusLabel(s)} stackId="1" stroke={STATUS_COLORS[s]} fill={STATUS_COLORS[s]} fillOpacity={0.7} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
      <figcaption className="text-xs text-slate-600">True status only: unverified progress does not count.</figcaption>
    </figure>
  );
}
