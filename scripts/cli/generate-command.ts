import fs from "node:fs";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { bundleCounts, generateBundle } from "../generate-bundle";

export const GENERATE_COMMAND = {
  generate: {
    help: "generate --items N --seed S [--out file] [--now YYYY-MM-DD] [--slug s] [--pretty]   a valid synthetic program bundle of N items",
    run: (args: string[]) => {
      const { values } = parseArgs({
        args,
        strict: true,
        options: { items: { type: "string" }, seed: { type: "string" }, out: { type: "string" }, now: { type: "string" }, slug: { type: "string" }, pretty: { type: "boolean", default: false } },
      });
      const items = Number(values.items);
      if (!Number.isInteger(items) || items < 1 || items > 100_000) throw new AppError("invalid", "--items must be a whole number from 1 to 100000");
      const now = values.now === undefined ? undefined : Date.parse(`${values.now}T00:00:00Z`);
      if (now !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.now!) || Number.isNaN(now))) throw new AppError("invalid", `--now must be a date YYYY-MM-DD, not ${values.now}`);
      const bundle = generateBundle({ items, seed: values.seed ?? "1", now, slug: values.slug });
      const text = `${values.pretty ? JSON.stringify(bundle, null, 2) : JSON.stringify(bundle)}\n`;
      if (values.out) {
        fs.writeFileSync(values.out, text);
        process.stderr.write(`wrote ${values.out}: ${JSON.stringify(bundleCounts(bundle))}\n`);
      } else process.stdout.write(text);
      return 0;
    },
  },
};
