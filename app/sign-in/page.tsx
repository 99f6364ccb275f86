import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInAction } from "@/app/_actions/sign-in";
import { currentPerson } from "@/app/_lib/auth";
import { getSignInConfig } from "@/app/_lib/oidc";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ssoProblemText } from "@/lib/auth/sso-problems";
import { sameOriginPath } from "@/lib/http/same-origin-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; ended?: string; sso?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentPerson()) redirect("/");
  const { next, ended, sso } = await searchParams;
  const { oidc, localSignIn } = getSignInConfig();
  const problem = ssoProblemText(sso);
  const start = `/api/auth/oidc/start${next ? `?next=${encodeURIComponent(sameOriginPath(next))}` : ""}`;
  return (
    <section className="mx-auto max-w-sm rounded border border-slate-200 bg-white p-6">
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      {ended !== undefined && (
        <p role="status" className="mb-3 rounded bg-amber-50 p-2 text-amber-950">
          Your session has ended: it expired, you signed out elsewhere, or an administrator ended it. Sign in again.
        </p>
      )}
      {problem && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-red-900">
          {problem}
        </p>
      )}
      {oidc && (
        // A full navigation to the route that sends the person to the provider: never prefetched.
        <a href={start} className="mb-4 block rounded bg-indigo-700 px-3 py-2 text-center font-medium text-white hover:bg-indigo-800">
          {`Sign in with ${oidc.providerName}`}
        </a>
      )}
      {localSignIn && <SignInForm next={next ?? "/"} serverAction={signInAction} />}
      {localSignIn && (
        <p className="mt-4 text-xs text-slate-500">
          Accounts are made by an administrator, on the People page or with <code>npm run tracker -- user add</code>
          {oidc ? `, or at the first sign-in with ${oidc.providerName}` : ""}. The first start of a fresh database prints the
          admin&apos;s e-mail and password once.
        </p>
      )}
    </section>
  );
}
