import Link from "next/link";
import type { ItemDetail } from "@/db/queries/get-item-detail";
import { StatusBadge } from "@/components/ui/status-badge";
import { statusLabel } from "@/lib/labels";
import { RemoveDependencyButton } from "./dependency-forms";
import type { ItemAction } from "./use-item-action";

/** Dependencies or dependents, each with its true status (and the reported one when it differs). */
export function RelatedItems({
  list,
  itemHref,
  remove,
}: {
  list: ItemDetail["dependsOn"];
  itemHref: (key: string) => string;
  /** Given when each entry may be removed from the item's dependencies. */
  remove?: ItemAction;
}) {
  if (list.length === 0) return <p className="text-slate-600">None.</p>;
  return (
    <ul className="space-y-1">
      {list.map((d) => (
        <li key={d.key} className="flex flex-wrap items-center gap-2">
          <Link href={itemHref(d.key)} className="font-mono text-indigo-700 hover:underline">
            {d.key}
          </Link>
          <span className="text-slate-700">{d.title}</span>
          <StatusBadge status={d.trueStatus} />
          {d.reportedStatus !== d.trueStatus && <span className="text-xs text-slate-600">reported {statusLabel(d.reportedStatus)}</span>}
          {remove && <RemoveDependencyButton slug={remove.slug} itemKey={remove.itemKey} dependsOn={d.key} serverAction={remove.serverAction} />}
        </li>
      ))}
    </ul>
  );
}
