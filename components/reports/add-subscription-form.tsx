"use client";

import { SUBSCRIPTION_KIND_LABELS } from "@/lib/labels";
import { SUBSCRIPTION_KINDS } from "@/lib/validations/subscription-input";
import { fieldError, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { Field, Input, Options, Select } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import { ShownOnce } from "./shown-once";
import { bindAction } from "../ui/bind-action";

/** A new subscription: an e-mail address or a webhook URL. A webhook's signing secret is shown once. */
export function AddSubscriptionForm({ slug, serverAction }: { slug: string; serverAction: FormAction<[string]> }) {
  const { state, formAction, pending, answer } = useKeptForm(bindAction(serverAction, slug));
  const v = state.values ?? {};
  return (
    <form action={formAction} className="space-y-2" aria-label="Add a subscription" key={answer}>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Field label="Receives" error={fieldError(state, "kind")}>
          <Select name="kind" defaultValue={v.kind || "email"}>
            <Options values={SUBSCRIPTION_KINDS} label={(k) => SUBSCRIPTION_KIND_LABELS[k]} />
          </Select>
        </Field>
        <Field label="E-mail address or webhook URL" hint="Webhooks: https:// (or http://), no user:password@ in the URL." error={fieldError(state, "target")}>
          <Input name="target" required maxLength={2000} autoComplete="off" defaultValue={v.target} />
        </Field>
      </div>
      <FormMessage state={state} />
      {state.status === "ok" && state.secret && <ShownOnce label="Signing secret" value={state.secret} testId="subscription-secret" />}
      <Button disabled={pending}>{pending ? "Adding…" : "Add subscription"}</Button>
    </form>
  );
}
