/**
 * legislation.gov.uk's Atom feeds (formats/atom.md of its data documentation): one page of a
 * listing or of changes, with its paging, and the statute catalogue's entries read from a
 * listing such as `https://www.legislation.gov.uk/ukpga/data.feed`.
 *
 * Read from the feed: `leg:page` (this page's number), `leg:morePages` (pages left),
 * `openSearch:totalResults`, `link rel="next"`; per entry `id` (the identifier URI,
 * `http://www.legislation.gov.uk/id/ukpga/1985/67`), `title`, `updated`,
 * `ukm:DocumentMainType/@Value` (`UnitedKingdomPublicGeneralAct`), `ukm:Year/@Value`,
 * `ukm:Number/@Value`, `ukm:CreationDate/@Date` and `ukm:ISBN/@Value`. Wholly repealed Acts keep
 * their entry, with "(repealed)" after the title.
 */
import type { Element } from '@xmldom/xmldom';
import { parseLegislationId } from './identifiers.ts';
import { attribute, child, children, describe, LegislationDataError, ns, parseXml, text } from './xml.ts';

/** One page of a feed, its entries still as elements for the reader of their kind. */
export interface FeedPage {
  location: string;
  page: number;
  /** Pages left after this one, as the service estimates it (0 on the last page). */
  morePages: number;
  totalResults: number | null;
  /** The next page's address, when the feed gives one. */
  next: string | null;
  entries: Element[];
}

export function readFeedPage(xml: string, location: string): FeedPage {
  const document = parseXml(xml, location);
  const feed = document.documentElement;
  if (!feed || feed.namespaceURI !== ns.atom || feed.localName !== 'feed')
    throw new LegislationDataError(location, `expected an Atom <feed> (namespace ${ns.atom}), found ${feed ? describe(feed) : 'nothing'}`);
  const number = (element: Element | undefined) => {
    const value = text(element);
    return /^\d+$/.test(value) ? Number(value) : null;
  };
  const page = number(child(feed, ns.leg, 'page'));
  const next = children(feed, ns.atom, 'link').find((link) => attribute(link, 'rel') === 'next');
  return {
    location,
    page: page ?? 1,
    morePages: number(child(feed, ns.leg, 'morePages')) ?? 0,
    totalResults: number(child(feed, ns.openSearch, 'totalResults')),
    next: attribute(next, 'href') ?? null,
    entries: children(feed, ns.atom, 'entry'),
  };
}

/** An item of the statute book as a listing describes it. */
export interface StatuteRecord {
  /** `ukpga/1989/41` */
  legislationId: string;
  title: string;
  /** Short type code: `ukpga`, `uksi`, … */
  type: string;
  /** `UnitedKingdomPublicGeneralAct`, … */
  documentType: string;
  /** The calendar year (of the title, or of enactment for regnal-year Acts). */
  year: number | null;
  /** The chapter or SI number. */
  number: number;
  /** Enacted or made, `YYYY-MM-DD`. */
  enacted: string | null;
  isbn: string | null;
  /** The service marks a wholly repealed item "(repealed)". */
  repealed: boolean;
  /** When the service last changed the item. */
  updated: string | null;
}

/** Reads every entry of a listing page as a statute record; a missing element is named with its entry. */
export function readStatuteRecords(page: FeedPage): StatuteRecord[] {
  return page.entries.map((entry, index) => {
    const where = `entry ${index + 1}`;
    const fault = (message: string) => new LegislationDataError(page.location, `${where}: ${message}`);
    const idText = text(child(entry, ns.atom, 'id'));
    if (!idText) throw fault('no <id> element');
    const ref = parseLegislationId(idText);
    if (!ref || ref.provision) throw fault(`<id> is not an item of legislation: ${idText}`);
    const rawTitle = text(child(entry, ns.atom, 'title'));
    if (!rawTitle) throw fault(`(${ref.itemId}) no <title> element`);
    const value = (localName: string, name = 'Value') => {
      const element = child(entry, ns.ukm, localName);
      return element ? attribute(element, name) : undefined;
    };
    const documentType = value('DocumentMainType');
    if (!documentType) throw fault(`(${ref.itemId}) no <ukm:DocumentMainType Value="…"> element`);
    const numberText = value('Number');
    if (!numberText || !/^\d+$/.test(numberText)) throw fault(`(${ref.itemId}) no <ukm:Number Value="…"> element with a number`);
    const repealed = /\s*\(repealed(?:[^)]*)?\)\s*$/i.test(rawTitle);
    const title = rawTitle.replace(/\s*\(repealed(?:[^)]*)?\)\s*$/i, '');
    const enacted = value('CreationDate', 'Date') ?? null;
    const yearText = value('Year');
    const titleYear = /((?:1[2-9]|20)\d\d)\)?$/.exec(title)?.[1];
    const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : titleYear ? Number(titleYear) : enacted ? Number(enacted.slice(0, 4)) : null;
    return {
      legislationId: ref.itemId,
      title,
      type: ref.type,
      documentType,
      year,
      number: Number(numberText),
      enacted,
      isbn: value('ISBN') ?? null,
      repealed,
      updated: text(child(entry, ns.atom, 'updated')) || null,
    };
  });
}
