import { AppError } from "@/lib/errors";

type Command = (args: string[]) => number | Promise<number>;

/** Cron mail wants one line: a refusal with field errors is folded into its first line. */
export function oneLine(command: Command): Command {
  return async (args) => {
    try {
      return await command(args);
    } catch (e) {
      if (e instanceof AppError && e.errors.length > 0)
        throw new AppError(e.code, `${e.message}: ${e.errors.map((x) => x.message).join("; ")}`);
      throw e;
    }
  };
}
