import Link from "next/link";
import type { Mention } from "@/db/queries/list-mentions";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { NewMark } from "./new-mark";

/** Comments that @mention the person, newest first: who wrote where, when, and the start of what they wrote. */
export function MentionsList({ entries }: { entries: Marked<Mention>[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label="Comments that mention me">
      {entries.map((e) => (
        <li key={e.commentId} className="space-y-1 p-3" data-testid={`mention-${e.commentId}`}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {e.isNew && <NewMark />}
            <Link href={e.link} className="font-medium text-indigo-700 hover:underline [overflow-wrap:anywhere]">
              {e.item !== null ? <span className="font-mono">{e.item}</span> : <>claim {e.claim}</>}
            </Link>
            <span className="text-xs text-slate-600">{e.program.name}</span>
          </div>
          <p className="text-slate-700">
            {e.byName} mentioned you on {formatDate(Date.parse(e.mentionedAt))}
            {e.editedAt !== null && e.mentionedAt === e.editedAt ? " (in an edit)" : ""}:
          </p>
          <p className="whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]" data-testid="excerpt">
            {e.excerpt}
          </p>
        </li>
      ))}
    </ol>
  );
}
