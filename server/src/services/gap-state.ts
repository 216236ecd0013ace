/**
 * The gap state: today's whole-graph outcome of every gap rule (queries/gaps.ts), kept as the
 * graph changes, so the whole graph's gap catalogue reads what is already known instead of
 * checking a million nodes again. Rules about a plan's own items are kept plan by plan; those
 * about measures and evidence, which items of any plan read, measure by measure and finding by
 * finding.
 *
 * @remarks
 * Each write transaction of this process says what it changed (Tx.changes) and the gateway
 * reports it with the graph versions it went between (Gateway.onCommit). Asked for the outcomes,
 * the state reads the current graph version and follows the commits from the version it holds:
 * the plans, measures and evidence those changes can affect are checked again (one statement per
 * rule for all of them) and the rest is kept. It checks everything again when it cannot follow:
 * on its first use, on a new day (rules read today's date), after a write that did not say what
 * it changed, or after a write of another process (the import and legislation commands), whose
 * versions it never heard of. Items in no plan are kept as the part of the whole graph no plan
 * holds.
 */
import type { Commit, Gateway, GraphChange } from '../db/gateway.ts';
import type { GapState, Refresh, RuleOutcome } from '../gap-report.ts';
import { affectedBy, type ItemRow, planIds, runByPlanRules, runItemKeptRules } from '../queries/gaps.ts';

/** One rule's outcome over one plan's items. */
interface Part {
  checked: number;
  passing: number;
  failing: RuleOutcome['failing'];
}

/** Outcomes by plan id ('' for items in no plan), then by rule code. */
type Parts = Map<string, Map<string, Part>>;

/** The rows of the rules kept by item: by rule code, then by the id of the measure or evidence checked. */
type Items = Map<string, Map<string, ItemRow[]>>;

interface Known {
  version: string | undefined;
  day: string;
  parts: Parts;
  items: Items;
  /** The whole-graph outcome per rule, summed once per version. */
  sums?: Map<string, RuleOutcome>;
}

/** The part of the graph no plan holds. */
const UNPLACED = '';
/** How many commits are remembered while nobody asks; older ones mean checking everything again. */
const MAX_COMMITS = 10_000;
/** How long to wait for the report of a commit whose version has already been read. */
const REPORT_WAIT_MS = 25;

const today = () => new Date().toISOString().slice(0, 10);

/** Splits outcomes over some plans (or all, with `unplaced`) into each plan's part. */
function split(results: { rule: { code: string }; outcome: RuleOutcome }[], plans: string[], unplaced: boolean): Parts {
  const parts: Parts = new Map([...plans, ...(unplaced ? [UNPLACED] : [])].map((plan) => [plan, new Map<string, Part>()]));
  for (const { rule, outcome } of results) {
    const counts = new Map(outcome.bySubject.map(({ subject, checked, passing }) => [subject, { checked, passing }]));
    const failingByPlan = new Map<string, RuleOutcome['failing']>();
    for (const item of outcome.failing) {
      const plan = item[1] ?? UNPLACED;
      const failing = failingByPlan.get(plan);
      if (failing) failing.push(item);
      else failingByPlan.set(plan, [item]);
    }
    let checked = 0;
    let passing = 0;
    for (const plan of plans) {
      const part = { checked: 0, passing: 0, ...counts.get(plan), failing: failingByPlan.get(plan) ?? [] };
      checked += part.checked;
      passing += part.passing;
      parts.get(plan)!.set(rule.code, part);
    }
    // Over the whole graph, what no plan's counts hold is the items in no plan.
    if (unplaced)
      parts
        .get(UNPLACED)!
        .set(rule.code, { checked: outcome.checked - checked, passing: outcome.passing - passing, failing: failingByPlan.get(UNPLACED) ?? [] });
  }
  return parts;
}

/** Rows by the id of what they check. */
function byId(rows: ItemRow[]): Map<string, ItemRow[]> {
  const found = new Map<string, ItemRow[]>();
  for (const row of rows) {
    const same = found.get(row.id);
    if (same) same.push(row);
    else found.set(row.id, [row]);
  }
  return found;
}

