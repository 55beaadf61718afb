// Fast bulk inserts: one `INSERT ... SELECT FROM unnest($1::type[], ...)` per table and chunk, on either driver.
import type { Queryable } from '../db/database';

export interface Column<Row> {
  name: keyof Row & string;
  /** PostgreSQL element type of the array parameter, e.g. 'uuid', 'text', 'date', 'timestamptz'. */
  type: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Inserts rows into table, chunkSize rows per statement; returns the number of rows inserted. */
export async function bulkInsert<Row>(
  tx: Queryable, table: string, columns: readonly Column<Row>[], rows: readonly Row[], chunkSize = 5000,
): Promise<number> {
  for (const name of [table, ...columns.map((c) => c.name)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  }
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${columns
    .map((c, i) => `$${i + 1}::${c.type}[]`)
    .join(', ')})`;
  let inserted = 0;
  for (let offset = 0; offset < rows.length; offset += chunkSize) {
    const chunk = rows.slice(offset, offset + chunkSize);
    const params = columns.map((c) => chunk.map((row) => row[c.name] ?? null));
    await tx.query(sql, params);
    inserted += chunk.length;
  }
  return inserted;
}
