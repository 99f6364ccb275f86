import Link from "next/link";
import { requireSignedIn } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { getPortfolio } from "@/db/queries/get-portfolio";
import { PortfolioTable } from "@/components/program/portfolio-table";
import { can } from "@/lib/auth/roles";
import { endOfToday } from "@/lib/time";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const person = await requireSignedIn();
  const today = endOfToday();
  const programs = await getPortfolio(await getDb(), today, today);
  return (
    <section>
      <h1 className="text-xl font-semibold">Programs</h1>
      <p className="text-sm text-slate-600">Each program as of today: verified against reported, its latest public claim rated on its date, and its committed target.</p>
      {programs.length === 0 ? (
        <p className="mt-4 text-slate-600">
          No program yet. {can(person.role, "admin") ? "Create one below, or import" : "An admin creates one, or imports"} a bundle (
          <code>npm run tracker -- import FILE</code>).
        </p>
      ) : (
        <PortfolioTable rows={programs} />
      )}
      {can(person.role, "admin") && (
        <p className="mt-4 text-sm" data-testid="new-program-links">
          <Link href="/programs/new" className="text-indigo-700 underline">
            Create a program
          </Link>{" "}
          ·{" "}
          <Link href="/import" className="text-indigo-700 underline">
            Import a program bundle
          </Link>
        </p>
      )}
    </section>
  );
}
