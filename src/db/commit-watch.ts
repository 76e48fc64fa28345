/**
 * Tells a listener about rows inserted into one table just before they are committed (issue 15:
 * the audit chain head is anchored outside the database for every committed change). It wraps
 * the dialect's driver, so no call site has to remember it.
 *
 * Write-ahead, not after the fact: the listener runs before the COMMIT is sent (or, outside a
 * transaction, before the autocommitted INSERT runs), and the COMMIT waits for it. Anchoring after
 * COMMIT left a window — the database has committed, the node has not yet heard so (a
 * PostgreSQL round trip, a busy event loop under load) — in which kill -9 left committed events
 * no anchor covered, so deleting them passed `audit verify`. Now an anchor can only be ahead of
 * the database, never behind: when the COMMIT fails the listener is told (`withdrawn`) so the
 * anchor stops counting; when the process dies between the two, `audit verify` reports the one
 * event the anchor names and the database lacks (docs/operations.md).
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

export interface CommitListener {
  /** The rows about to be committed; the COMMIT is sent once this resolves. */
  prepared(rows: Array<Record<string, unknown>>): Promise<void>;
  /** The COMMIT (or the autocommitted INSERT) failed: the rows were never committed. */
  withdrawn(rows: Array<Record<string, unknown>>): void;
}

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
        const rows = insertedRows(query, this.#table);
        const pending = this.#pending.get(wrapper);
        if (!rows.length || pending) {
          const result = await real.executeQuery<R>(query);
          // Inside a transaction: announced at COMMIT, and only if the INSERT succeeded.
          if (rows.length) pending!.push(...rows);
          return result;
        }
        // Outside a transaction the INSERT commits itself: announce it first.
        await this.#listener.prepared(rows);
        try {
          return await real.executeQuery<R>(query);
        } catch (err) {
          this.#listener.withdrawn(rows);
          throw err;
        }
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
    const rows = this.#pending.get(connection) ?? [];
    this.#pending.delete(connection);
    if (rows.length) await this.#listener.prepared(rows);
    try {
      await this.#inner.commitTransaction(this.#unwrap(connection));
    } catch (err) {
      if (rows.length) this.#listener.withdrawn(rows);
      throw err;
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
    await this.#inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** The dialect, with `listener` told of every insert into `table` before it is committed. */
export function watchCommits(dialect: Dialect, table: string, listener: CommitListener): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new WatchingDriver(dialect.createDriver(), table, listener),
  };
}
