"use client";

import { useState } from "react";
import { blankRow, planEvidenceRows, rowsEvidence, rowsFromLists, type EvidenceRow } from "@/lib/evidence-rows";
import { EVIDENCE_KINDS, gateWords } from "@/lib/gates";
import { isoDateStart } from "@/lib/iso-date";
import { evidenceKindLabel, statusLabel } from "@/lib/labels";
import { previewTransition, type RecordedTransition, type TransitionPreview } from "@/lib/preview-transition";
import { levelOf, STATUSES, type Status } from "@/lib/status";
import { fieldError, type ActionState } from "../ui/action-state";
import { DateInput, Field, Input, Options, Select, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { kept, keptList } from "../ui/use-kept-form";
import { EvidenceFileInput } from "./evidence-file-input";
import { useKeptItemForm, type ItemAction } from "./use-item-action";

/**
 * Report a transition with evidence. The gate is shown before submitting, judged against the
 * item's history (`history`: every transition on record, whatever the page's as-of view); after a
 * refusal every field shows what was sent.
 */
export function ReportTransitionForm({ history, ...target }: ItemAction & { history: RecordedTransition[] }) {
  const { state, formAction, pending, answer } = useKeptItemForm(target);
  return <TransitionFields key={answer} state={state} action={formAction} pending={pending} history={history} />;
}

const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);

function TransitionFields({
  state,
  action,
  pending,
  history,
}: {
  state: ActionState;
  action: (form: FormData) => void;
  pending: boolean;
  history: RecordedTransition[];
}) {
  const draftOf = (to: Status, rows: readonly EvidenceRow[], effectiveAt = "", note = "") =>
    previewTransition(history, { to, effectiveAt: isoDateStart(effectiveAt), note, evidence: rowsEvidence(rows) });
  const latest = draftOf("not_started", []).from;
  const sentTo = kept(state, "to", "");
  const [to, setTo] = useState<Status>(isStatus(sentTo) ? sentTo : STATUSES[Math.min(levelOf(latest) + 1, STATUSES.length - 1)]!);
  const [effectiveAt, setEffectiveAt] = useState(kept(state, "effectiveAt", ""));
  const [note, setNote] = useState(kept(state, "note", ""));
  const [rows, setRows] = useState<EvidenceRow[]>(() => {
    const sent = rowsFromLists(
      keptList(state, "evidenceKind", []),
      keptList(state, "evidenceUrl", []),
      keptList(state, "evidenceSummary", []),
      keptList(state, "evidenceFleet", []),
    );
    return sent.length > 0 ? sent : planEvidenceRows([blankRow()], draftOf(to, []).missing.map((g) => g.kind));
  });
  const preview = draftOf(to, rows, effectiveAt, note);
  const choose = (next: Status) => {
    setTo(next);
    setRows(planEvidenceRows(rows, draftOf(next, rows, effectiveAt, note).missing.map((g) => g.kind)));
  };
  const setRow = (i: number, change: Partial<EvidenceRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <form action={action} className="space-y-3" aria-label="Report a transition">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New status">
          <Select name="to" value={to} onChange={(e) => choose(e.target.value as Status)}>
            <Options values={STATUSES} label={statusLabel} />
          </Select>
        </Field>
        <DateInput
          label="Effective date (empty: now)"
          name="effectiveAt"
          value={effectiveAt}
          onChange={(e) => setEffectiveAt(e.target.value)}
          error={fieldError(state, "effectiveAt")}
        />
      </div>
      <GatePreview to={to} preview={preview} />
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Evidence</legend>
        {rows.map((row, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_1fr_6rem]">
            <label>
              <span className="text-xs text-slate-600">Kind</span>
              <Select name="evidenceKind" aria-label={`Evidence ${i + 1} kind`} value={row.kind} onChange={(e) => setRow(i, { kind: e.target.value })}>
                <Options values={EVIDENCE_KINDS} label={evidenceKindLabel} />
              </Select>
            </label>
            <label>
              <span className="text-xs text-slate-600">URL</span>
              <Input name="evidenceUrl" type="url" placeholder="https://…" aria-label={`Evidence ${i + 1} URL`} value={row.url} onChange={(e) => setRow(i, { url: e.target.value })} />
            </label>
            <label>
              <span className="text-xs text-slate-600">Summary</span>
              <Input name="evidenceSummary" placeholder="what it shows" aria-label={`Evidence ${i + 1} summary`} value={row.summary} onChange={(e) => setRow(i, { summary: e.target.value })} />
            </label>
            {/* Only a deployment reaches a share of the fleet; other rows send an empty value, keeping the rows' fields aligned. */}
            {row.kind === "deployment" ? (
              <label>
                <span className="text-xs text-slate-600">Fleet percent</span>
                <Input
                  name="evidenceFleet"
                  type="number"
                  min={0}
                  max={100}
                  placeholder="0–100"
                  aria-label={`Evidence ${i + 1} fleet percent`}
                  value={row.fleet}
                  onChange={(e) => setRow(i, { fleet: e.target.value })}
                />
              </label>
            ) : (
              <input type="hidden" name="evidenceFleet" value="" />
            )}
            <EvidenceFileInput index={i} onChoose={(file) => setRow(i, { file })} />
          </div>
        ))}
        <button type="button" onClick={() => setRows([...rows, blankRow()])} className="text-indigo-700 hover:underline">
          + another piece of evidence
        </button>
      </fieldset>
      <Field label="Note">
        <Textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <FormMessage state={state} />
      <Button disabled={pending}>Report transition</Button>
    </form>
  );
}

/** What entering the status needs, what the item already has, and what is still missing. */
function GatePreview({ to, preview: p }: { to: Status; preview: TransitionPreview }) {
  const list = (gates: TransitionPreview["needs"]) => gates.map(gateWords).join("; ");
  const target = statusLabel(to);
  const lacking = p.down ? p.noteMissing : p.missing.length > 0;
  let missing: string | null = null;
  if (p.down) missing = p.noteMissing ? "Still missing: a note saying why." : "Nothing is missing: the note says why.";
  else if (p.missing.length > 0) missing = `Still missing: ${list(p.missing)}.`;
  else if (p.needs.length === 0) missing = null;
  else if (p.onRecord.length === p.needs.length) missing = `Nothing is missing: earlier transitions of the item already meet every gate up to ${target}.`;
  else missing = `Nothing is missing: the evidence below${p.onRecord.length > 0 ? ", with the item's earlier evidence," : ""} meets every gate up to ${target}.`;
  return (
    <div className="space-y-1 rounded bg-slate-50 p-2 text-slate-700">
      <p data-testid="gate-requirement">
        {p.down
          ? `Moving down from ${statusLabel(p.from)} needs a note saying why, and no evidence.`
          : p.needs.length === 0
            ? `Entering ${target} needs no evidence.`
            : `Entering ${target} needs, on this or an earlier transition of the item: ${list(p.needs)}.`}
      </p>
      {p.onRecord.length > 0 && <p data-testid="gate-on-record">Already on earlier transitions: {list(p.onRecord)}.</p>}
      {missing && (
        <p data-testid="gate-missing" className={lacking ? "font-medium text-amber-900" : "text-emerald-900"}>
          {missing}
        </p>
      )}
    </div>
  );
}
