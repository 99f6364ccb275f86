/** The name of the "now" column: today unless the page's view picked another date. */
export function asOfLabel(chosen: string | undefined, asOf: string): string {
  return chosen ? `As of ${asOf}` : `Today (${asOf})`;
}
