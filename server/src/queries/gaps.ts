/**
 * The gaps and coverage family. Each gap rule is one statement that checks every item in the
 * scope and returns how many pass, the failing ones and the counts per subject; the gap list and
 * coverage come from the same rows, so both always agree. SUGGESTED links never make an item
 * pass. A whole graph can fail thousands of times, so the database aggregates and failing items
 * carry ids only. How findings are ranked, filtered and paged is services/gaps.ts's.
 */
import { z } from 'zod';
import { cypher, type GraphChange, int, type Gateway, type Statement } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { RuleOutcome } from '../gap-report.ts';
import type { ScopeInput, Severity } from '../generated/graphql.ts';
import { newLawEffectTypes, PLAN_HIERARCHY, type PlacedLabel, placing, planItemLabels } from '../../../schema/graph-model.ts';
import { COUNTED_LINK_AT, IN_FORCE, LINK_VALID_AT, PLAN_IN_FORCE } from './as-at.ts';
import { UNPLACED_ITEM } from './shapes.ts';
import { EFFECTS_ON, UNREVIEWED } from './law-review.ts';

/** Authority kinds that are law: a statutory basis is one of these, or a provision of one. */
const STATUTORY = `['ACT', 'REGULATION', 'STATUTORY_GUIDANCE']`;
/** Authority kinds that place duties or commitments a plan should deliver when it cites them. */
const DELIVERABLE = `['ACT', 'REGULATION', 'STATUTORY_GUIDANCE', 'NATIONAL_POLICY', 'FRAMEWORK']`;
/** Effect types that bring new law, as a Cypher list (constants of the model, never input). */
const NEW_LAW = `[${newLawEffectTypes.map((type) => `'${type}'`).join(', ')}]`;
/**
 * A link that counts: accepted (not a suggestion) and holding on $asAt; without a date, not
 * retired after a change in the law.
 */
const ACCEPTED = COUNTED_LINK_AT;
/** A link a rule reads whatever its basis: as at a date, only if it held then; without one, every link, as always. */
const HELD = (link: string) => `($asAt IS NULL OR ${LINK_VALID_AT(link)})`;

/**
 * Where a rule's statement starts. Each rule is written once, as a function of its scope, and
 * made into two statements: one over the whole graph, and one over the plans in $planIds (and
 * the organisations in $organisationIds) that opens on the index of its scope, so a scoped
 * question costs what its scope holds. (`$planIds IS NULL OR a.planId IN $planIds` in one
 * statement would keep the index out of use: the planner plans for both cases, so it scans.)
 * As at a date ($asAt), items and plans are checked only when in force then (as-at.ts).
 */
interface Scope {
  /**
   * What the statement checks: the whole graph, the plans in $planIds (and the organisations in
   * $organisationIds), or, for the gap state, the measures or evidence whose ids are in $ids.
   */
  of: 'graph' | 'plans' | 'ids';
  /** Cypher binding `variable` to each item of `label` in scope and in force: all of them, or those of the plans by the planId index. */
  items(variable: string, label: PlacedLabel): string;
  /** Cypher binding `variable` to each plan in scope and in force: every plan, or those in $planIds by id. */
  plans(variable: string): string;
  /**
   * Cypher binding `variable` to each plan in scope and each item in it, or nothing over the
   * whole graph (the statement's own MATCH then finds them); the rule checks they are in force.
   */
  plansAndItems(variable: string): string;
  /** The statement's end, from one row per checked item: their totals (ROW), or, for the gap state, each row (EACH_ROW). */
  end(variable: string, fields: string): string;
}

const wholeGraph: Scope = {
  of: 'graph',
  items: (variable, label) => `MATCH (${variable}:${label}) WHERE ${IN_FORCE(variable)}`,
  plans: (variable) => `MATCH (${variable}:Plan) WHERE ${PLAN_IN_FORCE(variable)}`,
  plansAndItems: () => '',
  end: (variable, fields) => ROW(variable, fields),
};

/** A subquery returning what each of `branches` (`MATCH … RETURN x`) returns, reading the variables of `scope`. */
const UNION_OF = (branches: string[], scope = '') => `CALL (${scope}) {\n  ${branches.join('\n  UNION ALL\n  ')}\n}`;
/** The items of the plans in the list `planIds` ($planIds unless said), one index seek per label. */
const ITEM_BRANCHES = (variable: string, planIds = '$planIds') =>
  planItemLabels.map((label) => `MATCH (${variable}:${label}) WHERE ${variable}.planId IN ${planIds} RETURN ${variable}`);
/** Cypher binding `variable` to every item of the plans in $planIds. */
const ITEMS_IN_PLANS = (variable: string) => UNION_OF(ITEM_BRANCHES(variable));

const inScope: Scope = {
  of: 'plans',
  items: (variable, label) => `MATCH (${variable}:${label}) WHERE ${variable}.planId IN $planIds AND ${IN_FORCE(variable)}`,
  plans: (variable) => `MATCH (${variable}:Plan) WHERE ${variable}.id IN $planIds AND ${PLAN_IN_FORCE(variable)}`,
  plansAndItems: (variable) => UNION_OF([`MATCH (${variable}:Plan) WHERE ${variable}.id IN $planIds RETURN ${variable}`, ...ITEM_BRANCHES(variable)]),
  end: (variable, fields) => ROW(variable, fields),
};

/** The gap state's forms of a rule it keeps item by item: every item's row, over the whole graph or for the items in $ids. */
const eachItem: Scope = { ...wholeGraph, end: (variable, fields) => EACH_ROW(variable, fields) };
const eachItemById: Scope = { ...eachItem, of: 'ids' };

