// The one database interface the server uses, whichever driver is underneath (PGlite or PostgreSQL).

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted by the statement (0 for a SELECT on PGlite). */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs a parameterless script of several statements in one round trip and returns each statement's result,
   * in order (values are inlined with sqlLiteral): for hot paths where each round trip costs.
   */
  script<Row = Record<string, unknown>>(sql: string): Promise<Array<QueryResult<Row>>>;
  /**
   * In a transaction only, as its very last step: runs a parameterless script and commits in the same round
   * trip where the driver can (PostgreSQL), so locks taken by the script are released without waiting for
   * another round trip. Drivers without it: use exec() and let the transaction commit as usual.
   */
  execAndCommit?(sql: string): Promise<void>;
}

/** A string as an SQL literal for a parameterless script (quotes doubled; backslashes in the E'' form). */
export function sqlLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('sqlLiteral: NUL characters cannot be sent to PostgreSQL');
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn in one transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on a channel; resolves to an unsubscribe function. onResumed is called after the
   * subscription was lost (the database restarted) and re-established: notices sent in between are lost.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResumed?: () => void): Promise<() => Promise<void>>;
  /** Flushes to disk where the driver needs it (PGlite), then closes. */
  close(): Promise<void>;
}

/**
 * Type OIDs whose parsing both drivers normalise to the same JS values:
 * int8 -> number (ids and sequence numbers stay far below 2^53), date -> 'YYYY-MM-DD' string,
 * numeric -> string (exact), timestamptz/timestamp -> Date.
 */
export const PG_TYPE = { int8: 20, date: 1082, numeric: 1700, timestamp: 1114, timestamptz: 1184 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const keepText = (value: string): string => value;
