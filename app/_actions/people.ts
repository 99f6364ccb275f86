"use server";

import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { disableAccount, enableAccount, resetPassword } from "@/db/accounts/account-access";
import { addPerson, setRole } from "@/db/accounts/manage-users";
import type { Db } from "@/db/index";
import { liveTokensSentence } from "@/lib/auth/live-token-words";
import { CHANGING_ACCOUNTS } from "@/lib/auth/recent-sign-in";
import type { Role } from "@/lib/auth/roles";

// The people page's forms (admins only); each calls the same function as the CLI.

const PEOPLE = "/people";
const ADD_FIELDS = ["email", "name", "team", "role"] as const;

export const addPersonAction = defineFormAction({
  args: [],
  permission: "admin",
  recentSignIn: CHANGING_ACCOUNTS,
  keep: ADD_FIELDS,
  input: (form) => ({ email: formText(form, "email"), name: formText(form, "name"), team: formText(form, "team"), role: formText(form, "role") as Role }),
  run: async ({ db, actor, input }) => await addPerson(db, input, actor.email, { oneTimePassword: true }),
  success: ({ result: { person } }) =>
    `Added ${person.name} (${person.email}) as ${person.role}. Give them this one-time password privately; it is shown once, and they choose their own when they first sign in.`,
  reveal: (result) => result.oneTimePassword ?? "",
  revalidate: () => PEOPLE,
});

export const setRoleAction = defineFormAction({
  args: [],
  permission: "admin",
  recentSignIn: CHANGING_ACCOUNTS,
  input: (form) => ({ email: formText(form, "email"), role: formText(form, "role") as Role }),
  run: async ({ db, actor, input }) => await setRole(db, input.email, input.role, actor.email),
  success: ({ result }) => `${result.name} is ${result.role}.`,
  revalidate: () => PEOPLE,
});

/**
 * A form that acts on one account, named by its e-mail: the same shape for every such change. One
 * that gives access (a reset password, an account enabled) asks for a recent sign-in; cutting
 * access off (disable) never waits for one.
 */
function onAccount<R>(run: (db: Db, email: string, by: string) => R, success: (result: Awaited<R>) => string, options: { reveal?: (result: Awaited<R>) => string; givesAccess: boolean }) {
  return defineFormAction({
    args: [],
    permission: "admin",
    recentSignIn: options.givesAccess ? CHANGING_ACCOUNTS : undefined,
    input: (form) => formText(form, "email"),
    run: ({ db, actor, input: email }) => run(db, email, actor.email),
    success: ({ result }) => success(result),
    reveal: options.reveal,
    revalidate: () => PEOPLE,
  });
}

export const resetPasswordAction = onAccount(
  resetPassword,
  ({ person, liveTokens }) =>
    `${person.name}'s password is reset and their sessions have ended.${liveTokensSentence(liveTokens, "theirs")} Give them this one-time password privately; it is shown once, and they choose their own when they next sign in.`,
  { reveal: (result) => result.oneTimePassword, givesAccess: true },
);

export const disableAccountAction = onAccount(disableAccount, (result) => `${result.name} is disabled: their sessions have ended and their API tokens are revoked.`, {
  givesAccess: false,
});

export const enableAccountAction = onAccount(enableAccount, (result) => `${result.name} can sign in again.`, { givesAccess: true });
