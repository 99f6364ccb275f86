import type { Person } from "../schema";

/**
 * What every write takes: the program, the body as it came (each mutation parses it with zod, so
 * routes and actions pass it untouched), who writes, and when (tests pass a clock).
 */
export interface WriteArgs {
  slug: string;
  input: unknown;
  actor: Person;
  now?: number;
}

/** A write to a versioned record: the version the writer read, from If-Match or the form (the body's `version` is checked too). */
export interface VersionedWriteArgs extends WriteArgs {
  expectedVersion: number | undefined;
}
