import Link from "next/link";
import type { Mention } from "@/db/queries/list-mentions";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { WorkList } from "./work-list";

/** Comments that @mention the person, newest first: who wrote where, when, and the start of what they wrote. */
export function MentionsList({ entries }: { entries: Marked<Mention>[] }) {
  return (
    <WorkList
      label="Comments that mention me"
      entries={entries}
      keyOf={(e) => e.commentId}
      testIdOf={(e) => `mention-${e.commentId}`}
      head={(e) => (
        <>
          <Link href={e.link} className="font-medium text-indigo-700 hover:underline [overflow-wrap:anywhere]">
            {e.item !== null ? <span className="font-mono">{e.item}</span> : <>claim {e.claim}</>}
          </Link>
          <span className="text-xs text-slate-600">{e.program.name}</span>
        </>
      )}
      body={(e) => (
        <>
          <p className="text-slate-700">
            {e.byName} mentioned you on {formatDate(Date.parse(e.mentionedAt))}
            {e.editedAt !== null && e.mentionedAt === e.editedAt ? " (in an edit)" : ""}:
          </p>
          <p className="whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]" data-testid="excerpt">
            {e.excerpt}
          </p>
        </>
      )}
    />
  );
}
