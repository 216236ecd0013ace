import { describe, expect, it } from 'vitest';
import { readFeedPage, readStatuteRecords } from './atom.ts';
import { readClml } from './clml.ts';
import { readEffects } from './effects.ts';
import { changesFeed, clmlItem, type FixtureEffect, listingFeed } from './test-fixtures.ts';

describe('the listing feed reader', () => {
  it('reads paging and every entry as a statute record', () => {
    const xml = listingFeed({
      path: 'ukpga/data.feed',
      page: 2,
      morePages: 3,
      totalResults: 4312,
      entries: [
        { id: 'ukpga/1989/41', title: 'Children Act 1989', enacted: '1989-11-16' },
        { id: 'ukpga/1985/67', title: 'Transport Act 1985 (repealed)' },
        { id: 'ukpga/Eliz2/3-4/19', title: 'Air Force Act 1955', year: 'Eliz2/3-4', enacted: '1955-05-06' },
        { id: 'uksi/2015/313', title: 'The Care and Support (Eligibility Criteria) Regulations 2015', isbn: '9780111128312' },
      ],
    });
    const page = readFeedPage(xml, 'ukpga/data.feed');
    expect(page).toMatchObject({ page: 2, morePages: 3, totalResults: 4312, next: 'http://www.legislation.gov.uk/ukpga/data.feed?page=3' });
    const records = readStatuteRecords(page);
    expect(records.map(({ legislationId }) => legislationId)).toEqual(['ukpga/1989/41', 'ukpga/1985/67', 'ukpga/Eliz2/3-4/19', 'uksi/2015/313']);
    expect(records[0]).toEqual({
      legislationId: 'ukpga/1989/41',
      title: 'Children Act 1989',
      type: 'ukpga',
      documentType: 'UnitedKingdomPublicGeneralAct',
      year: 1989,
      number: 41,
      enacted: '1989-11-16',
      isbn: null,
      repealed: false,
      updated: '2024-03-01T10:00:00Z',
    });
    expect(records[1]).toMatchObject({ title: 'Transport Act 1985', repealed: true });
    expect(records[2]).toMatchObject({ year: 1955, number: 19 });
    expect(records[3]).toMatchObject({ type: 'uksi', documentType: 'UnitedKingdomStatutoryInstrument', isbn: '9780111128312', year: 2015 });
  });

  it('reads the elements by namespace, whatever prefix the file binds', () => {
    const xml = listingFeed({ path: 'ukpga/data.feed', entries: [{ id: 'ukpga/2014/23', title: 'Care Act 2014' }] })
      .replaceAll('ukm:', 'meta:')
      .replace('xmlns:ukm=', 'xmlns:meta=');
    expect(readStatuteRecords(readFeedPage(xml, 'f'))[0]).toMatchObject({ legislationId: 'ukpga/2014/23', number: 23 });
  });

  it('names the file and element at fault', () => {
    const good = listingFeed({ path: 'ukpga/data.feed', entries: [{ id: 'ukpga/2014/23', title: 'Care Act 2014' }] });
    expect(() => readStatuteRecords(readFeedPage(good.replace(/<ukm:Number[^>]*\/>/, ''), 'saved/ukpga/data.feed'))).toThrow(
      'saved/ukpga/data.feed: entry 1: (ukpga/2014/23) no <ukm:Number Value="…"> element with a number',
    );
    expect(() => readStatuteRecords(readFeedPage(good.replace(/<id>http:\/\/www.legislation.gov.uk\/id\/ukpga[^<]*<\/id>/, ''), 'f'))).toThrow(
      'f: entry 1: no <id> element',
    );
    expect(() => readFeedPage(good.slice(0, 400), 'cut.feed')).toThrow(/^cut\.feed: not well-formed XML/);
    expect(() => readFeedPage('', 'empty.feed')).toThrow('empty.feed: the file is empty, not XML');
    expect(() => readFeedPage('<rss><channel/></rss>', 'rss.xml')).toThrow('rss.xml: expected an Atom <feed>');
    // Atom elements without the Atom namespace are not Atom.
    expect(() => readFeedPage('<feed><entry/></feed>', 'plain.xml')).toThrow('plain.xml: expected an Atom <feed>');
  });
});

