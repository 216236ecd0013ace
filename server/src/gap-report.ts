/**
 * A gap rule's outcome over a scope, as the gaps service makes it and the GraphQL GapRule type
 * reads it (codegen's mapper for GapRule). It imports nothing, so the generated resolver types
 * can name it without an import circle through the modules that use those types.
 */

/**
 * What a rule found over a scope: how many items it checked and how many pass, the failing items
 * as [id, planId, detail, discretionary, subjects] when findings were asked for, and the counts
 * per subject when those were.
 */
export interface RuleOutcome {
  checked: number;
  passing: number;
  failing: [id: string, planId: string | null, detail: string | null, discretionary: boolean, subjects: (string | null)[]][];
  bySubject: { subject: string; checked: number; passing: number }[];
}

/** What the last question made the gap state check again: nothing, some plans and measures or evidence (by id), or everything. */
export type Refresh = { checked: 'nothing' } | { checked: 'plans'; plans: string[]; items: string[] } | { checked: 'everything' };

/** Today's whole-graph outcome of the gap rules, kept up to date as the graph changes (services/gap-state.ts). */
export interface GapState {
  /** Each rule's outcome over the whole graph today, by code, as of the graph's current version or later. */
  outcomes(): Promise<Map<string, RuleOutcome>>;
  /** What the last question made it check again. */
  lastRefresh(): Refresh;
  /** Stops listening to the gateway's commits. */
  stop(): void;
}

/** How much a gap matters: the schema's Severity enum (services/gaps.ts checks they agree). */
export type GapSeverity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO';

/** An item that fails a rule, before its node is read. */
export interface FailingItem {
  id: string;
  planId: string | null;
  severity: GapSeverity;
  detail: string;
  discretionary: boolean;
  subjects: string[];
}

/** One rule's outcome over a scope; its findings are read a page at a time (findingsPage). */
export interface RuleReport {
  code: string;
  severity: GapSeverity;
  title: string;
  explanation: string;
  counts: string;
  checked: number;
  passing: number;
  /** Share of items that pass, 0 to 1 (1 when nothing was checked). */
  coverage: number;
  /** Every failing item at or above the severity floor, most severe first, then by id as people number things (w2 before w10). */
  failing: FailingItem[];
}
