import fs from "node:fs";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { bundleCounts, generateBundle } from "../generate-bundle";

export const GENERATE_COMMAND = {
  generate: {
    help: "generate --items N --seed S [--out file]   a valid synthetic program bundle of N items",
    run: (args: string[]) => {
      const { values } = parseArgs({ args, strict: true, options: { items: { type: "string" }, seed: { type: "string" }, out: { type: "string" } } });
      const items = Number(values.items);
      if (!Number.isInteger(items) || items < 1 || items > 100_000) throw new AppError("invalid", "--items must be a whole number from 1 to 100000");
      const bundle = generateBundle({ items, seed: values.seed ?? "1" });
      const text = `${JSON.stringify(bundle)}\n`;
      if (values.out) {
        fs.writeFileSync(values.out, text);
        process.stderr.write(`wrote ${values.out}: ${JSON.stringify(bundleCounts(bundle))}\n`);
      } else process.stdout.write(text);
      return 0;
    },
  },
};