/**
 * A rule's statements from its one text: over the whole graph (`name`) and over a scope
 * (`nameInScope`). How the gap state (services/gap-state.ts) keeps its whole-graph outcome:
 * - 'plan': every item the rule checks belongs to one plan, whose id is among the item's
 *   subjects, and it reads nothing of other plans but what `affected` follows for plans, so the
 *   outcome is the sum of its plans' (the scoped statement checks them);
 * - 'item': each item's row is kept (measures and evidence, which items of any plan read), with
 *   `affected` saying which to check again: also every item's row over the whole graph
 *   (`nameEachItem`) and for the items in $ids (`nameById`).
 */
function ruleStatements(name: string, keptBy: 'plan' | 'item', text: (scope: Scope) => string): RuleDefinition['statements'] {
  return {
    wholeGraph: cypher(name, text(wholeGraph)),
    inScope: cypher(`${name}InScope`, text(inScope)),
    ...(keptBy === 'item' ? { eachItem: { wholeGraph: cypher(`${name}EachItem`, text(eachItem)), byId: cypher(`${name}ById`, text(eachItemById)) } } : {}),
  };
}
/**
 * A performance measure: one some item is measured by, or that someone owns. Other measures are
 * context statistics (figures from needs assessments nobody reports against), which no
 * measure rule checks.
 */
const PERFORMANCE_MEASURE = (variable: string) => `(EXISTS { (:Entity)-[:MEASURED_BY]->(${variable}) } OR EXISTS { (${variable})-[:OWNED_BY]->() })`;
/** An authority kind as words: NATIONAL_POLICY is "national policy". */
const KIND_WORDS = (variable: string) => `toLower(replace(coalesce(${variable}.kind, 'provision'), '_', ' '))`;
/** "A (act), B (national policy)": authorities as a list in words. */
const TITLES_WITH_KINDS = (list: string) =>
  `reduce(s = '', law IN ${list} | s + CASE WHEN s = '' THEN '' ELSE ', ' END + law.title + ' (' + ${KIND_WORDS('law')} + ')')`;
/**
 * A plan with items of its own. Other plans are documents mentioned in passing (a name and
 * nothing in them): kept as references, never checked, as nothing is known of what they do.
 */
const HAS_ITEMS = (variable: string) => `EXISTS { (${variable})-[:${PLAN_HIERARCHY}]->() }`;
/** The plan and top-level priority an item counts against in coverage (recorded by the loader). */
const PLACEMENT = (variable: string) => `[${variable}.planId, ${variable}.topPriorityId]`;

/**
 * The common end of every rule, from one row per checked item (whether it passes, and the ids of
 * the subjects it counts against) to one row: how many items were checked and how many count as
 * passing, the failing items when $findings, and the counts per subject when $bySubject.
 */
const ROW = (variable: string, fields: string) =>
  `WITH ${variable}, ${fields}
   WITH passes OR discretionary AS counted, subjects,
        // A list rather than a map: a whole graph has tens of thousands, and lists travel lighter.
        CASE WHEN $findings AND NOT passes THEN [${variable}.id, planId, detail, discretionary, subjects] END AS failure
   // Each item is counted once in the totals (subject null) and once for each of its subjects.
   UNWIND [null] + CASE WHEN $bySubject THEN [subject IN subjects WHERE subject IS NOT NULL] ELSE [] END AS subject
   WITH subject, count(*) AS checked, sum(CASE WHEN counted THEN 1 ELSE 0 END) AS passing,
        collect(CASE WHEN subject IS NULL THEN failure END) AS failing
   WITH collect(CASE WHEN subject IS NULL THEN {checked: checked, passing: passing, failing: failing} END)[0] AS totals,
        collect(CASE WHEN subject IS NOT NULL THEN {subject: subject, checked: checked, passing: passing} END) AS bySubject
   RETURN coalesce(totals.checked, 0) AS checked, coalesce(totals.passing, 0) AS passing, coalesce(totals.failing, []) AS failing, bySubject`;

/** The gap state's end of a rule: each checked item's row, whether it counts as passing and, if it fails, its failure as ROW lists it. */
const EACH_ROW = (variable: string, fields: string) =>
  `WITH ${variable}, ${fields}
   RETURN ${variable}.id AS id, passes OR discretionary AS counted,
          CASE WHEN NOT passes THEN [${variable}.id, planId, detail, discretionary, subjects] END AS failure`;

/** A gap rule: what it checks, how much a failure matters, and the statements that check it. */
export interface RuleDefinition {
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
  /** Which links make an item pass, and whose: the item's own, its parents' within the plan, the plan's. */
  counts: string;
  /**
   * The statement over the whole graph, the one over a scope ($planIds, $organisationIds), which
   * starts from its index, and, for a rule the gap state keeps item by item, each item's row over
   * the whole graph or for the items in $ids (see ruleStatements).
   */
  statements: { wholeGraph: Statement; inScope: Statement; eachItem?: { wholeGraph: Statement; byId: Statement } };
}

