import Link from "next/link";
import type { AreaCounts } from "@/lib/readiness/count-by-area";
import { startedCount as started } from "@/lib/status";

/** Status by area: true against reported, each number a link to its items. */
export function AreaTable({ areas, href }: { areas: AreaCounts[]; href: (extra: Record<string, string>) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left" aria-label="Status by area">
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th className="py-1 font-medium">area</th>
            <th className="py-1 text-right font-medium">items</th>
            <th className="py-1 text-right font-medium" title="true status beyond not_started">started (true / reported)</th>
            <th className="py-1 text-right font-medium">done (true / reported)</th>
            <th className="py-1 text-right font-medium">inflated</th>
            <th className="py-1 text-right font-medium">blocked</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.area} className="border-t border-slate-100">
              <td className="py-1">
                <Link href={href({ area: a.area })} className="hover:underline">
                  {a.area}
                </Link>
              </td>
              <td className="py-1 text-right tabular-nums">{a.total}</td>
              <td className="py-1 text-right tabular-nums">
                {started(a.true, a.total)} / {started(a.reported, a.total)}
              </td>
              <td className="py-1 text-right tabular-nums">
                <Link href={href({ area: a.area, status: "done" })} className="hover:underline">
                  {a.true.done}
                </Link>{" "}
                / {a.reported.done}
              </td>
              <td className="py-1 text-right tabular-nums">
                <Link href={href({ area: a.area, inflated: "1" })} className="hover:underline">
                  {a.inflated}
                </Link>
              </td>
              <td className="py-1 text-right tabular-nums">
                <Link href={href({ area: a.area, blocked: "1" })} className="hover:underline">
                  {a.blocked}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
