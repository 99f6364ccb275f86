import { formatUtcMinute } from "../time";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * A date or an instant of the report model as people read it on a page: a date stays YYYY-MM-DD,
 * an instant reads as every other page writes a moment ("2024-07-01 17:00 UTC"). The model keeps
 * the ISO string (its bytes are sealed); only what is shown changes. Anything else is left as it is.
 */
export function reportMoment(value: string): string {
  if (DATE.test(value) || !INSTANT.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : formatUtcMinute(ms);
}