// Every statement returns: node, planId, passes, detail, discretionary, subjects (the ids the
// row counts against in coverage: plan, top-level priorities, authority, inspection report).
export const rules: RuleDefinition[] = [
  {
    code: 'PRIORITY_WITHOUT_ACTIONS',
    severity: 'HIGH',
    title: 'Priority with no actions',
    explanation:
      'A priority nothing is done about. It needs at least one action under it; a council-wide priority may instead be served by what other plans do for it or for the priorities under it.',
    counts:
      'Actions anywhere under the priority. For a council priority, also links from other plans and their items saying they contribute to it or to a priority or objective under it; suggestions nobody has accepted do not count.',
    statements: ruleStatements(
      'gaps.priorityWithoutActions',
      'plan',
      (scope) => `${scope.items('p', 'Priority')}
       WITH p, EXISTS { (p)-[:${PLAN_HIERARCHY}*1..4]->(:Action) } AS hasActions,
            // A council-wide outcome is often served through the priorities under it.
            p.corporate = true AND EXISTS { (p)-[:${placing('Priority', 'Objective')}*0..3]->(sub)<-[c:CONTRIBUTES_TO]-(by:Entity) WHERE ${ACCEPTED('c')} AND ${IN_FORCE('by')} } AS servedByOthers
       ${scope.end(
         'p',
         `p.planId AS planId, hasActions OR servedByOthers AS passes,
              CASE WHEN p.corporate = true THEN 'No action under it, and nothing contributes to it or to the priorities under it.' ELSE 'No action under it.' END AS detail,
              false AS discretionary, ${PLACEMENT('p')} AS subjects`,
       )}`,
    ),
  },
  {
    code: 'ACTION_WITHOUT_MEASURE',
    severity: 'MEDIUM',
    title: 'Action with no outcome measure',
    explanation: 'Nobody can tell whether the action works: no measure is recorded for it.',
    counts: "The action's own measures only: a measure of the objective or priority above it says how that is going, not the action.",
    statements: ruleStatements(
      'gaps.actionWithoutMeasure',
      'plan',
      (scope) => `${scope.items('a', 'Action')}
       ${scope.end(
         'a',
         `a.planId AS planId,
              EXISTS { (a)-[m:MEASURED_BY]->(:Measure) WHERE ${ACCEPTED('m')} } AS passes,
              'No outcome measure.' AS detail, false AS discretionary, ${PLACEMENT('a')} AS subjects`,
       )}`,
    ),
  },
  {
    code: 'ACTION_WITHOUT_STATUTORY_BASIS',
    severity: 'HIGH',
    title: 'Action with no statutory basis',
    explanation:
      'Neither the action nor the objective or priority above it gives effect to an Act, regulation or statutory guidance. Actions marked discretionary are listed for information only.',
    counts:
      "The action's own links to the law and those of the objective and priority above it; the plan's links do not count, and suggestions nobody has accepted do not count. Actions whose basis comes only from above are listed under “Statutory basis only inherited”.",
    statements: ruleStatements(
      'gaps.actionWithoutStatutoryBasis',
      'plan',
      (scope) => `${scope.items('a', 'Action')}
       WITH a, EXISTS {
              (a)<-[:${PLAN_HIERARCHY}*0..4]-(x)-[g:GIVES_EFFECT_TO]->(law)
              WHERE NOT x:Plan AND ${ACCEPTED('g')}
                AND (law.kind IN ${STATUTORY} OR EXISTS { (au:Authority)-[:HAS_PROVISION]->(law) WHERE au.kind IN ${STATUTORY} })
            } AS passes
       // What the action does give effect to is read only for those that fail.
       WITH a, passes, CASE WHEN passes THEN [] ELSE [(a)<-[:${PLAN_HIERARCHY}*0..4]-(x)-[g:GIVES_EFFECT_TO]->(law) WHERE NOT x:Plan AND ${ACCEPTED('g')} | law] END AS bases
       ${scope.end(
         'a',
         `a.planId AS planId, passes,
              CASE WHEN passes THEN null WHEN size(bases) = 0 THEN 'Gives effect to no authority.'
                   ELSE 'Gives effect only to ' + ${TITLES_WITH_KINDS('bases')} + ', which is not statute.' END AS detail,
              coalesce(a.discretionary, false) AS discretionary, ${PLACEMENT('a')} AS subjects`,
       )}`,
    ),
  },
  {
    code: 'ACTION_RELIES_ON_INHERITED_BASIS',
    severity: 'INFO',
    title: 'Statutory basis only inherited',
    explanation:
      'The action has a statutory basis only because the objective or priority above it gives effect to the law; nothing links the action itself to it. Listed for information: check that the law really applies to this action.',
    counts:
      "Checks actions with a statutory basis from above; the action's own links to an Act, regulation or statutory guidance (or a provision of one) make it pass.",
    statements: ruleStatements(
      'gaps.actionReliesOnInheritedBasis',
      'plan',
      (scope) => `${scope.items('a', 'Action')}
       WITH a, [(a)<-[:${PLAN_HIERARCHY}*1..4]-(x)-[g:GIVES_EFFECT_TO]->(law)
                WHERE NOT x:Plan AND ${ACCEPTED('g')}
                  AND (law.kind IN ${STATUTORY} OR EXISTS { (au:Authority)-[:HAS_PROVISION]->(law) WHERE au.kind IN ${STATUTORY} }) | law] AS found
       WHERE size(found) > 0
       // Each law once, though the objective and the priority above may both give effect to it.
       WITH a, reduce(seen = [], law IN found | CASE WHEN law IN seen THEN seen ELSE seen + law END) AS inherited
       WITH a, inherited, EXISTS {
              (a)-[g:GIVES_EFFECT_TO]->(law)
              WHERE ${ACCEPTED('g')} AND (law.kind IN ${STATUTORY} OR EXISTS { (au:Authority)-[:HAS_PROVISION]->(law) WHERE au.kind IN ${STATUTORY} })
            } AS passes
       ${scope.end(
         'a',
         `a.planId AS planId, passes,
              'Its statutory basis comes from above it: ' + ${TITLES_WITH_KINDS('inherited')} + '.' AS detail,
              false AS discretionary, ${PLACEMENT('a')} AS subjects`,
       )}`,
    ),
  },
  {
    code: 'ACTION_WITHOUT_OWNER',
    severity: 'MEDIUM',
    title: 'Action with no accountable owner',
    explanation: 'No role or body answers for the action: neither it nor the objective or priority above it has an owner.',
    counts: 'Owners of the action itself and of the objective and priority above it; an owner of the whole plan does not count.',
    statements: ruleStatements(
      'gaps.actionWithoutOwner',
      'plan',
      (scope) => `${scope.items('a', 'Action')}
       ${scope.end(
         'a',
         `a.planId AS planId,
              EXISTS { (a)<-[:${PLAN_HIERARCHY}*0..4]-(x)-[o:OWNED_BY]->() WHERE NOT x:Plan AND ${ACCEPTED('o')} } AS passes,
              'No owner.' AS detail, false AS discretionary, ${PLACEMENT('a')} AS subjects`,
       )}`,
    ),
  },
  {
    code: 'MEASURE_WITHOUT_OWNER',
    severity: 'LOW',
    title: 'Performance measure with no owner',
    explanation:
      'A performance measure (one an action, objective or priority is measured by) with nobody answering for it. Context statistics, the figures of needs assessments nobody reports against, are not checked.',
    counts: "An owner of the measure itself, or of an item it measures or that item's objective or priority; an owner of the whole plan does not count.",
    statements: ruleStatements(
      'gaps.measureWithoutOwner',
      'item',
      (scope) => `${scope.of === 'plans' ? ITEMS_IN_PLANS('item') : scope.of === 'ids' ? 'MATCH (m:Entity) WHERE m.id IN $ids AND m:Measure' : ''}
       MATCH (item)-[measured:MEASURED_BY]->(m:Measure)
       WHERE ${IN_FORCE('item')} AND ${HELD('measured')}
       WITH m, collect(DISTINCT item) AS items
       ${scope.end(
         'm',
         `items[0].planId AS planId,
              EXISTS { (m)-[:OWNED_BY]->() } OR any(item IN items WHERE EXISTS { (item)<-[:${PLAN_HIERARCHY}*0..4]-(x)-[:OWNED_BY]->() WHERE NOT x:Plan }) AS passes,
              'No owner on the measure or the items it measures.' AS detail, false AS discretionary,
              COLLECT { UNWIND items AS item RETURN DISTINCT item.planId } AS subjects`,
       )}`,
    ),
  },
  {
    code: 'AUTHORITY_NOT_GIVEN_EFFECT',
    severity: 'HIGH',
    title: 'Duty cited but delivered by nothing',
    explanation: 'A plan cites an Act, regulation, guidance, national policy or framework, but nothing in the plan gives effect to it.',
    counts:
      'Links from the plan itself or anything in it saying it gives effect to the authority or one of its provisions; suggestions nobody has accepted do not count.',
    statements: ruleStatements(
      'gaps.authorityNotGivenEffect',
      'plan',
      (scope) => `${scope.plans('plan')}
       MATCH (plan)-[:CITES]->(au:Authority)
       WHERE au.kind IN ${DELIVERABLE} AND ${HAS_ITEMS('plan')}
       ${scope.end(
         'au',
         `plan.id AS planId,
              EXISTS { (plan)-[:${PLAN_HIERARCHY}*0..5]->(x)-[g:GIVES_EFFECT_TO]->(target) WHERE ${ACCEPTED('g')} AND (target = au OR (au)-[:HAS_PROVISION]->(target)) } AS passes,
              'Cited by ' + plan.title + ' but nothing in it gives effect to it.' AS detail, false AS discretionary,
              [plan.id, au.id] AS subjects`,
       )}`,
    ),
  },
  {
    code: 'NEW_LAW_NOT_GIVEN_EFFECT',
    severity: 'MEDIUM',
    title: 'New law delivered by nothing',
    explanation:
      'A provision inserted into, or brought into force in, an Act or regulations a plan cites (as legislation.gov.uk records it), that nothing in the plan gives effect to yet. Decide whether the plan should deliver it.',
    counts:
      'Each provision an effect brought in (inserted, added or coming into force) under each Act a plan with items cites; it passes when the plan or anything in it gives effect to that provision. Suggestions and retired links do not count.',
    statements: ruleStatements(
      'gaps.newLawNotGivenEffect',
      'plan',
      (scope) => `${scope.plans('plan')}
       MATCH (plan)-[:CITES]->(au:Authority)-[:HAS_PROVISION]->(p:Provision)
       WHERE au.kind IN ${DELIVERABLE} AND ${HAS_ITEMS('plan')}
       // Effects naming the provision itself: new words inside a provision amend it, they are not new law.
       WITH plan, au, p, [(p)<-[:AFFECTS]-(e:Effect) WHERE toLower(e.type) IN ${NEW_LAW} AND p.legislationId IN e.affectedProvisionIds | e] AS brought
       WHERE size(brought) > 0
       WITH plan, au, p, reduce(first = null, e IN brought |
              reduce(earliest = first, day IN coalesce(e.inForceDates, []) | CASE WHEN earliest IS NULL OR day < earliest THEN day ELSE earliest END)) AS since
       // As at a date, only law in force by then was new law to deliver.
       WHERE $asAt IS NULL OR since <= $asAt
       ${scope.end(
         'p',
         `plan.id AS planId,
              EXISTS { (plan)-[:${PLAN_HIERARCHY}*0..5]->(x)-[g:GIVES_EFFECT_TO]->(p) WHERE ${ACCEPTED('g')} } AS passes,
              'New in the ' + au.title + ': ' + coalesce(p.code, p.title) + CASE WHEN since IS NULL THEN ' (in force on a date not yet set)' ELSE ' (in force ' + since + ')' END
                + ', and nothing in ' + plan.title + ' gives effect to it.' AS detail,
              false AS discretionary, [plan.id, au.id] AS subjects`,
       )}`,
    ),
  },
  {
    code: 'EVIDENCE_WITHOUT_RESPONSE',
    severity: 'HIGH',
    title: 'Recommendation or area for improvement with no response',
    explanation: 'Inspection evidence asks for improvement and nothing the council does responds to it.',
    counts:
      'Links from any action, objective or priority saying it responds to this recommendation or area for improvement; a response to the report as a whole does not count.',
    statements: ruleStatements(
      'gaps.evidenceWithoutResponse',
      'item',
      (scope) => `${
        scope.of === 'plans'
          ? // Those of the scope are found from its organisations' reports and its plans' responses, and checked below.
            `CALL () {
                MATCH (o:Organisation)<-[:ABOUT]-(:Evidence)-[:HAS_FINDING*0..3]->(e:Evidence) WHERE o.id IN $organisationIds RETURN e
                UNION
                ${ITEMS_IN_PLANS('x')}
                MATCH (x)-[:RESPONDS_TO]->(e:Evidence) RETURN e
              }
              WITH e WHERE e.kind IN ['RECOMMENDATION', 'AREA_FOR_IMPROVEMENT']`
          : `MATCH (e:${scope.of === 'ids' ? 'Entity) WHERE e.id IN $ids AND e:Evidence AND' : 'Evidence) WHERE'} e.kind IN ['RECOMMENDATION', 'AREA_FOR_IMPROVEMENT']`
      }
       OPTIONAL MATCH (report:Evidence)-[:HAS_FINDING*1..3]->(e) WHERE NOT EXISTS { (:Evidence)-[:HAS_FINDING]->(report) }
       WITH e, coalesce(report, e) AS report
       ${
         scope.of === 'plans'
           ? `WHERE EXISTS { (report)-[:ABOUT]->(o) WHERE o.id IN $organisationIds } OR EXISTS { (x)-[:RESPONDS_TO]->(e) WHERE x.planId IN $planIds }`
           : ''
       }
       ${scope.end(
         'e',
         `null AS planId,
              EXISTS { (x)-[r:RESPONDS_TO]->(e) WHERE ${ACCEPTED('r')} AND ${IN_FORCE('x')} } AS passes,
              CASE e.kind WHEN 'RECOMMENDATION' THEN 'No action responds to this recommendation.' ELSE 'No action responds to this area for improvement.' END AS detail,
              false AS discretionary, [report.id] AS subjects`,
       )}`,
    ),
  },
  {
    code: 'MEASURE_WITHOUT_RECENT_DATA',
    severity: 'MEDIUM',
    title: 'Measure with no recent data',
    explanation:
      'The latest observed figure of a performance measure (projections aside) is more than 3 years old, so it cannot show how things stand now. Context statistics, the figures of needs assessments nobody reports against, are not checked.',
    counts: 'Measures an action, objective or priority is measured by, or that someone owns, and their observed figures.',
    statements: ruleStatements(
      'gaps.measureWithoutRecentData',
      'item',
      (scope) => `${
        {
          plans: `${ITEMS_IN_PLANS('item')} MATCH (item)-[measured:MEASURED_BY]->(m:Measure) WHERE ${IN_FORCE('item')} AND ${HELD('measured')} WITH DISTINCT m`,
          graph: 'MATCH (m:Measure)',
          ids: 'MATCH (m:Entity) WHERE m.id IN $ids AND m:Measure',
        }[scope.of]
      }
       WITH m WHERE ${PERFORMANCE_MEASURE('m')}
       // Projections say nothing about how things stand, so only observed figures count.
       WITH m, [(m)-[:HAS_OBSERVATION]->(o) WHERE o.year IS NOT NULL AND o.year <= $currentYear AND coalesce(o.status, 'ACTUAL') <> 'PROJECTION' | o.year] AS years
       WITH m, CASE WHEN size(years) = 0 THEN null ELSE reduce(latest = 0, year IN years | CASE WHEN year > latest THEN year ELSE latest END) END AS latest
       ${scope.end(
         'm',
         `null AS planId, latest IS NOT NULL AND latest >= $currentYear - $staleAfterYears AS passes,
              CASE WHEN latest IS NULL THEN 'No dated observations.' ELSE 'Latest data is from ' + toString(latest) + '.' END AS detail,
              false AS discretionary, COLLECT { MATCH (item)-[:MEASURED_BY]->(m) RETURN DISTINCT item.planId } AS subjects`,
       )}`,
    ),
  },
  {
    code: 'PRIORITY_NOT_CONTRIBUTING',
    severity: 'MEDIUM',
    title: 'Plan priority serving no council priority',
    explanation: "A plan's top-level priority that contributes to none of the council's corporate priorities, outcomes or vision.",
    counts: "The priority's own links saying it contributes to a council priority, directly or through up to three such links; the plan's links do not count.",
    statements: ruleStatements(
      'gaps.priorityNotContributing',
      'plan',
      (scope) => `${scope.plans('plan')}
       MATCH (plan)-[:HAS_PRIORITY]->(p:Priority)
       WHERE coalesce(p.corporate, false) = false
       ${scope.end(
         'p',
         `plan.id AS planId,
              EXISTS { (p) (()-[c:CONTRIBUTES_TO]->() WHERE ${HELD('c')}){1,3} (corporate:Priority) WHERE corporate.corporate = true } AS passes,
              'Contributes to no council priority.' AS detail, false AS discretionary, [plan.id, p.id] AS subjects`,
       )}`,
    ),
  },
  {
    code: 'LINK_TO_SUPERSEDED_PLAN',
    severity: 'MEDIUM',
    title: 'Link to a superseded or expired plan',
    explanation: 'A current item relies on a plan, or an item of a plan, that has been superseded or has expired.',
    counts: 'Links from a current plan or its items saying they contribute to, are informed by or respond to another plan or its items.',
    statements: ruleStatements(
      'gaps.linkToSupersededPlan',
      'plan',
      (scope) => `${scope.plansAndItems('source')}
       MATCH (source:Entity)-[r:CONTRIBUTES_TO|INFORMED_BY|RESPONDS_TO]->(target:Entity)
       WHERE (source:Plan OR source.planId IS NOT NULL) AND (target:Plan OR target.planId IS NOT NULL) AND ${HELD('r')}
       WITH source, r, target, CASE WHEN source:Plan THEN source.id ELSE source.planId END AS sourcePlanId,
            CASE WHEN target:Plan THEN target.id ELSE target.planId END AS targetPlanId
       MATCH (sourcePlan:Plan {id: sourcePlanId}), (targetPlan:Plan {id: targetPlanId})
       // A current plan: today, one neither superseded nor expired; as at a date, one in force then.
       WHERE CASE WHEN $asAt IS NULL THEN NOT sourcePlan.status IN ['SUPERSEDED', 'EXPIRED'] ELSE ${PLAN_IN_FORCE('sourcePlan')} END
         AND ${HAS_ITEMS('sourcePlan')}
       // As at a date, a plan superseded or expired since was not stale while it was in force.
       WITH source, r, target, sourcePlan, targetPlan,
            (targetPlan.status IN ['SUPERSEDED', 'EXPIRED'] OR EXISTS { (:Plan)-[:SUPERSEDES]->(targetPlan) })
              AND ($asAt IS NULL OR NOT ${PLAN_IN_FORCE('targetPlan')}) AS stale
       ${scope.end(
         'source',
         `sourcePlan.id AS planId, NOT stale AS passes,
              CASE type(r) WHEN 'CONTRIBUTES_TO' THEN 'Contributes to ' WHEN 'INFORMED_BY' THEN 'Informed by ' ELSE 'Responds to ' END
                + CASE WHEN target:Plan THEN target.title ELSE target.title + ', in ' + targetPlan.title END
                + CASE WHEN targetPlan.status = 'EXPIRED' THEN ', which has expired.' ELSE ', which has been superseded.' END AS detail,
              false AS discretionary, [sourcePlan.id] AS subjects`,
       )}`,
    ),
  },
  {
    code: 'LINK_SUSPECT_AFTER_LAW_CHANGE',
    severity: 'HIGH',
    title: 'Link to law that has changed since',
    explanation:
      'An item gives effect to an Act or a provision that has since been repealed, substituted, amended or brought into force (as legislation.gov.uk records it). Review the link: confirm it still holds, move it to the provision that now applies, or retire it.',
    counts:
      'Each link from a plan (with items of its own) or its items giving effect to an Act or provision; it fails while a change to that provision (or to a subsection of it), or to the Act as a whole, dates from after the link was last reviewed and no review named it. Suggestions and retired links are not checked.',
    statements: ruleStatements(
      'gaps.linkSuspectAfterLawChange',
      'plan',
      (scope) => `${scope.plansAndItems('x')}
       MATCH (x:Entity)-[g:GIVES_EFFECT_TO]->(law:Entity)
       WHERE (x.planId IS NOT NULL OR (x:Plan AND ${HAS_ITEMS('x')})) AND ${ACCEPTED('g')} AND ${IN_FORCE('x')}
       WITH x, g, law, CASE WHEN x:Plan THEN x.id ELSE x.planId END AS planId
       // The effects on each Act or provision are read once, for all the links to it.
       WITH law, collect([x, g, planId]) AS links
       WITH law, links, ${EFFECTS_ON('law')} AS onLaw, coalesce([(au:Authority)-[:HAS_PROVISION]->(law) | au][0], law) AS act
       UNWIND links AS link
       WITH link[0] AS x, link[1] AS g, link[2] AS planId, law, act, onLaw
       WITH x, g, law, act, planId, ${UNREVIEWED('g', 'onLaw')} AS effects
       ${scope.end(
         'x',
         `planId, size(effects) = 0 AS passes,
              'Gives effect to ' + CASE WHEN act = law THEN law.title ELSE coalesce(law.code, law.title) + ' of the ' + act.title END + ', since '
                + reduce(s = '', e IN effects | s + CASE WHEN s = '' THEN '' ELSE '; ' END + e.type
                    + CASE WHEN e.affectedProvisions IS NULL OR act <> law THEN '' ELSE ' (' + e.affectedProvisions + ')' END
                    + CASE WHEN e.affectingTitle IS NULL AND e.affectingLegislationId IS NULL THEN '' ELSE ' by ' + coalesce(e.affectingTitle, e.affectingLegislationId) END
                    + coalesce(' ' + e.affectingProvisions, '')
                    + CASE WHEN e.date IS NULL THEN '' ELSE ', ' + e.date END)
                + '.' AS detail,
              false AS discretionary, [planId, x.topPriorityId, act.id] AS subjects`,
       )}`,
    ),
  },
];

/** The plan a node sits in: its planId, or itself for a plan. */
const PLAN_OF = (variable: string) => `coalesce(${variable}.planId, CASE WHEN ${variable}:Plan THEN ${variable}.id END)`;

/**
 * What a write changed can alter ($nodes changed themselves, $ends of changed links, $plans named
 * outright, such as the plan of a deleted item), rules in doubt answered by checking more, never
 * less:
 * - planIds: the plans whose rules kept by plan can read it. Beyond a plan's own items the rules
 *   read contributions, informed-by and response links into its items (contribution chains run
 *   up to three links), the status and items of a plan those link to, and law (its kind,
 *   provisions and effects) that items give effect to or plans cite;
 * - itemIds: the measures and evidence whose rows the rules kept by item can read differently: a
 *   changed measure, an observation's measure, the measures and responses of a changed item or
 *   plan and of the items under it (their owners, and whether they are in force, count),
 *   evidence and a report's findings;
 * - unplaced: whether it touched an item in no plan, which only the whole graph's check sees.
 */
const affected = cypher(
  'gaps.affected',
  `CALL () {
     CALL () {
       UNWIND $plans AS planId RETURN planId
       UNION
       UNWIND $nodes + $ends AS id
       MATCH (n:Entity {id: id})
       RETURN ${PLAN_OF('n')} AS planId
       UNION
       UNWIND $nodes + $ends AS id
       MATCH (n:Entity {id: id})<-[:CONTRIBUTES_TO|INFORMED_BY|RESPONDS_TO*1..3]-(x:Entity)
       RETURN ${PLAN_OF('x')} AS planId
       UNION
       // A plan changed (its status, period, title, what supersedes it): the plans linked to it or its items.
       UNWIND $nodes AS id
       MATCH (plan:Plan {id: id})
       ${UNION_OF([...ITEM_BRANCHES('i', '[plan.id]'), 'RETURN plan AS i'], 'plan')}
       MATCH (i)-[:CONTRIBUTES_TO|INFORMED_BY|RESPONDS_TO|SUPERSEDES]-(y:Entity)
       RETURN ${PLAN_OF('y')} AS planId
       UNION
       // Law changed: the plans citing it, or giving effect to it, its Act or the Act's provisions.
       UNWIND $nodes AS id
       MATCH (law:Entity {id: id}) WHERE law:Authority OR law:Provision
       MATCH (law)<-[:HAS_PROVISION*0..2]-(act:Entity)-[:HAS_PROVISION*0..2]->(related:Entity)
       MATCH (x:Entity)-[:GIVES_EFFECT_TO|CITES]->(related)
       RETURN ${PLAN_OF('x')} AS planId
     }
     WITH planId WHERE planId IS NOT NULL
     RETURN collect(DISTINCT planId) AS planIds
   }
   CALL () {
     UNWIND $nodes + $ends + $plans AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       WITH n WHERE n:Measure RETURN n.id AS itemId
       UNION
       MATCH (m:Measure)-[:HAS_OBSERVATION]->(n) RETURN m.id AS itemId
       UNION
       MATCH (n)-[:${PLAN_HIERARCHY}*0..4]->(:Entity)-[:MEASURED_BY|RESPONDS_TO]->(x:Entity) WHERE x:Measure OR x:Evidence RETURN x.id AS itemId
       UNION
       MATCH (n)-[:HAS_FINDING*0..3]->(e:Evidence) RETURN e.id AS itemId
     }
     RETURN collect(DISTINCT itemId) AS itemIds
   }
   RETURN planIds, itemIds,
          EXISTS { UNWIND $nodes + $ends AS id MATCH (n:Entity {id: id}) WHERE ${UNPLACED_ITEM('n')} } AS unplaced`,
);

/** Links whose ends are read as changed nodes: law's provisions and effects, and what supersedes a plan. */
const LINKS_CHANGING_THEIR_ENDS = new Set(['HAS_PROVISION', 'AFFECTS', 'SUPERSEDES']);

/**
 * The plans (every plan, when it touched an item in no plan) and the measures and evidence whose
 * kept gaps a write's change can alter: see `affected`.
 */
export async function affectedBy(gateway: Gateway, change: GraphChange): Promise<{ plans: string[] | 'every plan'; items: string[] }> {
  const ends = change.links.flatMap(({ from, to }) => [from, to]);
  const nodes = [...change.nodes, ...change.links.filter(({ type }) => LINKS_CHANGING_THEIR_ENDS.has(type)).flatMap(({ from, to }) => [from, to])];
  const [row] = await gateway.read(affected, { nodes: [...new Set(nodes)], ends: [...new Set(ends)], plans: [...new Set(change.plans)] });
  return { plans: row?.unplaced ? 'every plan' : ((row?.planIds as string[] | undefined) ?? []), items: (row?.itemIds as string[] | undefined) ?? [] };
}

/** Every plan's id. */
export async function planIds(gateway: Gateway): Promise<string[]> {
  const [row] = await gateway.read(statements.planIds);
  return (row?.ids as string[] | undefined) ?? [];
}

export const statements = {
  ...Object.fromEntries(
    rules.flatMap(({ code, statements: { wholeGraph, inScope, eachItem } }) => [
      [code, wholeGraph],
      [`${code}_IN_SCOPE`, inScope],
      ...(eachItem ? [[`${code}_EACH_ITEM`, eachItem.wholeGraph] as const, [`${code}_BY_ID`, eachItem.byId] as const] : []),
    ]),
  ),
  planIds: cypher('gaps.planIds', 'MATCH (p:Plan) RETURN collect(p.id) AS ids'),
  affected,
  planOrganisations: cypher(
    'gaps.planOrganisations',
    // No row when there is no such plan.
    `MATCH (plan:Plan {id: $id})
     OPTIONAL MATCH (o:Organisation)-[:PUBLISHES]->(plan)
     OPTIONAL MATCH (o)-[:PART_OF*0..3]->(parent:Organisation)
     RETURN plan.id AS id, collect(DISTINCT parent.id) AS ids`,
  ),
  organisationScope: cypher(
    'gaps.organisationScope',
    `MATCH (o:Organisation {id: $id})
     OPTIONAL MATCH (member:Organisation)-[:PART_OF*0..3]->(o)
     WITH collect(DISTINCT member) AS members
     UNWIND members AS member
     OPTIONAL MATCH (member)-[:PUBLISHES]->(plan:Plan)
     RETURN [m IN members | m.id] AS organisationIds, collect(DISTINCT plan.id) AS planIds`,
  ),
};

/** A failing item as the rules return it: id, planId, detail, discretionary, subjects. */
const Failure = z.tuple([z.string(), z.string().nullable(), z.string().nullable(), z.boolean(), z.array(z.string().nullable())]);
/** What every rule statement returns, checked: the shape is RuleOutcome's (gap-report.ts). */
const RuleOutcomeRow: z.ZodType<RuleOutcome> = z.object({
  checked: z.number(),
  passing: z.number(),
  failing: z.array(Failure),
  bySubject: z.array(z.object({ subject: z.string(), checked: z.number(), passing: z.number() })),
});

interface ResolvedScope {
  planIds: string[] | null;
  organisationIds: string[] | null;
}

const STALE_AFTER_YEARS = 3;

async function resolveScope(gateway: Gateway, scope: ScopeInput | null | undefined): Promise<ResolvedScope> {
  if (scope?.planId && scope.organisationId) {
    throw new ExpectedError('BAD_USER_INPUT', 'scope: give planId or organisationId, not both.', { field: 'scope' });
  }
  if (scope?.planId) {
    const [row] = await gateway.read(statements.planOrganisations, { id: scope.planId });
    if (!row) throw new ExpectedError('NOT_FOUND', `scope.planId: no plan has the id ${scope.planId}.`, { field: 'scope.planId' });
    return { planIds: [scope.planId], organisationIds: row.ids as string[] };
  }
  if (scope?.organisationId) {
    const [row] = await gateway.read(statements.organisationScope, { id: scope.organisationId });
    if (!row)
      throw new ExpectedError('NOT_FOUND', `scope.organisationId: no organisation has the id ${scope.organisationId}.`, { field: 'scope.organisationId' });
    return { planIds: row.planIds as string[], organisationIds: row.organisationIds as string[] };
  }
  return { planIds: null, organisationIds: null };
}

/** The rules with the given codes, or all of them; an unknown code is refused, naming it. */
export function selectRules(codes: string[] | null | undefined): RuleDefinition[] {
  const unknown = codes?.filter((code) => !rules.some((rule) => rule.code === code)) ?? [];
  if (unknown.length) throw new ExpectedError('BAD_USER_INPUT', `codes: unknown gap rule ${unknown.join(', ')}.`, { field: 'codes' });
  return codes?.length ? rules.filter((rule) => codes.includes(rule.code)) : rules;
}

/**
 * Runs the rules (all, or those with the given codes) over the scope, asking for the failing items
 * or the counts per subject. With `asAt` (YYYY-MM-DD, checked by parseAsAt), as on that day:
 * plans and items in force then, links that held then; null is today.
 */
export async function runRules(
  gateway: Gateway,
  scope: ScopeInput | null | undefined,
  codes: string[] | null | undefined,
  wanted: { findings: boolean; bySubject: boolean },
  asAt: string | null = null,
): Promise<{ rule: RuleDefinition; outcome: RuleOutcome }[]> {
  const selected = selectRules(codes);
  return runSelected(gateway, selected, await resolveScope(gateway, scope), wanted, asAt);
}

/**
 * Today's outcome of every rule the gap state keeps plan by plan (ruleStatements) over the plans
 * given (null: the whole graph), with the failing items and the counts per subject.
 */
export function runByPlanRules(gateway: Gateway, planIds: string[] | null): Promise<{ rule: RuleDefinition; outcome: RuleOutcome }[]> {
  const scope = { planIds, organisationIds: planIds && [] };
  return runSelected(
    gateway,
    rules.filter((rule) => !rule.statements.eachItem),
    scope,
    { findings: true, bySubject: true },
    null,
  );
}

const ItemRow = z.object({ id: z.string(), counted: z.boolean(), failure: Failure.nullable() });
/** One checked item's row, as the gap state keeps it: whether it counts as passing, and its failure if it fails. */
export type ItemRow = z.infer<typeof ItemRow>;

/** Today's row of every item the rules kept by item check, over the whole graph or for the measures and evidence in `ids`. */
export function runItemKeptRules(gateway: Gateway, ids: string[] | null): Promise<{ rule: RuleDefinition; rows: ItemRow[] }[]> {
  const params = { ids, asAt: null, currentYear: int(new Date().getFullYear()), staleAfterYears: int(STALE_AFTER_YEARS) };
  return Promise.all(
    rules
      .filter((rule) => rule.statements.eachItem)
      .map(async (rule) => {
        const each = rule.statements.eachItem!;
        const found = await gateway.read(ids ? each.byId : each.wholeGraph, params);
        return { rule, rows: found.map((row) => ItemRow.parse(row)) };
      }),
  );
}

function runSelected(
  gateway: Gateway,
  selected: RuleDefinition[],
  resolved: ResolvedScope,
  wanted: { findings: boolean; bySubject: boolean },
  asAt: string | null,
): Promise<{ rule: RuleDefinition; outcome: RuleOutcome }[]> {
  // As at a date, data is recent or stale as it was in that year.
  const currentYear = asAt ? Number(asAt.slice(0, 4)) : new Date().getFullYear();
  const params = { ...resolved, ...wanted, asAt, currentYear: int(currentYear), staleAfterYears: int(STALE_AFTER_YEARS) };
  const form = resolved.planIds ? 'inScope' : 'wholeGraph';
  // Rules are independent reads, so they run side by side, each in its own read transaction.
  return Promise.all(
    selected.map(async (rule) => {
      const [row] = await gateway.read(rule.statements[form], params);
      return { rule, outcome: RuleOutcomeRow.parse(row) };
    }),
  );
}
