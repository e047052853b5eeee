/** One SQL statement's runner: the same SQL and `$n` parameters on a server (node-postgres) and on PGlite. */
export interface Sql {
  /** Runs one statement with parameters; rows come back as plain objects. */
  query<R extends object>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** An exclusive lock held until released (an advisory lock on its own connection, or an in-process one). */
export interface HeldLock {
  release(): Promise<void>;
}

/** A database the store runs on: a PostgreSQL server through a pool, or PGlite in this process. */
export interface Database extends Sql {
  /** 'server' (node-postgres pool) or 'pglite' (one in-process connection). */
  readonly engine: 'server' | 'pglite';
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Takes an exclusive lock named by `key` for as long as the caller holds it, across every process on
   * the database (a session advisory lock on a connection of its own); waits while another holder has it.
   */
  lock(key: string): Promise<HeldLock>;
  close(): Promise<void>;
}
