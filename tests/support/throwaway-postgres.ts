/**
 * `tsx tests/support/throwaway-postgres.ts start STATE` starts a throwaway PostgreSQL 15 (see
 * local-postgres.ts) with one empty database, records where it is in the JSON file STATE and prints
 * the database's URL; `… stop STATE` stops it and removes its folder. For scripts/test-all.sh,
 * which runs the API suite against it.
 */
import fs from "node:fs";
import { startLocalPostgres, stopLocalPostgres } from "./local-postgres";

interface State {
  dir: string;
  port: number;
  url: string;
}

const [command, stateFile] = process.argv.slice(2);
if ((command !== "start" && command !== "stop") || !stateFile) {
  process.stderr.write("usage: throwaway-postgres.ts start|stop STATE-FILE\n");
  process.exit(2);
}
if (command === "start") {
  if (fs.existsSync(stateFile)) throw new Error(`${stateFile} exists: stop that server first`);
  const server = await startLocalPostgres();
  const url = await server.createDatabase("tracker_e2e");
  fs.writeFileSync(stateFile, JSON.stringify({ dir: server.dir, port: server.port, url } satisfies State));
  process.stdout.write(`${url}\n`);
} else if (fs.existsSync(stateFile)) {
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as State;
  stopLocalPostgres(state.dir);
  fs.rmSync(stateFile);
}
