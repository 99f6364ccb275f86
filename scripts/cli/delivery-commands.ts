import { parseArgs, type ParseArgsConfig } from "node:util";
import { bootDatabase } from "@/db/boot";
import type { Db } from "@/db/index";
import { sendPublishedReport } from "@/db/delivery/send-published-report";
import type { DeliveryOutcome } from "@/db/delivery/run-deliveries";
import type { QueuedDelivery } from "@/db/delivery/queue-deliveries";
import { addSubscription, removeSubscription, setSubscriptionEnabled } from "@/db/mutations/manage-subscriptions";
import { rotateFeedToken, turnOffFeed } from "@/db/mutations/rotate-feed-token";
import { listSubscriptions } from "@/db/queries/list-subscriptions";
import { feedUrl } from "@/lib/delivery/feed-url";
import { AppError } from "@/lib/errors";
import { oneLine } from "./one-line";
import { group } from "./command-group";

type Command = (args: string[]) => number | Promise<number>;

const open = async () => await bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));
const actor = () => process.env.TRACKER_ACTOR ?? "cli";

/** The origin links in messages point to: PUBLIC_URL, else this machine's default port (with a note to say so). */
function cliOrigin(): { origin: string; note: string | null } {
  const url = process.env.PUBLIC_URL?.trim();
  if (url) return { origin: new URL(url).origin, note: null };
  const origin = `http://localhost:${process.env.PORT ?? 3000}`;
  return { origin, note: `note: PUBLIC_URL is not set: links point to ${origin}\n` };
}

function parse(args: string[], options: ParseArgsConfig["options"], what: string) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== 1) throw new AppError("invalid", `expected ${what}`);
  return { slug: parsed.positionals[0]!, flags: parsed.values as Record<string, string | boolean | undefined> };
}

function required(flags: Record<string, string | boolean | undefined>, name: string, hint: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value.trim() === "") throw new AppError("invalid", `--${name} ${hint} is required`);
  return value;
}

/**
 * Sends a published week and waits for every delivery to end, one line each. Exit 1 when one
 * failed: cron mails the output, and the week stays published whatever happened.
 */
export async function sendAndReport(db: Db, slug: string, week: string, trigger: "publish" | "resend"): Promise<number> {
  const { origin, note } = cliOrigin();
  const sending = await sendPublishedReport(db, { slug, week, trigger, requestedBy: actor(), origin });
  if (note && sending.deliveries.length > 0) process.stderr.write(note);
  if (sending.deliveries.length === 0) {
    process.stdout.write(`${sending.week}: no enabled subscription: nothing to send\n`);
    return 0;
  }
  const outcomes = await sending.run();
  const byId = new Map<number, QueuedDelivery>(sending.deliveries.map((d) => [d.id, d]));
  const line = (o: DeliveryOutcome) => {
    const d = byId.get(o.id)!;
    return `delivery #${o.id} ${d.kind} ${d.target}: ${o.state.replace("_", " ")} after ${o.attempts} attempt${o.attempts === 1 ? "" : "s"}${o.note ? ` (${o.note})` : ""}`;
  };
  const failed = outcomes.filter((o) => o.state === "failed");
  process.stdout.write(outcomes.filter((o) => o.state !== "failed").map((o) => `${line(o)}\n`).join(""));
  if (failed.length === 0) return 0;
  process.stderr.write(
    `error: ${failed.length} of ${outcomes.length} deliveries of ${sending.week} failed (the week stays published; try again with: tracker send ${slug} --week ${sending.week})\n` +
      failed.map((o) => `${line(o)}\n`).join(""),
  );
  return 1;
}

const send: Command = async (args) => {
  const { slug, flags } = parse(args, { week: { type: "string" } }, "a program slug: send <slug> --week YYYY-Www");
  return await sendAndReport(await open(), slug, required(flags, "week", "YYYY-Www"), "resend");
};

