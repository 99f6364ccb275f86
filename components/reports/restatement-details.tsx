import type { RestatementRow } from "@/lib/report/restatement-table";
import { RestatementTable } from "./restatement-table";

/** What changed in a restated week, folded under the week's row of the list. */
export function RestatementDetails({ rows }: { rows: readonly RestatementRow[] }) {
  return (
    <details className="mt-1" data-testid="restatement">
      <summary className="cursor-pointer text-sm text-red-800">
        What changed since publication ({rows.length} {rows.length === 1 ? "figure or item" : "figures or items"})
      </summary>
      <div className="mt-1">
        <RestatementTable rows={rows} />
      </div>
    </details>
  );
}
