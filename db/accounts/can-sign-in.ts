import { and, isNotNull, isNull, or, sql } from "drizzle-orm";
import { people } from "../schema";

/**
 * The people who can sign in, as SQL over `people`: not disabled, with a password (a one-time one
 * counts: its owner signs in and chooses their own) or an identity at the OpenID provider (single
 * sign-on). It is `accountState` (lib/auth/account-state.ts) being "active" or "must_change_password". A person a bundle brought in without an account, or an
 * account still without a password, cannot; an API token alone opens the API, not the pages.
 */
export const canSignIn = () =>
  and(
    isNull(people.disabledAt),
    or(isNotNull(people.passwordHash), hasIdentity()),
  );

/** Whether the account has an identity at the OpenID provider (written out: a subquery must name both tables). */
export const hasIdentity = () => sql<boolean>`EXISTS (SELECT 1 FROM person_identities WHERE person_identities.person_id = people.id)`;
