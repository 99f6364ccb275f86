import Link from "next/link";
import type { AreaCounts } from "@/lib/readiness/count-by-area";
import { HeaderRow } from "@/components/ui/data-table";
import { startedCount as started } from "@/lib/status";

/** Status by area: true against reported, each number a link to its items. */
export function AreaTable({ areas, href }: { areas: AreaCounts[]; href: (extra: Record<string, string>) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left" aria-label="Status by area">
        <HeaderRow
          cell="py-1 pl-2 first:pl-0"
          caps={false}
          columns={[
            "area",
            { label: "items", numeric: true },
            { label: "started (true / reported)", numeric: true, title: "true status beyond Not started" },
            { label: "done (true / reported)", numeric: true },
            { label: "inflated", numeric: true },
            { label: "blocked", numeric: true },
          ]}
        />
        <tbody>
          {areas.map((a) => (
            <tr key={a.area} className="border-t border-slate-100">
              <td className="py-1">
                <Link href={href({ area: a.area })} className="hover:underline">
                  {a.area}
                </Link>
              </td>
              <td className="py-1 pl-2 text-right tabular-nums">
                <Link href={href({ area: a.area })} className="hover:underline">
                  {a.total}
                </Link>
              </td>
              <td className="py-1 pl-2 text-right tabular-nums">
                {started(a.true, a.total)} / {started(a.reported, a.total)}
              </td>
              <td className="py-1 pl-2 text-right tabular-nums">
                <Link href={href({ area: a.area, status: "done" })} className="hover:underline">
                  {a.true.done}
                </Link>{" "}
                / {a.reported.done}
              </td>
              <td className="py-1 pl-2 text-right tabular-nums">
                <Link href={href({ area: a.area, inflated: "1" })} className="hover:underline">
                  {a.inflated}
                </Link>
              </td>
              <td className="py-1 pl-2 text-right tabular-nums">
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
