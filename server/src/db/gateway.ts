/**
 * The one gateway to Neo4j: the only place that creates a driver, opens sessions and maps driver
 * errors. Query modules hand it named, parameterised statements and get plain values back.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import { ExpectedError } from '../errors.ts';

/** A Cypher statement with a name that identifies it in logs, tests and EXPLAIN checks. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/** Declares a named statement; query modules keep all their Cypher in these. */
export function cypher(name: string, text: string): Statement {
  return { name, text };
}

export type Params = Record<string, unknown>;

/**
 * An integer parameter. JavaScript numbers reach Cypher as floats, which LIMIT, SKIP and
 * range bounds refuse; wrap such values with this.
 */
export const int = (value: number) => neo4j.int(Math.trunc(value));
export type Row = Record<string, unknown>;

/** A transaction as query modules see it: run a named statement, get plain rows. */
export interface Tx {
  run(statement: Statement, params?: Params): Promise<Row[]>;
  /**
   * Says what the next statement changes (nodes and links it writes or deletes; nothing, for
   * history and locks), for answers kept up to date as the graph changes (the gap state). A
   * statement that changes data with nothing said before it makes the whole transaction count as
   * having changed anything. Does nothing in a read transaction.
   */
  changes(change: Partial<GraphChange>): void;
}

/** What a write transaction changed: nodes (their properties or existence), links, and plans whose items it deleted. */
export interface GraphChange {
  nodes: string[];
  links: { from: string; type: string; to: string }[];
  plans: string[];
}

/**
 * A committed write: the graph version it replaced and the one it made (see `graphVersion`),
 * and what it changed, or 'anything' when it did not say.
 */
export interface Commit {
  before: string | undefined;
  after: string;
  change: GraphChange | 'anything';
}

/** One operator of a query plan, as EXPLAIN reports it. */
export interface QueryPlan {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers: string[];
  children: QueryPlan[];
}

export interface ConnectionSettings {
  uri: string;
  username: string;
  password: string;
  database?: string;
}

