import Link from "next/link";

/**
 * A claim's words as a headline: a verbatim quote in quotation marks, a paraphrase marked as one
 * (it is our summary of what was said, not the speaker's words).
 */
export function ClaimHeadline({
  level,
  quote,
  paraphrase,
  href,
}: {
  level: 1 | 2;
  quote: string;
  paraphrase: boolean;
  /** On the list, the headline leads to the claim's page. */
  href?: string;
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
    </div>
  );
}
