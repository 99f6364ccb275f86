import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

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

export function Select({ className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${CONTROL} ${className}`.trim()} {...props} />;
}

export function Textarea({ className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={`${CONTROL} ${className}`.trim()} {...props} />;
}

/** A select's options, one per value, each shown by its label (by default the value itself). */
export function Options<T extends string>({ values, label = (value) => value }: { values: readonly T[]; label?: (value: T) => string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}
