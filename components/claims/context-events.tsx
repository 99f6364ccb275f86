import { sourceHost } from "@/lib/claims/source-host";

export interface ContextEvent {
  date: string;
  title: string;
  url: string | null;
}

/**
 * Dated events outside the program, beside the chart for context. Each shows where it comes from,
 * as a claim does; one recorded without a source says so, so it is never read as checked.
 */
export function ContextEvents({ events }: { events: readonly ContextEvent[] }) {
  if (events.length === 0) return null;
  return (
    <div className="mt-1 text-xs text-slate-600">
      <p id="context-events">Outside events, for context, never rated:</p>
      <ul aria-labelledby="context-events" className="flex flex-wrap gap-x-3">
        {events.map((e) => (
          <li key={`${e.date} ${e.title}`} data-testid="context-event">
            {e.date} {e.title} ·{" "}
            {e.url ? (
              <a href={e.url} className="text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
                {sourceHost(e.url)}
              </a>
            ) : (
              <span className="italic">no source recorded</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
