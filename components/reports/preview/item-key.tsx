import { ItemKeyLink } from "@/components/dashboard/readiness-tables";

/** An item's key linking to its page, with its title beside it. */
export function ItemCell({ slug, itemKey, title }: { slug: string; itemKey: string; title: string }) {
  return (
    <span>
      <ItemKeyLink itemKey={itemKey} href={`/programs/${slug}/items/${encodeURIComponent(itemKey)}`} /> <span className="text-slate-800">{title}</span>
    </span>
  );
}
