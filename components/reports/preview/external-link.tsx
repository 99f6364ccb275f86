/** A stored URL as a link only when it is http(s); anything else stays text. */
export function ExternalLink({ url, children }: { url: string; children: string }) {
  if (!/^https?:\/\//i.test(url)) return <span className="[overflow-wrap:anywhere]">{children}</span>;
  return (
    <a href={url} className="text-indigo-700 underline [overflow-wrap:anywhere]" rel="noreferrer">
      {children}
    </a>
  );
}
