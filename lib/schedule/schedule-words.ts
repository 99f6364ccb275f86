/** Weeks with one decimal at most, floored: a lateness (or a margin) is never overstated; a sliver shows as "under 0.1". */
export function weeksFigure(weeks: number): string {
  const floored = Math.floor(weeks * 10 + 1e-9) / 10;
  return floored === 0 && weeks > 0 ? "under 0.1" : String(floored);
}

export const weeksWords = (weeks: number) => `${weeksFigure(weeks)} ${weeksFigure(weeks) === "1" ? "week" : "weeks"}`;

/** A slack as words: "3 weeks late" or "2.5 weeks to spare". */
export const marginWords = (slackWeeks: number) => (slackWeeks < 0 ? `${weeksWords(-slackWeeks)} late` : `${weeksWords(slackWeeks)} to spare`);

/** Which promised date an item cannot keep: its own target, a dependent's, or the program's committed target. */
export function limitWords(p: { key: string; limitedBy: { key: string | null; date: string } }): string {
  const { key, date } = p.limitedBy;
  if (key === null) return `the program's committed target ${date}`;
  return key === p.key ? `its own target ${date}` : `${key}'s target ${date}`;
}

