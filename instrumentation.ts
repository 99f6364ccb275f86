/** Opens, migrates and (when fresh) seeds the database before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/get-db");
    getDb();
  }
}
