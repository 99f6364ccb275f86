import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInAction } from "@/app/_actions/sign-in";
import { currentPerson } from "@/app/_lib/auth";
import { SignInForm } from "@/components/auth/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; ended?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentPerson()) redirect("/");
  const { next, ended } = await searchParams;
  return (
    <section className="mx-auto max-w-sm rounded border border-slate-200 bg-white p-6">
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      {ended !== undefined && (
        <p role="status" className="mb-3 rounded bg-amber-50 p-2 text-amber-950">
          Your session has ended: it expired, you signed out elsewhere, or an administrator ended it. Sign in again.
        </p>
      )}
      <SignInForm next={next ?? "/"} serverAction={signInAction} />
      <p className="mt-4 text-xs text-slate-500">
        Accounts are made by an administrator, on the People page or with <code>npm run tracker -- user add</code>. The
        first start of a fresh database prints the admin&apos;s e-mail and password once.
      </p>
    </section>
  );
}
