import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "rounded bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60",
  small: "rounded bg-indigo-700 px-2 py-0.5 text-white hover:bg-indigo-800 disabled:opacity-60",
  secondary: "rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100 disabled:opacity-60",
  /** Beside a comment or a row: a bordered word. */
  quiet: "rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-100 disabled:opacity-60",
  /** Takes something away: red in its words as well as its border. */
  danger: "rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50 disabled:opacity-60",
} as const;

/**
 * The app's buttons: `primary` submits a form, `small` sits in a table row, `secondary` and `quiet`
 * are the quiet ones, `danger` removes.
 */
export function Button({
  variant = "primary",
  className = "",
  type = "submit",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button type={type} className={`${VARIANTS[variant]} ${className}`.trim()} {...props} />;
}
