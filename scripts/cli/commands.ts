import fs from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createToken, listTokens, revokeToken } from "@/db/accounts/api-tokens";
import { disableAccount, enableAccount, resetPassword } from "@/db/accounts/account-access";
import { listPeople } from "@/db/accounts/list-people";
import { addPerson, findPerson, setPassword, setRole } from "@/db/accounts/manage-users";
import { bootDatabase } from "@/db/boot";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { verifyLog } from "@/db/verify-log";
import { AppError } from "@/lib/errors";
import { accountState } from "@/lib/auth/account-state";
import { DEFAULT_TOKEN_DAYS, parseTokenDays, tokenLife } from "@/lib/auth/token-lifetime";
import type { Role } from "@/lib/auth/roles";
import { BACKUP_COMMANDS } from "./backup-commands";
import { DELIVERY_COMMANDS } from "./delivery-commands";
import { GENERATE_COMMAND } from "./generate-command";
import { INGEST_COMMAND } from "./ingest-command";
import { readPassword } from "./read-password";
import { READ_COMMANDS } from "./read-commands";
import { REPORT_COMMANDS } from "./report-commands";
import { group } from "./command-group";
import { readTextFile } from "./read-text-file";

type Command = (args: string[]) => number | Promise<number>;

const open = async () => await bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));

function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid", `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function positional(args: string[], options: ParseArgsConfig["options"], what: string) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== 1) throw new AppError("invalid", `expected ${what}`);
  return { value: parsed.positionals[0]!, flags: parsed.values as Record<string, string | boolean | undefined> };
}

const COMMANDS: Record<string, { help: string; run: Command }> = {
  import: {
    help: "import <file> [--dry-run] [--slug S]  import a program bundle (all or nothing), under slug S if given",
    run: async (args) => {
      const { value: file, flags } = positional(args, { "dry-run": { type: "boolean" }, slug: { type: "string" } }, "one bundle file: import <file>");
      const summary = await importBundle(await open(), readJsonFile(file), {
        actor: process.env.TRACKER_ACTOR ?? null,
        dryRun: Boolean(flags["dry-run"]),
        slug: typeof flags.slug === "string" ? flags.slug : undefined,
      });
      const c = summary.counts;
      process.stdout.write(
        `${summary.dryRun ? "dry run, nothing written: would import" : "imported"} program "${summary.program}": ` +
          `${c.items} items, ${c.dependencies} dependencies, ${c.transitions} transitions (${c.verifications} verified${c.rejections ? `, ${c.rejections} rejected` : ""}), ` +
          `${c.evidence} evidence, ${c.signals} signals, ${c.claims} claims${c.comments ? `, ${c.comments} comments` : ""}, ${c.people} people (${c.newPeople} new)\n`,
      );
      return 0;
    },
  },
  export: {
    help: "export <slug> [--out file]     write a program bundle (stdout by default)",
    run: async (args) => {
      const { value: slug, flags } = positional(args, { out: { type: "string" } }, "a program slug: export <slug>");
      const text = `${JSON.stringify(await exportBundle(await open(), slug), null, 2)}\n`;
      if (typeof flags.out === "string") {
        fs.writeFileSync(flags.out, text);
        process.stderr.write(`wrote ${flags.out}\n`);
      } else process.stdout.write(text);
      return 0;
    },
  },
  "verify-log": {
    help: "verify-log                     recompute the hash chain of the history log",
    run: async (args) => {
      if (args.length > 0) throw new AppError("invalid", "verify-log takes no arguments");
      const verdict = await verifyLog(await open());
      if (verdict.ok) {
        process.stdout.write(`log intact: ${verdict.entries} entries, head ${verdict.head}\n`);
        return 0;
      }
      process.stderr.write(`log BROKEN at entry #${verdict.firstBad!.seq}: ${verdict.firstBad!.reason}\n`);
      return 1;
    },
  },
};

