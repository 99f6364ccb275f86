import type { Metadata } from "next";
import Link from "next/link";
import { createTokenAction, revokeTokenAction } from "@/app/_actions/account";
import { CHOOSE_PASSWORD_PATH, requireSignedIn } from "@/app/_lib/auth";
import { recentSignInAsked } from "@/app/_lib/recent-sign-in";
import { CreateTokenForm } from "@/components/auth/create-token-form";
import { RevokeTokenForm } from "@/components/auth/revoke-token-form";
import { listTokens } from "@/db/accounts/api-tokens";
import { getDb } from "@/db/get-db";
import { TokenTable } from "@/components/auth/token-table";
import { tokenLife } from "@/lib/auth/token-lifetime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

/** The person's tokens and the moment they were read, against which each one's life is told. */
async function tokensOf(personId: number) {
  return { tokens: await listTokens(await getDb(), personId), now: Date.now() };
}

export default async function AccountPage() {
  const person = await requireSignedIn();
  const { tokens, now } = await tokensOf(person.id);
  const { needed, provider, signInAgain } = await recentSignInAsked(person, "/account", now);
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
        <CreateTokenForm serverAction={createTokenAction} confirm={needed} provider={provider} signInAgain={signInAgain} />
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