/** The whole graph's outcome per rule: the sum of the parts and of the rows. */
function sum({ parts, items }: Known): Map<string, RuleOutcome> {
  const sums = new Map<string, RuleOutcome>();
  for (const [code, rows] of items) {
    const total: RuleOutcome = { checked: 0, passing: 0, failing: [], bySubject: [] };
    for (const same of rows.values()) {
      for (const { counted, failure } of same) {
        total.checked += 1;
        if (counted) total.passing += 1;
        if (failure) total.failing.push(failure);
      }
    }
    sums.set(code, total);
  }
  for (const part of parts.values()) {
    for (const [code, { checked, passing, failing }] of part) {
      const total = sums.get(code) ?? { checked: 0, passing: 0, failing: [], bySubject: [] };
      total.checked += checked;
      total.passing += passing;
      for (const item of failing) total.failing.push(item);
      sums.set(code, total);
    }
  }
  return sums;
}

function joined(changes: GraphChange[]): GraphChange {
  return { nodes: changes.flatMap((c) => c.nodes), links: changes.flatMap((c) => c.links), plans: changes.flatMap((c) => c.plans) };
}

/** Keeps the gap state of the graph behind `gateway`, hearing the commits of that gateway. */
export function keepGapState(gateway: Gateway): GapState {
  let known: Known | undefined;
  let last: Refresh = { checked: 'nothing' };
  let commits: Commit[] = [];
  const stop = gateway.onCommit((commit) => {
    // Past the limit the oldest are forgotten, and following them fails: everything is checked again.
    if (commits.length >= MAX_COMMITS) commits.shift();
    commits.push(commit);
  });

  /** What the commits from one version to another changed, or null when they cannot be followed. */
  function changesBetween(from: string | undefined, to: string | undefined): GraphChange | null {
    const after = new Map(commits.map((commit) => [commit.before, commit]));
    const changes: GraphChange[] = [];
    for (let at = from; at !== to; ) {
      const commit = after.get(at);
      if (!commit || commit.change === 'anything' || changes.length > commits.length) return null;
      changes.push(commit.change);
      at = commit.after;
    }
    return joined(changes);
  }

  async function everything(version: string | undefined, day: string): Promise<Known> {
    last = { checked: 'everything' };
    const [plans, results, rows] = await Promise.all([planIds(gateway), runByPlanRules(gateway, null), runItemKeptRules(gateway, null)]);
    return { version, day, parts: split(results, plans, true), items: new Map(rows.map(({ rule, rows }) => [rule.code, byId(rows)])) };
  }

  async function recheckPlans(parts: Parts, plans: string[]): Promise<Parts> {
    if (plans.length === 0) return parts;
    const next = new Map(parts);
    for (const [plan, part] of split(await runByPlanRules(gateway, plans), plans, false)) next.set(plan, part);
    return next;
  }

  async function recheckItems(items: Items, ids: string[]): Promise<Items> {
    if (ids.length === 0) return items;
    const next: Items = new Map();
    for (const { rule, rows } of await runItemKeptRules(gateway, ids)) {
      const kept = new Map(items.get(rule.code));
      for (const id of ids) kept.delete(id);
      for (const [id, same] of byId(rows)) kept.set(id, same);
      next.set(rule.code, kept);
    }
    return next;
  }

  async function upToDate(): Promise<Known> {
    const version = await gateway.graphVersion();
    const day = today();
    if (known && known.version === version && known.day === day) {
      last = { checked: 'nothing' };
      return known;
    }
    const held = known;
    if (!held || held.day !== day) return everything(version, day);
    let change = changesBetween(held.version, version);
    if (!change) {
      // The commit may be reported a moment after its version can be read.
      await new Promise((wait) => setTimeout(wait, REPORT_WAIT_MS));
      change = changesBetween(held.version, version);
    }
    if (!change) return everything(version, day);
    const { plans, items: affected } = await affectedBy(gateway, change);
    if (plans === 'every plan') return everything(version, day);
    // A measure or finding deleted is found by no statement any more, but its rows go.
    const named = [...change.nodes, ...change.links.flatMap(({ from, to }) => [from, to])];
    const ids = [...new Set([...affected, ...named.filter((id) => [...held.items.values()].some((rows) => rows.has(id)))])];
    last = { checked: 'plans', plans, items: ids };
    const [parts, items] = await Promise.all([recheckPlans(held.parts, plans), recheckItems(held.items, ids)]);
    return { version, day, parts, items };
  }

  // One refresh at a time: a question asked while another brings the state up to date waits for
  // it, then finds the state current (or follows what changed since).
  let queue: Promise<unknown> = Promise.resolve();
  return {
    outcomes() {
      const next = queue.then(async () => {
        // Commits heard before the version is read led to it or to one before it: never followed again.
        const heard = commits.length;
        known = await upToDate();
        commits = commits.slice(heard);
        known.sums ??= sum(known);
        return known.sums;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    lastRefresh: () => last,
    stop,
  };
}
