/**
 * The gap state: today's whole-graph outcome of every by-plan gap rule (queries/gaps.ts), kept
 * plan by plan as the graph changes, so the whole graph's gap catalogue reads what is already
 * known instead of checking a million nodes again.
 *
 * @remarks
 * Each write transaction of this process says what it changed (Tx.changes) and the gateway
 * reports it with the graph versions it went between (Gateway.onCommit). Asked for the outcomes,
 * the state reads the current graph version and follows the commits from the version it holds:
 * the plans those changes can affect are checked again (one scoped statement per rule for all
 * of them) and the rest is kept. It checks everything again when it cannot follow: on its first
 * use, on a new day (rules read today's date), after a write that did not say what it changed,
 * or after a write of another process (the import and legislation commands), whose versions it
 * never heard of. Items in no plan are kept as the part of the whole graph no plan holds.
 */
import type { Commit, Gateway, GraphChange } from '../db/gateway.ts';
import type { GapState, Refresh, RuleOutcome } from '../gap-report.ts';
import { planIds, plansAffectedBy, runByPlanRules } from '../queries/gaps.ts';

/** One rule's outcome over one plan's items. */
interface Part {
  checked: number;
  passing: number;
  failing: RuleOutcome['failing'];
}

/** Outcomes by plan id ('' for items in no plan), then by rule code. */
type Parts = Map<string, Map<string, Part>>;

interface Known {
  version: string | undefined;
  day: string;
  parts: Parts;
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

/** The whole graph's outcome per rule: the sum of the parts. */
function sum(parts: Parts): Map<string, RuleOutcome> {
  const sums = new Map<string, RuleOutcome>();
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
    const [plans, results] = await Promise.all([planIds(gateway), runByPlanRules(gateway, null)]);
    return { version, day, parts: split(results, plans, true) };
  }

  async function upToDate(): Promise<Known> {
    const version = await gateway.graphVersion();
    const day = today();
    if (known && known.version === version && known.day === day) {
      last = { checked: 'nothing' };
      return known;
    }
    if (!known || known.day !== day) return everything(version, day);
    let change = changesBetween(known.version, version);
    if (!change) {
      // The commit may be reported a moment after its version can be read.
      await new Promise((wait) => setTimeout(wait, REPORT_WAIT_MS));
      change = changesBetween(known.version, version);
    }
    if (!change) return everything(version, day);
    const plans = await plansAffectedBy(gateway, change);
    if (plans === 'every plan') return everything(version, day);
    last = { checked: 'plans', plans };
    if (plans.length === 0) return { version, day, parts: known.parts };
    const parts = new Map(known.parts);
    for (const [plan, part] of split(await runByPlanRules(gateway, plans), plans, false)) parts.set(plan, part);
    return { version, day, parts };
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
        known.sums ??= sum(known.parts);
        return known.sums;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    lastRefresh: () => last,
    stop,
  };
}
