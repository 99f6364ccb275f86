"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Field, Options, Select } from "./field";

/** A labelled choice and the button that submits it, on one line that wraps on a phone. */
export function SelectAndSubmit<T extends string>({
  label,
  name,
  values,
  defaultValue,
  pending,
  selectClassName,
  children,
}: {
  label: ReactNode;
  name: string;
  values: readonly T[];
  defaultValue: string;
  pending: boolean;
  selectClassName?: string;
  /** The button's words. */
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field label={label}>
        <Select name={name} defaultValue={defaultValue} className={selectClassName}>
          <Options values={values} />
        </Select>
      </Field>
      <Button variant="secondary" disabled={pending}>
        {children}
      </Button>
    </div>
  );
}
