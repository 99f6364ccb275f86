import { Fragment } from "react";
import { tokenizeComment } from "@/lib/comments/tokenize-comment";

/**
 * A comment's text as text: http(s) URLs become links that pass no referrer and earn the target no
 * ranking, @handles of the people it mentions are marked with their name; nothing else is markup.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: { handle: string; name: string }[] }) {
  const names = new Map(mentions.map((m) => [m.handle, m.name]));
  const tokens = tokenizeComment(body, (handle) => names.has(handle));
  return (
    <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">
      {tokens.map((t, i) => {
        if (t.kind === "text") return <Fragment key={i}>{t.text}</Fragment>;
        if (t.kind === "link")
          return (
            <a key={i} href={t.href} rel="noopener noreferrer nofollow" target="_blank" className="text-indigo-700 underline">
              {t.text}
            </a>
          );
        return (
          <span key={i} className="rounded bg-indigo-50 px-0.5 font-medium text-indigo-900" title={names.get(t.handle)} data-mention={t.handle}>
            {t.text}
          </span>
        );
      })}
    </p>
  );
}
