"use server";

import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { disableAccount, enableAccount, resetPassword } from "@/db/accounts/account-access";
import { addPerson, setRole } from "@/db/accounts/manage-users";
import type { Role } from "@/lib/auth/roles";

// The people page's forms (admins only); each calls the same function as the CLI.

const PEOPLE = "/people";
const ADD_FIELDS = ["email", "name", "team", "role"] as const;

export const addPersonAction = defineFormAction({
  args: [],
  permission: "admin",
  keep: ADD_FIELDS,
  input: (form) => ({ email: formText(form, "email"), name: formText(form, "name"), team: formText(form, "team"), role: formText(form, "role") as Role }),
  run: ({ db, actor, input }) => addPerson(db, input, actor.email, { oneTimePassword: true }),
  success: ({ result: { person } }) =>
    `Added ${person.name} (${person.email}) as ${person.role}. Give them this one-time password privately; it is shown once, and they choose their own when they first sign in.`,
  reveal: (result) => result.oneTimePassword ?? "",
  revalidate: () => PEOPLE,
});

export const setRoleAction = defineFormAction({
  args: [],
  permission: "admin",
  input: (form) => ({ email: formText(form, "email"), role: formText(form, "role") as Role }),
  run: ({ db, actor, input }) => setRole(db, input.email, input.role, actor.email),
  success: ({ result }) => `${result.name} is ${result.role}.`,
  revalidate: () => PEOPLE,
});

export const resetPasswordAction = defineFormAction({
  args: [],
  permission: "admin",
  input: (form) => formText(form, "email"),
  run: ({ db, actor, input: email }) => resetPassword(db, email, actor.email),
  success: ({ result: { person } }) =>
    `${person.name}'s password is reset and their sessions have ended. Give them this one-time password privately; it is shown once, and they choose their own when they next sign in.`,
  reveal: (result) => result.oneTimePassword,
  revalidate: () => PEOPLE,
});

export const disableAccountAction = defineFormAction({
  args: [],
  permission: "admin",
  input: (form) => formText(form, "email"),
  run: ({ db, actor, input: email }) => disableAccount(db, email, actor.email),
  success: ({ result }) => `${result.name} is disabled: their sessions have ended and their API tokens are revoked.`,
  revalidate: () => PEOPLE,
});

export const enableAccountAction = defineFormAction({
  args: [],
  permission: "admin",
  input: (form) => formText(form, "email"),
  run: ({ db, actor, input: email }) => enableAccount(db, email, actor.email),
  success: ({ result }) => `${result.name} can sign in again.`,
  revalidate: () => PEOPLE,
});
