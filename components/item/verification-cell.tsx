import type { ItemDetail } from "@/db/queries/get-item-detail";
import type { FormAction } from "@/components/ui/action-state";
import { shortInstant } from "./short-instant";
import { VerifyForm } from "./verify-form";

type Transition = ItemDetail["history"][number];

/** Who verified a transition and when, or that it waits for a second person (who may verify it here). */
/** Where the verify form posts: the item and the server action that verifies. */
export interface VerifyTarget {
  slug: string;
  itemKey: string;
  serverAction: FormAction<[string, string]>;
}

export function VerificationCell({ t, verify }: { t: Transition; verify?: VerifyTarget }) {
  if (t.verification)
    return (
      <span className="text-emerald-800">
        verified by {t.verification.byName} on {shortInstant(t.verification.verifiedAt)}
      </span>
    );
  return (
    <div className="space-y-1">
      <span className="font-medium text-amber-800">pending verification</span>
      {verify && <VerifyForm slug={verify.slug} itemKey={verify.itemKey} transitionId={t.id} serverAction={verify.serverAction} />}
    </div>
  );
}
