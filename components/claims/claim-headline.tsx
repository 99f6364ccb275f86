import Link from "next/link";

/**
 * A claim's words as a headline: a verbatim quote in quotation marks, a paraphrase marked as one
 * (it is our summary of what was said, not the speaker's words); under it, when recorded, what the
 * claim implies about the work, in words (the linked items say it in statuses).
 */
export function ClaimHeadline({
  level,
  quote,
  paraphrase,
  href,
  implies,
}: {
  level: 1 | 2;
  quote: string;
  paraphrase: boolean;
  /** On the list, the headline leads to the claim's page. */
  href?: string;
  /** The claim's `implies`; empty or absent shows nothing. */
  implies?: string;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  const words = paraphrase ? quote : `“${quote}”`;
  return (
    <div>
      {paraphrase && <p className="text-xs font-medium uppercase tracking-wide text-slate-600">Paraphrase, not a verbatim quote</p>}
      <Heading className={`${level === 1 ? "text-xl leading-snug sm:text-2xl" : "text-base"} font-semibold text-slate-900 [overflow-wrap:anywhere]`}>
        {href ? (
          <Link href={href} className="hover:underline">
            {words}
          </Link>
        ) : (
          words
        )}
      </Heading>
      {implies && (
        <p className="mt-1 text-sm text-slate-700 [overflow-wrap:anywhere]" data-testid="claim-implies">
          <span className="text-slate-600">Implies:</span> {implies}
        </p>
      )}
    </div>
  );
}
