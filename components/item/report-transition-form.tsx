"use client";

import { useState } from "react";
import { EVIDENCE_KINDS, gateRequirements } from "@/lib/gates";
import { evidenceKindLabel, statusLabel } from "@/lib/labels";
import { levelOf, STATUSES, type Status } from "@/lib/status";
import { Field, Input, Options, Select, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { useItemAction, type ItemAction } from "./use-item-action";

/** Report a transition with evidence; the gate's requirement is shown before submitting. */
export function ReportTransitionForm({ reported, ...target }: ItemAction & { reported: Status }) {
  const [state, action, pending] = useItemAction(target);
  const [to, setTo] = useState<Status>(STATUSES[Math.min(levelOf(reported) + 1, STATUSES.length - 1)]!);
  const [rows, setRows] = useState(1);
  const down = levelOf(to) < levelOf(reported);
  const needs = gateRequirements(to);
  return (
    <form action={action} className="space-y-3" aria-label="Report a transition">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New status">
          <Select name="to" value={to} onChange={(e) => setTo(e.target.value as Status)}>
            <Options values={STATUSES} label={statusLabel} />
          </Select>
        </Field>
        <Field label="Effective date (empty: now)">
          <Input type="date" name="effectiveAt" />
        </Field>
      </div>
      <p className="rounded bg-slate-50 p-2 text-slate-700" data-testid="gate-requirement">
        {down
          ? `Moving down from ${statusLabel(reported)} needs a note saying why, and no evidence.`
          : needs.length === 0
            ? `Entering ${statusLabel(to)} needs no evidence.`
            : `Entering ${statusLabel(to)} needs, on this or an earlier transition of the item: ${needs.join("; ")}.`}
      </p>
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Evidence</legend>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_1fr_6rem]">
            <label>
              <span className="sr-only">Evidence {i + 1} kind</span>
              <Select name="evidenceKind" aria-label={`Evidence ${i + 1} kind`}>
                <Options values={EVIDENCE_KINDS} label={evidenceKindLabel} />
              </Select>
            </label>
            <label>
              <span className="sr-only">Evidence {i + 1} URL</span>
              <Input name="evidenceUrl" type="url" placeholder="https://…" aria-label={`Evidence ${i + 1} URL`} />
            </label>
            <label>
              <span className="sr-only">Evidence {i + 1} summary</span>
              <Input name="evidenceSummary" placeholder="summary" aria-label={`Evidence ${i + 1} summary`} />
            </label>
            <label>
              <span className="sr-only">Evidence {i + 1} fleet percent</span>
              <Input
                name="evidenceFleet"
                type="number"
                min={0}
                max={100}
                placeholder="fleet %"
                aria-label={`Evidence ${i + 1} fleet percent`}
              />
            </label>
          </div>
        ))}
        <button type="button" onClick={() => setRows((n) => n + 1)} className="text-indigo-700 hover:underline">
          + another piece of evidence
        </button>
      </fieldset>
      <Field label="Note">
        <Textarea name="note" rows={2} />
      </Field>
      <FormMessage state={state} />
      <Button disabled={pending}>
        Report transition
      </Button>
    </form>
  );
}
