import type { ItemDetail } from "@/db/queries/get-item-detail";
import { statusLabel } from "@/lib/labels";
import type { Status } from "@/lib/status";
import { shortInstant } from "./short-instant";

/**
 * DESIGN §13: the reported status stands (it is what was reported), and the rejection of the
 * transition behind it is shown beside it, so the reporter sees why and what to do next.
 */
export function RejectionNotice({ status, rejection }: { status: Status; rejection: NonNullable<ItemDetail["reportedRejection"]> }) {
  return (
    <div role="note" className="mt-1 max-w-2xl rounded bg-red-50 p-2 text-red-900" data-testid="reported-rejection">
      <p>
        The transition to {statusLabel(status)} (the reported status) was <strong>rejected</strong> by {rejection.byName} on{" "}
        {shortInstant(rejection.rejectedAt)}. Reason: {rejection.reason}
      </p>
      <p className="text-sm">It does not count toward the true status; report it again with new evidence.</p>
    </div>
  );
}
