import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { END_SESSION_COOKIE, getSignInConfig } from "@/app/_lib/oidc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signed out" };

/** After a sign-out without JavaScript from a session single sign-on opened: the provider's sign-out, offered. */
export default async function SignedOutPage() {
  const { oidc } = getSignInConfig();
  if (!oidc || !(await cookies()).has(END_SESSION_COOKIE)) redirect("/sign-in");
  return (
    <section className="mx-auto max-w-sm rounded border border-slate-200 bg-white p-6">
      <h1 className="mb-4 text-lg font-semibold">Signed out</h1>
      <p className="mb-3">
        You are signed out of the tracker. You are still signed in at {oidc.providerName}: this browser can open the tracker, and
        every other site that uses {oidc.providerName}, without a password until you sign out there too.
      </p>
      {/* A full navigation (never prefetched): the route sends the person on to the provider. The
          lint rule takes /api's catch-all 404 route for a page that <Link> could open. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/api/auth/oidc/end-session" className="mb-3 block rounded bg-indigo-700 px-3 py-2 text-center font-medium text-white hover:bg-indigo-800">
        {`Sign out of ${oidc.providerName} too`}
      </a>
      <Link href="/sign-in" className="text-indigo-800 underline">
        Sign in again
      </Link>
    </section>
  );
}
