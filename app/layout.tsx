import type { Metadata } from "next";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/_actions/sign-in";
import { SiteHeader } from "@/components/site/site-header";
import { ChainBanner } from "@/components/chain-banner";
import { chainStatus } from "@/db/chain-status";
import { getDb } from "@/db/get-db";
import { currentPerson } from "./_lib/auth";
import { navCounts } from "./_lib/nav-counts";
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
        <SiteHeader person={person} counts={await navCounts()} signOutAction={signOutAction} />
        {person && <ChainBanner check={await chainStatus(await getDb(), "page")} />}
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