/** `user <sub>` and `token <sub>`: flags only, no positionals. */
function flagsOf(args: string[], options: ParseArgsConfig["options"]) {
  const parsed = parseArgs({ args, options, allowPositionals: false, strict: true });
  return parsed.values as Record<string, string | boolean | undefined>;
}

function requiredFlag(flags: Record<string, string | boolean | undefined>, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value.trim() === "") throw new AppError("invalid", `--${name} is required`);
  return value;
}

// The CLI needs shell access to the database file: it acts as an administrator (README).
const CLI_ACTOR = () => process.env.TRACKER_ACTOR ?? "cli";

const USER_COMMANDS: Record<string, Command> = {
  add: async (args) => {
    const f = flagsOf(args, {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      team: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      "one-time-password": { type: "boolean" },
    });
    const password = f["password-stdin"] ? await readPassword() : (f.password as string | undefined);
    const { person, oneTimePassword } = await addPerson(
      await open(),
      {
        email: requiredFlag(f, "email"),
        name: requiredFlag(f, "name"),
        role: requiredFlag(f, "role") as Role,
        team: (f.team as string | undefined) ?? "",
        password,
      },
      CLI_ACTOR(),
      { oneTimePassword: Boolean(f["one-time-password"]) },
    );
    if (oneTimePassword) {
      process.stdout.write(`added ${person.email} (${person.role}); one-time password, shown once (they choose their own at first sign-in):\n${oneTimePassword}\n`);
      return 0;
    }
    process.stdout.write(`added ${person.email} (${person.role})${password ? "" : ", no password: cannot sign in on the web yet"}\n`);
    return 0;
  },
  list: async (args) => {
    flagsOf(args, {});
    const iso = (ms: number | null) => (ms === null ? "never" : new Date(ms).toISOString());
    const words = { active: "password set", must_change_password: "one-time password", no_password: "no password", disabled: "disabled" } as const;
    for (const u of await listPeople(await open()))
      process.stdout.write(
        `${u.email}\t${u.role}\t${u.name}\t${u.team}\t${u.hasPassword || accountState(u) !== "active" ? words[accountState(u)] : "single sign-on"}\tlast sign-in ${iso(u.lastSignInAt)}\t${u.activeTokens} active tokens\n`,
      );
    return 0;
  },
  "set-role": async (args) => {
    const f = flagsOf(args, { email: { type: "string" }, role: { type: "string" } });
    const person = await setRole(await open(), requiredFlag(f, "email"), requiredFlag(f, "role") as Role, CLI_ACTOR());
    process.stdout.write(`${person.email} is now ${person.role}\n`);
    return 0;
  },
  "set-password": async (args) => {
    const f = flagsOf(args, { email: { type: "string" }, password: { type: "string" }, "password-stdin": { type: "boolean" } });
    const password = f["password-stdin"] || f.password === undefined ? await readPassword() : (f.password as string);
    await setPassword(await open(), requiredFlag(f, "email"), password, CLI_ACTOR());
    process.stdout.write(`password changed for ${f.email}\n`);
    return 0;
  },
  "reset-password": async (args) => {
    const f = flagsOf(args, { email: { type: "string" } });
    const { person, oneTimePassword, liveTokens } = await resetPassword(await open(), requiredFlag(f, "email"), CLI_ACTOR());
    const tokens = liveTokens > 0 ? `, ${liveTokens} active ${liveTokens === 1 ? "token" : "tokens"} kept (user disable revokes them)` : "";
    process.stdout.write(`${person.email}: sessions ended${tokens}; one-time password, shown once (they choose their own at the next sign-in):\n${oneTimePassword}\n`);
    return 0;
  },
  disable: async (args) => {
    const f = flagsOf(args, { email: { type: "string" } });
    const person = await disableAccount(await open(), requiredFlag(f, "email"), CLI_ACTOR());
    process.stdout.write(`${person.email} disabled: sessions ended, API tokens revoked\n`);
    return 0;
  },
  enable: async (args) => {
    const f = flagsOf(args, { email: { type: "string" } });
    const person = await enableAccount(await open(), requiredFlag(f, "email"), CLI_ACTOR());
    process.stdout.write(`${person.email} enabled\n`);
    return 0;
  },
};

