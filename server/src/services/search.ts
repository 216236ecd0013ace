/**
 * Search: reads what a person typed (words, words after NOT, citations of Acts and their
 * sections), turns it into a Lucene query, and pages the hits, cited provisions and authorities
 * first. The statements are queries/search.ts's.
 */
import type { Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphNode, MissingProvision, SearchHit, SearchResult } from '../generated/graphql.ts';
import { type CatalogueEntry, legislationCatalogue } from '../legislation/catalogue.ts';
import { findProvisionCitations } from '../legislation/citations.ts';
import { enclosingProvisions, provisionCode, provisionNodeId, provisionOfCode } from '../legislation/identifiers.ts';
import { statuteTitleCandidates, storedCatalogueEntries } from '../legislation/stored-catalogue.ts';
import { type CitedAuthority, citedAuthorities, fullTextHits, wordsHeld } from '../queries/search.ts';
import { normaliseWhitespace } from '../text.ts';
import { isNodeLabel } from '../../../schema/graph-model.ts';

export const MAX_SEARCH_LENGTH = 500;
/** How far into the results paging may go: deep pages of a full-text search are noise. */
export const MAX_SEARCH_OFFSET = 1_000;
const MAX_WORDS = 12;

/** A citation of an Act or other authority recognised in the search text. */
export interface SearchCitation {
  /**
   * The catalogue entries it may name: one, several for a name without its year ("Children Act"),
   * or none for a section with no Act named.
   */
  authorities: CatalogueEntry[];
  /** The provision cited with it: "17", "17(1)", "Part 3"; undefined for the whole authority. */
  section?: string;
  /** Every provision cited with it, as paths inside the authority (`section/17`, `part/1`, `regulation/4`). */
  provisions?: string[];
  /** How it reads: "section 17 of the Children Act 1989". */
  description: string;
}

/** What a search text asks for: words to find, words to leave out and citations. */
export interface SearchTerms {
  words: string[];
  excluded: string[];
  citations: SearchCitation[];
}

const luceneWords = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.toLowerCase());

