/**
 * The suggestions family: candidate links for an item, from citations of legislation in its own
 * words and from items worded like it (Neo4j's full-text index), each with a score and the reason.
 * Suggestions are stored as SUGGESTED links, which count for nothing until a person accepts them.
 */
import { z } from 'zod';
import type { User } from '../auth.ts';
import { cypher, type Gateway, type Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphEdge, GraphNode, Suggestion } from '../generated/graphql.ts';
import { findCitations } from '../legislation/catalogue.ts';
import type { RelationshipType } from '../../../schema/graph-model.ts';
import { deleteLink, recordChange, statements as editStatements } from './edit.ts';
import { deletedMeanwhile, lastLinkDeletion, lockNode, STAMP_LINK, staleVersion } from './versions.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

/** Link type a suggestion makes, by what it points at. */
type SuggestedType = Extract<RelationshipType, 'GIVES_EFFECT_TO' | 'CONTRIBUTES_TO' | 'CONCERNS' | 'RESPONDS_TO'>;
const suggestedTypes: SuggestedType[] = ['GIVES_EFFECT_TO', 'CONTRIBUTES_TO', 'CONCERNS', 'RESPONDS_TO'];

/** Which items may take each kind of suggestion (seed/FORMAT.md's link rules). */
const takes: Record<SuggestedType, string[]> = {
  GIVES_EFFECT_TO: ['Plan', 'Priority', 'Objective', 'Action'],
  CONTRIBUTES_TO: ['Plan', 'Priority', 'Objective', 'Action'],
  CONCERNS: ['Plan', 'Priority', 'Objective', 'Action', 'Evidence', 'Measure'],
  RESPONDS_TO: ['Priority', 'Objective', 'Action'],
};

const ACCEPTED = (variable: string) => `coalesce(${variable}.basis, 'STATED') <> 'SUGGESTED'`;

const storeLink = Object.fromEntries(
  suggestedTypes.map((type) => [
    type,
    cypher(
      `suggestions.store.${type}`,
      `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
       MERGE (a)-[r:${type}]->(b)
       ON CREATE SET r = $props, r.version = 1
       RETURN ${EDGE('r')} AS edge`,
    ),
  ]),
) as Record<SuggestedType, ReturnType<typeof cypher>>;

export const statements = {
  ...Object.fromEntries(Object.entries(storeLink).map(([type, statement]) => [`store.${type}`, statement])),
  item: cypher(
    'suggestions.item',
    `MATCH (n:Entity {id: $id})
     RETURN ${NODE('n')} AS node,
            [(n)-[r]->(m:Entity) | m.id] AS linked,
            COLLECT { MATCH (c:Change {subjectId: $id}) WHERE c.operation = 'REJECT_SUGGESTION' RETURN c.objectId } AS rejected`,
  ),
  authorities: cypher('suggestions.authorities', `MATCH (a:Authority) WHERE a.id IN $ids OR a.legislationId IN $legislationIds RETURN ${NODE('a')} AS node`),
  similar: cypher(
    'suggestions.similar',
    `CALL db.index.fulltext.queryNodes('item_text', $query, {limit: 60}) YIELD node, score
     WHERE node.id <> $id AND (node:Priority OR node:Objective OR node:Action OR node:Theme OR node:Evidence)
     RETURN ${NODE('node')} AS node, score,
            [(node)-[g:GIVES_EFFECT_TO]->(a:Authority) WHERE ${ACCEPTED('g')} | ${NODE('a')}] AS authorities,
            [(node)-[c:CONTRIBUTES_TO]->(p:Priority) WHERE ${ACCEPTED('c')} AND p.corporate = true | ${NODE('p')}] AS priorities,
            [(node)-[c:CONCERNS]->(t:Theme) WHERE ${ACCEPTED('c')} | ${NODE('t')}] AS themes,
            [(node)-[r:RESPONDS_TO]->(e:Evidence) WHERE ${ACCEPTED('r')} | ${NODE('e')}] AS evidence`,
  ),
  // Suggestions an import made from a citation carry no score: a citation is the strongest reason.
  stored: cypher(
    'suggestions.stored',
    `MATCH (n:Entity {id: $id})-[r]->(target:Entity)
     WHERE r.basis = 'SUGGESTED'
     RETURN ${EDGE('r')} AS edge, ${NODE('target')} AS target, coalesce(r.score, 1.0) AS score
     ORDER BY score DESC`,
  ),
  accept: cypher(
    'suggestions.accept',
    `MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to})
     WHERE type(r) = $type AND r.basis = 'SUGGESTED'
     SET r.basis = 'CURATED', r.rationale = $rationale, r.by = $by, r.at = $at, r.suggestedBecause = r.rationale, ${STAMP_LINK('r')}
     RETURN ${EDGE('r')} AS edge`,
  ),
};

