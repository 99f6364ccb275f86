// The words the hash-chained log is written in. Stored entries are hashed with these exact strings,
// so a value here may be added but never respelled.

/** What a log entry is about. */
export const LOG_ENTITIES = [
  "program",
  "members",
  "person",
  "api-token",
  "item",
  "dependency",
  "transition",
  "signal",
  "claim",
  "event",
  "report",
  "comment",
  "subscription",
  "report-feed",
  "artefact",
] as const;
export type LogEntity = (typeof LOG_ENTITIES)[number];

/** What was done to it. */
export const LOG_ACTIONS = [
  "create",
  "update",
  "add",
  "remove",
  "verify",
  "record",
  "publish",
  "revoke",
  "set-role",
  "set-password",
  "reset-password",
  "disable",
  "enable",
  "reject",
  "delete",
  "rotate",
  "sign-in",
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

const ARROW = "->";

/** The entity id of the dependency of `item` on `dependsOn`. */
export function dependencyId(item: string, dependsOn: string): string {
  return `${item}${ARROW}${dependsOn}`;
}

/**
 * The two keys of a dependency's entity id, or null when it is not one. Item keys never hold
 * '>', so the arrow splits them unambiguously.
 */
export function parseDependencyId(id: string): { item: string; dependsOn: string } | null {
  const parts = id.split(ARROW);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { item: parts[0], dependsOn: parts[1] };
}

/** The entity id of a program's published week (`YYYY-Www`). */
export function reportId(slug: string, week: string): string {
  return `${slug}/${week}`;
}
