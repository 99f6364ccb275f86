/** A comment's first words on one line, at most `max` characters, cut between words with "…". */
export function commentExcerpt(body: string, max = 140): string {
  const line = body.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  // The cut ends a word when a space follows it.
  const space = line[max - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  // A single very long word (a URL) is cut where it must be.
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
