import type { ItemDetail } from "@/db/queries/get-item-detail";
import { shortInstant } from "./short-instant";
import type { ItemAction } from "./use-item-action";
import { VerifyForm } from "./verify-form";

type Transition = ItemDetail["history"][number];

/** Who verified a transition and when, or that it waits for a second person (who may verify it here). */
export function VerificationCell({ t, verify }: { t: Transition; verify?: ItemAction }) {
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
