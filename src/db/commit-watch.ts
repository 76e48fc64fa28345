/**
 * Tells a listener about rows inserted into one table once they are committed, and before the
 * caller that committed them goes on (issue 15: the audit chain head is anchored outside the
 * database on every committed change). It wraps the dialect's driver, so no call site has to
 * remember it: an insert inside a transaction is reported after COMMIT succeeds (never after a
 * ROLLBACK), an insert outside one right after it runs. The listener's promise is awaited, so a
 * change is acknowledged only once the listener has durably recorded it.
 */
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

export type CommitListener = (rows: Array<Record<string, unknown>>) => Promise<void>;

/** The rows of an `INSERT INTO <table> (…) VALUES (…)` query, as column → value. */
export function insertedRows(query: CompiledQuery, table: string): Array<Record<string, unknown>> {
  const node = query.query as unknown as {
    kind: string;
    into?: { table: { identifier: { name: string } } };
    columns?: Array<{ column: { name: string } }>;
    values?: { kind: string; values: Array<{ kind: string; values: unknown[] }> };
  };
  if (node.kind !== 'InsertQueryNode' || node.into?.table.identifier.name !== table) return [];
  if (!node.columns || node.values?.kind !== 'ValuesNode') return [];
  const columns = node.columns.map((c) => c.column.name);
  return node.values.values.map((list) => {
    const values =
      list.kind === 'PrimitiveValueListNode'
        ? list.values
        : list.values.map((v) => (v as { kind: string; value?: unknown }).value);
    return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  });
}

class WatchingDriver implements Driver {
  readonly #inner: Driver;
  readonly #table: string;
  readonly #listener: CommitListener;
  readonly #real = new WeakMap<DatabaseConnection, DatabaseConnection>();
  readonly #pending = new WeakMap<DatabaseConnection, Array<Record<string, unknown>>>();
  readonly #afterRelease = new WeakMap<DatabaseConnection, Promise<void>>();

  constructor(inner: Driver, table: string, listener: CommitListener) {
    this.#inner = inner;
    this.#table = table;
    this.#listener = listener;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const real = await this.#inner.acquireConnection();
    const wrapper: DatabaseConnection = {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const result = await real.executeQuery<R>(query);
        const rows = insertedRows(query, this.#table);
        if (rows.length) {
          const pending = this.#pending.get(wrapper);
          if (pending) pending.push(...rows);
          else await this.#listener(rows);
        }
        return result;
      },
      streamQuery: real.streamQuery.bind(real),
    };
    this.#real.set(wrapper, real);
    return wrapper;
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#real.get(connection) ?? connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.#inner.beginTransaction(this.#unwrap(connection), settings);
    this.#pending.set(connection, []);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#inner.commitTransaction(this.#unwrap(connection));
    const rows = this.#pending.get(connection) ?? [];
    this.#pending.delete(connection);
    if (rows.length) {
      // Awaited in releaseConnection, after the connection is free again: the caller still waits
      // for the listener, but other transactions can commit meanwhile and share its fsync.
      const written = this.#listener(rows);
      written.catch(() => undefined);
      this.#afterRelease.set(connection, written);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#pending.delete(connection);
    await this.#inner.rollbackTransaction(this.#unwrap(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.savepoint?.(this.#unwrap(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.rollbackToSavepoint?.(this.#unwrap(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.releaseSavepoint?.(this.#unwrap(connection), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#pending.delete(connection);
    const written = this.#afterRelease.get(connection);
    this.#afterRelease.delete(connection);
    await this.#inner.releaseConnection(this.#unwrap(connection));
    if (written) await written;
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** The dialect, with `listener` told of every committed insert into `table`. */
export function watchCommits(dialect: Dialect, table: string, listener: CommitListener): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new WatchingDriver(dialect.createDriver(), table, listener),
  };
}
