import { parseArgs } from "node:util";
import { backupDatabase, restoreDatabase } from "@/db/backup-database";
import { bootDatabase } from "@/db/boot";
import { databaseFile } from "@/db/index";
import { AppError } from "@/lib/errors";

function oneFile(args: string[], usage: string): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length !== 1) throw new AppError("invalid", `expected ${usage}`);
  return positionals[0]!;
}

export const BACKUP_COMMANDS = {
  backup: {
    help: "backup <file>                  online backup of the database (safe while the server runs)",
    run: async (args: string[]) => {
      const file = oneFile(args, "one target file: backup <file>");
      const source = databaseFile(); // PostgreSQL is backed up with pg_dump: refused before anything opens
      const db = await bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));
      const { pages } = await backupDatabase(db, file);
      process.stdout.write(`backed up ${source} to ${file} (${pages} pages)\n`);
      return 0;
    },
  },
  restore: {
    help: "restore <file>                 replace the database with a backup whose log verifies (stop the server first)",
    run: async (args: string[]) => {
      const file = oneFile(args, "one backup file: restore <file>");
      const target = databaseFile();
      const { entries, head } = await restoreDatabase(file, target);
      process.stdout.write(`restored ${file} into ${target}: log intact, ${entries} entries, head ${head}\n`);
      return 0;
    },
  },
};