export interface Gateway {
  /**
   * Runs one statement on its own in an auto-commit read (routed to a reader in a cluster): one
   * round trip to the database, where a transaction takes two.
   */
  read(statement: Statement, params?: Params): Promise<Row[]>;
  /** Runs one statement in a write transaction. */
  write(statement: Statement, params?: Params): Promise<Row[]>;
  /**
   * Runs `work` in one read transaction; retried by the driver on transient failures. `name`
   * says what it does in the database's transaction list and query log.
   */
  readTransaction<T>(work: (tx: Tx) => Promise<T>, name?: string): Promise<T>;
  /** Runs `work` in one write transaction: everything it writes commits together or not at all. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>, name?: string): Promise<T>;
  /**
   * A token that changes with every committed write transaction of any gateway, in any process
   * (the API, the import and legislation commands, the seed loader); undefined until the first
   * such write. An answer computed after reading token T holds the graph as of T or later.
   *
   * @remarks
   * Every write transaction that changes data ends by stamping `(:GraphState {id: 'graph'})` with a fresh random
   * version, inside the same transaction, so the stamp becomes visible exactly when the write
   * does. A random value rather than a counter: a graph emptied and written again never repeats
   * an earlier version.
   */
  graphVersion(): Promise<string | undefined>;
  /**
   * Calls `listener` after each write transaction of this gateway commits, with the versions it
   * went between and what it changed; returns the way to stop. Writes of other gateways (other
   * processes) are not heard: a version with no commit leading to it is one of theirs.
   */
  onCommit(listener: (commit: Commit) => void): () => void;
  /** The plan Neo4j would run for the statement (EXPLAIN: nothing is executed). */
  explain(statement: Statement, params?: Params): Promise<QueryPlan>;
  /** Resolves when the database answers a query; rejects with DATABASE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const ping = cypher('gateway.ping', 'RETURN 1 AS ok');
// Stamped last in each write transaction: the lock on the one node is then held only while the
// transaction commits, and, taken after every other lock, it can close no deadlock cycle.
const stampWrite = cypher(
  'gateway.stampWrite',
  `MERGE (g:GraphState {id: 'graph'})
   WITH g, g.version AS before
   SET g.version = randomUUID(), g.changedAt = datetime()
   WITH collect(before) AS before, collect(g.version) AS after
   RETURN before, after`,
);
/** Versions as graphVersion gives them: sorted and joined, for the rare graph with two stamp nodes. */
const versionOf = (versions: (string | null)[]) => {
  const known = versions.filter((version): version is string => version !== null).sort();
  return known.length ? known.join(',') : undefined;
};
// Two stamp nodes can exist if two first writes race (no constraint); each write restamps both.
const readVersion = cypher(
  'gateway.graphVersion',
  `MATCH (g:GraphState {id: 'graph'}) WITH g.version AS version ORDER BY version RETURN collect(version) AS versions`,
);

/** How long a query may wait for the database before the client is told it is unavailable. */
const UNAVAILABLE_AFTER_MS = 5_000;
const MAX_READ_ATTEMPTS = 3;

/** What a write transaction's statements did, to decide whether it stamps the graph, and what it said it changed. */
interface Effects {
  changed: boolean;
  schema: boolean;
  /** What the statements said they change; undefined once one changed data without saying. */
  declared: GraphChange | undefined;
  /** Whether what the next statement changes has been said. */
  said: boolean;
}

export interface GatewayOptions {
  /**
   * Stamp each write transaction with a new graph version (see `graphVersion`); true unless
   * left out on purpose. Only the write-contention benchmark turns it off, to measure its cost.
   */
  stampWrites?: boolean;
}

export function createGateway(settings: ConnectionSettings, { stampWrites = true }: GatewayOptions = {}): Gateway {
  const driver: Driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: UNAVAILABLE_AFTER_MS,
    maxTransactionRetryTime: UNAVAILABLE_AFTER_MS,
    disableLosslessIntegers: false,
    userAgent: 'council-alignment-graph',
  });

  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database: settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });

  // Named in SHOW TRANSACTIONS and the query log, so an operator can tell which question runs.
  const named = (name: string) => ({ metadata: { app: 'council-alignment-graph', statement: name } });

  const rowsOf = (result: QueryResult): Row[] => result.records.map((record) => toPlain(record.toObject()) as Row);

  const wrap = (tx: ManagedTransaction, effects?: Effects): Tx => ({
    run: async (statement, params = {}) => {
      const result = await tx.run(statement.text, params);
      if (effects) {
        const changed = result.summary.counters.containsUpdates();
        if (changed && !effects.said) effects.declared = undefined;
        effects.said = false;
        effects.changed ||= changed;
        effects.schema ||= result.summary.queryType === 's';
      }
      return rowsOf(result);
    },
    changes: ({ nodes = [], links = [], plans = [] }) => {
      if (!effects) return;
      effects.said = true;
      effects.declared?.nodes.push(...nodes);
      effects.declared?.links.push(...links);
      effects.declared?.plans.push(...plans);
    },
  });
  const listeners = new Set<(commit: Commit) => void>();

  // Reads change nothing, so one that meets a transient failure (a lock, a memory limit) is tried again.
  async function readAlone(statement: Statement, params: Params = {}): Promise<Row[]> {
    for (let attempt = 1; ; attempt++) {
      const opened = session('READ');
      try {
        return rowsOf(await opened.run(statement.text, params, named(statement.name)));
      } catch (error) {
        if (attempt < MAX_READ_ATTEMPTS && isDriverError(error) && error.code.startsWith('Neo.TransientError.') && !unavailableCodes.has(error.code)) continue;
        throw mapDriverError(error);
      } finally {
        await opened.close();
      }
    }
  }

  async function inTransaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, name: string): Promise<T> {
    const opened = session(mode);
    try {
      if (mode === 'READ') return await opened.executeRead((tx) => work(wrap(tx)), named(name));
      // Each attempt starts afresh: the driver runs `work` again after a transient failure.
      let commit: Commit | undefined;
      const result = await opened.executeWrite(async (tx) => {
        commit = undefined;
        const effects: Effects = { changed: false, schema: false, declared: { nodes: [], links: [], plans: [] }, said: false };
        const result = await work(wrap(tx, effects));
        // A transaction that changed no data leaves the version as it is; a schema one may not write data at all.
        if (stampWrites && effects.changed && !effects.schema) {
          const [stamped] = rowsOf(await tx.run(stampWrite.text));
          const after = versionOf(stamped!.after as string[]);
          if (after) commit = { before: versionOf(stamped!.before as (string | null)[]), after, change: effects.declared ?? 'anything' };
        }
        return result;
      }, named(name));
      if (commit) for (const listener of listeners) listener(commit);
      return result;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await opened.close();
    }
  }

  return {
    read: readAlone,
    write: (statement, params) => inTransaction('WRITE', (tx) => tx.run(statement, params), statement.name),
    readTransaction: (work, name = 'read transaction') => inTransaction('READ', work, name),
    writeTransaction: (work, name = 'write transaction') => inTransaction('WRITE', work, name),
    async explain(statement, params = {}) {
      const opened = session('READ');
      try {
        const result = await opened.executeRead((tx) => tx.run(`EXPLAIN ${statement.text}`, params));
        return result.summary.plan as unknown as QueryPlan;
      } catch (error) {
        throw mapDriverError(error);
      } finally {
        await opened.close();
      }
    },
    async ping() {
      await readAlone(ping);
    },
    async graphVersion() {
      return versionOf(((await readAlone(readVersion))[0]?.versions as string[] | undefined) ?? []);
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => driver.close(),
  };
}

const unavailableCodes = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Maps driver failures a client can act on to coded errors; everything else passes through to be masked. */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof ExpectedError) return error;
  if (isDriverError(error)) {
    if (unavailableCodes.has(error.code) || /acquisition timed out|Could not perform discovery|Failed to connect/i.test(error.message)) {
      return new ExpectedError('DATABASE_UNAVAILABLE', 'The graph database is not reachable at the moment; try again shortly.');
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      // Two writers created the same id at once; the one that committed first keeps it.
      const id = /property `id` = '([^']*)'/.exec(error.message)?.[1];
      return new ExpectedError(
        'CONFLICT',
        `${id ?? 'An item with this id'} was created by another writer at the same moment; reload and try again.`,
        id ? { id } : {},
      );
    }
    if (
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
    ) {
      return new ExpectedError('QUERY_TIMEOUT', 'The query took too long and was stopped; narrow it down and try again.');
    }
  }
  return error;
}

/**
 * Recognises driver errors by their shape: the driver's packages can be loaded both as ES and
 * CommonJS modules, and then `instanceof Neo4jError` misses errors thrown by the other copy.
 */
function isDriverError(error: unknown): error is { code: string; message: string } {
  return error instanceof Error && error.name === 'Neo4jError' && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Converts driver values to plain JSON-safe values: Integers to numbers, temporal values to ISO
 * strings, nodes and relationships to their properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  // Strings, numbers and booleans are most of what comes back; they need nothing.
  if (typeof value !== 'object') return value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value)) return toPlain(value.properties);
  if (isRelationship(value)) return toPlain(value.properties);
  if (isPath(value)) return value.segments.map((segment) => toPlain(segment.relationship));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toPlain(inner)]));
}
