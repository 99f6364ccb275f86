/**
 * The tables of the database this process runs on: SQLite's (db/schema-sqlite.ts) or, when
 * DATABASE_URL names a PostgreSQL server, PostgreSQL's twin (db/schema-pg.ts). Code is written
 * once against SQLite's types; both dialects answer the same queries with the same row shapes
 * (tests/db/schema-parity.test.ts holds the two definitions to each other).
 */
import { parseDatabaseUrl } from "../lib/database-url";
import * as pg from "./schema-pg";
import * as sqlite from "./schema-sqlite";

export type { Person, Program, NewProgram, Item, NewItem, Transition, AuditRow, Comment, PersonIdentity, Session, ApiToken } from "./schema-sqlite";

/** Chosen once, when the process first loads the schema: one process, one database. */
export const DIALECT: "sqlite" | "postgres" = isPostgres() ? "postgres" : "sqlite";

function isPostgres(): boolean {
  try {
    return parseDatabaseUrl(process.env.DATABASE_URL).dialect === "postgres";
  } catch {
    return false; // an unusable DATABASE_URL is refused, with its reason, when the database is opened
  }
}

const tables = (DIALECT === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const people = tables.people;
export const programs = tables.programs;
export const programMembers = tables.programMembers;
export const items = tables.items;
export const dependencies = tables.dependencies;
export const transitions = tables.transitions;
export const evidence = tables.evidence;
export const verifications = tables.verifications;
export const transitionRejections = tables.transitionRejections;
export const signals = tables.signals;
export const artefacts = tables.artefacts;
export const signalSources = tables.signalSources;
export const claims = tables.claims;
export const claimLinks = tables.claimLinks;
export const events = tables.events;
export const comments = tables.comments;
export const commentMentions = tables.commentMentions;
export const publishedReports = tables.publishedReports;
export const reportSubscriptions = tables.reportSubscriptions;
export const reportFeeds = tables.reportFeeds;
export const reportDeliveries = tables.reportDeliveries;
export const reportDeliveryAttempts = tables.reportDeliveryAttempts;
export const auditLog = tables.auditLog;
export const myWorkVisits = tables.myWorkVisits;
export const sessions = tables.sessions;
export const apiTokens = tables.apiTokens;
export const personIdentities = tables.personIdentities;
export const signInFailures = tables.signInFailures;
export const knownDevices = tables.knownDevices;
export const logAnchor = tables.logAnchor;
