/**
 * Reads a strategy or plan: its period, status and kind, and its structure of priorities,
 * objectives and actions with their owners. See parse-document.ts for what it recognises.
 */
import { slugify } from './classify.ts';
import type { SeedFile } from '../seed-format.ts';
import type { Section } from './outline.ts';
import { yearRangeIn } from './dates.ts';
import { markMeasures, readOutlinePlan } from './outline-plan.ts';
import { type Heading, type Node, type Output, withPrefix } from './document-output.ts';
import { newPlanReader, readPlanLines } from './plan-lines.ts';
import { comparable } from './words.ts';

/** What the document says about the plan as a whole. */
export interface PlanFacts {
  status: 'DRAFT' | 'CONSULTATION' | 'ADOPTED' | 'UNKNOWN';
  kind: 'CORPORATE_PLAN' | 'STRATEGY' | 'COMMISSIONING_FRAMEWORK' | 'COMMUNITY_STRATEGY' | 'ACTION_PLAN' | 'BUSINESS_PLAN' | 'OTHER';
  documentKind: SeedFile['document']['kind'];
  periodStart?: number;
  periodEnd?: number;
}

const spokenNumbers: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20 };

/**
 * The plan's period (a year range in the title, else in a line about the plan, else "over the
 * next five years" counted from the title's year), status (consultation or draft words, else
 * ADOPTED when a period is given, else UNKNOWN) and kinds of plan and document.
 */
export function describePlan(output: Output, heading: Heading, text: string): PlanFacts {
  const { classified } = output;
  const content = classified.filter((line) => line.kind !== 'blank' && line.kind !== 'furniture');
  const opening = content
    .slice(0, 12)
    .map((line) => line.body)
    .join('\n');
  let period = yearRangeIn(heading.documentTitle, { singleYear: true });
  if (!period) {
    for (const line of classified) {
      if (line.kind === 'table' || line.kind === 'furniture' || line.kind === 'blank') continue;
      if (!/\b(?:plan|strategy|framework|priorities|period|commitments|vision|for|covers)\b/i.test(line.body)) continue;
      period = yearRangeIn(line.body);
      if (period) break;
    }
  }
  if (!period) {
    const ahead = /\bover the (?:next|coming) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty) years\b/i.exec(text);
    const baseYear = /\b((?:19|20)\d\d)\b/.exec(heading.documentTitle)?.[1] ?? /\b((?:19|20)\d\d)\b/.exec(opening)?.[1];
    if (ahead && baseYear) {
      const years = spokenNumbers[ahead[1]!.toLowerCase()] ?? Number(ahead[1]);
      period = { start: Number(baseYear), end: Number(baseYear) + years };
    }
  }
  const consultation =
    /\bconsultation\b|\bhave your say\b|\blistening exercise\b/i.test(heading.documentTitle) ||
    /\b(?:this|the) consultation\b|\bclosing date\b|\bhave your say\b/i.test(opening);
  const draft = /\bdraft\b/i.test(heading.documentTitle);
  const status = consultation ? 'CONSULTATION' : draft ? 'DRAFT' : period ? 'ADOPTED' : 'UNKNOWN';
  const title = heading.documentTitle;
  const kind = /\b(?:corporate|council|borough|county) plan\b/i.test(title)
    ? 'CORPORATE_PLAN'
    : /\bcommissioning (?:framework|strategy|plan)\b/i.test(title)
      ? 'COMMISSIONING_FRAMEWORK'
      : /\b(?:sustainable )?community strategy\b/i.test(title)
        ? 'COMMUNITY_STRATEGY'
        : /\baction plan\b/i.test(title)
          ? 'ACTION_PLAN'
          : /\b(?:business|service) plan\b/i.test(title)
            ? 'BUSINESS_PLAN'
            : /\b(?:strategy|framework|plan)\b/i.test(title)
              ? 'STRATEGY'
              : 'OTHER';
  const documentKind = consultation
    ? 'CONSULTATION'
    : /\b(?:monitoring|progress|annual|scrutiny|update) report\b|\bmonitoring\b/i.test(title)
      ? 'MONITORING_REPORT'
      : kind === 'CORPORATE_PLAN'
        ? 'CORPORATE_PLAN'
        : 'STRATEGY';
  return { status, kind, documentKind, ...(period ? { periodStart: period.start, periodEnd: period.end } : {}) };
}

/**
 * Reads the plan's structure into Plan, Priority, Objective, Action and Role nodes, recording a
 * verdict for every line it uses: from the outline when its headings carry the structure, else
 * line by line (plan-lines.ts). Returns the plan's id.
 */
export function parsePlan(
  output: Output,
  heading: Heading,
  facts: PlanFacts,
  publisherPrefix: string,
  outline: Section,
  prioritySections: Section[] = [],
): string {
  const titleYear = /\b((?:19|20)\d\d)\b/.exec(heading.mainTitle)?.[1] ?? (facts.periodStart ? String(facts.periodStart) : '');
  const baseSlug = slugify(heading.mainTitle.replace(/\b(?:19|20)\d\d(?:\s*(?:[-–—]|to)\s*(?:19|20)?\d\d)?\b/gi, ' '), 45) || 'plan';
  const planId = withPrefix(publisherPrefix, [baseSlug, titleYear].filter(Boolean).join('-'));
  const plan = output.add({
    id: planId,
    label: 'Plan',
    title: heading.planName,
    kind: facts.kind,
    status: facts.status,
    periodStart: facts.periodStart,
    periodEnd: facts.periodEnd,
    source: { section: 'Title', excerpt: heading.excerpt },
  } as Node);
  const roleId = (title: string) => (publisherPrefix ? `role/${publisherPrefix}-${slugify(title, 60)}` : `role/${planId}/${slugify(title, 60)}`);
  // When the headings carry the plan's structure (or a person says which do), the outline says it; else the lines are read one by one.
  if (readOutlinePlan(output, planId, outline, roleId, prioritySections)) {
    markMeasures(output, outline);
    return planId;
  }
  readPlanLines(newPlanReader(output, heading, plan, roleId));
  dropRepeatedPriorities(output, planId);
  markMeasures(output, outline);
  return planId;
}

/**
 * A summary repeats the priorities a later section sets out again (an executive summary and the
 * chapter): a priority with the same words as an earlier one, and nothing under it, goes.
 */
function dropRepeatedPriorities(output: Output, planId: string): void {
  const seen = new Set<string>();
  for (const node of [...output.nodes]) {
    if (node.label !== 'Priority' || node.parent !== planId) continue;
    const key = comparable(node.title);
    if (seen.has(key) && !output.children.get(node.id)?.length) output.remove(node.id);
    else seen.add(key);
  }
}
