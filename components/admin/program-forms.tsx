"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { FormMessage } from "../ui/form-message";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

export function CreateProgramForm({ serverAction }: { serverAction: FormAction }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, IDLE);
  const v = state.values ?? {};
  return (
    <form action={action} className="grid max-w-xl gap-3" aria-label="Create a program">
      <label>
        <span className="text-slate-700">Slug (lower-case, digits, dashes)</span>
        <input name="slug" required defaultValue={v.slug} className={input} />
      </label>
      <label>
        <span className="text-slate-700">Name</span>
        <input name="name" required defaultValue={v.name} className={input} />
      </label>
      <label>
        <span className="text-slate-700">Description</span>
        <textarea name="description" defaultValue={v.description} className={input} />
      </label>
      <label>
        <span className="text-slate-700">Committed target date</span>
        <input name="targetDate" type="date" defaultValue={v.targetDate} className={input} />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="w-fit rounded bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        Create program
      </button>
    </form>
  );
}

export interface ProgramSettings {
  name: string;
  description: string;
  targetDate: string | null;
  thresholds: { testCoveragePct: number; unvettedCrates: number; crashOwnerRegistered: boolean };
  version: number;
}

export function EditProgramForm({ slug, program, serverAction }: { slug: string; program: ProgramSettings; serverAction: FormAction<[string]> }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction.bind(null, slug), IDLE);
  const v = state.values ?? {
    name: program.name,
    description: program.description,
    targetDate: program.targetDate ?? "",
    testCoveragePct: String(program.thresholds.testCoveragePct),
    unvettedCrates: String(program.thresholds.unvettedCrates),
  };
  return (
    <form action={action} className="grid max-w-xl gap-3" aria-label="Program settings" key={`${program.version}-${state.status}`}>
      <input type="hidden" name="version" value={program.version} />
      <label>
        <span className="text-slate-700">Name</span>
        <input name="name" required defaultValue={v.name} className={input} />
      </label>
      <label>
        <span className="text-slate-700">Description</span>
        <textarea name="description" defaultValue={v.description} rows={4} className={input} />
      </label>
      <label>
        <span className="text-slate-700">Committed target date</span>
        <input name="targetDate" type="date" defaultValue={v.targetDate} className={input} />
      </label>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="text-slate-700">Quality thresholds</legend>
        <label>
          <span className="text-xs text-slate-600">Test coverage minimum (%)</span>
          <input name="testCoveragePct" type="number" min={0} max={100} step="any" defaultValue={v.testCoveragePct} className={input} />
        </label>
        <label>
          <span className="text-xs text-slate-600">Unvetted crates maximum</span>
          <input name="unvettedCrates" type="number" min={0} step={1} defaultValue={v.unvettedCrates} className={input} />
        </label>
        <label className="flex items-center gap-2 pt-5">
          <input name="crashOwnerRegistered" type="checkbox" defaultChecked={program.thresholds.crashOwnerRegistered} />
          <span className="text-xs text-slate-700">Crash owner must be registered</span>
        </label>
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="w-fit rounded bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        Save settings
      </button>
    </form>
  );
}
