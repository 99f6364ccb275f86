import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { createTokenAction, revokeTokenAction } from "@/app/_actions/account";
import { CHOOSE_PASSWORD_PATH, requireSignedIn, SESSION_COOKIE } from "@/app/_lib/auth";
import { getSignInConfig } from "@/app/_lib/oidc";
import { CreateTokenForm } from "@/components/auth/create-token-form";
import { RevokeTokenForm } from "@/components/auth/revoke-token-form";
import { listTokens } from "@/db/accounts/api-tokens";
import { sessionSignedInAt } from "@/db/accounts/sessions";
import type { Person } from "@/db/schema";
import { getDb } from "@/db/get-db";
import { TokenTable } from "@/components/auth/token-table";
import { tokenConfirmationNeeded } from "@/lib/auth/token-confirmation";
import { tokenLife } from "@/lib/auth/token-lifetime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

/** The person's tokens and the moment they were read, against which each one's life is told. */
async function tokensOf(personId: number) {
  return { tokens: await listTokens(await getDb(), personId), now: Date.now() };
}

/** What making a token asks of this session now (the action asks again when the form is sent). */
async function tokenConfirmation(person: Person, now: number) {
  const signedInAt = await sessionSignedInAt(await getDb(), (await cookies()).get(SESSION_COOKIE)?.value, now);
  const { oidc, localSignIn } = getSignInConfig();
  const confirm = tokenConfirmationNeeded(signedInAt ?? 0, now, localSignIn && person.passwordHash !== null);
  return {
    confirm,
    provider: oidc?.providerName ?? null,
    signInAgain: oidc ? { href: `/api/auth/oidc/start?next=${encodeURIComponent("/account")}`, label: `Sign in again with ${oidc.providerName}` } : null,
  };
}

export default async function AccountPage() {
  const person = await requireSignedIn();
  const { tokens, now } = await tokensOf(person.id);
  const confirmation = await tokenConfirmation(person, now);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Your account</h1>
        <p className="text-slate-600">
          {person.name} · {person.email} · role <strong>{person.role}</strong>
        </p>
        <p>
          <Link href={CHOOSE_PASSWORD_PATH} className="text-indigo-700 hover:underline">
            Change your password
          </Link>
        </p>
      </div>
      <div className="space-y-3">
        <h2 className="font-semibold">API tokens</h2>
        <p className="text-slate-600">
          Send <code>Authorization: Bearer &lt;token&gt;</code> to the API. A token acts with your role and opens
          nothing once it expires or is revoked.
        </p>
        <CreateTokenForm serverAction={createTokenAction} {...confirmation} />
        {tokens.length === 0 ? (
          <p className="text-slate-600">No tokens yet.</p>
        ) : (
          <TokenTable
            tokens={tokens.map((t) => ({ ...t, life: tokenLife(t, now) }))}
            revoke={(id) => <RevokeTokenForm id={id} serverAction={revokeTokenAction} />}
          />
        )}
      </div>
    </section>
  );
}
