import type { ItemDetail } from "@/db/queries/get-item-detail";
import { FIELD_LABELS } from "@/lib/labels";
import { weeksOf } from "@/lib/labels";

/** The item's description and fields; an item without an owner says it is a risk. */
export function ItemAbout({ item }: { item: ItemDetail }) {
  return (
    <>
      <p className="whitespace-pre-line text-slate-800">{item.description || "No description."}</p>
      <dl className="mt-3 grid grid-cols-2 gap-1">
        <dt className="text-slate-600">{FIELD_LABELS.owner}</dt>
        <dd>{item.ownerName ?? <span className="font-medium text-red-800">unowned — a risk</span>}</dd>
        <dt className="text-slate-600">{FIELD_LABELS.team}</dt>
        <dd>{item.team || "—"}</dd>
        <dt className="text-slate-600">{FIELD_LABELS.area}</dt>
        <dd>{item.area}</dd>
        <dt className="text-slate-600">Estimate</dt>
        <dd>{weeksOf(item.estimateWeeks)}</dd>
        <dt className="text-slate-600">{FIELD_LABELS.identifiedAt}</dt>
        <dd>{item.identifiedAt.slice(0, 10)}</dd>
        <dt className="text-slate-600">Target</dt>
        <dd>{item.targetDate?.slice(0, 10) ?? "—"}</dd>
        <dt className="text-slate-600">Components</dt>
        <dd data-testid="components">
          {item.components.length === 0 ? (
            "none: no artefact is read for this item"
          ) : (
            <ul className="font-mono text-xs [overflow-wrap:anywhere]">
              {item.components.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </>
  );
}
