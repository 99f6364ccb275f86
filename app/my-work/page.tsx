import type { Metadata } from "next";
import { requireSignedIn } from "@/app/_lib/auth";
import { AwaitingMineList } from "@/components/my-work/awaiting-mine-list";
import { MentionsList } from "@/components/my-work/mentions-list";
import { MyWorkSection } from "@/components/my-work/my-work-section";
import { OwnedItemsList } from "@/components/my-work/owned-items-list";
import { RejectionsList } from "@/components/my-work/rejections-list";
import { getDb } from "@/db/get-db";
import { openMyWork } from "@/db/queries/open-my-work";
import { describeSince } from "@/lib/my-work/since";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My work" };

/**
 * What asks for the signed-in person's attention, across programs, with what is new since their
 * last visit. Opening the page records the visit (after reading what was new, so this visit still
 * shows it). Each section has the same MyWorkSection shape and a column in the header's count; the
 * moment "new" counts from is said once, in the summary above them.
 */
export default async function MyWorkPage() {
  const person = await requireSignedIn();
  const work = await openMyWork(await getDb(), person);
  const { since } = work;
  const sections = [
    {
      id: "owned",
      title: "Items I own",
      part: work.owned,
      empty: "You own no items. When an item in any program is given to you, it appears here.",
      list: <OwnedItemsList entries={work.owned.entries} ownerEmail={person.email} />,
    },
    {
      id: "awaiting",
      title: "Reported by me, awaiting verification",
      part: work.awaiting,
      empty: "Nothing you reported is waiting for a reviewer.",
      list: <AwaitingMineList entries={work.awaiting.entries} now={work.now} />,
    },
    {
      id: "rejected",
      title: "Rejected",
      part: work.rejected,
      empty: "No report of yours is rejected and waiting for you. A rejection leaves this list once your new report is verified.",
      list: <RejectionsList entries={work.rejected.entries} />,
    },
    {
      id: "mentions",
      title: "Comments that mention me",
      part: work.mentions,
      empty: "No comment mentions you. Someone who writes @ and the part of your e-mail before the @ in a comment brings it here.",
      list: <MentionsList entries={work.mentions.entries} />,
    },
  ];
  const news = sections.reduce((n, s) => n + s.part.newCount, 0);
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">My work</h1>
        <p className="max-w-3xl text-slate-700">
          The items you own, what you reported that waits for a reviewer, the reports of yours a reviewer rejected, and the
          comments that mention you, in every program.
        </p>
        <p className="max-w-3xl text-slate-700" data-testid="my-work-summary">
          {news === 0 ? "Nothing" : <strong>{news}</strong>} new since {describeSince(since)}
          {news > 0 && ": marked New below"}. Opening this page marks everything as seen.
        </p>
      </div>
      {sections.map(({ id, title, part, empty, list }) => (
        <MyWorkSection key={id} id={id} title={title} count={part.entries.length} newCount={part.newCount} empty={empty}>
          {list}
        </MyWorkSection>
      ))}
    </section>
  );
}
