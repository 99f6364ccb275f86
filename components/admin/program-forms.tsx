"use client";

import { fieldError, type ActionState, type FormAction } from "../ui/action-state";
import { DateInput, Field, Input, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import { bindAction } from "../ui/bind-action";

/** Name, description and committed target date: the fields creating a program and its settings share. */
function ProgramFields({
  values,
  state,
  descriptionRows,
}: {
  values: { name?: string; description?: string; targetDate?: string; factsUntil?: string };
  state: ActionState;
  descriptionRows?: number;
}) {
  return (
    <>
      <Field label="Name">
        <Input name="name" required defaultValue={values.name} />
      </Field>
      <Field label="Description">
        <Textarea name="description" defaultValue={values.description} rows={descriptionRows} />
      </Field>
      <DateInput label="Committed target date" name="targetDate" defaultValue={values.targetDate} error={fieldError(state, "targetDate")} />
      <DateInput
        label="Evidence horizon (facts until)"
        hint="Figures and verdicts for later dates are marked illustrative. Leave empty if all data is real."
        name="factsUntil"
        defaultValue={values.factsUntil}
        error={fieldError(state, "factsUntil")}
      />
    </>
  );
}

export function CreateProgramForm({ serverAction }: { serverAction: FormAction }) {
  const { state, formAction, pending, answer } = useKeptForm(serverAction);
  const v = state.values ?? {};
  return (
    <form action={formAction} className="grid max-w-xl gap-3" aria-label="Create a program" key={answer}>
      <Field label="Slug (lower-case, digits, dashes)">
        <Input name="slug" required defaultValue={v.slug} />
      </Field>
      <ProgramFields values={v} state={state} />
      <FormMessage state={state} />
      <Button disabled={pending} className="w-fit">
        Create program
      </Button>
    </form>
  );
}

export interface ProgramSettings {
  name: string;
  description: string;
  targetDate: string | null;
  factsUntil: string | null;
  thresholds: { testCoveragePct: number; unvettedCrates: number; crashOwnerRegistered: boolean };
  version: number;
}

export function EditProgramForm({ slug, program, serverAction }: { slug: string; program: ProgramSettings; serverAction: FormAction<[string]> }) {
  const { state, formAction, pending, answer } = useKeptForm(bindAction(serverAction, slug));
  const v = state.values ?? {
    name: program.name,
    description: program.description,
    targetDate: program.targetDate ?? "",
    factsUntil: program.factsUntil ?? "",
    testCoveragePct: String(program.thresholds.testCoveragePct),
    unvettedCrates: String(program.thresholds.unvettedCrates),
    crashOwnerRegistered: program.thresholds.crashOwnerRegistered ? "on" : "",
  };
  return (
    <form action={formAction} className="grid max-w-xl gap-3" aria-label="Program settings" key={`${program.version}-${answer}`}>
      <input type="hidden" name="version" value={program.version} />
      <ProgramFields values={v} state={state} descriptionRows={4} />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="text-slate-700">Quality thresholds</legend>
        <label>
          <span className="text-xs text-slate-600">Test coverage minimum (%)</span>
          <Input name="testCoveragePct" type="number" min={0} max={100} step="any" defaultValue={v.testCoveragePct} />
        </label>
        <label>
          <span className="text-xs text-slate-600">Unvetted crates maximum</span>
          <Input name="unvettedCrates" type="number" min={0} step={1} defaultValue={v.unvettedCrates} />
        </label>
        <label className="flex items-center gap-2 pt-5">
          <input name="crashOwnerRegistered" type="checkbox" defaultChecked={v.crashOwnerRegistered === "on"} />
          <span className="text-xs text-slate-700">Crash owner must be registered</span>
        </label>
      </fieldset>
      <FormMessage state={state} />
      <Button disabled={pending} className="w-fit">
        Save settings
      </Button>
    </form>
  );
}
