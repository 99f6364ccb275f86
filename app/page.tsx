import { requireSignedIn } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { getPortfolio } from "@/db/queries/get-portfolio";
import { PortfolioTable } from "@/components/program/portfolio-table";
import { endOfToday } from "@/lib/time";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  await requireSignedIn();
  const today = endOfToday();
  const programs = await getPortfolio(await getDb(), today, today);
  return (
    <section>
      <h1 className="text-xl font-semibold">Programs</h1>
      <p className="text-sm text-slate-600">Each program as of today: verified against reported, its latest public claim rated on its date, and its committed target.</p>
      {programs.length === 0 ? (
        <p className="mt-4 text-slate-600">No program yet. Import a bundle with <code>npm run tracker -- import FILE</code>.</p>
      ) : (
        <PortfolioTable rows={programs} />
      )}
    </section>
  );
}
