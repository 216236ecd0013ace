/**
 * Reading legislation.gov.uk's XML: a namespace-aware DOM (@xmldom/xmldom), and a coded error
 * that names the file and the element at fault. Elements are found by namespace and local
 * name, never by prefix, since a document may bind any prefix (or the default) to a namespace.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { normaliseWhitespace } from '../text.ts';

/** Namespaces of the service's documents (formats/atom.md, the CLML schema). */
export const ns = {
  atom: 'http://www.w3.org/2005/Atom',
  leg: 'http://www.legislation.gov.uk/namespaces/legislation',
  ukm: 'http://www.legislation.gov.uk/namespaces/metadata',
  openSearch: 'http://a9.com/-/spec/opensearch/1.1/',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/** A legislation.gov.uk file that is not what its format promises; `location` names the file or URL. */
export class LegislationDataError extends Error {
  constructor(
    readonly location: string,
    message: string,
  ) {
    super(`${location}: ${message}`);
    this.name = 'LegislationDataError';
  }
}

/** Parses a whole document; malformed XML is refused with its line and column. */
export function parseXml(text: string, location: string): Document {
  if (!text.trim()) throw new LegislationDataError(location, 'the file is empty, not XML');
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const { lineNumber, columnNumber } = ((error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator ?? {}) as {
      lineNumber?: number;
      columnNumber?: number;
    };
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    const where = lineNumber ? ` at line ${lineNumber}, column ${columnNumber}` : '';
    throw new LegislationDataError(location, `not well-formed XML${where}: ${cause.replace(/^fatalError: |^error: /, '')}`);
  }
}

/** The element's children that are elements of the namespace (and local name, if given). */
export function children(parent: Element | Document, namespace: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node: Node | null = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.namespaceURI === namespace && (localName === undefined || element.localName === localName)) out.push(element);
  }
  return out;
}

export const child = (parent: Element | Document, namespace: string, localName: string): Element | undefined => children(parent, namespace, localName)[0];

/** Every descendant element of the namespace and local name, in document order. */
export const descendants = (parent: Element | Document, namespace: string, localName: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS(namespace, localName));

/** The text of an element with runs of white space made one space. */
export const text = (element: Element | undefined): string => normaliseWhitespace(element?.textContent ?? '');

/** An attribute's value, or undefined when it is absent or empty. */
export function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name);
  return value === null || value === undefined || value === '' ? undefined : value;
}

/** `true`/`false` as the schema writes xsd:boolean (also `1`/`0`). */
export function booleanAttribute(element: Element, name: string): boolean | undefined {
  const value = attribute(element, name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/** The element as a person finds it in the file: `<ukm:Effect EffectId="key-1">`. */
export function describe(element: Element, key?: string): string {
  const value = key ? attribute(element, key) : undefined;
  return `<${element.nodeName}${value ? ` ${key}="${value}"` : ''}>`;
}
