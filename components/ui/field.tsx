"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { ISO_DATE_HINT, ISO_DATE_PATTERN, isoDateProblem } from "@/lib/iso-date";

/** The border and spacing every text box, select and text area shares. */
const CONTROL = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1";

/** A labelled control: the label above, the control, then a hint or an error in words. */
export function Field({
  label,
  hint,
  error,
  className = "block",
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      <span className="text-slate-700">{label}</span>
      {children}
      {hint && <span className="mt-0.5 block text-xs text-slate-600">{hint}</span>}
      {error && (
        <span role="alert" className="mt-0.5 block text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}

export function Input({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${CONTROL} ${className}`.trim()} {...props} />;
}

/**
 * A labelled date as the app writes it everywhere, YYYY-MM-DD: a text box, not `type="date"`, whose
 * display follows the browser's locale (12/31/2024). A malformed date is named in words when the
 * person leaves the field (and blocks the submit); `error` is the server's word on the field, shown
 * until the person edits it. Hint, format and error sit outside the <label> and describe the box,
 * so the label stays its name.
 */
export function DateInput({
  label,
  hint,
  error,
  className = "block",
  onBlur,
  onChange,
  onInvalid,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "pattern" | "inputMode" | "id" | "className"> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const check = (input: HTMLInputElement) => {
    const found = isoDateProblem(input.value);
    input.setCustomValidity(found ?? "");
    setProblem(found);
  };
  const shown = problem ?? (edited ? undefined : error);
  const described = [shown && `${id}-error`, hint && `${id}-hint`, `${id}-format`].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern={ISO_DATE_PATTERN}
        placeholder="YYYY-MM-DD"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={described}
        aria-invalid={shown ? true : undefined}
        className={CONTROL}
        onBlur={(e) => {
          writeDashes(e.currentTarget);
          check(e.currentTarget);
          onBlur?.(e);
        }}
        onChange={(e) => {
          setEdited(true);
          if (problem) check(e.currentTarget);
          onChange?.(e);
        }}
        onInvalid={(e) => {
          check(e.currentTarget);
          onInvalid?.(e);
        }}
        {...props}
      />
      {shown && (
        <span id={`${id}-error`} className="mt-0.5 block text-red-700">
          {shown}
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className="mt-0.5 block text-xs text-slate-600">
          {hint}
        </span>
      )}
      <span id={`${id}-format`} className="sr-only">
        {ISO_DATE_HINT}
      </span>
    </div>
  );
}

/**
 * A phone's numeric keypad has no dash: eight digits become YYYY-MM-DD. Written through the
 * native setter with an input event, so React sees the change like a typed one.
 */
function writeDashes(input: HTMLInputElement) {
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(input.value.trim());
  if (!digits) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, digits.slice(1).join("-"));
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export function Select({ className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${CONTROL} ${className}`.trim()} {...props} />;
}

export function Textarea({ className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={`${CONTROL} ${className}`.trim()} {...props} />;
}

/** A select's options, one per value, each shown by its label (by default the value itself). */
export function Options<T extends string>({ values, label = (value) => value }: { values: readonly T[]; label?: (value: T) => string }) {
  return <LabelledOptions options={values.map((value) => ({ value, label: label(value) }))} />;
}

/** A select's options from value/label pairs (people by e-mail shown by name, programs by slug…). */
export function LabelledOptions({ options }: { options: readonly { value: string; label: string }[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}
