/**
 * The PostgreSQL twin of db/schema-sqlite.ts: the same tables, columns, keys, indexes and checks, in
 * PostgreSQL's types (times bigint, flags boolean, real double precision, blob bytea, JSON json).
 * tests/db/schema-parity.test.ts holds the two to each other; a change to one is a change to both
 * and a migration in each folder (drizzle/ and drizzle/pg/). The row types the code names are
 * db/schema-sqlite.ts's, one set for both.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, doublePrecision, index, integer, json, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ARTEFACT_KINDS } from "../lib/artefacts/artefact-types";
import { ROLES, SIGNAL_METRICS } from "../lib/bundle/bundle-schema";
import { EVIDENCE_KINDS } from "../lib/gates";
import type { LogAction, LogEntity } from "../lib/log-vocabulary";
import { DELIVERY_STATES } from "../lib/delivery/delivery-states";
import { SUBSCRIPTION_KINDS } from "../lib/validations/subscription-input";
import { STATUSES } from "../lib/status";

// Times are integers: milliseconds since the epoch, UTC (bigint: they pass 2^31).
const createdAt = () => bigint("created_at", { mode: "number" }).notNull().default(sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`);

/** File bytes (SQLite's blob). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const people = pgTable("people", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  team: text("team").notNull().default(""),
  role: text("role", { enum: ROLES }).notNull().default("viewer"),
  passwordHash: text("password_hash"),
  /** Set by an administrator's reset (a one-time password): nothing but choosing a new one until it is cleared. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** When an administrator disabled the account; its sessions and tokens stop at once (checked on every request). */
  disabledAt: bigint("disabled_at", { mode: "number" }),
  lastSignInAt: bigint("last_sign_in_at", { mode: "number" }),
  createdAt: createdAt(),
  version: integer("version").notNull().default(1),
});

export const programs = pgTable("programs", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  targetDate: bigint("target_date", { mode: "number" }),
  /** Evidence horizon: start of the last day whose figures are fact; later ones are illustrative. */
  factsUntil: bigint("facts_until", { mode: "number" }),
  testCoveragePct: doublePrecision("test_coverage_pct").notNull().default(70),
  unvettedCrates: integer("unvetted_crates").notNull().default(0),
  crashOwnerRegistered: boolean("crash_owner_registered").notNull().default(true),
  createdAt: createdAt(),
  version: integer("version").notNull().default(1),
});

/** The people a program names (its bundle's `people`), in the order they were added. */
export const programMembers = pgTable(
  "program_members",
  {
    programId: integer("program_id").notNull().references(() => programs.id),
    personId: integer("person_id").notNull().references(() => people.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.personId] })],
);

export const items = pgTable(
  "items",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    key: text("key").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    area: text("area").notNull(),
    ownerId: integer("owner_id").references(() => people.id),
    team: text("team").notNull().default(""),
    estimateWeeks: doublePrecision("estimate_weeks").notNull(),
    identifiedAt: bigint("identified_at", { mode: "number" }).notNull(),
    targetDate: bigint("target_date", { mode: "number" }),
    /** What the item is made of, as artefacts name it: path globs, Cargo packages, crash modules. */
    components: json("components").$type<string[]>().notNull().default(sql`'[]'::json`),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("items_program_key").on(t.programId, t.key), index("items_owner").on(t.ownerId)],
);

export const dependencies = pgTable(
  "dependencies",
  {
    itemId: integer("item_id").notNull().references(() => items.id),
    dependsOnId: integer("depends_on_id").notNull().references(() => items.id),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.dependsOnId] }), index("dependencies_depends_on").on(t.dependsOnId)],
);

export const transitions = pgTable(
  "transitions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer("item_id").notNull().references(() => items.id),
    toStatus: text("to_status", { enum: STATUSES }).notNull(),
    effectiveAt: bigint("effective_at", { mode: "number" }).notNull(),
    recordedAt: bigint("recorded_at", { mode: "number" }).notNull(),
    actorId: integer("actor_id").notNull().references(() => people.id),
    note: text("note").notNull().default(""),
  },
  (t) => [
    // Every column a program's history reads, so that SQLite reads it from the index alone: at
    // 195,000 transitions the visits to the table's rows took half of that read.
    index("transitions_item_history").on(t.itemId, t.effectiveAt, t.recordedAt, t.toStatus),
    // A reporter's own transitions (My work, and what a reviewer may not decide on), newest last.
    index("transitions_actor_recorded").on(t.actorId, t.recordedAt),
  ],
);

