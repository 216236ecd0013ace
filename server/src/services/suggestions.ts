/**
 * Link suggestions: candidate links for an item, from citations of legislation in its own words
 * (the built-in catalogue's finder) and from items worded like it, each with a score and the
 * reason; and a person's decision on each. The statements are queries/suggestions.ts's.
 */
import type { LinkKey } from '../../../schema/graph-model.ts';
import type { User } from '../user.ts';
import type { Gateway, Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphEdge, GraphNode, Suggestion } from '../generated/graphql.ts';
import { findCitations } from '../legislation/catalogue.ts';
import { findLink, recordChange } from '../queries/edit.ts';
import {
  acceptLink,
  authoritiesNamed,
  type SuggestedType,
  similarItems,
  storeSuggestion,
  storedSuggestions,
  storedSuggestionsIn,
  suggestedTypes,
  suggestionItem,
} from '../queries/suggestions.ts';
import { endsHandedOver, requireInScope } from '../queries/scope.ts';
import { deletedMeanwhile, lastLinkDeletion, lockNode, staleVersion } from '../queries/versions.ts';
import { deleteLink } from './editing.ts';

/** Which items may take each kind of suggestion (seed/FORMAT.md's link rules). */
const takes: Record<SuggestedType, string[]> = {
  GIVES_EFFECT_TO: ['Plan', 'Priority', 'Objective', 'Action'],
  CONTRIBUTES_TO: ['Plan', 'Priority', 'Objective', 'Action'],
  CONCERNS: ['Plan', 'Priority', 'Objective', 'Action', 'Evidence', 'Measure'],
  RESPONDS_TO: ['Priority', 'Objective', 'Action'],
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

const verb: Record<SuggestedType, string> = {
  GIVES_EFFECT_TO: 'gives effect to',
  CONTRIBUTES_TO: 'contributes to',
  CONCERNS: 'concerns',
  RESPONDS_TO: 'responds to',
};

const textOf = (node: GraphNode) => `${node.title} ${node.text ?? ''}`;

/** Works out the candidates for an item, strongest first, without storing anything. */
async function candidatesFor(gateway: Gateway, id: string): Promise<{ item: GraphNode; candidates: Candidate[] }> {
  const found = await suggestionItem(gateway, id);
  if (!found) throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field: 'id' });
  const { item } = found;
  const excluded = new Set([...found.linked, ...found.rejected, item.id]);
  const candidates: Candidate[] = [];
  const offer = (candidate: Candidate) => {
    if (!takes[candidate.type].includes(item.label) || excluded.has(candidate.target.id)) return;
    if (candidate.type === 'CONTRIBUTES_TO' && (candidate.target.label !== 'Priority' || !candidate.target.corporate)) return;
    candidates.push(candidate);
  };

  // Legislation the item names in its own words is the strongest evidence of its basis.
  const citations = findCitations(textOf(item));
  if (citations.length) {
    const authorities = await authoritiesNamed(
      gateway,
      citations.map(({ authority }) => authority.id),
      citations.map(({ authority }) => authority.legislationId).filter((value): value is string => Boolean(value)),
    );
    for (const authority of authorities) {
      const citation = citations.find(
        ({ authority: cited }) =>
          cited.id === authority.id || (cited.legislationId && cited.legislationId === (authority.properties as { legislationId?: string }).legislationId),
      );
      offer({ type: 'GIVES_EFFECT_TO', target: authority, score: 1, reason: `Cites “${citation?.matched ?? authority.title}” in its own words.` });
    }
  }

  const words = significantWords(textOf(item)).slice(0, 24);
  if (words.length) {
    const rows = await similarItems(gateway, item.id, words.join(' OR '));
    const best = Math.max(...rows.map(({ score }) => score), 1e-9);
    for (const row of rows) {
      const similar = row.node;
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
      for (const type of suggestedTypes) {
        for (const target of row.linked[type])
          offer({ type, target, score: 0.75 * similarity, reason: `Worded like “${similar.title}” (matching words: ${words}), which ${verb[type]} it.` });
      }
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
    await requireInScope(tx, user, [item.id]);
    const stored: Suggestion[] = [];
    for (const candidate of chosen) {
      const score = Math.round(candidate.score * 1000) / 1000;
      const edge = await storeSuggestion(tx, candidate.type, item.id, candidate.target.id, {
        basis: 'SUGGESTED',
        score,
        rationale: candidate.reason,
        by: 'Link suggestions',
        at,
      });
      stored.push({ edge, target: candidate.target, score, reason: candidate.reason });
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

/** Accepts a suggestion: it becomes a CURATED link with a rationale and who accepted it. */
export async function acceptSuggestion(gateway: Gateway, user: User, link: LinkKey, version: number | null, rationale?: string | null): Promise<GraphEdge> {
  const { from, type, to } = link;
  return gateway.writeTransaction(async (tx) => {
    await lockNode(tx, from);
    await requireInScope(tx, user, [from]);
    // Accepting a response to a report makes the report the responder's too: it must be theirs already, or no one's.
    await requireInScope(tx, user, await endsHandedOver(tx, [link], new Map()), { unowned: true });
    const match = (await storedSuggestionsIn(tx, from)).map(({ edge }) => edge).find((edge) => edge.type === type && edge.to === to);
    if (!match) throw await suggestionGone(tx, link);
    if (version !== null && match.version !== version) {
      throw staleVersion(`The suggested ${type} link from ${from} to ${to}`, 'version', version, match.version, { by: match.by ?? null, at: match.at ?? null });
    }
    const reason = match.rationale ?? '';
    const at = new Date().toISOString();
    const edge = await acceptLink(tx, link, rationale?.trim() || reason, { by: user.name, at });
    await recordChange(tx, user, {
      operation: 'ACCEPT_SUGGESTION',
      subjectId: from,
      objectId: to,
      linkType: type,
      summary: `Accepted the suggestion that ${from} ${verb[type as SuggestedType] ?? type} ${to}.`,
      why: rationale,
      before: { basis: 'SUGGESTED', reason },
    });
    return edge;
  }, 'suggestions.acceptSuggestion');
}

/**
 * Why a suggestion is not there to decide on: another person accepted or rejected it (CONFLICT,
 * saying who and when), or there never was one (NOT_FOUND).
 */
async function suggestionGone(tx: Tx, link: LinkKey): Promise<ExpectedError> {
  const { from, type, to } = link;
  const what = `The suggestion that ${from} ${verb[type as SuggestedType] ?? type} ${to}`;
  const accepted = await findLink(tx, from, type, to);
  if (accepted) {
    const { edge } = accepted;
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
export async function rejectSuggestion(gateway: Gateway, user: User, link: LinkKey, version: number | null, why?: string | null): Promise<boolean> {
  const stored = await storedSuggestions(gateway, link.from);
  if (!stored.some(({ edge }) => edge.type === link.type && edge.to === link.to)) throw await gateway.readTransaction((tx) => suggestionGone(tx, link));
  return deleteLink(gateway, user, link, version, why, 'REJECT_SUGGESTION');
}