const sectionWords = /^(?:sections?|sec\.?|ss?\.?)$/i;
/** "s17 Children Act", "section 17 of the Children Act", "Children Act s.17": a provision of an Act named without its year. */
const yearlessBefore =
  /(?<![\p{L}\p{N}])(?:sections?\s*|sec\.\s*|ss?\.\s*|s(?=\d))(\d+[A-Z]?)\s+(?:(?:of|under)\s+)?(?:the\s+)?((?:[\p{L}'’&]+\s+){0,6}?act)(?![\p{L}\p{N}])(?!\s*,?\s*\(?\d{4})/giu;
const yearlessAfter = /(?<![\p{L}\p{N}])((?:[\p{L}'’&]+\s+){1,6}?act)\s*,?\s*\(?(?:section\s*|s\.\s*|s(?=\d))(\d+[A-Z]?)\)?(?![\p{L}\p{N}])/giu;

const sectionAlone = /(?<![\p{L}\p{N}])(?:sections?\s+|sec\.\s*|s\.\s*|s(?=\d))(\d+[A-Z]?)(?![\p{L}\p{N}])/giu;

/** Catalogued Acts whose title without its year is `name` ("Children Act": 1989 and 2004). */
function actsNamed(name: string): CatalogueEntry[] {
  const wanted = normaliseWhitespace(name.toLowerCase().replace(/^the\s+/, ''));
  return legislationCatalogue.filter((entry) => entry.kind === 'ACT' && entry.title.replace(/\s*\d{4}$/, '').toLowerCase() === wanted);
}

/** The shortest tail of `words` naming a catalogued Act ("duties Children Act" → "Children Act"). */
function actNamedAtEnd(words: string): { name: string; entries: CatalogueEntry[] } | null {
  const parts = words.trim().split(/\s+/);
  for (let start = parts.length - 2; start >= 0; start -= 1) {
    const name = parts.slice(start).join(' ');
    const entries = actsNamed(name);
    if (entries.length) return { name, entries };
  }
  return null;
}

/**
 * Finds citations in the search text: those the importer's citation finder recognises ("section 17
 * of the Children Act 1989", "s.1 of the Care Act 2014", "ss. 17 and 20 of …", "reg. 4 of …"),
 * of the built-in catalogue or of `statutes` (the stored catalogue's entries for the text), and a
 * provision of an Act named without its year ("s17 Children Act"), which may name several Acts.
 * Returns them, those after NOT apart, with the text left once they are taken out, so their
 * numbers are not also searched as words.
 */
function takeCitations(text: string, statutes: readonly CatalogueEntry[]): { citations: SearchCitation[]; negated: SearchCitation[]; rest: string } {
  const taken: { from: number; to: number; citation: SearchCitation }[] = [];
  const free = (from: number, to: number) => taken.every((span) => to <= span.from || from >= span.to);
  for (const cited of findProvisionCitations(text, statutes)) {
    const found = cited.citation;
    const description = found.section
      ? `${/^\d/.test(found.section) ? 'section ' : ''}${found.section} of the ${found.authority.title}`
      : cited.provisions.length
        ? `${cited.provisions.map(({ code }) => code).join(', ')} of the ${found.authority.title}`
        : found.authority.title;
    const provisions = cited.provisions.map(({ provision }) => provision);
    taken.push({
      from: Math.min(found.index, cited.index),
      to: Math.max(found.index + found.matched.length, cited.index + cited.matched.length),
      citation: { authorities: [found.authority], section: found.section, description, ...(provisions.length ? { provisions } : {}) },
    });
  }
  for (const match of text.matchAll(yearlessBefore)) {
    const act = actNamedAtEnd(match[2]!);
    if (!act || !free(match.index, match.index + match[0].length)) continue;
    const title = act.entries.length === 1 ? act.entries[0]!.title : act.entries.map((entry) => entry.title).join(' or ');
    taken.push({
      from: match.index,
      to: match.index + match[0].length,
      citation: { authorities: act.entries, section: match[1], description: `section ${match[1]} of the ${title}` },
    });
  }
  for (const match of text.matchAll(yearlessAfter)) {
    const act = actNamedAtEnd(match[1]!);
    if (!act) continue;
    const from = match.index + Math.max(0, match[0].lastIndexOf(act.name, match[1]!.length));
    const to = match.index + match[0].length;
    if (!free(from, to)) continue;
    const title = act.entries.length === 1 ? act.entries[0]!.title : act.entries.map((entry) => entry.title).join(' or ');
    taken.push({ from, to, citation: { authorities: act.entries, section: match[2], description: `section ${match[2]} of the ${title}` } });
  }
  // A section with no Act named ("section 17") is searched as a citation of a section of any
  // Act, never as the bare number, which would match every 17 in the graph.
  for (const match of text.matchAll(sectionAlone)) {
    if (!free(match.index, match.index + match[0].length)) continue;
    taken.push({
      from: match.index,
      to: match.index + match[0].length,
      citation: { authorities: [], section: match[1], description: `section ${match[1]} of any Act` },
    });
  }
  taken.sort((a, b) => a.from - b.from);
  const citations: SearchCitation[] = [];
  const negated: SearchCitation[] = [];
  let rest = '';
  let at = 0;
  for (const span of taken) {
    // "NOT section 17 of the Children Act 1989" leaves out what names the Act (NOT goes with it).
    const not = /(?:^|\s)NOT\s+$/.exec(text.slice(at, span.from));
    (not ? negated : citations).push(span.citation);
    rest += `${text.slice(at, not ? at + not.index : span.from)} `;
    at = span.to;
  }
  return { citations, negated, rest: rest + text.slice(at) };
}

/** The phrases whose presence a citation after NOT leaves out: the Acts' titles, or the section. */
function citationPhrases({ authorities, section }: SearchCitation): string[] {
  if (authorities.length) return authorities.map((entry) => luceneWords(entry.title).join(' '));
  return section ? [`section ${luceneWords(section)[0]}`] : [];
}

/**
 * Reads what a person typed: citations of Acts (see takeCitations), then words. Only letters and
 * digits survive as words, so no input can inject Lucene syntax. AND, OR and NOT typed in capitals
 * are a search engine's operators, not words: AND and OR join words (all words already rank above
 * any one), and NOT leaves out what has the word after it. `statutes` are the stored statute
 * catalogue's entries for names in the text, resolved beside the built-in catalogue. Returns null
 * when there is nothing to search for.
 */
export function readSearchText(text: string, statutes: readonly CatalogueEntry[] = []): SearchTerms | null {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new ExpectedError('BAD_USER_INPUT', `text is too long: ${text.length} characters, at most ${MAX_SEARCH_LENGTH}.`, { field: 'text' });
  }
  const { citations, negated: negatedCitations, rest } = takeCitations(text, statutes);
  const words: string[] = [];
  const excluded: string[] = negatedCitations.flatMap(citationPhrases);
  let negated = false;
  for (const token of rest.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (token === 'AND' || token === 'OR') continue;
    if (token === 'NOT') {
      negated = true;
      continue;
    }
    (negated ? excluded : words).push(token.toLowerCase());
    negated = false;
  }
  // A lone "s" or "section" left beside a citation is part of how it was written, not a word.
  const searched = (citations.length ? words.filter((word) => !sectionWords.test(word)) : words).slice(0, MAX_WORDS);
  if (searched.length === 0 && citations.length === 0) return null;
  return { words: searched, excluded: excluded.slice(0, MAX_WORDS), citations };
}

/** How many edits a close match may make: none for short words, as a search engine's "auto" does. */
export function closeMatchEdits(word: string): number {
  if (/^\p{N}+$/u.test(word) || word.length < 3) return 0;
  return word.length <= 5 ? 1 : 2;
}

/**
 * The Lucene query for `terms`. Ranks the exact phrase first, then all words, then any word, with
 * the last word also matched as a prefix for search-as-you-type. A word in `close` (one the
 * indexes do not hold) is matched as a fuzzy term at a lower boost instead, so exact matches of
 * the other words still rank first. A citation matches text naming the authority, and ranks text
 * naming the provision with it higher.
 */
export function toLuceneQuery(terms: SearchTerms, close: ReadonlySet<string> = new Set()): string {
  const { words, excluded, citations } = terms;
  const clauses: string[] = [];
  for (const citation of citations) {
    const names = citation.authorities.map((entry) => `"${luceneWords(entry.title).join(' ')}"`);
    const named = names.length === 1 ? names[0]! : `(${names.join(' OR ')})`;
    if (citation.section) {
      const [first, ...more] = luceneWords(citation.section);
      const provision = /^\p{N}/u.test(first!) ? `("section ${first}" OR "s ${first}" OR s${first})` : `"${[first, ...more].join(' ')}"`;
      clauses.push(names.length ? `(${named} AND ${provision})^6` : `${provision}^3`);
    }
    if (names.length) clauses.push(`${named}^3`);
  }
  if (words.length) {
    const term = (word: string) => (close.has(word) ? `${word}~${closeMatchEdits(word)}` : word);
    const exact = words.filter((word) => !close.has(word));
    if (exact.length > 1) clauses.push(`"${exact.join(' ')}"^4`);
    if (words.length > 1) clauses.push(`(${words.map(term).join(' AND ')})^2`);
    clauses.push(...words.map((word) => (close.has(word) ? `${term(word)}^0.5` : word)));
    const last = words.at(-1)!;
    if (last.length >= 3 && !close.has(last)) clauses.push(`${last}*`);
  }
  const query = clauses.join(' OR ');
  return excluded.length ? `+(${query}) -(${excluded.map((phrase) => (phrase.includes(' ') ? `"${phrase}"` : phrase)).join(' ')})` : query;
}

/** The query that tells whether the indexes hold `word` (as a prefix too, when it is the last). */
const wordProbe = (word: string, last: boolean) => (last && word.length >= 3 ? `${word} OR ${word}*` : word);

/** A provision's code or a cited section in one form: "s.17", "section 17" and "17" are all "17". */
export const provisionKey = (code: string) => normaliseWhitespace(code.toLowerCase().replace(/^\s*(?:sections?|sec\.?|ss?\.?)\s*(?=\d)/, ''));

/** The provision paths a citation names: those read with it, else its section ("17" → `section/17`). */
function citedPaths({ provisions, section }: SearchCitation): string[] {
  if (provisions?.length) return provisions;
  const path = section ? provisionOfCode(/^\d/.test(section) ? `s.${section}` : section) : null;
  return path ? [path] : [];
}

/** The graph's authorities for a catalogue entry: those with its id (first) or its legislation.gov.uk id. */
const rowsFor = (rows: CitedAuthority[], entry: CatalogueEntry) =>
  rows
    .filter(({ id, legislationId }) => id === entry.id || (entry.legislationId && legislationId === entry.legislationId))
    .sort((a, b) => Number(b.id === entry.id) - Number(a.id === entry.id));

/** The provisions of a held authority that are `path`, as search matches them (by code read as a path, or a section's number). */
function heldAt(row: CitedAuthority, path: string, section?: string): GraphNode[] {
  return row.provisions
    .filter(({ code }) => code && (provisionOfCode(code) === path || (section && provisionKey(code) === provisionKey(section))))
    .map(({ node }) => node);
}

/**
 * A citation of one provision that findProvisionCitations reads back as that provision: "s.17ZZ of
 * the Children Act 1989", "paragraph 3 of Schedule 2 to the …".
 */
export function provisionCitation(code: string, title: string): string {
  const paragraph = /^(Schedule \S+) paragraph (.+)$/.exec(code);
  return paragraph ? `paragraph ${paragraph[2]} of ${paragraph[1]} to the ${title}` : `${code} of the ${title}`;
}

/** The provision `citation` names, as linkToCitedProvision writes it: its authority (held or catalogued) and whether the graph holds it. */
export interface ResolvedProvision {
  entry: CatalogueEntry;
  /** The citation's words for the authority ("Children Act 1989"), the Authority's `citedAs` if it is created. */
  citedAs: string;
  /** The provision path inside the authority: `section/17ZZ`. */
  provision: string;
  code: string;
  /** The graph's authority, or null when only the catalogue knows it. */
  authority: GraphNode | null;
  /** The graph's provision, or null when it does not hold it yet. */
  held: GraphNode | null;
}

/**
 * Reads a citation of exactly one provision of a catalogued authority (the built-in or the stored
 * catalogue), and finds what the graph holds of it. Refuses (BAD_USER_INPUT, field `citation`) a
 * citation naming no known authority, none of its provisions, or several.
 */
export async function resolveProvisionCitation(gateway: Gateway, citation: string): Promise<ResolvedProvision> {
  const text = normaliseWhitespace(citation);
  const refuse = (message: string) => new ExpectedError('BAD_USER_INPUT', `citation: ${message}`, { field: 'citation' });
  if (!text) throw refuse('must not be empty');
  if (text.length > MAX_SEARCH_LENGTH) throw refuse(`is too long: ${text.length} characters, at most ${MAX_SEARCH_LENGTH}.`);
  const cited = findProvisionCitations(text, await storedCatalogueEntries(gateway, statuteTitleCandidates(text)));
  if (!cited.length) throw refuse(`“${text}” names no Act or other authority the catalogue knows; cite one as “s.17 of the Children Act 1989”.`);
  const named = cited.flatMap((found) => found.provisions.map((provision) => ({ found, provision })));
  if (!named.length)
    throw refuse(`“${text}” names the ${cited[0]!.authority.title} but none of its provisions; cite one as “s.17 of the ${cited[0]!.authority.title}”.`);
  if (named.length > 1) throw refuse(`“${text}” names ${named.length} provisions (${named.map(({ provision }) => provision.code).join(', ')}); cite one.`);
  const { found, provision } = named[0]!;
  const entry = found.authority;
  const [row] = rowsFor(await citedAuthorities(gateway, [entry.id], entry.legislationId ? [entry.legislationId] : []), entry);
  return {
    entry,
    citedAs: normaliseWhitespace(found.citation.matched),
    provision: provision.provision,
    code: provision.code,
    authority: row?.authority ?? null,
    held: row ? (heldAt(row, provision.provision)[0] ?? null) : null,
  };
}

/**
 * The cited provisions, then the cited authorities the graph holds, most specific first. A
 * provision is found by its code read as a path ("s.17", "Part 1", "regulation 4"); a cited
 * subsection the graph does not hold finds the section it is in. Also the provisions cited of
 * one known authority that the graph does not hold, for an editor to add.
 */
async function citedNodes(gateway: Gateway, citations: SearchCitation[]): Promise<{ nodes: GraphNode[]; missing: MissingProvision[] }> {
  const entries = citations.flatMap(({ authorities }) => authorities);
  if (!entries.length) return { nodes: [], missing: [] };
  const rows = await citedAuthorities(
    gateway,
    entries.map(({ id }) => id),
    entries.flatMap(({ legislationId }) => (legislationId ? [legislationId] : [])),
  );
  const provisions: GraphNode[] = [];
  const authorities: GraphNode[] = [];
  const missing: MissingProvision[] = [];
  for (const citation of citations) {
    const { authorities: cited, section } = citation;
    for (const entry of cited) {
      const held = rowsFor(rows, entry);
      for (const row of held) {
        const paths = row.provisions.map((provision) => ({ ...provision, path: provision.code ? provisionOfCode(provision.code) : null }));
        for (const path of citedPaths(citation)) {
          const exact = heldAt(row, path, section);
          const enclosing = exact.length
            ? []
            : paths.filter((provision) => provision.path && enclosingProvisions(path).includes(provision.path)).map(({ node }) => node);
          provisions.push(...exact, ...enclosing);
        }
        authorities.push(row.authority);
      }
      // Only a citation of one authority says which Act a provision the graph lacks is in.
      if (cited.length !== 1) continue;
      const authority = held[0]?.authority;
      const authorityId = authority?.id ?? entry.id;
      const legislationId = (authority?.properties as { legislationId?: string } | undefined)?.legislationId ?? entry.legislationId;
      for (const path of citedPaths(citation)) {
        if (held.some((row) => heldAt(row, path, section).length)) continue;
        const code = provisionCode(path);
        missing.push({
          citation: provisionCitation(code, authority?.title ?? entry.title),
          code,
          id: provisionNodeId(authorityId, path),
          authorityId,
          authorityTitle: authority?.title ?? entry.title,
          authorityHeld: Boolean(authority),
          legislationId: legislationId ? `${legislationId}/${path}` : null,
        });
      }
    }
  }
  const seen = new Set<string>();
  return {
    nodes: [...provisions, ...authorities].filter(({ id }) => !seen.has(id) && Boolean(seen.add(id))),
    missing: missing.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id))),
  };
}

/**
 * Search hits for `text`, best first: `first` of them from `offset`, optionally only of the given
 * labels. Cited provisions and authorities come first; words the graph does not hold as typed
 * are matched as close matches and named in `closeMatches`.
 */
export async function search(gateway: Gateway, text: string, labels: string[] | null, first: number, offset = 0): Promise<SearchResult> {
  const unknown = labels?.filter((label) => !isNodeLabel(label)) ?? [];
  if (unknown.length) {
    throw new ExpectedError('BAD_USER_INPUT', `labels: unknown label ${unknown.join(', ')}`, { field: 'labels' });
  }
  if (offset > MAX_SEARCH_OFFSET) {
    throw new ExpectedError('BAD_USER_INPUT', `offset must be at most ${MAX_SEARCH_OFFSET.toLocaleString('en-GB')}.`, { field: 'offset' });
  }
  const statutes = text.length <= MAX_SEARCH_LENGTH ? await storedCatalogueEntries(gateway, statuteTitleCandidates(text)) : [];
  const terms = readSearchText(text, statutes);
  const empty = { query: '', hits: [], hasMore: false, nextOffset: null, closeMatches: [], citations: [], missingProvisions: [] };
  if (!terms) return empty;

  const probes = terms.words.map((word, index) => ({ word, query: wordProbe(word, index === terms.words.length - 1) }));
  const found = await wordsHeld(gateway, probes);
  const close = new Set(terms.words.filter((word) => !found.has(word) && closeMatchEdits(word) > 0));
  const query = toLuceneQuery(terms, close);

  const { nodes, missing } = await citedNodes(gateway, terms.citations);
  const cited = nodes.filter((node) => !labels?.length || labels.includes(node.label));
  const pinned: SearchHit[] = cited.map((node) => ({ node, score: 0, excerpt: null, plan: null }));
  // One more than the page is asked for, to tell whether another page follows.
  const wanted = Math.max(1, offset + first + 1 - pinned.length);
  // Each index offers a few more hits than asked for, as a node can be hit twice (its title and
  // an excerpt) and observations' excerpts are dropped; more when only some labels are wanted.
  const candidates = labels?.length ? wanted * 5 : wanted * 2;
  const matched = await fullTextHits(gateway, {
    query,
    excluded: terms.excluded,
    labels: labels?.length ? labels : null,
    pinned: pinned.map(({ node }) => node.id),
    first: wanted,
    candidates,
  });
  // Cited items rank above every text match, the most specific first.
  const top = matched[0]?.score ?? 0;
  pinned.forEach((hit, index) => (hit.score = top + pinned.length - index));
  const all = [...pinned, ...matched];
  const hits = all.slice(offset, offset + first);
  const hasMore = all.length > offset + first && offset + first < MAX_SEARCH_OFFSET;
  return {
    query,
    hits,
    hasMore,
    nextOffset: hasMore ? offset + first : null,
    closeMatches: [...close],
    citations: terms.citations.map(({ description }) => description),
    missingProvisions: !labels?.length || labels.includes('Provision') ? missing : [],
  };
}
