"use client";

import { fieldError, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { Field, Options, Select } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import { bindAction } from "../ui/bind-action";

/**
 * Sends a published week again to every enabled subscription. With one week (a week's own page)
 * it is a button; with several, a choice of the published weeks, newest first.
 */
export function SendAgainForm({ slug, weeks, serverAction }: { slug: string; weeks: string[]; serverAction: FormAction<[string]> }) {
  const { state, formAction, pending, answer } = useKeptForm(bindAction(serverAction, slug));
  if (weeks.length === 0) return <p className="text-slate-600">No week is published yet: only a published week is sent.</p>;
  return (
    <form action={formAction} className="space-y-2" aria-label="Send a published week again" key={answer}>
      {weeks.length === 1 ? (
        <input type="hidden" name="week" value={weeks[0]} />
      ) : (
        <Field label="Published week" error={fieldError(state, "week")} className="block max-w-xs">
          <Select name="week" defaultValue={state.values?.week ?? weeks[0]}>
            <Options values={weeks} />
          </Select>
        </Field>
      )}
      <FormMessage state={state} />
      <Button variant="secondary" disabled={pending}>
        {weeks.length === 1 ? `Send ${weeks[0]} again` : "Send again"}
      </Button>
    </form>
  );
}
