import type { Metadata } from "next";
import { requireSignedIn } from "@/app/_lib/auth";
import { VERDICT_LABELS, VERDICTS } from "@/lib/claims/claim-verdict";
import { GATES } from "@/lib/gates";
import { statusLabel } from "@/lib/labels";
import { STATUSES } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rules" };

/** The rules behind every figure, in words, generated from the same constants the code uses. */
export default async function RulesPage() {
  await requireSignedIn();
  return (
    <article className="prose max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">How the tracker counts</h1>
      <section id="statuses" className="space-y-1">
        <h2 className="font-semibold">Statuses and evidence gates</h2>
        <p>{STATUSES.map(statusLabel).join(" → ")}. To enter a level, the item&apos;s evidence must include:</p>
        <ul className="list-disc pl-5">
          {GATES.map((g) => (
            <li key={g.status}>
              <strong>{statusLabel(g.status)}</strong>: {g.words}
            </li>
          ))}
        </ul>
        <p>
          Gates are cumulative; moving down needs a note and no evidence. Evidence attached to a{" "}
          <a href="#rejection">rejected</a> transition no longer counts once the rejection is recorded: a transition
          reported again needs new evidence.
        </p>
      </section>
      <section id="true-status" className="space-y-1">
        <h2 className="font-semibold">Reported and true status</h2>
        <p>
          The <strong>reported</strong> status is the latest reported transition. The <strong>true</strong> status rises only
          with a transition verified by a second person (see <a href="#four-eyes">four eyes</a>), never with a{" "}
          <a href="#rejection">rejected</a> one, and falls at once on any move down. &quot;As of&quot; picks the effective
          date; &quot;known at&quot; hides what was recorded later, verifications and rejections included.
        </p>
      </section>
      <section id="four-eyes" className="space-y-1">
        <h2 className="font-semibold">Four eyes: who may verify</h2>
        <p>A transition is verified by someone other than the people who could gain from it. You may not verify a transition:</p>
        <ul className="list-disc pl-5">
          <li>that you reported;</li>
          <li>
            of an item you owned at any moment from when the transition was recorded until your verification, even if you are
            no longer its owner;
          </li>
          <li>of an item whose owner you changed in that same time.</li>
        </ul>
        <p>
          So an owner cannot hand the item to nobody, verify, and take it back. What came before the transition was recorded
          does not count: if you owned the item earlier and handed it over, you may verify. Editing anything else about an
          item (its title, estimate or dates) never stops you. A refused verification says which of these rules applies,
          with the times. A program bundle carries only each item&apos;s current owner, so an import can check the
          verifier only against that owner.
        </p>
      </section>
      <section id="rejection" className="space-y-1">
        <h2 className="font-semibold">Verify with a note, or reject with a reason</h2>
        <p>
          A reviewer who may verify a transition (exactly the <a href="#four-eyes">four-eyes</a> rule above, checked by the
          same code) may instead reject it, and must say why. A transition is verified or rejected, never both: the first
          decision recorded stands, and a second one is refused. A verification may carry a note.
        </p>
        <ul className="list-disc pl-5">
          <li>A rejected transition never raises the true status, whatever is recorded later.</li>
          <li>
            It still counts as <strong>reported</strong>: the reported status is what was reported, so the item stays
            inflated, and its page shows the rejection and its reason beside the reported status.
          </li>
          <li>
            Rejecting a move down does not undo it: bad news counts without review, and undoing it would raise the true
            status on a reviewer&apos;s word. To climb back, report the level again and have it verified.
          </li>
          <li>
            To fix a rejected transition, report it again with new evidence: a new transition, reviewed afresh. The
            rejected one stays in the history.
          </li>
          <li>A rejection is recorded in the hash-chained log like a verification; a view &quot;known at&quot; an earlier moment does not see it.</li>
        </ul>
      </section>
      <section id="readiness" className="space-y-1">
        <h2 className="font-semibold">Readiness, critical path, forecast</h2>
        <p>
          Readiness = items truly done / items; effort readiness weighs by estimates. No partial credit: an item at rollout
          counts 0. The critical path is the longest dependency chain weighted by the estimates of unfinished items; the
          program cannot finish before as-of + 7 × its weeks in days. The forecast draws weekly verified completions of the
          last 12 ISO weeks 10,000 times; with no completion in that window there is no forecast. The honest date is the
          later of P85 and the critical path&apos;s date.
        </p>
      </section>
      <section id="schedule" className="space-y-1">
        <h2 className="font-semibold">Timeline: earliest dates against promised ones</h2>
        <p>
          Weighed as the critical path is (an item not done counts its whole estimate, a done one nothing), an item can start
          once its slowest dependency can finish, and finish its estimate later; a date is as-of + 7 × weeks in days, rounded
          up. Its latest finish keeps every promised date after it: its own target, each dependent&apos;s target less that
          dependent&apos;s work, the program&apos;s committed target. Slack is the latest finish less the earliest; a negative
          slack makes the promise <strong>impossible</strong> (no staffing can meet it), under two weeks <strong>at risk</strong>.
        </p>
      </section>
      <section id="claims" className="space-y-1">
        <h2 className="font-semibold">Claim verdicts</h2>
        <p>With r = links met / links (a link is met when the item&apos;s true status has reached what the claim implies):</p>
        <ul className="list-disc pl-5">
          {VERDICTS.map((v) => (
            <li key={v}>{VERDICT_LABELS[v]}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
