/**
 * Which organisation a document is by (a plan) or about (an inspection report), inferred from its
 * title and running text when the person importing does not name it: the board or partnership a
 * plan's title names, the health and wellbeing board behind a health and wellbeing strategy, the
 * council an inspection inspects, else the council the text names most often.
 */
import { slugify } from './classify.ts';

export interface InferredOrganisation {
  id: string;
  name: string;
  kind: 'COUNCIL' | 'BOARD' | 'PARTNERSHIP';
  /** Verbatim words of the document the name was inferred from. */
  quote: string;
}

const nameWord = String.raw`(?:[A-Z][\w’'&-]*|and|of|upon|on|the)`;
const councilMention = new RegExp(
  String.raw`\b((?:[A-Z][\w’'-]*\s+)(?:${nameWord}\s+){0,4}?)(County\s+|City\s+|Borough\s+|District\s+|Metropolitan\s+Borough\s+)?Council\b`,
  'g',
);
const bodyMention = new RegExp(String.raw`\b([A-Z][\w’'-]*\s+(?:${nameWord}\s+){0,6}?)(Partnership|Board)\b`, 'g');
/** Words that open a mention without naming a place ("The Council", "Care Council"). */
const notAPlace =
  /^(?:the|a|an|this|our|their|its|county|city|borough|district|town|parish|care|local|each|every|all|new|former|predecessor|unitary|sussex|integrated)$/i;

const tidyName = (value: string) =>
  value
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|The)\s+/, '')
    .trim();

/** Council names in the text with how often each is named, in order of first mention. */
export function councilsNamed(text: string): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(councilMention)) {
    const place = tidyName(match[1]!);
    const first = place.split(' ')[0]!;
    if (!place || notAPlace.test(first)) continue;
    const name = tidyName(`${place} ${match[2] ?? ''}Council`);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}

const mostNamed = (found: { name: string; count: number }[]) =>
  found.reduce<{ name: string; count: number } | undefined>((best, next) => (!best || next.count > best.count ? next : best), undefined);

const organisation = (name: string, kind: InferredOrganisation['kind'], quote: string): InferredOrganisation => ({
  id: `org/${slugify(name, 60)}`,
  name,
  kind,
  quote,
});

/**
 * The organisation behind the document, or undefined when the text does not say.
 *
 * @example inferOrganisation('… Hampshire …', 'Inspection of Hampshire local authority children’s services', true) // Hampshire Council
 */
export function inferOrganisation(text: string, title: string, inspection: boolean): InferredOrganisation | undefined {
  const plain = text.replace(/<[^>]*>/g, ' ');
  const councils = councilsNamed(plain);
  if (inspection) {
    const inspected =
      /\b[Ii]nspection of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|and|upon|on))*?)\s+(?:[Ll]ocal\s+[Aa]uthority|[Ll]ocal\s+[Aa]rea\s+[Pp]artnership|[Cc]ouncil|[Cc]hildren)/.exec(
        `${title}\n${plain.slice(0, 5000)}`,
      ) ?? /\b[Cc]hildren[’']s services in\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*?)\s+(?:are|is)\b/.exec(plain);
    if (inspected) {
      const place = tidyName(inspected[1]!);
      const named = councils.find(({ name }) => name.startsWith(`${place} `));
      return organisation(named?.name ?? `${place} Council`, 'COUNCIL', named?.name ?? inspected[0]!);
    }
    const council = mostNamed(councils);
    return council ? organisation(council.name, 'COUNCIL', council.name) : undefined;
  }
  const titled = [...title.matchAll(bodyMention)].map((match) => tidyName(match[0]!)).find((name) => !notAPlace.test(name.split(' ')[0]!));
  if (titled) return organisation(titled, /partnership$/i.test(titled) ? 'PARTNERSHIP' : 'BOARD', titled);
  const strategy = /^(?:.*?:\s*)?(.+?)\s+(?:joint\s+)?(?:local\s+)?health\s+and\s+well-?being\s+strateg/i.exec(title);
  if (strategy) {
    const place = tidyName(strategy[1]!);
    const board = `${place} Health and Wellbeing Board`;
    const named = new RegExp(`${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\w\\s]{0,30}?Health and Well-?being Board`, 'i').exec(plain);
    const exact = plain.includes(board);
    return organisation(board, 'BOARD', exact ? board : (named?.[0] ?? strategy[0]!));
  }
  const council = mostNamed(councils);
  return council ? organisation(council.name, 'COUNCIL', council.name) : undefined;
}
