"use client";

import { useActionState } from "react";
import type { SubscriptionView } from "@/db/queries/list-subscriptions";
import { SUBSCRIPTION_KIND_LABELS } from "@/lib/labels";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { bindAction } from "../ui/bind-action";

export interface SubscriptionActions {
  setEnabled: FormAction<[string]>;
  remove: FormAction<[string]>;
}

/** The program's subscriptions, one card each (a phone shows them without scrolling sideways), with their forms. */
export function SubscriptionList({ slug, subscriptions, actions }: { slug: string; subscriptions: SubscriptionView[]; actions: SubscriptionActions }) {
  if (subscriptions.length === 0) return <p className="text-slate-600">No subscription yet: published weeks are sent to nobody.</p>;
  return (
    <ul aria-label="Subscriptions" className="space-y-2">
      {subscriptions.map((s) => (
        <SubscriptionItem key={`${s.id}-${s.version}`} slug={slug} s={s} actions={actions} />
      ))}
    </ul>
  );
}

function SubscriptionItem({ slug, s, actions }: { slug: string; s: SubscriptionView; actions: SubscriptionActions }) {
  const [toggleState, toggle, togglePending] = useActionState<ActionState, FormData>(bindAction(actions.setEnabled, slug), IDLE);
  const [removeState, remove, removePending] = useActionState<ActionState, FormData>(bindAction(actions.remove, slug), IDLE);
  const name = `#${s.id} ${SUBSCRIPTION_KIND_LABELS[s.kind]} ${s.target}`;
  return (
    <li className="rounded border border-slate-200 bg-white p-3" data-testid="subscription">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="font-semibold">
          #{s.id} {SUBSCRIPTION_KIND_LABELS[s.kind]}
        </h3>
        <span className="min-w-0 break-all text-slate-700">{s.target}</span>
        <span className={`rounded px-1 ${s.enabled ? "bg-emerald-50 text-emerald-900" : "bg-slate-100 text-slate-800"}`}>{s.enabled ? "Enabled" : "Disabled"}</span>
      </div>
      <p className="text-xs text-slate-600">
        Added {s.createdAt.slice(0, 10)}
        {s.createdBy ? ` by ${s.createdBy}` : ""}
        {s.secretPrefix ? ` · signs with the secret ${s.secretPrefix}… (shown only when it was added)` : ""}
      </p>
      <div className="mt-2 flex flex-wrap items-start gap-2">
        <form action={toggle} aria-label={`${s.enabled ? "Disable" : "Enable"} ${name}`}>
          <input type="hidden" name="id" value={s.id} />
          <input type="hidden" name="version" value={s.version} />
          <input type="hidden" name="enabled" value={s.enabled ? "false" : "true"} />
          <Button variant="secondary" disabled={togglePending}>
            {s.enabled ? "Disable" : "Enable"}
          </Button>
        </form>
        <form action={remove} aria-label={`Remove ${name}`}>
          <input type="hidden" name="id" value={s.id} />
          <details>
            <summary className="cursor-pointer rounded px-2 py-1 text-red-800 hover:bg-red-50">Remove…</summary>
            <p className="my-1 text-xs text-slate-600">It receives nothing more and its secret is forgotten; the delivery log keeps its past deliveries.</p>
            <button type="submit" disabled={removePending} className="rounded bg-red-700 px-2 py-1 text-white hover:bg-red-800 disabled:opacity-60">
              Remove #{s.id}
            </button>
          </details>
        </form>
      </div>
      <FormMessage state={toggleState} />
      <FormMessage state={removeState} />
    </li>
  );
}
