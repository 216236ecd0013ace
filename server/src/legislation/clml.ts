/**
 * The sections, regulations, articles, parts and schedules of an item of legislation, with their
 * headings, from its CLML (`https://www.legislation.gov.uk/ukpga/1989/41/data.xml`; formats/xml.md
 * of the data documentation and the CLML schema).
 *
 * Read: the root `Legislation` (namespace `http://www.legislation.gov.uk/namespaces/legislation`)
 * and its `IdURI`; `ukm:Metadata` with `dc:title` and, in `ukm:PrimaryMetadata` or
 * `ukm:SecondaryMetadata`, `ukm:DocumentClassification/ukm:DocumentMainType/@Value`,
 * `ukm:Year/@Value`, `ukm:Number/@Value`; in `Primary` or `Secondary`, `Body` and `Schedules`:
 * every `Part` (its `Number` and `Title`), every `P1` that is a whole section, regulation, article
 * or rule (its `Pnumber`, and the `Title` of the `P1group` around it), and every `Schedule` (its
 * `Number` and `TitleBlock/Title`). A provision is known by its `IdURI` attribute
 * (`http://www.legislation.gov.uk/id/ukpga/1989/41/section/17`), or failing that its `id`
 * (`section-17`); its `Status` ("Repealed", "Prospective") is kept.
 */
import type { Element } from '@xmldom/xmldom';
import { parseLegislationId, topDivision } from './identifiers.ts';
import { attribute, child, describe, LegislationDataError, ns, parseXml, text } from './xml.ts';

export interface ClmlProvision {
  /** Inside the item: `section/17`, `schedule/2`, `part/1`, `regulation/4`. */
  provision: string;
  /** `ukpga/1989/41/section/17` */
  id: string;
  /** `section`, `regulation`, `article`, `rule`, `part` or `schedule`. */
  division: string;
  /** As the item numbers it: "17", "2", "III". */
  number: string;
  /** The heading, or null when the item gives none. */
  title: string | null;
  /** The number and heading as the item prints them: "17 Provision of services for children in need…". */
  heading: string;
  /** "Repealed" or "Prospective" when the revised text says so. */
  status: string | null;
}

export interface ClmlItem {
  /** `ukpga/1989/41` */
  itemId: string;
  title: string;
  documentType: string | null;
  provisions: ClmlProvision[];
}

const wholeDivisions = new Set(['section', 'regulation', 'article', 'rule', 'part', 'schedule']);

/** `section-17` → `section/17`; `schedule-2-paragraph-3` → `schedule/2/paragraph/3`. */
function provisionOfId(id: string): string | null {
  const words = id.split('-');
  if (!words[0] || !wholeDivisions.has(words[0])) return null;
  return words.join('/');
}

function provisionOf(element: Element, itemId: string): string | null {
  const idUri = attribute(element, 'IdURI');
  if (idUri) {
    const ref = parseLegislationId(idUri);
    if (ref?.itemId === itemId) return ref.provision;
  }
  const id = attribute(element, 'id');
  return id ? provisionOfId(id) : null;
}

/** Reads an item's CLML; what it cannot do without is named with the element. */
export function readClml(xml: string, location: string): ClmlItem {
  const document = parseXml(xml, location);
  const root = document.documentElement;
  if (!root || root.namespaceURI !== ns.leg || root.localName !== 'Legislation')
    throw new LegislationDataError(location, `expected a CLML <Legislation> root (namespace ${ns.leg}), found ${root ? describe(root) : 'nothing'}`);
  const metadata = child(root, ns.ukm, 'Metadata');
  if (!metadata) throw new LegislationDataError(location, `<Legislation> has no <ukm:Metadata> element (namespace ${ns.ukm})`);
  const idUri = attribute(root, 'IdURI') ?? text(child(metadata, ns.dc, 'identifier'));
  const item = idUri ? parseLegislationId(idUri) : null;
  if (!item) throw new LegislationDataError(location, `<Legislation> has no IdURI attribute naming an item of legislation${idUri ? ` (found ${idUri})` : ''}`);
  const title = text(child(metadata, ns.dc, 'title'));
  if (!title) throw new LegislationDataError(location, '<ukm:Metadata> has no <dc:title> element');
  const kindMetadata = child(metadata, ns.ukm, 'PrimaryMetadata') ?? child(metadata, ns.ukm, 'SecondaryMetadata');
  const mainType = kindMetadata ? child(child(kindMetadata, ns.ukm, 'DocumentClassification') ?? kindMetadata, ns.ukm, 'DocumentMainType') : undefined;
  const content = child(root, ns.leg, 'Primary') ?? child(root, ns.leg, 'Secondary');
  if (!content) throw new LegislationDataError(location, '<Legislation> has neither a <Primary> nor a <Secondary> element');

  const provisions = new Map<string, ClmlProvision>();
  const add = (element: Element, numberText: string, title: string | null, status: string | null) => {
    const provision = provisionOf(element, item.itemId);
    if (!provision || provisions.has(provision)) return;
    const division = topDivision(provision);
    // Whole provisions only: a part of a schedule or a paragraph is reached through its schedule.
    if (!division || !wholeDivisions.has(division) || provision.split('/').length > 2) return;
    const number = provision.split('/')[1] ?? '';
    provisions.set(provision, {
      provision,
      id: `${item.itemId}/${provision}`,
      division,
      number,
      title,
      heading: [numberText, title].filter(Boolean).join(' '),
      status,
    });
  };
  for (const element of Array.from(content.getElementsByTagNameNS(ns.leg, '*'))) {
    switch (element.localName) {
      case 'Part':
      case 'Schedule': {
        const titled = element.localName === 'Schedule' ? (child(element, ns.leg, 'TitleBlock') ?? element) : element;
        add(element, text(child(element, ns.leg, 'Number')), text(child(titled, ns.leg, 'Title')) || null, attribute(element, 'Status') ?? null);
        break;
      }
      case 'P1': {
        const group = element.parentNode as Element | null;
        const inGroup = group?.namespaceURI === ns.leg && group.localName === 'P1group';
        const heading = text(child(inGroup ? group! : element, ns.leg, 'Title')) || null;
        const status = attribute(element, 'Status') ?? (inGroup ? attribute(group!, 'Status') : undefined) ?? null;
        add(element, text(child(element, ns.leg, 'Pnumber')), heading, status);
        break;
      }
    }
  }
  return { itemId: item.itemId, title, documentType: attribute(mainType, 'Value') ?? null, provisions: [...provisions.values()] };
}
