import { AppError } from "@/lib/errors";

type Command = (args: string[]) => number | Promise<number>;

/** A command with sub-commands (`user add`, `subscriptions list`): the first word picks one. */
export function group(name: string, commands: Record<string, Command>): Command {
  return (args) => {
    const [sub, ...rest] = args;
    const command = sub ? commands[sub] : undefined;
    if (!command) throw new AppError("invalid", `${name} needs one of: ${Object.keys(commands).join(", ")}`);
    return command(rest);
  };
}
