/**
 * A copy of `value` in which every string that is a known person's e-mail is replaced by that
 * person's name: history keeps who did what without handing out everyone's address.
 */
export function redactEmails(value: unknown, nameOf: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return nameOf.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => redactEmails(v, nameOf));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactEmails(v, nameOf)]));
  return value;
}