export const evidence = pgTable(
  "evidence",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    transitionId: integer("transition_id").notNull().references(() => transitions.id),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    /** Empty when the evidence is an uploaded file instead of a link. */
    url: text("url").notNull(),
    summary: text("summary").notNull().default(""),
    fleetPercent: doublePrecision("fleet_percent"),
    /** An uploaded file, stored once in `artefacts` by digest; its name as uploaded. */
    artefactSha256: text("artefact_sha256").references(() => artefacts.sha256),
    artefactName: text("artefact_name"),
  },
  (t) => [index("evidence_transition").on(t.transitionId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    transitionId: integer("transition_id").notNull().unique().references(() => transitions.id),
    verifierId: integer("verifier_id").notNull().references(() => people.id),
    verifiedAt: bigint("verified_at", { mode: "number" }).notNull(),
    recordedAt: bigint("recorded_at", { mode: "number" }).notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [index("verifications_verified_at").on(t.verifiedAt, t.id)],
);

/**
 * DESIGN §13: a reviewer's refusal of a transition, with the reason. At most one per transition,
 * never beside a verification (the mutations refuse the second decision); append-only by trigger.
 */
export const transitionRejections = pgTable(
  "transition_rejections",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    transitionId: integer("transition_id").notNull().unique().references(() => transitions.id),
    rejecterId: integer("rejecter_id").notNull().references(() => people.id),
    rejectedAt: bigint("rejected_at", { mode: "number" }).notNull(),
    recordedAt: bigint("recorded_at", { mode: "number" }).notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [index("transition_rejections_rejected_at").on(t.rejectedAt, t.id)],
);

export const signals = pgTable(
  "signals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer("item_id").notNull().references(() => items.id),
    metric: text("metric", { enum: SIGNAL_METRICS }).notNull(),
    value: doublePrecision("value").notNull(),
    measuredAt: bigint("measured_at", { mode: "number" }).notNull(),
    /** The ingested artefact the value was read from; null for a value someone typed. */
    sourceId: integer("source_id").references(() => signalSources.id),
  },
  (t) => [index("signals_item_metric").on(t.itemId, t.metric, t.measuredAt)],
);

/** Uploaded files, stored once by the SHA-256 of their bytes; the log carries the digest. */
export const artefacts = pgTable("artefacts", {
  sha256: text("sha256").primaryKey(),
  bytes: bytea("bytes").notNull(),
  size: integer("size").notNull(),
  createdAt: createdAt(),
});

/** One ingestion of artefacts for a program: what was read, by which reader, who, and when. */
export const signalSources = pgTable(
  "signal_sources",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    kind: text("kind", { enum: ARTEFACT_KINDS }).notNull(),
    /** Every file read, first the main one: `[{ name, sha256, size }]`. */
    files: json("files").$type<{ name: string; sha256: string; size: number }[]>().notNull(),
    tool: text("tool").notNull(),
    ingestedById: integer("ingested_by_id").references(() => people.id),
    ingestedBy: text("ingested_by").notNull(),
    recordedAt: bigint("recorded_at", { mode: "number" }).notNull(),
    measuredAt: bigint("measured_at", { mode: "number" }).notNull(),
  },
  (t) => [index("signal_sources_program").on(t.programId, t.recordedAt)],
);

export const claims = pgTable(
  "claims",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    claimKey: text("claim_key").notNull(),
    date: bigint("date", { mode: "number" }).notNull(),
    datePrecision: text("date_precision", { enum: ["day", "month", "year"] }).notNull().default("day"),
    dateNote: text("date_note").notNull().default(""),
    speaker: text("speaker").notNull(),
    venue: text("venue").notNull().default(""),
    quote: text("quote").notNull(),
    quoteIsParaphrase: boolean("quote_is_paraphrase").notNull().default(false),
    url: text("url").notNull(),
    kind: text("kind").notNull().default(""),
    /** What the claim implies about the work, in words (the links say it in statuses). */
    implies: text("implies").notNull().default(""),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("claims_program_key").on(t.programId, t.claimKey)],
);

export const claimLinks = pgTable(
  "claim_links",
  {
    claimId: integer("claim_id").notNull().references(() => claims.id),
    itemId: integer("item_id").notNull().references(() => items.id),
    requires: text("requires", { enum: STATUSES }).notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.itemId] })],
);

/** Dated context for timelines (not claims): deals, announcements around the program. */
export const events = pgTable("events", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  programId: integer("program_id").notNull().references(() => programs.id),
  date: bigint("date", { mode: "number" }).notNull(),
  title: text("title").notNull(),
  url: text("url"),
});

