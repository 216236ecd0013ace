/**
 * Gaps and coverage: each rule's outcome over a scope (queries/gaps.ts runs the rules), made into
 * the gap list, most severe first and then by id as people number things, filtered by severity
 * and subject and read a page at a time; and coverage per rule and per plan, priority, authority
 * and inspection report, from the same rows, so both always agree.
 */
import type { Gateway } from '../db/gateway.ts';
import type { FailingItem, GapSeverity, GapState, RuleOutcome, RuleReport } from '../gap-report.ts';
import type { Coverage, CoverageRow, GapFinding, GraphNode, RuleCoverage, ScopeInput, Severity } from '../generated/graphql.ts';
import { naturalSort } from '../natural-order.ts';
import { type RuleDefinition, rules as ruleDefinitions, runRules, selectRules } from '../queries/gaps.ts';
import { nodesById } from '../queries/nodes.ts';

// The report's severities are the schema's: this fails to compile if either gains a value.
const sameSeverities: [GapSeverity] extends [Severity] ? ([Severity] extends [GapSeverity] ? true : false) : false = true;
void sameSeverities;

const severityRank: Record<Severity, number> = { HIGH: 3, MEDIUM: 2, LOW: 1, INFO: 0 };
const share = (passing: number, checked: number) => (checked === 0 ? 1 : passing / checked);

/** How many findings a rule has, and how many of them are for information only. */
export const findingCounts = (rule: RuleReport) => ({
  findingCount: rule.failing.length,
  informationCount: rule.failing.filter(({ severity }) => severity === 'INFO').length,
});

/** Each rule's outcome with its failing items: today's over the whole graph from the gap state when there is one, otherwise checked now. */
async function findFailures(gateway: Gateway, scope: ScopeInput | null | undefined, codes: string[] | null | undefined, asAt: string | null, state?: GapState) {
  const wanted = { findings: true, bySubject: false };
  if (!state || scope || asAt) return runRules(gateway, scope, codes, wanted, asAt);
  const selected = selectRules(codes);
  const kept = await state.outcomes();
  return selected.map((rule) => ({ rule, outcome: kept.get(rule.code)! }));
}

/**
 * Each outcome's failing items, most severe first and then by id as people number things (w2
 * before w10), worked out once per outcome: the gap state hands out the same outcomes until the
 * graph changes, and ranking a whole graph's takes a while. Shared: read, never change them.
 */
const rankings = new WeakMap<RuleOutcome, FailingItem[]>();
function ranked(rule: RuleDefinition, outcome: RuleOutcome): FailingItem[] {
  let items = rankings.get(outcome);
  if (!items) {
    items = naturalSort(outcome.failing, ([id]) => id)
      .map(
        ([id, planId, detail, discretionary, subjects]): FailingItem => ({
          id,
          planId,
          // A discretionary item is not a gap: it counts as passing and is listed for information.
          severity: discretionary ? 'INFO' : rule.severity,
          detail: detail ?? '',
          discretionary,
          subjects: subjects.filter((subject): subject is string => subject !== null),
        }),
      )
      // Stable, so items of the same severity stay in the natural order of their ids.
      .sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
    rankings.set(outcome, items);
  }
  return items;
}

/**
 * The gap catalogue over the scope: every rule with its counts and its failing items, most
 * severe first; with `subject`, only the items that count against that subject in coverage.
 * With `asAt` (YYYY-MM-DD), as on that day (runRules); null is today. With `state`, the whole
 * graph's gaps today are read from it.
 */