const SUBSCRIPTION_COMMANDS: Record<string, Command> = {
  list: async (args) => {
    const { slug } = parse(args, {}, "a program slug: subscriptions list <slug>");
    const { subscriptions, feed } = await listSubscriptions(await open(), slug);
    for (const s of subscriptions)
      process.stdout.write(`#${s.id}\t${s.kind}\t${s.target}\t${s.enabled ? "enabled" : "disabled"}\t${s.secretPrefix ? `secret ${s.secretPrefix}…` : "-"}\tadded ${s.createdAt}\n`);
    process.stdout.write(`feed: ${feed.enabled ? `token set ${feed.rotatedAt}` : "no token (the feed answers 404)"}\n`);
    return 0;
  },
  add: async (args) => {
    const { slug, flags } = parse(args, { kind: { type: "string" }, target: { type: "string" } }, "a program slug: subscriptions add <slug> --kind K --target T");
    const made = await addSubscription(await open(), { slug, input: { kind: required(flags, "kind", "email|webhook|slack|teams"), target: required(flags, "target", "(an e-mail address or URL)") }, actor: actor() });
    if (!made.secret) {
      process.stdout.write(`subscription #${made.id}: ${made.kind} ${made.target}\n`);
      return 0;
    }
    process.stdout.write(`subscription #${made.id}: ${made.kind} ${made.target}; its signing secret, shown once:\n${made.secret}\n`);
    return 0;
  },
  remove: async (args) => {
    const { slug, flags } = parse(args, { id: { type: "string" } }, "a program slug: subscriptions remove <slug> --id N");
    const removed = await removeSubscription(await open(), { slug, id: required(flags, "id", "N").replace(/^#/, ""), actor: actor() });
    process.stdout.write(`subscription #${removed.id} removed: ${removed.kind} ${removed.target}\n`);
    return 0;
  },
  enable: async (args) => await toggle(args, true),
  disable: async (args) => await toggle(args, false),
};

async function toggle(args: string[], enabled: boolean): Promise<number> {
  const { slug, flags } = parse(args, { id: { type: "string" } }, `a program slug: subscriptions ${enabled ? "enable" : "disable"} <slug> --id N`);
  const db = await open();
  const id = required(flags, "id", "N").replace(/^#/, "");
  // The CLI acts on what is there now: it reads the version itself.
  const current = (await listSubscriptions(db, slug)).subscriptions.find((x) => String(x.id) === id);
  const s = await setSubscriptionEnabled(db, { slug, id, input: { enabled }, expectedVersion: current?.version ?? 1, actor: actor() });
  process.stdout.write(`subscription #${s.id} ${enabled ? "enabled" : "disabled"}: ${s.kind} ${s.target}\n`);
  return 0;
}

const feedToken: Command = async (args) => {
  const [sub, ...rest] = args;
  if (sub !== "rotate" && sub !== "off") throw new AppError("invalid", "feed-token needs one of: rotate, off");
  const { slug } = parse(rest, {}, `a program slug: feed-token ${sub} <slug>`);
  if (sub === "off") {
    await turnOffFeed(await open(), { slug, actor: actor() });
    process.stdout.write(`the feed of ${slug} is off: every feed URL of it answers 404\n`);
    return 0;
  }
  const { token } = await rotateFeedToken(await open(), { slug, actor: actor() });
  const { origin, note } = cliOrigin();
  if (note) process.stderr.write(note);
  process.stdout.write(`feed token of ${slug} rotated (the previous one stops at once); the feed URL, shown once:\n${feedUrl(origin, slug, token)}\n`);
  return 0;
};

/** Sending published weeks and managing who receives them, registered in commands.ts. */
export const DELIVERY_COMMANDS: Record<string, { help: string; run: Command }> = {
  send: { help: "send <slug> --week YYYY-Www    send a published week again to every enabled subscription", run: oneLine(send) },
  subscriptions: {
    help:
      "subscriptions list <slug> | subscriptions add <slug> --kind email|webhook|slack|teams --target T\n" +
      "  subscriptions remove|enable|disable <slug> --id N   who receives published weeks (a webhook's secret is printed once)",
    run: oneLine(group("subscriptions", SUBSCRIPTION_COMMANDS)),
  },
  "feed-token": { help: "feed-token rotate|off <slug>   a new Atom feed token (the old one stops; the feed URL is printed once), or none", run: oneLine(feedToken) },
};
