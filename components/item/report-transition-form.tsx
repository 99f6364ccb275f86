"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { EVIDENCE_KINDS, gateRequirements } from "@/lib/gates";
import { levelOf, STATUSES, type Status } from "@/lib/status";
import { FormMessage } from "../ui/form-message";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

/** Report a transition with evidence; the gate's requirement is shown before submitting. */
export function ReportTransitionForm({
  slug,
  itemKey,
  reported,
  serverAction,
}: {
  slug: string;
  itemKey: string;
  reported: Status;
  serverAction: FormAction<[string, string]>;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction.bind(null, slug, itemKey), IDLE);
  const [to, setTo] = useState<Status>(STATUSES[Math.min(levelOf(reported) + 1, STATUSES.length - 1)]!);
  const [rows, setRows] = useState(1);
  const down = levelOf(to) < levelOf(reported);
  const needs = gateRequirements(to);
  return (
    <form action={action} className="space-y-3" aria-label="Report a transition">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          <span className="text-slate-700">New status</span>
          <select name="to" value={to} onChange={(e) => setTo(e.target.value as Status)} className={input}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-slate-700">Effective date (empty: now)</span>
          <input type="date" name="effectiveAt" className={input} />
        </label>
      </div>
      <p className="rounded bg-slate-50 p-2 text-slate-700" data-testid="gate-requirement">
        {down
          ? `Moving down from ${reported} needs a note saying why, and no evidence.`
          : needs.length === 0
            ? `Entering ${to} needs no evidence.`
            : `Entering ${to} needs, on this or an earlier transition of the item: ${needs.join("; ")}.`}
      </p>
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Evidence</legend>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_1fr_6rem]">
            <label>
              <span className="sr-only">Evidence {i + 1} kind</span>
              <select name="evidenceKind" className={input} aria-label={`Evidence ${i + 1} kind`}>
                {EVIDENCE_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              <span className="sr-only">Evidence {i + 1} URL</span>
              <input name="evidenceUrl" type="url" placeholder="https://…" className={input} aria-label={`Evidence ${i + 1} URL`} />
            </label>
            <label>
              <span className="sr-only">Evidence {i + 1} summary</span>
              <input name="evidenceSummary" placeholder="summary" className={input} aria-label={`Evidence ${i + 1} summary`} />
            </label>
            <label>
              <span className="sr-only">Evidence {i + 1} fleet percent</span>
              <input
                name="evidenceFleet"
                type="number"
                min={0}
                max={100}
                placeholder="fleet %"
                className={input}
                aria-label={`Evidence ${i + 1} fleet percent`}
              />
            </label>
          </div>
        ))}
        <button type="button" onClick={() => setRows((n) => n + 1)} className="text-indigo-700 hover:underline">
          + another piece of evidence
        </button>
      </fieldset>
      <label className="block">
        <span className="text-slate-700">Note</span>
        <textarea name="note" rows={2} className={input} />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        Report transition
      </button>
    </form>
  );
}
