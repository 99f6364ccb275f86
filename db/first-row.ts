/** The first row a query answers, or undefined: what `.get()` gave, for a query that is awaited. */
export async function firstRow<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  const rows = await query;
  return rows[0];
}