const TOKEN_COMMANDS: Record<string, Command> = {
  create: async (args) => {
    const f = flagsOf(args, { email: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" } });
    const days = typeof f["expires-in-days"] === "string" ? parseTokenDays(f["expires-in-days"]) : undefined;
    const db = await open();
    const person = await findPerson(db, requiredFlag(f, "email"));
    if (!person) throw new AppError("not_found", `no account with e-mail ${f.email}`);
    const made = await createToken(db, person, (f.name as string | undefined) ?? "cli", CLI_ACTOR(), days);
    const until = made.expiresAt === null ? "it never expires" : `it expires ${new Date(made.expiresAt).toISOString()}`;
    process.stdout.write(`token #${made.id} for ${person.email} (${person.role}), ${until}; it is shown once:\n${made.token}\n`);
    return 0;
  },
  list: async (args) => {
    const f = flagsOf(args, { email: { type: "string" } });
    const db = await open();
    const person = typeof f.email === "string" ? await findPerson(db, f.email) : undefined;
    if (typeof f.email === "string" && !person) throw new AppError("not_found", `no account with e-mail ${f.email}`);
    const iso = (ms: number | null) => (ms === null ? "-" : new Date(ms).toISOString());
    const tokenState = (t: { revokedAt: number | null; expiresAt: number | null }) => {
      const life = tokenLife(t, Date.now());
      if (life.state !== "active") return `${life.state} ${iso(life.at)}`;
      return life.expiresAt === null ? "active, never expires" : `active until ${iso(life.expiresAt)}`;
    };
    for (const t of await listTokens(db, person?.id))
      process.stdout.write(
        `#${t.id}\t${t.email}\t${t.prefix}…\t${t.name}\tcreated ${iso(t.createdAt)}\tlast used ${iso(t.lastUsedAt)}\t${tokenState(t)}\n`,
      );
    return 0;
  },
  revoke: async (args) => {
    const f = flagsOf(args, { id: { type: "string" } });
    const id = Number(requiredFlag(f, "id").replace(/^#/, ""));
    if (!Number.isInteger(id) || id <= 0) throw new AppError("invalid", "--id must be a token number such as 3");
    await revokeToken(await open(), id, null);
    process.stdout.write(`token #${id} revoked\n`);
    return 0;
  },
};

Object.assign(COMMANDS, READ_COMMANDS, BACKUP_COMMANDS, GENERATE_COMMAND, REPORT_COMMANDS, DELIVERY_COMMANDS, INGEST_COMMAND);

COMMANDS.user = {
  help:
    "user add --email E --name N --role R [--team T] [--password P | --password-stdin | --one-time-password]\n" +
    "  user list | user set-role --email E --role R | user set-password --email E [--password P]\n" +
    "  user reset-password --email E | user disable --email E | user enable --email E",
  run: group("user", USER_COMMANDS),
};
COMMANDS.token = {
  help: `token create --email E [--name N] [--expires-in-days D|never]   prints a new API token as the last line (lives ${DEFAULT_TOKEN_DAYS} days unless told)\n  token list [--email E] | token revoke --id N`,
  run: group("token", TOKEN_COMMANDS),
};

export function usage(): string {
  return `usage: npm run tracker -- <command>\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.help}`)
    .join("\n")}\n\nDATABASE_URL selects the SQLite file (default data/tracker.db).\n`;
}

export async function runCommand(name: string, args: string[]): Promise<number> {
  const command = COMMANDS[name];
  if (!command) throw new AppError("invalid", `unknown command "${name}" (try: npm run tracker -- help)`);
  try {
    return await command.run(args);
  } catch (e) {
    // parseArgs throws TypeErrors with codes for unknown or malformed options: one line is enough.
    if ((e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) throw new AppError("invalid", (e as Error).message);
    throw e;
  }
}