const repeal: FixtureEffect = {
  effectId: 'key-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  type: 'words inserted',
  affected: 'ukpga/1989/41',
  affectedTitle: 'Children Act 1989',
  affectedProvisions: [{ path: 'section/17/6', text: 's. 17(6)' }],
  affecting: 'ukpga/2002/38',
  affectingTitle: 'Adoption and Children Act 2002',
  affectingProvisions: [{ path: 'section/116/1', text: 's. 116(1)' }],
  applied: true,
  inForce: [{ date: '2002-11-07', qualification: 'wholly in force' }],
};

describe('the effects reader', () => {
  it('reads each effect, in an entry or in its content', () => {
    const xml = changesFeed({
      path: 'changes/affected/ukpga/1989/41/data.feed',
      morePages: 1,
      effects: [
        repeal,
        {
          ...repeal,
          effectId: 'key-ffff',
          type: 'repealed',
          affectedProvisions: [
            { path: 'schedule/2/paragraph/3', text: 'Sch. 2 para. 3' },
            { path: 'schedule/2/paragraph/4', text: 'para. 4' },
          ],
          applied: false,
          inForce: [{ prospective: true }, { date: '2025-04-01', qualification: 'for specified purposes' }],
          inContent: true,
        },
      ],
    });
    const page = readFeedPage(xml, 'changes.feed');
    expect(page.morePages).toBe(1);
    const [first, second] = readEffects(page);
    expect(first).toEqual({
      effectId: repeal.effectId,
      type: 'words inserted',
      affectedId: 'ukpga/1989/41',
      affectedTitle: 'Children Act 1989',
      affectedProvisions: 's. 17(6)',
      affectedProvisionIds: ['ukpga/1989/41/section/17/6'],
      affectingId: 'ukpga/2002/38',
      affectingTitle: 'Adoption and Children Act 2002',
      affectingProvisions: 's. 116(1)',
      affectingProvisionIds: ['ukpga/2002/38/section/116/1'],
      inForce: [{ date: '2002-11-07', qualification: 'wholly in force', prospective: false, applied: true }],
      applied: true,
      requiresApplied: true,
      modified: '2024-02-01T09:00:00Z',
      uri: `http://www.legislation.gov.uk/id/effect/${repeal.effectId}`,
    });
    expect(second).toMatchObject({
      type: 'repealed',
      applied: false,
      affectedProvisionIds: ['ukpga/1989/41/schedule/2/paragraph/3', 'ukpga/1989/41/schedule/2/paragraph/4'],
      inForce: [
        { date: null, prospective: true },
        { date: '2025-04-01', qualification: 'for specified purposes', prospective: false },
      ],
    });
  });

  it('names the effect and attribute at fault', () => {
    const xml = changesFeed({ path: 'c', effects: [repeal] });
    expect(() => readEffects(readFeedPage(xml.replace(/ Type="[^"]*"/, ''), 'c.feed'))).toThrow(
      `c.feed: entry 1: <ukm:Effect EffectId="${repeal.effectId}"> has no Type attribute`,
    );
    expect(() => readEffects(readFeedPage(xml.replace(/ Applied="true" RequiresApplied/, ' RequiresApplied'), 'c.feed'))).toThrow(
      'has no Applied attribute of true or false',
    );
    expect(() => readEffects(readFeedPage(xml.replace('Date="2002-11-07"', 'Date="7/11/2002"'), 'c.feed'))).toThrow(
      '<ukm:InForce Date="7/11/2002"> is not a date (YYYY-MM-DD)',
    );
    expect(() => readEffects(readFeedPage(xml.replaceAll('http://www.legislation.gov.uk/namespaces/metadata', 'urn:other'), 'c.feed'))).toThrow(
      'c.feed: entry 1: no <ukm:Effect> element (namespace http://www.legislation.gov.uk/namespaces/metadata)',
    );
  });
});

describe('the CLML reader', () => {
  const act = clmlItem({
    id: 'ukpga/1989/41',
    title: 'Children Act 1989',
    parts: [
      { number: 'I', title: 'Introductory', sections: [{ number: '1', title: 'Welfare of the child.' }] },
      {
        number: 'III',
        title: 'Local Authority Support for Children and Families',
        sections: [
          {
            number: '17',
            title: 'Provision of services for children in need, their families and others.',
            subsections: ['It shall be the general duty…', 'For the purpose…'],
          },
          { number: '17A', title: 'Direct payments.' },
          { number: '20', title: 'Provision of accommodation for children: general.' },
          { number: '21', title: 'Repealed section.', status: 'Repealed' },
        ],
      },
    ],
    schedules: [{ number: '2', title: 'Local Authority Support for Children and Families', paragraphs: 3 }],
  });

  it("lists an Act's parts, sections and schedules with their headings, not their subsections or paragraphs", () => {
    const item = readClml(act, 'ukpga/1989/41/data.xml');
    expect(item).toMatchObject({ itemId: 'ukpga/1989/41', title: 'Children Act 1989', documentType: 'UnitedKingdomPublicGeneralAct' });
    expect(item.provisions.map(({ provision }) => provision)).toEqual([
      'part/I',
      'section/1',
      'part/III',
      'section/17',
      'section/17A',
      'section/20',
      'section/21',
      'schedule/2',
    ]);
    expect(item.provisions[3]).toEqual({
      provision: 'section/17',
      id: 'ukpga/1989/41/section/17',
      division: 'section',
      number: '17',
      title: 'Provision of services for children in need, their families and others.',
      heading: '17 Provision of services for children in need, their families and others.',
      status: null,
    });
    expect(item.provisions[2]).toMatchObject({ division: 'part', number: 'III', heading: 'Part III Local Authority Support for Children and Families' });
    expect(item.provisions[6]).toMatchObject({ status: 'Repealed' });
    expect(item.provisions[7]).toMatchObject({
      division: 'schedule',
      title: 'Local Authority Support for Children and Families',
      heading: 'Schedule 2 Local Authority Support for Children and Families',
    });
  });

  it('lists the regulations of an instrument', () => {
    const regulations = clmlItem({
      id: 'uksi/2015/313',
      title: 'The Care and Support (Eligibility Criteria) Regulations 2015',
      secondary: true,
      parts: [
        {
          number: '1',
          title: 'General',
          sections: [
            { number: '1', title: 'Citation and commencement' },
            { number: '2', title: 'Needs which meet the eligibility criteria: adults who need care and support' },
          ],
        },
      ],
    });
    const item = readClml(regulations, 'r.xml');
    expect(item.documentType).toBe('UnitedKingdomStatutoryInstrument');
    expect(item.provisions.map(({ id }) => id)).toEqual(['uksi/2015/313/part/1', 'uksi/2015/313/regulation/1', 'uksi/2015/313/regulation/2']);
  });

  it('falls back on the id attribute where a provision has no IdURI', () => {
    const item = readClml(act.replace(/ IdURI="http:\/\/www.legislation.gov.uk\/id\/ukpga\/1989\/41\/section\/17"/, ''), 'a.xml');
    expect(item.provisions.map(({ provision }) => provision)).toContain('section/17');
  });

  it('names the file and element at fault', () => {
    expect(() => readClml(act.replace(/<ukm:Metadata[\s\S]*<\/ukm:Metadata>/, ''), 'a.xml')).toThrow('a.xml: <Legislation> has no <ukm:Metadata> element');
    expect(() => readClml(act.replace(/<dc:title>[^<]*<\/dc:title>/, ''), 'a.xml')).toThrow('a.xml: <ukm:Metadata> has no <dc:title> element');
    expect(() =>
      readClml(act.replace(/ IdURI="http:\/\/www.legislation.gov.uk\/id\/ukpga\/1989\/41"/, '').replace(/<dc:identifier>[^<]*<\/dc:identifier>/, ''), 'a.xml'),
    ).toThrow('a.xml: <Legislation> has no IdURI attribute naming an item of legislation');
    expect(() => readClml(act.replace('xmlns="http://www.legislation.gov.uk/namespaces/legislation"', ''), 'a.xml')).toThrow(
      'a.xml: expected a CLML <Legislation> root',
    );
    expect(() => readClml(act.replace('</Body>', ''), 'a.xml')).toThrow(/^a\.xml: not well-formed XML at line \d+/);
  });
});
