import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/_actions/sign-in";
import { UserMenu } from "@/components/auth/user-menu";
import { ChainBanner } from "@/components/chain-banner";
import { chainStatus } from "@/db/chain-status";
import { getDb } from "@/db/get-db";
import { currentPerson } from "./_lib/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Boost Offload Tracker", template: "%s · Boost Offload Tracker" },
  description: "Evidence-backed status of the offload-migration program",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const person = await currentPerson();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans text-sm">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-slate-900">
              Boost Offload Tracker
            </Link>
            {person && (
              <nav aria-label="Main" className="flex gap-4 text-slate-700">
                <Link href="/" className="hover:underline">
                  Programs
                </Link>
                <Link href="/rules" className="hover:underline">
                  Rules
                </Link>
                {person.role === "admin" && (
                  <Link href="/import" className="hover:underline">
                    Import
                  </Link>
                )}
              </nav>
            )}
            {person && <UserMenu person={person} signOutAction={signOutAction} />}
          </div>
        </header>
        {person && <ChainBanner check={await chainStatus(getDb(), "page")} />}
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