const stopWords = new Set(
  'the and for with from that this will our their they them its into onto have has are was were been being which who whom what when where how all any each other such more most also than then there these those over under about across through within without between make made ensure work working support services service council people'.split(
    ' ',
  ),
);

/** Significant words of a text, lower case, singular-ish, for matching and for the search query. */
export function significantWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((word) => word.length > 2 && !stopWords.has(word)).map((word) => word.replace(/(?<=[a-z]{3})s$/, '')))];
}

/** The words two texts share, in the first text's order. */
export function sharedWords(a: string, b: string): string[] {
  const other = new Set(significantWords(b));
  return significantWords(a).filter((word) => other.has(word));
}

interface Candidate {
  type: SuggestedType;
  target: GraphNode;
  score: number;
  reason: string;
}

const Similar = z.object({
  node: z.unknown(),
  score: z.number(),
  authorities: z.array(z.unknown()),
  priorities: z.array(z.unknown()),
  themes: z.array(z.unknown()),
  evidence: z.array(z.unknown()),
});

const verb: Record<SuggestedType, string> = {
  GIVES_EFFECT_TO: 'gives effect to',
  CONTRIBUTES_TO: 'contributes to',
  CONCERNS: 'concerns',
  RESPONDS_TO: 'responds to',
};

const textOf = (node: GraphNode) => `${node.title} ${node.text ?? ''}`;

/** Works out the candidates for an item, strongest first, without storing anything. */
async function candidatesFor(gateway: Gateway, id: string): Promise<{ item: GraphNode; candidates: Candidate[] }> {
  const [found] = await gateway.read(statements.item, { id });
  if (!found) throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field: 'id' });
  const item = toNode(found.node);
  const excluded = new Set([...(found.linked as string[]), ...(found.rejected as string[]), item.id]);
  const candidates: Candidate[] = [];
  const offer = (candidate: Candidate) => {
    if (!takes[candidate.type].includes(item.label) || excluded.has(candidate.target.id)) return;
    if (candidate.type === 'CONTRIBUTES_TO' && (candidate.target.label !== 'Priority' || !candidate.target.corporate)) return;
    candidates.push(candidate);
  };

  // Legislation the item names in its own words is the strongest evidence of its basis.
  const citations = findCitations(textOf(item));
  if (citations.length) {
    const rows = await gateway.read(statements.authorities, {
      ids: citations.map(({ authority }) => authority.id),
      legislationIds: citations.map(({ authority }) => authority.legislationId).filter((value): value is string => Boolean(value)),
    });
    for (const authority of rows.map((row) => toNode(row.node))) {
      const citation = citations.find(
        ({ authority: cited }) =>
          cited.id === authority.id || (cited.legislationId && cited.legislationId === (authority.properties as { legislationId?: string }).legislationId),
      );
      offer({ type: 'GIVES_EFFECT_TO', target: authority, score: 1, reason: `Cites “${citation?.matched ?? authority.title}” in its own words.` });
    }
  }

  const words = significantWords(textOf(item)).slice(0, 24);
  if (words.length) {
    const rows = (await gateway.read(statements.similar, { id: item.id, query: words.join(' OR ') })).map((row) => Similar.parse(row));
    const best = Math.max(...rows.map(({ score }) => score), 1e-9);
    for (const row of rows) {
      const similar = toNode(row.node);
      const similarity = row.score / best;
      const matching = sharedWords(textOf(item), textOf(similar));
      if (matching.length === 0) continue;
      const words = matching.slice(0, 6).join(', ');
      // Themes, council priorities and evidence worded like the item are candidates themselves.
      if (similar.label === 'Theme') offer({ type: 'CONCERNS', target: similar, score: 0.9 * similarity, reason: `Matching words: ${words}.` });
      if (similar.label === 'Priority' && similar.corporate)
        offer({ type: 'CONTRIBUTES_TO', target: similar, score: 0.8 * similarity, reason: `Matching words: ${words}.` });
      if (similar.label === 'Evidence') offer({ type: 'RESPONDS_TO', target: similar, score: 0.7 * similarity, reason: `Matching words: ${words}.` });
      // What items worded like it are linked to, they may share.
      const via = (type: SuggestedType, targets: unknown[]) =>
        targets
          .map(toNode)
          .forEach((target) =>
            offer({ type, target, score: 0.75 * similarity, reason: `Worded like “${similar.title}” (matching words: ${words}), which ${verb[type]} it.` }),
          );
      via('GIVES_EFFECT_TO', row.authorities);
      via('CONTRIBUTES_TO', row.priorities);
      via('CONCERNS', row.themes);
      via('RESPONDS_TO', row.evidence);
    }
  }

  // One suggestion per target: the strongest reason for it.
  const strongest = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = `${candidate.type} ${candidate.target.id}`;
    if ((strongest.get(key)?.score ?? -1) < candidate.score) strongest.set(key, candidate);
  }
  return { item, candidates: [...strongest.values()].sort((a, b) => b.score - a.score || a.target.id.localeCompare(b.target.id)) };
}

