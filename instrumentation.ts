/** Opens, migrates and (when fresh) seeds the database before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installForwardedHeaderGuard } = await import("./app/_lib/forwarded-headers");
    installForwardedHeaderGuard();
    const { getDb } = await import("./db/get-db");
    try {
      getDb();
    } catch (error) {
      // A server that cannot open its database (say, one migrated by a newer version) must not
      // start and answer 500 to everything: say why once and stop.
      console.error(`tracker: cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
