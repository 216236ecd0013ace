/**
 * Files in legislation.gov.uk's documented formats, written by the tests themselves (no network):
 * a listing feed and a changes feed (Atom, formats/atom.md) and an item's CLML (formats/xml.md),
 * with the service's namespaces, attributes and nesting, for the readers, the fetcher and the
 * update to read as they would read the service's answers.
 */

const SITE = 'http://www.legislation.gov.uk';
const NAMESPACES =
  'xmlns="http://www.w3.org/2005/Atom" xmlns:leg="http://www.legislation.gov.uk/namespaces/legislation" ' +
  'xmlns:ukm="http://www.legislation.gov.uk/namespaces/metadata" xmlns:openSearch="http://a9.com/-/spec/opensearch/1.1/" ' +
  'xmlns:parameters="http://a9.com/-/spec/opensearch/extensions/parameters/1.0/"';

export const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ListingEntry {
  id: string;
  title: string;
  documentType?: string;
  year?: string;
  number?: string;
  enacted?: string;
  isbn?: string;
}

const mainTypes: Record<string, string> = { ukpga: 'UnitedKingdomPublicGeneralAct', uksi: 'UnitedKingdomStatutoryInstrument' };

/** One page of a listing such as `https://www.legislation.gov.uk/ukpga/data.feed`. */
export function listingFeed(options: { path: string; page?: number; morePages?: number; totalResults?: number; entries: ListingEntry[] }): string {
  const { path, page = 1, morePages = 0, totalResults = options.entries.length, entries } = options;
  const body = entries
    .map((entry) => {
      const parts = entry.id.split('/');
      const [type, number, year] = [parts[0], parts.at(-1), parts.slice(1, -1).join('/')];
      return `
  <entry>
    <id>${SITE}/id/${entry.id}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="self" href="${SITE}/id/${entry.id}"/>
    <link href="${SITE}/${entry.id}"/>
    <link rel="alternate" type="application/xml" href="${SITE}/${entry.id}/data.xml" title="XML"/>
    <link rel="http://purl.org/dc/terms/tableOfContents" type="application/xml" href="${SITE}/${entry.id}/contents"/>
    <author><name/></author>
    <updated>2024-03-01T10:00:00Z</updated>
    <published>2010-07-21T01:00:00+01:00</published>
    <ukm:DocumentMainType Value="${entry.documentType ?? mainTypes[type!] ?? 'UnitedKingdomPublicGeneralAct'}"/>
    <ukm:Year Value="${entry.year ?? year}"/>
    <ukm:Number Value="${entry.number ?? number}"/>
    ${entry.isbn ? `<ukm:ISBN Value="${entry.isbn}"/>` : ''}
    <ukm:CreationDate Date="${entry.enacted ?? `${year}-11-16`}"/>
    <summary>An Act to make provision.</summary>
  </entry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed ${NAMESPACES}>
  <id>${SITE}/${path}</id>
  <link rel="self" type="application/atom+xml" href="${SITE}/${path}?page=${page}"/>
  <link rel="first" type="application/atom+xml" href="${SITE}/${path}"/>
  ${morePages > 0 ? `<link rel="next" type="application/atom+xml" href="${SITE}/${path}?page=${page + 1}"/>` : ''}
  <title>Search Results</title>
  <updated>2024-03-01T10:00:00Z</updated>
  <author><name>legislation.gov.uk</name></author>
  <openSearch:itemsPerPage>${entries.length}</openSearch:itemsPerPage>
  <openSearch:startIndex>1</openSearch:startIndex>
  <leg:page>${page}</leg:page>
  <leg:morePages>${morePages}</leg:morePages>
  <openSearch:totalResults>${totalResults}</openSearch:totalResults>${body}
</feed>
`;
}

export interface FixtureEffect {
  effectId: string;
  type: string;
  affected: string;
  affectedTitle: string;
  /** Provision paths (`section/17/6`) and how the effect prints them (`s. 17(6)`). */
  affectedProvisions: { path: string; text: string }[];
  affecting: string;
  affectingTitle: string;
  affectingProvisions: { path: string; text: string }[];
  applied: boolean;
  inForce: { date?: string; qualification?: string; prospective?: boolean }[];
  modified?: string;
  /** The documentation's example puts the effect in `<content type="text/xml">`; the service's feeds put it in the entry. */
  inContent?: boolean;
}

const sections = (item: string, provisions: { path: string; text: string }[]) =>
  provisions
    .map(({ path, text }) => `<ukm:Section Ref="${path.replace(/\//g, '-')}" URI="${SITE}/id/${item}/${path}">${escapeXml(text)}</ukm:Section>`)
    .join('');

/** One page of a changes feed such as `https://www.legislation.gov.uk/changes/affected/ukpga/1989/41/data.feed`. */
export function changesFeed(options: { path: string; page?: number; morePages?: number; effects: FixtureEffect[] }): string {
  const { path, page = 1, morePages = 0, effects } = options;
  const entries = effects
    .map((effect) => {
      const [, year, number] = effect.affected.split('/');
      const [, affectingYear, affectingNumber] = effect.affecting.split('/');
      const modified = effect.modified ?? '2024-02-01T09:00:00Z';
      const inForce = effect.inForce
        .map(
          (item) =>
            `<ukm:InForce Applied="${effect.applied}"${item.date ? ` Date="${item.date}"` : ''}${item.prospective ? ' Prospective="true"' : ''} Qualification="${escapeXml(item.qualification ?? '')}"/>`,
        )
        .join('');
      const element = `<ukm:Effect EffectId="${effect.effectId}" AffectedClass="UnitedKingdomPublicGeneralAct" AffectedURI="${SITE}/id/${effect.affected}" AffectingURI="${SITE}/id/${effect.affecting}" AffectingClass="UnitedKingdomPublicGeneralAct" URI="${SITE}/id/effect/${effect.effectId}" Row="12" Type="${escapeXml(effect.type)}" Applied="${effect.applied}" RequiresApplied="true" AffectedProvisions="${escapeXml(effect.affectedProvisions.map(({ text }) => text).join(' '))}" AffectingEffectsExtent="Same as affected" AffectingYear="${affectingYear}" AffectingNumber="${affectingNumber}" AffectingProvisions="${escapeXml(effect.affectingProvisions.map(({ text }) => text).join(' '))}" AffectedYear="${year}" AffectedNumber="${number}" Modified="${modified}">
        <ukm:AffectedTitle>${escapeXml(effect.affectedTitle)}</ukm:AffectedTitle>
        <ukm:AffectedProvisions>${sections(effect.affected, effect.affectedProvisions)}</ukm:AffectedProvisions>
        <ukm:AffectingTitle>${escapeXml(effect.affectingTitle)}</ukm:AffectingTitle>
        <ukm:AffectingProvisions>${sections(effect.affecting, effect.affectingProvisions)}</ukm:AffectingProvisions>
        <ukm:InForceDates>${inForce}</ukm:InForceDates>
      </ukm:Effect>`;
      return `
  <entry>
    <id>${SITE}/changes/affected/${effect.affected}/affecting/${effect.affecting}/${effect.effectId}/modified/${modified}</id>
    <title>${escapeXml(effect.affectingTitle)} effect on ${escapeXml(effect.affectedTitle)}</title>
    <updated>${modified}</updated>
    <author><name>editorial.legislation.gov.uk</name></author>
    ${effect.inContent ? `<content type="text/xml">${element}</content>` : element}
  </entry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed ${NAMESPACES}>
  <link rel="self" type="application/atom+xml" href="${SITE}/${path}?results-count=500&amp;sort=modified"/>
  <updated>2024-03-01T10:00:00Z</updated>
  <title>Changes to Legislation</title>
  <openSearch:itemsPerPage>500</openSearch:itemsPerPage>
  <openSearch:startIndex>1</openSearch:startIndex>
  <openSearch:Query role="request"> </openSearch:Query>
  <leg:page>${page}</leg:page>
  <leg:morePages>${morePages}</leg:morePages>
  <openSearch:totalResults>${effects.length}</openSearch:totalResults>${entries}
</feed>
`;
}

export interface FixtureSection {
  number: string;
  title: string;
  subsections?: string[];
  status?: string;
}

/** An item's CLML (`https://www.legislation.gov.uk/ukpga/1989/41/data.xml`): parts of sections, then schedules. */
export function clmlItem(options: {
  id: string;
  title: string;
  secondary?: boolean;
  parts: { number: string; title: string; sections: FixtureSection[] }[];
  schedules?: { number: string; title: string; paragraphs: number }[];
}): string {
  const { id, title, secondary = false, parts, schedules = [] } = options;
  const [, year, number] = id.split('/');
  const division = secondary ? 'regulation' : 'section';
  const p1 = (section: FixtureSection) => `
          <P1group${section.status ? ` Status="${section.status}"` : ''} RestrictExtent="E+W" RestrictStartDate="1991-10-14">
            <Title>${escapeXml(section.title)}</Title>
            <P1 DocumentURI="${SITE}/${id}/${division}/${section.number}" IdURI="${SITE}/id/${id}/${division}/${section.number}" id="${division}-${section.number}">
              <Pnumber><CommentaryRef Ref="c1"/>${section.number}</Pnumber>
              <P1para>${(section.subsections ?? ['The text of the provision.'])
                .map(
                  (text, index) => `
                <P2 DocumentURI="${SITE}/${id}/${division}/${section.number}/${index + 1}" IdURI="${SITE}/id/${id}/${division}/${section.number}/${index + 1}" id="${division}-${section.number}-${index + 1}">
                  <Pnumber>${index + 1}</Pnumber>
                  <P2para><Text>${escapeXml(text)}</Text></P2para>
                </P2>`,
                )
                .join('')}
              </P1para>
            </P1>
          </P1group>`;
  const body = parts
    .map(
      (part) => `
      <Part DocumentURI="${SITE}/${id}/part/${part.number}" IdURI="${SITE}/id/${id}/part/${part.number}" id="part-${part.number}" NumberOfProvisions="${part.sections.length}">
        <Number>Part ${part.number}</Number>
        <Title>${escapeXml(part.title)}</Title>
        <Pblock id="part-${part.number}-crossheading-general">
          <Title>General</Title>${part.sections.map(p1).join('')}
        </Pblock>
      </Part>`,
    )
    .join('');
  const scheduleXml = schedules
    .map(
      (schedule) => `
      <Schedule DocumentURI="${SITE}/${id}/schedule/${schedule.number}" IdURI="${SITE}/id/${id}/schedule/${schedule.number}" id="schedule-${schedule.number}">
        <Number>Schedule ${schedule.number}</Number>
        <TitleBlock><Title>${escapeXml(schedule.title)}</Title></TitleBlock>
        <ScheduleBody>${Array.from(
          { length: schedule.paragraphs },
          (_, index) => `
          <P1group><Title>Paragraph heading</Title>
            <P1 DocumentURI="${SITE}/${id}/schedule/${schedule.number}/paragraph/${index + 1}" IdURI="${SITE}/id/${id}/schedule/${schedule.number}/paragraph/${index + 1}" id="schedule-${schedule.number}-paragraph-${index + 1}">
              <Pnumber>${index + 1}</Pnumber><P1para><Text>Paragraph text.</Text></P1para>
            </P1>
          </P1group>`,
        ).join('')}
        </ScheduleBody>
      </Schedule>`,
    )
    .join('');
  const kind = secondary ? 'Secondary' : 'Primary';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Legislation xmlns="http://www.legislation.gov.uk/namespaces/legislation" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" DocumentURI="${SITE}/${id}" IdURI="${SITE}/id/${id}" NumberOfProvisions="${parts.reduce((sum, part) => sum + part.sections.length, 0)}" xsi:schemaLocation="http://www.legislation.gov.uk/namespaces/legislation http://www.legislation.gov.uk/schema/legislation.xsd" SchemaVersion="1.0" RestrictExtent="E+W" RestrictStartDate="2024-01-01">
  <ukm:Metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:ukm="http://www.legislation.gov.uk/namespaces/metadata">
    <dc:identifier>${SITE}/${id}</dc:identifier>
    <dc:title>${escapeXml(title)}</dc:title>
    <dc:type>text</dc:type>
    <dc:format>text/xml</dc:format>
    <dc:language>en</dc:language>
    <dc:publisher>Statute Law Database</dc:publisher>
    <dc:modified>2024-02-01</dc:modified>
    <dct:valid>2024-01-01</dct:valid>
    <atom:link rel="self" href="${SITE}/${id}/data.xml" type="application/xml"/>
    <ukm:${kind}Metadata>
      <ukm:DocumentClassification>
        <ukm:DocumentCategory Value="${secondary ? 'secondary' : 'primary'}"/>
        <ukm:DocumentMainType Value="${secondary ? 'UnitedKingdomStatutoryInstrument' : 'UnitedKingdomPublicGeneralAct'}"/>
        <ukm:DocumentStatus Value="revised"/>
      </ukm:DocumentClassification>
      <ukm:Year Value="${year}"/>
      <ukm:Number Value="${number}"/>
      <ukm:EnactmentDate Date="${year}-11-16"/>
    </ukm:${kind}Metadata>
  </ukm:Metadata>
  <${kind} xmlns:leg="http://www.legislation.gov.uk/namespaces/legislation">
    <Body DocumentURI="${SITE}/${id}/body" IdURI="${SITE}/id/${id}/body">${body}
    </Body>
    ${schedules.length ? `<Schedules DocumentURI="${SITE}/${id}/schedules" IdURI="${SITE}/id/${id}/schedules"><Title>SCHEDULES</Title>${scheduleXml}</Schedules>` : ''}
  </${kind}>
</Legislation>
`;
}
