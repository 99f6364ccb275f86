import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq, isNull } from "drizzle-orm";
import { newSecret } from "@/lib/auth/secrets";
import { maskTarget } from "@/lib/delivery/mask-target";
import { AppError } from "@/lib/errors";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { parseInput } from "@/lib/validations/parse-input";
import { isWebhookKind, subscriptionEditSchema, subscriptionIdSchema, subscriptionInputSchema } from "@/lib/validations/subscription-input";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { reportSubscriptions } from "../schema";

/** Who changes a program's subscriptions: an admin's e-mail, or the CLI's name. */
export type SubscriptionActor = string;

// Enough to tell two secrets apart on the page, far too little to guess the rest (256 bits).
const PREFIX_LENGTH = "whsec_".length + 4;

/**
 * Adds a subscription to a program's published weeks. A webhook gets a secret of its own to sign
 * with, returned here once and never shown again (the log records neither the secret nor a
 * webhook's full URL).
 */
export async function addSubscription(db: Db, { slug, input, actor }: { slug: string; input: unknown; actor: SubscriptionActor }) {
  const parsed = parseInput(subscriptionInputSchema, input, "subscription");
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const duplicate = await firstRow(tx
      .select({ id: reportSubscriptions.id })
      .from(reportSubscriptions)
      .where(
        and(
          eq(reportSubscriptions.programId, program.id),
          eq(reportSubscriptions.kind, parsed.kind),
          eq(reportSubscriptions.target, parsed.target),
          isNull(reportSubscriptions.removedAt),
        ),
      )
      );
    if (duplicate)
      throw new AppError("conflict", `${maskTarget(parsed.kind, parsed.target)} already receives this program's reports (subscription #${duplicate.id})`, [
        { path: "target", message: "already subscribed" },
      ]);
    const secret = isWebhookKind(parsed.kind) ? newSecret("whsec") : null;
    const row = (await tx
      .insert(reportSubscriptions)
      .values({
        programId: program.id,
        kind: parsed.kind,
        target: parsed.target,
        secret,
        secretPrefix: secret?.slice(0, PREFIX_LENGTH) ?? null,
        createdAt: Date.now(),
        createdBy: actor,
      })
      .returning())[0];
    await appendToLog(tx, {
      actor,
      action: "create",
      entity: "subscription",
      entityId: String(row.id),
      programSlug: slug,
      payload: { kind: row.kind, target: maskTarget(row.kind, row.target) },
    });
    return { id: row.id, kind: row.kind, target: maskTarget(row.kind, row.target), secretPrefix: row.secretPrefix, version: row.version, secret };
  });
}

async function findLive(tx: Tx, programId: number, id: number) {
  const row = await firstRow(tx
    .select()
    .from(reportSubscriptions)
    .where(and(eq(reportSubscriptions.id, id), eq(reportSubscriptions.programId, programId), isNull(reportSubscriptions.removedAt)))
    );
  if (!row) throw new AppError("not_found", `no subscription #${id} in this program`);
  return row;
}

export interface SetEnabledArgs {
  slug: string;
  id: unknown;
  /** `{ enabled, version? }`, parsed here. */
  input: unknown;
  /** The version from If-Match or the form; the body's `version` is checked too (a stale one is a 409). */
  expectedVersion: number | undefined;
  actor: SubscriptionActor;
}

/** Turns a subscription on or off; a disabled one is kept, with its secret, and receives nothing. */
export async function setSubscriptionEnabled(db: Db, { slug, id, input, expectedVersion, actor }: SetEnabledArgs) {
  const subscriptionId = parseInput(subscriptionIdSchema, id, "subscription id");
  const { enabled, version: bodyVersion } = parseInput(subscriptionEditSchema, input, "subscription");
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const row = await findLive(tx, program.id, subscriptionId);
    checkExpectedVersion(`subscription #${row.id}`, row.version, bodyVersion, expectedVersion);
    let version = row.version;
    if (row.enabled !== enabled) {
      version = row.version + 1;
      await tx.update(reportSubscriptions).set({ enabled, version }).where(eq(reportSubscriptions.id, row.id));
      await appendToLog(tx, {
        actor,
        action: enabled ? "enable" : "disable",
        entity: "subscription",
        entityId: String(row.id),
        programSlug: slug,
        payload: { kind: row.kind, target: maskTarget(row.kind, row.target) },
      });
    }
    return { id: row.id, kind: row.kind, target: maskTarget(row.kind, row.target), enabled, version };
  });
}

/**
 * Removes a subscription: it receives nothing more and its secret is forgotten at once. The row
 * stays, so the delivery log keeps naming it.
 */
export async function removeSubscription(db: Db, { slug, id, actor }: { slug: string; id: unknown; actor: SubscriptionActor }) {
  const subscriptionId = parseInput(subscriptionIdSchema, id, "subscription id");
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const row = await findLive(tx, program.id, subscriptionId);
    await tx.update(reportSubscriptions).set({ removedAt: Date.now(), enabled: false, secret: null, version: row.version + 1 }).where(eq(reportSubscriptions.id, row.id));
    await appendToLog(tx, {
      actor,
      action: "remove",
      entity: "subscription",
      entityId: String(row.id),
      programSlug: slug,
      payload: { kind: row.kind, target: maskTarget(row.kind, row.target) },
    });
    return { id: row.id, kind: row.kind, target: maskTarget(row.kind, row.target) };
  });
}
