import type { Metadata } from "next";
import Link from "next/link";
import { changePasswordAction } from "@/app/_actions/account";
import { requireSignedIn } from "@/app/_lib/auth";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { sameOriginPath } from "@/lib/http/same-origin-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your password" };

type Props = { searchParams: Promise<{ next?: string }> };

/** A person's own password; the one page open to someone who signed in with a one-time password. */
export default async function PasswordPage({ searchParams }: Props) {
  const person = await requireSignedIn({ passwordChange: true });
  const oneTime = person.mustChangePassword;
  const next = sameOriginPath((await searchParams).next);
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">{oneTime ? "Choose your own password" : "Change your password"}</h1>
      {oneTime ? (
        <p className="text-slate-700">
          You signed in with a one-time password from an administrator. Choose your own password before you go on: until you
          do, no other page, form or API call with this session is open to you.
        </p>
      ) : (
        <p className="text-slate-700">
          Your other sessions end when you change it; this one stays open.{" "}
          <Link href="/account" className="text-indigo-700 underline">
            Back to your account
          </Link>
        </p>
      )}
      <ChangePasswordForm oneTime={oneTime} next={next} minLength={MIN_PASSWORD_LENGTH} serverAction={changePasswordAction} />
    </section>
  );
}