export async function gaps(
  gateway: Gateway,
  scope: ScopeInput | null | undefined,
  codes?: string[] | null,
  minSeverity?: Severity | null,
  subject?: string | null,
  asAt: string | null = null,
  state?: GapState,
): Promise<{ rules: RuleReport[]; total: number }> {
  const results = await findFailures(gateway, scope, codes, asAt, state);
  const floor = minSeverity ? severityRank[minSeverity] : 0;
  const rules = results.map(({ rule, outcome }): RuleReport => {
    const all = ranked(rule, outcome);
    return {
      ...rule,
      checked: outcome.checked,
      passing: outcome.passing,
      coverage: share(outcome.passing, outcome.checked),
      failing: floor || subject ? all.filter((item) => severityRank[item.severity] >= floor && (!subject || item.subjects.includes(subject))) : all,
    };
  });
  return { rules, total: rules.reduce((sum, rule) => sum + rule.failing.filter(({ severity }) => severity !== 'INFO').length, 0) };
}

const discretionaryReason = (node: GraphNode) => {
  const reason = (node.properties as Record<string, unknown>).discretionaryReason;
  return typeof reason === 'string' ? `: ${reason}` : '.';
};

/** One page of a rule's findings (optionally of one severity), with their nodes and plans read. */
export async function findingsPage(
  gateway: Gateway,
  rule: RuleReport,
  page: { first: number; offset: number; severity?: Severity | null },
): Promise<GapFinding[]> {
  const items = rule.failing.filter(({ severity }) => !page.severity || severity === page.severity).slice(page.offset, page.offset + page.first);
  const nodes = await nodesById(
    gateway,
    items.flatMap(({ id, planId }) => (planId ? [id, planId] : [id])),
  );
  return items.flatMap((item) => {
    const node = nodes.get(item.id);
    if (!node) return []; // deleted since the rules ran
    return [
      {
        node,
        plan: item.planId ? (nodes.get(item.planId) ?? null) : null,
        severity: item.severity,
        detail: item.discretionary ? `${item.detail} Marked discretionary${discretionaryReason(node)}` : item.detail,
        subjects: item.subjects,
      },
    ];
  });
}

const coverageOf = (code: string, { checked, passing }: { checked: number; passing: number }): RuleCoverage => ({
  code,
  checked,
  passing,
  coverage: share(passing, checked),
});

/**
 * Coverage per rule over the scope, and per plan, top-level priority, authority and inspection
 * report; with `asAt` (YYYY-MM-DD), as on that day (runRules).
 */
export async function coverage(gateway: Gateway, scope: ScopeInput | null | undefined, asAt: string | null = null): Promise<Coverage> {
  const results = await runRules(gateway, scope, null, { findings: false, bySubject: true }, asAt);
  const bySubject = new Map<string, RuleCoverage[]>();
  for (const { rule, outcome } of results) {
    for (const counts of outcome.bySubject) bySubject.set(counts.subject, [...(bySubject.get(counts.subject) ?? []), coverageOf(rule.code, counts)]);
  }
  const subjects = await nodesById(gateway, bySubject.keys());
  // Information-only rules are listed per subject but are not gaps, so they leave its totals alone.
  const informational = new Set(ruleDefinitions.filter(({ severity }) => severity === 'INFO').map(({ code }) => code));
  const rowsFor = (label: string, kind?: string): CoverageRow[] =>
    [...bySubject.entries()]
      .map(([id, rules]) => ({ subject: subjects.get(id), rules }))
      .filter(({ subject }) => subject?.label === label && (!kind || subject.kind === kind))
      .map(({ subject, rules }) => {
        const counted = rules.filter(({ code }) => !informational.has(code));
        const checked = counted.reduce((sum, rule) => sum + rule.checked, 0);
        const passing = counted.reduce((sum, rule) => sum + rule.passing, 0);
        return { subject: subject!, rules, checked, passing, coverage: share(passing, checked) };
      })
      .sort((a, b) => a.coverage - b.coverage || a.subject.title.localeCompare(b.subject.title));

  return {
    rules: results.map(({ rule, outcome }) => coverageOf(rule.code, outcome)),
    byPlan: rowsFor('Plan'),
    byPriority: rowsFor('Priority'),
    byAuthority: rowsFor('Authority'),
    byInspection: rowsFor('Evidence', 'INSPECTION_REPORT'),
  };
}