/** Works out the strongest `first` candidates for an item and stores them as SUGGESTED links. */
export async function suggestLinks(gateway: Gateway, user: User, id: string, first: number): Promise<Suggestion[]> {
  const { item, candidates } = await candidatesFor(gateway, id);
  const chosen = candidates.slice(0, first);
  const at = new Date().toISOString();
  return gateway.writeTransaction(async (tx) => {
    const stored: Suggestion[] = [];
    for (const candidate of chosen) {
      const score = Math.round(candidate.score * 1000) / 1000;
      const [row] = await tx.run(storeLink[candidate.type], {
        from: item.id,
        to: candidate.target.id,
        props: { basis: 'SUGGESTED', score, rationale: candidate.reason, by: 'Link suggestions', at },
      });
      stored.push({ edge: toEdge(row!.edge), target: candidate.target, score, reason: candidate.reason });
    }
    await recordChange(tx, user, {
      operation: 'SUGGEST_LINKS',
      subjectId: item.id,
      summary: `Suggested ${stored.length} links for “${item.title}”.`,
      after: stored.map(({ edge }) => edge.id),
    });
    return stored;
  }, 'suggestions.suggestLinks');
}

const StoredRow = z.object({ edge: z.unknown(), target: z.unknown(), score: z.number() });

/** The stored suggestions for an item, strongest first. */
export async function storedSuggestions(gateway: Gateway, id: string): Promise<Suggestion[]> {
  const rows = (await gateway.read(statements.stored, { id })).map((row) => StoredRow.parse(row));
  return rows.map(({ edge, target, score }) => {
    const link = toEdge(edge);
    return { edge: link, target: toNode(target), score, reason: link.rationale ?? '' };
  });
}

/** Accepts a suggestion: it becomes a CURATED link with a rationale and who accepted it. */
export async function acceptSuggestion(
  gateway: Gateway,
  user: User,
  from: string,
  type: string,
  to: string,
  version: number | null,
  rationale?: string | null,
): Promise<GraphEdge> {
  return gateway.writeTransaction(async (tx) => {
    await lockNode(tx, from);
    const match = (await tx.run(statements.stored, { id: from }))
      .map((row) => toEdge(StoredRow.parse(row).edge))
      .find((edge) => edge.type === type && edge.to === to);
    if (!match) throw await suggestionGone(tx, from, type, to);
    if (version !== null && match.version !== version) {
      throw staleVersion(`The suggested ${type} link from ${from} to ${to}`, 'version', version, match.version, { by: match.by ?? null, at: match.at ?? null });
    }
    const reason = match.rationale ?? '';
    const at = new Date().toISOString();
    const [row] = await tx.run(statements.accept, { from, to, type, rationale: rationale?.trim() || reason, by: user.name, at });
    await recordChange(tx, user, {
      operation: 'ACCEPT_SUGGESTION',
      subjectId: from,
      objectId: to,
      linkType: type,
      summary: `Accepted the suggestion that ${from} ${verb[type as SuggestedType] ?? type} ${to}.`,
      why: rationale,
      before: { basis: 'SUGGESTED', reason },
    });
    return toEdge(row!.edge);
  }, 'suggestions.acceptSuggestion');
}

/**
 * Why a suggestion is not there to decide on: another person accepted or rejected it (CONFLICT,
 * saying who and when), or there never was one (NOT_FOUND).
 */
async function suggestionGone(tx: Tx, from: string, type: string, to: string): Promise<ExpectedError> {
  const what = `The suggestion that ${from} ${verb[type as SuggestedType] ?? type} ${to}`;
  const [accepted] = await tx.run(editStatements.findLink, { from, to, type });
  if (accepted) {
    const edge = toEdge((accepted as { edge: unknown }).edge);
    return new ExpectedError('CONFLICT', `${what} was already accepted${edge.by ? ` by ${edge.by}` : ''}${edge.at ? ` at ${edge.at}` : ''}.`, {
      field: 'to',
      changedBy: edge.by,
      changedAt: edge.at,
    });
  }
  const rejected = await lastLinkDeletion(tx, from, type, to);
  if (rejected) return deletedMeanwhile(what, 'to', rejected);
  return new ExpectedError('NOT_FOUND', `There is no suggested ${type} link from ${from} to ${to}.`);
}

/** Rejects a suggestion: the link goes, and the rejection keeps it from being suggested again. */
export async function rejectSuggestion(
  gateway: Gateway,
  user: User,
  from: string,
  type: string,
  to: string,
  version: number | null,
  why?: string | null,
): Promise<boolean> {
  const stored = await storedSuggestions(gateway, from);
  if (!stored.some(({ edge }) => edge.type === type && edge.to === to)) throw await gateway.readTransaction((tx) => suggestionGone(tx, from, type, to));
  return deleteLink(gateway, user, from, type, to, version, why, 'REJECT_SUGGESTION');
}