/**
 * DESIGN §13: a comment on an item or a claim of a program. Never removed: a deletion empties the
 * text and records when (its text stays in the hash-chained log, for admins); triggers refuse a
 * DELETE, a change of what or whom it is about, and any change once deleted.
 */
export const comments = pgTable(
  "comments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    itemId: integer("item_id").references(() => items.id),
    claimId: integer("claim_id").references(() => claims.id),
    authorId: integer("author_id").notNull().references(() => people.id),
    body: text("body").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    editedAt: bigint("edited_at", { mode: "number" }),
    deletedAt: bigint("deleted_at", { mode: "number" }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("comments_item").on(t.itemId, t.createdAt),
    index("comments_claim").on(t.claimId, t.createdAt),
    check("comments_one_subject", sql`(${t.itemId} IS NULL) <> (${t.claimId} IS NULL)`),
  ],
);

/** The people a comment's current text @mentions, since when: what a person's mentions list reads. */
export const commentMentions = pgTable(
  "comment_mentions",
  {
    commentId: integer("comment_id").notNull().references(() => comments.id),
    personId: integer("person_id").notNull().references(() => people.id),
    mentionedAt: bigint("mentioned_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.personId] }), index("comment_mentions_person").on(t.personId, t.mentionedAt)],
);

export const publishedReports = pgTable(
  "published_reports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    isoWeek: text("iso_week").notNull(),
    markdown: text("markdown").notNull(),
    json: text("json").notNull(),
    sha256: text("sha256").notNull(),
    logHead: text("log_head").notNull(),
    publishedAt: bigint("published_at", { mode: "number" }).notNull(),
    publishedById: integer("published_by_id").references(() => people.id),
  },
  (t) => [uniqueIndex("published_reports_program_week").on(t.programId, t.isoWeek)],
);

/**
 * Who hears of a program's published weeks (set by its admins): an e-mail address, or a webhook
 * (generic JSON, Slack, Teams). Removing one keeps the row (its deliveries name it) but forgets
 * its secret.
 */
export const reportSubscriptions = pgTable(
  "report_subscriptions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    kind: text("kind", { enum: SUBSCRIPTION_KINDS }).notNull(),
    /** The e-mail address, or the webhook URL (never shown whole again: Slack and Teams URLs are credentials). */
    target: text("target").notNull(),
    /** Webhooks: the HMAC key, stored as it is because it must sign (README "Secrets"); null once removed. */
    secret: text("secret"),
    /** The first characters of the secret, to tell secrets apart without showing one. */
    secretPrefix: text("secret_prefix"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    createdBy: text("created_by"),
    removedAt: bigint("removed_at", { mode: "number" }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("report_subscriptions_program").on(t.programId)],
);

/** A program's Atom feed token: only its sha256 is stored; rotating replaces it at once. */
export const reportFeeds = pgTable("report_feeds", {
  programId: integer("program_id")
    .primaryKey()
    .references(() => programs.id),
  tokenHash: text("token_hash").notNull().unique(),
  rotatedAt: bigint("rotated_at", { mode: "number" }).notNull(),
});

/**
 * One sending of a published week to one subscription (on publication, or again on request).
 * `leaseUntil` is how long the process sending it holds it: a delivery still pending or sending
 * after its lease ran out was cut short (a restart) and may be taken up again.
 */
export const reportDeliveries = pgTable(
  "report_deliveries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    programId: integer("program_id").notNull().references(() => programs.id),
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => reportSubscriptions.id),
    isoWeek: text("iso_week").notNull(),
    trigger: text("trigger", { enum: ["publish", "resend"] }).notNull(),
    requestedAt: bigint("requested_at", { mode: "number" }).notNull(),
    requestedBy: text("requested_by"),
    /** The public origin the message's links use, fixed when the delivery is queued. */
    origin: text("origin").notNull(),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default("pending"),
    leaseUntil: bigint("lease_until", { mode: "number" }),
    finishedAt: bigint("finished_at", { mode: "number" }),
    /** Why it ended as it did, in words ("not sent: SMTP not configured"). */
    note: text("note").notNull().default(""),
  },
  (t) => [index("report_deliveries_program").on(t.programId, t.id), index("report_deliveries_state").on(t.state)],
);

