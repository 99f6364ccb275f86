import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { createTokenAction, revokeTokenAction } from "@/app/_actions/account";
import { CHOOSE_PASSWORD_PATH, requireSignedIn } from "@/app/_lib/auth";
import { CreateTokenForm } from "@/components/auth/create-token-form";
import { RevokeTokenForm } from "@/components/auth/revoke-token-form";
import { listTokens } from "@/db/accounts/api-tokens";
import { getDb } from "@/db/get-db";
import { HeaderRow } from "@/components/ui/data-table";
import { tokenLife, type TokenLife } from "@/lib/auth/token-lifetime";
import { formatUtcMinute } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

const when = (ms: number | null) => (ms === null ? "never" : formatUtcMinute(ms));

/** A token's state in words: revoked or expired since when, or until when it opens the API. */
function TokenLifeCell({ life, revoke }: { life: TokenLife; revoke: ReactNode }) {
  if (life.state !== "active") return <>{`${life.state} ${when(life.at)}`}</>;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span>{life.expiresAt === null ? "never expires" : `expires ${when(life.expiresAt)}`}</span>
      {revoke}
    </div>
  );
}

/** The person's tokens and the moment they were read, against which each one's life is told. */
async function tokensOf(personId: number) {
  return { tokens: await listTokens(await getDb(), personId), now: Date.now() };
}

export default async function AccountPage() {
  const person = await requireSignedIn();
  const { tokens, now } = await tokensOf(person.id);
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
        <CreateTokenForm serverAction={createTokenAction} />
        {tokens.length === 0 ? (
          <p className="text-slate-600">No tokens yet.</p>
        ) : (
          <table className="w-full max-w-3xl text-left" aria-label="API tokens">
            <HeaderRow cell="py-1" columns={["token", "name", "created", "last used", "state"]} />
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100">
                  <td className="py-1 font-mono">{t.prefix}…</td>
                  <td className="py-1">{t.name}</td>
                  <td className="py-1">{when(t.createdAt)}</td>
                  <td className="py-1">{when(t.lastUsedAt)}</td>
                  <td className="py-1">
                    <TokenLifeCell life={tokenLife(t, now)} revoke={<RevokeTokenForm id={t.id} serverAction={revokeTokenAction} />} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
