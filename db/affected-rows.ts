/** How many rows an UPDATE or DELETE touched: SQLite reports `changes`, PostgreSQL `rowCount`. */
export function affectedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
