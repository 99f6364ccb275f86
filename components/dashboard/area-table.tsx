import Link from "next/link";
import type { AreaCounts } from "@/lib/readiness/count-by-area";
import { TableHead, Th } from "@/components/ui/data-table";
import { startedCount as started } from "@/lib/status";

/** Status by area: true against reported, each number a link to its items. */
export function AreaTable({ areas, href }: { areas: AreaCounts[]; href: (extra: Record<string, string>) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left" aria-label="Status by area">
        <TableHead>
          <Th className="py-1">area</Th>
          <Th numeric className="py-1">items</Th>
          <Th numeric className="py-1" title="true status beyond Not started">started (true / reported)</Th>
          <Th numeric className="py-1">done (true / reported)</Th>
          <Th numeric className="py-1">inflated</Th>
          <Th numeric className="py-1">blocked</Th>
        </TableHead>
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