/** Each attempt of a delivery: when, how long, the HTTP status or the error. */
export const reportDeliveryAttempts = pgTable(
  "report_delivery_attempts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => reportDeliveries.id),
    attempt: integer("attempt").notNull(),
    startedAt: bigint("started_at", { mode: "number" }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    ok: boolean("ok").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
  },
  (t) => [uniqueIndex("report_delivery_attempts_delivery").on(t.deliveryId, t.attempt)],
);

/** DESIGN §9: append-only, hash-chained. Triggers in the migrations refuse UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey(),
    at: text("at").notNull(),
    actor: text("actor"),
    action: text("action").$type<LogAction>().notNull(),
    entity: text("entity").$type<LogEntity>().notNull(),
    entityId: text("entity_id").notNull(),
    programSlug: text("program_slug"),
    payload: text("payload").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_program").on(t.programSlug, t.seq),
    index("audit_log_at").on(t.at, t.seq),
    // One record's entries (an item's owner history, for four eyes) without reading the program's log.
    index("audit_log_entity").on(t.programSlug, t.entity, t.entityId, t.seq),
    // The items a person ever owned or re-assigned (four eyes over time, for the reviewer's count in
    // the header): partial, so they hold the item entries only, not the whole log.
    // tracker_json_owner (a function of the first migration): a payload that does not parse (a
    // tamper the chain check must be able to name) is indexed as no owner instead of refusing the write.
    index("audit_log_item_owner")
      .on(sql`tracker_json_owner(${t.payload})`)
      .where(sql`entity = 'item'`),
    index("audit_log_item_actor").on(t.actor).where(sql`entity = 'item' AND action = 'update'`),
  ],
);

/**
 * When each person last opened My work: entries recorded after it are "new". Kept apart from
 * `people` (whose rows carry a version for administrators' edits) and outside the hash-chained
 * log: it is a reading mark, not a record of the program.
 */
export const myWorkVisits = pgTable("my_work_visits", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id),
  seenAt: bigint("seen_at", { mode: "number" }).notNull(),
});

/** Web sessions, stored server-side; `id` is the sha256 of the cookie's secret. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    personId: integer("person_id").notNull().references(() => people.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
    /** A single sign-on session's ID token, kept only as the provider's sign-out hint; gone with the session. */
    idToken: text("id_token"),
  },
  (t) => [index("sessions_person").on(t.personId)],
);

/** API tokens for `Authorization: Bearer`; only the sha256 of a token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    personId: integer("person_id").notNull().references(() => people.id),
    name: text("name").notNull().default(""),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    lastUsedAt: bigint("last_used_at", { mode: "number" }),
    revokedAt: bigint("revoked_at", { mode: "number" }),
    /** After this moment the token opens nothing; null: it never expires (an owner chose so). */
    expiresAt: bigint("expires_at", { mode: "number" }),
  },
  (t) => [index("api_tokens_person").on(t.personId)],
);

/**
 * An account's identity at an OpenID provider (single sign-on): the provider's issuer and its
 * subject for the person, which never change, unlike an e-mail. An account signs in with a
 * password, with its identities, or both.
 */
export const personIdentities = pgTable(
  "person_identities",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    personId: integer("person_id").notNull().references(() => people.id),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    lastSignInAt: bigint("last_sign_in_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("person_identities_issuer_subject").on(t.issuer, t.subject), index("person_identities_person").on(t.personId)],
);

/**
 * Browsers a person has signed in from with their password: `id` is the sha256 of the device
 * cookie's secret. A known browser's failed sign-ins are counted apart from the e-mail's, so
 * someone guessing at an e-mail cannot lock its owner out of the browser they use.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    id: text("id").notNull(),
    personId: integer("person_id").notNull().references(() => people.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    lastUsedAt: bigint("last_used_at", { mode: "number" }).notNull(),
  },
  // One browser may be known for several accounts (a shared one): its cookie serves each.
  (t) => [primaryKey({ columns: [t.id, t.personId] }), index("known_devices_person").on(t.personId)],
);

/** Failed sign-ins per e-mail, or per known browser of an account ("device <person_id> <known_devices.id>"), to slow down guessing. */
export const signInFailures = pgTable("sign_in_failures", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: bigint("last_failure_at", { mode: "number" }).notNull(),
});

/**
 * The last log entry as recorded, kept by a trigger on every append: a log cut short at its end
 * (which the chain alone cannot show) no longer matches it.
 */
export const logAnchor = pgTable("log_anchor", {
  id: integer("id").primaryKey(),
  seq: integer("seq").notNull(),
  hash: text("hash").notNull(),
});
