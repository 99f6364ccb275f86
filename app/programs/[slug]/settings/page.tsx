import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import Link from "next/link";
import { editProgramAction } from "@/app/_actions/programs";
import { sendAgainAction } from "@/app/_actions/reports";
import {
  addSubscriptionAction,
  removeSubscriptionAction,
  rotateFeedTokenAction,
  setSubscriptionEnabledAction,
} from "@/app/_actions/subscriptions";
import { requirePagePermission } from "@/app/_lib/page-permission";
import { EditProgramForm } from "@/components/admin/program-forms";
import { DeliverySettings, type DeliverySettingsData } from "@/components/reports/delivery-settings";
import { getDb } from "@/db/get-db";
import type { Db } from "@/db/index";
import { getProgram } from "@/db/queries/get-program";
import { getProgramOrThrow } from "@/db/queries/get-program-or-throw";
import { listDeliveries } from "@/db/queries/list-deliveries";
import { listPublishedWeeks } from "@/db/queries/load-published-reports";
import { listSubscriptions } from "@/db/queries/list-subscriptions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const DELIVERY_ACTIONS = {
  add: addSubscriptionAction,
  setEnabled: setSubscriptionEnabledAction,
  remove: removeSubscriptionAction,
  rotateFeed: rotateFeedTokenAction,
  sendAgain: sendAgainAction,
};

async function deliveryData(db: Db, slug: string): Promise<DeliverySettingsData> {
  const { subscriptions, feed } = await listSubscriptions(db, slug);
  const publishedWeeks = await listPublishedWeeks(db, (await getProgramOrThrow(db, slug)).id);
  return { subscriptions, feed, publishedWeeks, deliveries: await listDeliveries(db, slug, { limit: 50 }) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Settings") };
}

export default async function SettingsPage({ params }: Props) {
  await requirePagePermission("admin");
  const { slug } = await params;
  const db = await getDb();
  const program = await getProgram(db, slug);
  return (
    <section className="space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <div className="space-y-2">
        <h2 className="font-semibold">Export</h2>
        <p>
          <a href={`/api/programs/${slug}/bundle`} className="text-indigo-700 underline" download>
            Download the program bundle
          </a>{" "}
          <span className="text-slate-600">(offload-tracker/v1; importing it elsewhere gives the same program)</span>
        </p>
      </div>
      <div className="space-y-2">
        <h2 className="font-semibold">Program and thresholds</h2>
        <EditProgramForm slug={slug} program={program} serverAction={editProgramAction} />
      </div>
      <DeliverySettings slug={slug} data={await deliveryData(db, slug)} actions={DELIVERY_ACTIONS} />
      <p>
        <Link href="/import" className="text-indigo-700 underline">
          Import another bundle
        </Link>{" "}
        ·{" "}
        <Link href="/programs/new" className="text-indigo-700 underline">
          Create a program
        </Link>
      </p>
    </section>
  );
}
