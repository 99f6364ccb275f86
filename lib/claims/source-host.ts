/** Where a source link leads, for its visible text: the host without "www.", or the URL itself if it does not parse. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
