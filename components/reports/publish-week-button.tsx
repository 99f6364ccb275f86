"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { FormMessage } from "../ui/form-message";
import { Button } from "@/components/ui/button";
import { bindAction } from "../ui/bind-action";

/** Publishing cannot be undone, so it takes a second click that says so. */
export function PublishWeekButton({ slug, week, serverAction }: { slug: string; week: string; serverAction: FormAction<[string, string]> }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(bindAction(serverAction, slug, week), IDLE);
  const [confirming, setConfirming] = useState(false);
  if (state.status === "ok") return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-1">
      {confirming ? (
        <span className="flex flex-wrap items-center gap-1">
          <span className="text-xs text-slate-700">Published reports can never be changed.</span>
          <Button
            variant="small"
            disabled={pending}
            aria-label={`Confirm: publish ${week}`}
          >
            Publish for good
          </Button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded px-2 py-0.5 text-slate-700 hover:bg-slate-100">
            Cancel
          </button>
        </span>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded border border-indigo-700 px-2 py-0.5 text-indigo-800 hover:bg-indigo-50"
          aria-label={`Publish ${week}`}
        >
          Publish
        </button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
