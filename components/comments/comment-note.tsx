import Link from "next/link";

/** Why there is no comment form here: the role, or a past "known at" view. */
export function CommentNote({ mayComment, todayHref }: { mayComment: boolean; todayHref: string }) {
  return (
    <p className="text-sm text-slate-600" data-testid="comment-note">
      {mayComment ? (
        <>
          This view shows the records as known at an earlier date: comments written since are not listed.{" "}
          <Link href={todayHref} className="text-indigo-700 underline">
            Open today&apos;s view
          </Link>{" "}
          to comment.
        </>
      ) : (
        "Contributors, reviewers and admins can comment here; you can read the discussion."
      )}
    </p>
  );
}
