/**
 * Deterministic synthetic councils for the benchmark, as the same GraphBatch the seed loader
 * produces (server/src/import/seed-files.ts), so they are written by loadBatch exactly like real
 * data: every node has `id` and `title` and a SOURCED_FROM link to its document with a section
 * and an excerpt that the document's text contains; every link carries `basis`, `by`, `at` and
 * `documentId`; hierarchy children carry `position`; CURATED links carry a rationale.
 *
 * The proportions follow the seed data. Each council has a corporate plan with 4-6 corporate
 * priorities and four strategies (children's and adults' services and two more), each with
 * 4-6 priorities, 1-3 objectives per priority and 5-10 actions per priority and per objective;
 * about 40% of actions are measured, 70% of priorities and actions have an owner, 60% give
 * effect to an authority; every plan has a needs assessment of local statistics; two
 * inspections (Ofsted, CQC) with judgements, findings and recommendations that some actions
 * respond to. That is about 5,000 nodes per council. Authorities, themes and inspectorates are
 * shared by all councils, as they are in reality.
 *
 * Ids start with `bench-c<index>/` (a council) or `bench-shared/`, so the benchmark can remove
 * exactly what it wrote.
 */
import { recordPlacement, type GraphBatch, type GraphLink, type GraphNode } from '../server/src/import/seed-files.ts';
import { mulberry32 } from '../client/src/graph/synthetic.ts';
import type { Basis, NodeLabel, RelationshipType } from '../schema/graph-model.ts';
import {
  actionQualifiers,
  actionVerbs,
  authorities,
  breakdowns,
  compass,
  corporatePriorities,
  councilKinds,
  domains,
  evidenceSentences,
  grades,
  inspections,
  optionalDomains,
  partners,
  placeEnds,
  placeStarts,
  themes,
  wardWords,
  type AuthorityWords,
  type Domain,
  type DomainKey,
  type MeasureWords,
} from './vocabulary.ts';

/** Every id the benchmark writes starts with this. */
export const BENCH_PREFIX = 'bench-';

/** A small, fast, seedable generator (mulberry32): the same seed always gives the same data. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick,
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
      }
      return pool.slice(0, Math.max(0, count));
    },
  };
}

const curation = { by: 'Benchmark generator (synthetic data)', at: '2026-01-01' };

const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '');
const lowerFirst = (value: string) => value.charAt(0).toLowerCase() + value.slice(1);

/** A document being written: its text is every section heading followed by the excerpts cited from it. */
class DocumentDraft {
  private readonly sections = new Map<string, Set<string>>();

  constructor(
    readonly id: string,
    private readonly props: { title: string; file: string; published: string; kind: string },
  ) {}

  /** Puts `excerpt` under `section` in the document's text, so the excerpt is word for word in it. */
  cite(section: string, excerpt: string): { section: string; excerpt: string } {
    let excerpts = this.sections.get(section);
    if (!excerpts) {
      excerpts = new Set();
      this.sections.set(section, excerpts);
    }
    excerpts.add(excerpt);
    return { section, excerpt };
  }

  toNode(): GraphNode {
    const content = [...this.sections].map(([section, excerpts]) => `${section}\n\n${[...excerpts].join('\n')}`).join('\n\n');
    return { label: 'Document', id: this.id, props: { id: this.id, ...this.props, url: null, content } };
  }
}

interface Source {
  document: DocumentDraft;
  section: string;
  excerpt: string;
}

type LinkBasis = { basis: Extract<Basis, 'STATED'>; section?: string; excerpt?: string } | { basis: Extract<Basis, 'CURATED'>; rationale: string };

const hierarchyType: Partial<Record<NodeLabel, RelationshipType>> = {
  Priority: 'HAS_PRIORITY',
  Objective: 'HAS_OBJECTIVE',
  Action: 'HAS_ACTION',
  Evidence: 'HAS_FINDING',
};

/** Collects nodes and links as seed-files.ts would make them, refusing duplicate ids. */
class BatchBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly links: GraphLink[] = [];
  private readonly documents: DocumentDraft[] = [];
  private readonly ids = new Set<string>();
  private readonly linkKeys = new Set<string>();
  private readonly childCount = new Map<string, number>();
  private readonly parents = new Map<string, string>();

  document(id: string, props: { title: string; file: string; published: string; kind: string }, publisher?: string): DocumentDraft {
    const document = new DocumentDraft(id, props);
    this.claim(id);
    this.documents.push(document);
    if (publisher) this.link('PUBLISHES', publisher, id, document, { basis: 'STATED' });
    return document;
  }

  /** A node defined in `source.document`, which it records as seed-files.ts does (an observation's provenance is its measure's). */
  node(label: NodeLabel, id: string, props: Record<string, unknown> & { title: string }, source: Source): string {
    this.claim(id);
    this.nodes.push({ label, id, props: { id, ...props, ...(label === 'Observation' ? {} : { documentId: source.document.id }) } });
    this.mention(id, source);
    return id;
  }

  /** A node under `parent` in a hierarchy: the parent link and the child's position, as `parent:` in a seed file gives. */
  child(label: NodeLabel, id: string, parent: string, props: Record<string, unknown> & { title: string }, source: Source): string {
    const type = hierarchyType[label];
    if (!type) throw new Error(`a ${label} has no parent`);
    const position = this.childCount.get(parent) ?? 0;
    this.childCount.set(parent, position + 1);
    this.parents.set(id, parent);
    this.node(label, id, { ...props, position }, source);
    this.link(type, parent, id, source.document, { basis: 'STATED' });
    return id;
  }

  /** Provenance of a node in one more document (a seed file's `mention`). */
  mention(id: string, { document, section, excerpt }: Source): void {
    this.link('SOURCED_FROM', id, document.id, document, { basis: 'STATED', ...document.cite(section, excerpt) });
  }

  /** Adds a link unless the same type already joins the same two nodes (a seed file may not repeat one). */
  link(type: RelationshipType, from: string, to: string, document: DocumentDraft, basis: LinkBasis): void {
    const key = `${from} ${type} ${to}`;
    if (from === to || this.linkKeys.has(key)) return;
    this.linkKeys.add(key);
    if (basis.basis === 'STATED' && basis.section && basis.excerpt) document.cite(basis.section, basis.excerpt);
    this.links.push({ type, from, to, props: { ...curation, documentId: document.id, ...basis } });
  }

  build(): GraphBatch {
    recordPlacement(this.nodes, (id) => this.parents.get(id));
    return { nodes: [...this.nodes, ...this.documents.map((document) => document.toNode())], links: this.links };
  }

  private claim(id: string): void {
    if (this.ids.has(id)) throw new Error(`synthetic id ${id} is used twice`);
    this.ids.add(id);
  }
}

const sharedPrefix = `${BENCH_PREFIX}shared`;
const authorityId = (key: string) => `${sharedPrefix}/authority/${key}`;
const themeId = (key: string) => `${sharedPrefix}/theme/${key}`;
const inspectorateId = (key: string) => `${sharedPrefix}/org/${key}`;
const authorityByKey = new Map(authorities.map((authority) => [authority.key, authority]));

function authority(key: string): AuthorityWords {
  const found = authorityByKey.get(key);
  if (!found) throw new Error(`vocabulary.ts names an unknown authority ${key}`);
  return found;
}

/**
 * The nodes every council shares: about 60 authorities (Acts and SIs with legislation.gov.uk
 * ids, guidance, policy, frameworks, data sources), about 20 themes and the inspectorates, all
 * defined in one national context document.
 */
export function sharedBatch(): GraphBatch {
  const builder = new BatchBuilder();
  const document = builder.document(`${sharedPrefix}/document/national-context`, {
    title: 'National legislation, policy and themes for local plans (synthetic)',
    file: 'bench-national-context.txt',
    published: '2025',
    kind: 'STRATEGY',
  });
  for (const authority of authorities) {
    builder.node(
      'Authority',
      authorityId(authority.key),
      {
        title: authority.title,
        kind: authority.kind,
        ...(authority.legislationId ? { legislationId: authority.legislationId } : {}),
        ...(authority.year ? { year: authority.year } : {}),
        citedAs: authority.title,
        text: `${authority.title}: ${authority.duty}.`,
      },
      { document, section: 'Legislation and national policy', excerpt: `${authority.title}: ${authority.duty}.` },
    );
  }
  for (const theme of themes) {
    builder.node(
      'Theme',
      themeId(theme.key),
      { title: theme.title, text: theme.text },
      { document, section: 'Themes', excerpt: `${theme.title}: ${theme.text}` },
    );
  }
  for (const { inspectorate } of inspections) {
    builder.node(
      'Organisation',
      inspectorateId(inspectorate.id),
      { title: inspectorate.title, kind: 'INSPECTORATE', shortName: inspectorate.shortName },
      { document, section: 'Inspection', excerpt: `${inspectorate.title} (${inspectorate.shortName})` },
    );
  }
  return builder.build();
}

/** The council's name: unique for the first 200 indexes, numbered after that. */
function councilName(index: number): string {
  const start = placeStarts[index % placeStarts.length] ?? '';
  const end = placeEnds[(Math.floor(index / placeStarts.length) + index) % placeEnds.length] ?? '';
  const round = Math.floor(index / (placeStarts.length * placeEnds.length));
  return `${start}${end}${round ? ` ${round + 1}` : ''}`;
}

interface ActionRecord {
  id: string;
  object: string;
  domain: DomainKey;
}

interface PlanContext {
  id: string;
  title: string;
  domain: Domain;
  corporate: boolean;
  document: DocumentDraft;
  start: number;
  end: number;
}

/**
 * Writes one council into `builder`. Randomness comes only from `random`, seeded by the index,
 * so a council is the same whichever others are generated with it.
 */
function writeCouncil(builder: BatchBuilder, index: number): void {
  const random = seededRandom(0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b));
  const prefix = `${BENCH_PREFIX}c${index}`;
  const name = councilName(index);
  const councilTitle = `${name} ${random.pick(councilKinds)}`;
  const serviceDomains: Domain[] = [domains.children, domains.adults, ...random.sample(optionalDomains, 2).map((key) => domains[key])];
  const wards = random
    .sample(wardWords, random.int(12, 16))
    .map((word) => (random.chance(0.4) ? `${random.pick(compass)} ${word}` : word))
    .filter((ward, position, all) => all.indexOf(ward) === position);

  const corporateStart = random.int(2022, 2025);
  const newPlan = (domain: Domain, corporate: boolean): PlanContext => {
    const start = corporate ? corporateStart : random.int(2020, 2025);
    const end = start + random.int(3, 5);
    const title = `${random.pick(domain.plans)} ${start}-${end}`;
    const planSlug = slug(title);
    const document = builder.document(
      `${prefix}/document/${planSlug}`,
      {
        title: `${name} ${title}`,
        file: `${prefix}-${planSlug}.txt`,
        published: `${start}-0${random.int(1, 9)}`,
        kind: corporate ? 'CORPORATE_PLAN' : 'STRATEGY',
      },
      `${prefix}/org/council`,
    );
    return { id: `${prefix}/${planSlug}`, title, domain, corporate, document, start, end };
  };
  const corporatePlan = newPlan(domains.council, true);
  const strategies = serviceDomains.map((domain) => newPlan(domain, false));

  const organisation = (id: string, props: Record<string, unknown> & { title: string }, excerpt: string) =>
    builder.node('Organisation', id, props, { document: corporatePlan.document, section: 'How we work', excerpt });
  const councilId = organisation(
    `${prefix}/org/council`,
    { title: councilTitle, kind: 'COUNCIL', shortName: name },
    `${councilTitle} serves the people of ${name}.`,
  );

  const directorates = new Map<string, string>();
  const roles = new Map<DomainKey, string[]>();
  for (const domain of [domains.council, ...serviceDomains]) {
    let directorate = directorates.get(domain.directorate);
    if (!directorate) {
      directorate = organisation(
        `${prefix}/org/${slug(domain.directorate)}`,
        { title: `${domain.directorate} Directorate`, kind: 'DIRECTORATE', shortName: domain.directorate },
        `The ${domain.directorate} Directorate delivers the council's work on ${lowerFirst(domain.priorities[0] ?? domain.directorate)}.`,
      );
      builder.link('PART_OF', directorate, councilId, corporatePlan.document, { basis: 'STATED' });
      directorates.set(domain.directorate, directorate);
    }
    const domainRoles = domain.roles.map((title) => {
      const id = `${prefix}/role/${slug(title)}`;
      builder.node(
        'Role',
        id,
        { title, text: `${title}, ${councilTitle}.` },
        { document: corporatePlan.document, section: 'Who is responsible', excerpt: `${title}, ${councilTitle}.` },
      );
      builder.link('PART_OF', id, directorate, corporatePlan.document, { basis: 'STATED' });
      return id;
    });
    roles.set(domain.key, domainRoles);
  }
  const boards = new Map<DomainKey, string>();
  for (const domain of serviceDomains) {
    if (!domain.board) continue;
    const id = organisation(
      `${prefix}/org/${slug(domain.board.title)}`,
      { title: `${name} ${domain.board.title}`, kind: domain.board.kind, shortName: domain.board.shortName },
      `The ${name} ${domain.board.title} brings partners together.`,
    );
    boards.set(domain.key, id);
  }
  const partnerIds = partners.map((partner) => {
    const id = organisation(
      `${prefix}/org/${slug(partner.shortName)}`,
      { title: `${name} ${partner.title}`, kind: partner.kind, shortName: `${name} ${partner.shortName}` },
      `We work with the ${name} ${partner.title}.`,
    );
    builder.link('PARTNERS_WITH', councilId, id, corporatePlan.document, { basis: 'STATED' });
    return id;
  });

  const reports = inspections.map((inspection) => writeInspection(builder, random, prefix, name, councilId, inspection));

  const corporateTemplates = corporatePriorities.filter((template) =>
    template.domains.some((key) => serviceDomains.some((domain) => domain.key === key) || key === 'council'),
  );
  const otherTemplates = corporatePriorities.filter((template) => !corporateTemplates.includes(template));
  const chosenTemplates = [...corporateTemplates, ...random.sample(otherTemplates, random.int(0, 6 - corporateTemplates.length))].slice(0, 6);
  const corporateByDomain = new Map<DomainKey, string[]>();
  const actions: ActionRecord[] = [];

  const writePlan = (plan: PlanContext) => {
    const { document } = plan;
    const foreword = document.cite('Foreword', `This plan sets out what ${councilTitle} will do between ${plan.start} and ${plan.end}.`);
    builder.node(
      'Plan',
      plan.id,
      {
        title: `${name} ${plan.title}`,
        kind: plan.corporate ? 'CORPORATE_PLAN' : random.pick(['STRATEGY', 'STRATEGY', 'COMMISSIONING_FRAMEWORK', 'ACTION_PLAN', 'BUSINESS_PLAN'] as const),
        status: random.pick(['ADOPTED', 'ADOPTED', 'ADOPTED', 'CONSULTATION', 'DRAFT', 'EXPIRED'] as const),
        periodStart: plan.start,
        periodEnd: plan.end,
        text: `${foreword.excerpt} It is the council's ${lowerFirst(plan.title)}.`,
      },
      { document, ...foreword },
    );
    builder.link('PUBLISHES', councilId, plan.id, document, { basis: 'STATED', ...foreword });
    builder.link('OWNED_BY', plan.id, directorates.get(plan.domain.directorate) ?? councilId, document, { basis: 'STATED' });
    const board = boards.get(plan.domain.key);
    if (board) builder.link('OVERSEES', board, plan.id, document, { basis: 'STATED' });
    for (const key of random.sample([...plan.domain.authorities, 'equality-act-2010', 'jsna', 'census-2021'], random.int(5, 12))) {
      const cited = { document, section: 'Policy context', excerpt: authority(key).title };
      builder.mention(authorityId(key), cited);
      builder.link('CITES', plan.id, authorityId(key), document, { basis: 'STATED', section: cited.section, excerpt: cited.excerpt });
    }
    for (const report of reports) {
      if (report.domain === plan.domain.key) {
        builder.link('INFORMED_BY', plan.id, report.id, document, {
          basis: 'STATED',
          section: 'Policy context',
          excerpt: `We have acted on the findings of ${report.title}.`,
        });
      }
    }

    const codeStyle = random.int(0, 3);
    const priorityTitles = plan.corporate ? chosenTemplates.map((template) => template.title) : random.sample(plan.domain.priorities, random.int(4, 6));
    priorityTitles.forEach((title, priorityIndex) => {
      const number = priorityIndex + 1;
      const code =
        [`Priority ${number}`, `Strategic Priority ${number}`, String.fromCharCode(64 + number), `Outcome ${number}`][codeStyle] ?? `Priority ${number}`;
      const template = chosenTemplates.find((candidate) => candidate.title === title);
      const domain = template ? domains[template.domains[0] ?? 'council'] : plan.domain;
      const section = `${code}: ${title}`;
      const priorityId = builder.child(
        'Priority',
        `${plan.id}/p${number}`,
        plan.id,
        {
          title,
          code,
          term: ['Priority', 'Strategic priority', 'Priority', 'Outcome'][codeStyle] ?? 'Priority',
          text: `${title}. We will work with residents and partners so that ${lowerFirst(title)} by ${plan.end}.`,
          ...(plan.corporate ? { corporate: true } : {}),
        },
        { document, section, excerpt: section },
      );
      if (plan.corporate) {
        for (const key of template?.domains ?? []) corporateByDomain.set(key, [...(corporateByDomain.get(key) ?? []), priorityId]);
      } else {
        const targets = corporateByDomain.get(plan.domain.key) ?? [];
        const contributes = targets.length ? random.sample(targets, 1) : [];
        if (random.chance(0.4)) contributes.push(random.pick([...corporateByDomain.values()].flat()));
        for (const target of contributes) {
          builder.link(
            'CONTRIBUTES_TO',
            priorityId,
            target,
            document,
            random.chance(0.5)
              ? { basis: 'STATED', section, excerpt: `This priority supports the council's corporate plan.` }
              : { basis: 'CURATED', rationale: `${title} is one of the ways the council delivers its corporate commitment on this outcome.` },
          );
        }
      }
      describeItem(priorityId, title, domain, { document, section, excerpt: section }, 0.7, random.chance(0.6));
      if (random.chance(0.25)) builder.link('PARTNERS_WITH', priorityId, random.pick([...partnerIds, ...boards.values()]), document, { basis: 'STATED' });

      writeActions(priorityId, `${number}`, domain, plan, section);
      const objectiveTitles = random.sample(domain.objectives, random.int(1, 3));
      objectiveTitles.forEach((objectiveTitle, objectiveIndex) => {
        const objectiveCode = `${number}.${objectiveIndex + 1}`;
        const text = `We will ${lowerFirst(objectiveTitle)} ${random.pick(actionQualifiers)}.`;
        const objectiveId = builder.child(
          'Objective',
          `${priorityId}/o${objectiveIndex + 1}`,
          priorityId,
          { title: objectiveTitle, code: objectiveCode, term: random.pick(['Objective', 'We will', 'Aim']), text },
          { document, section, excerpt: text },
        );
        describeItem(objectiveId, objectiveTitle, domain, { document, section, excerpt: text }, 0, random.chance(0.3));
        writeActions(objectiveId, objectiveCode, domain, plan, section);
      });
    });
    writeNeedsAssessment(plan);
  };

  let measureCount = 0;
  const writeActions = (parent: string, parentCode: string, domain: Domain, plan: PlanContext, section: string) => {
    const { document } = plan;
    const count = random.int(5, 10);
    for (let actionIndex = 1; actionIndex <= count; actionIndex += 1) {
      const object = random.pick(domain.actionObjects);
      const title = `${random.pick(actionVerbs)} ${object} ${random.pick(actionQualifiers)}`;
      const text = `${title}, so that we can show progress each year.`;
      const source = { document, section, excerpt: `${parentCode}.${actionIndex} ${text}` };
      const based = random.chance(0.6);
      const discretionary = !based && random.chance(0.2);
      const id = builder.child(
        'Action',
        `${parent}/a${actionIndex}`,
        parent,
        {
          title,
          code: `${parentCode}.${actionIndex}`,
          term: random.pick(['Action', 'Key action', 'Deliverable', 'We will']),
          text,
          ...(discretionary ? { discretionary, discretionaryReason: 'A local commitment the council chose to make; no statute requires it.' } : {}),
        },
        source,
      );
      describeItem(id, title, domain, source, 0.7, based);
      if (random.chance(0.4)) {
        measureCount += 1;
        const measure = writeMeasure(
          `${prefix}/measure/${slug(domain.key)}-${measureCount}`,
          random.pick(domain.measures),
          councilTitle,
          document,
          'How we will measure progress',
          'financial',
        );
        builder.link(
          'MEASURED_BY',
          id,
          measure,
          document,
          random.chance(0.5)
            ? {
                basis: 'STATED',
                section: 'How we will measure progress',
                excerpt: `Progress on action ${parentCode}.${actionIndex} is measured by the indicator below.`,
              }
            : { basis: 'CURATED', rationale: `The indicator tracks the outcome that ${lowerFirst(title)} is meant to change.` },
        );
      }
      actions.push({ id, object, domain: domain.key });
    }
  };

  /** Owner (with probability `ownerOdds`), themes and, if `based`, the authorities a priority, objective or action gives effect to. */
  const describeItem = (id: string, title: string, domain: Domain, source: Source, ownerOdds: number, based: boolean) => {
    const { document } = source;
    if (random.chance(ownerOdds)) builder.link('OWNED_BY', id, random.pick(roles.get(domain.key) ?? roles.get('council') ?? []), document, { basis: 'STATED' });
    const themeCount = random.pick([0, 1, 1, 1, 2, 2, 3]);
    for (const key of random.sample(domain.themes, themeCount)) builder.link('CONCERNS', id, themeId(key), document, { basis: 'STATED' });
    if (!based) return;
    const keys = random.sample(
      random.chance(0.1) ? [...domain.authorities, 'equality-act-2010', 'localism-act-2011'] : domain.authorities,
      random.chance(0.8) ? 1 : 2,
    );
    for (const key of keys) {
      const { title: authorityTitle, duty } = authority(key);
      builder.link(
        'GIVES_EFFECT_TO',
        id,
        authorityId(key),
        document,
        random.chance(0.85)
          ? { basis: 'CURATED', rationale: `"${title}" helps the council meet ${duty} under the ${authorityTitle}.` }
          : { basis: 'STATED', section: source.section, excerpt: `This meets our duties under the ${authorityTitle}.` },
      );
    }
  };

  /** A measure with 3-8 observations: yearly figures, or the latest years broken down by sex, age or ethnicity. */
  const writeMeasure = (id: string, words: MeasureWords, area: string, document: DocumentDraft, section: string, years: 'financial' | 'calendar'): string => {
    const count = random.int(3, 8);
    const split = years === 'calendar' && random.chance(0.5) ? random.pick(breakdowns) : [undefined];
    const periods = Math.ceil(count / split.length);
    const firstYear = random.int(2014, 2024 - periods);
    let value = baseValue(words.unit, random);
    const observations: { period: string; year: number; value: number; breakdown?: string }[] = [];
    for (let period = 0; period < periods && observations.length < count; period += 1) {
      const year = firstYear + period;
      for (const breakdown of split) {
        if (observations.length === count) break;
        const share = breakdown ? value / split.length : value;
        observations.push({
          period: years === 'financial' ? `${year}/${String((year + 1) % 100).padStart(2, '0')}` : String(year),
          year,
          value: round(share, words.unit),
          breakdown,
        });
      }
      value *= 1 + (random.next() - 0.45) * 0.12;
    }
    const latest = observations[observations.length - 1];
    const excerpt = `${words.title} (${area}): ${latest?.value} ${words.unit} in ${latest?.period}.`;
    builder.node('Measure', id, { title: `${words.title}, ${area}`, unit: words.unit, polarity: words.polarity, area }, { document, section, excerpt });
    observations.forEach((observation, position) => {
      const observationId = [id, slug(observation.period), observation.breakdown ? slug(observation.breakdown) : undefined].filter(Boolean).join('/');
      builder.node(
        'Observation',
        observationId,
        {
          title: `${words.title}, ${area}: ${observation.period}${observation.breakdown ? `, ${observation.breakdown}` : ''}`,
          period: observation.period,
          value: observation.value,
          unit: words.unit,
          breakdown: observation.breakdown ?? null,
          area,
          status: observation.year >= 2024 ? 'ESTIMATE' : 'ACTUAL',
          position,
          year: observation.year,
        },
        { document, section, excerpt },
      );
      builder.link('HAS_OBSERVATION', id, observationId, document, { basis: 'STATED' });
    });
    return id;
  };

  /** The local statistics a plan opens with, ward by ward: measures no action is tied to, as in the seed data. */
  const writeNeedsAssessment = (plan: PlanContext) => {
    const count = random.int(60, 100);
    for (let index = 1; index <= count; index += 1) {
      writeMeasure(
        `${plan.id}/needs/${index}`,
        random.pick(plan.domain.context),
        `${random.pick(wards)} ward`,
        plan.document,
        'Appendix A: our borough in numbers',
        'calendar',
      );
    }
  };

  writePlan(corporatePlan);
  strategies.forEach(writePlan);

  for (const report of reports) {
    const inDomain = actions.filter((action) => action.domain === report.domain);
    for (const target of report.targets) {
      if (!random.chance(target.kind === 'RECOMMENDATION' ? 0.75 : 0.4)) continue;
      const matching = inDomain.filter((action) => action.object === target.object);
      const responders = random.sample(matching.length ? matching : inDomain, target.kind === 'RECOMMENDATION' ? random.int(1, 3) : 1);
      for (const action of responders) {
        builder.link(
          'RESPONDS_TO',
          action.id,
          target.id,
          report.document,
          random.chance(0.7)
            ? { basis: 'CURATED', rationale: `The action works on ${target.object}, which the inspection asked the council to improve.` }
            : {
                basis: 'STATED',
                section: 'What the council has done since',
                excerpt: `The council has responded to the inspection by working on ${target.object}.`,
              },
        );
      }
    }
  }
}

interface InspectionRecord {
  id: string;
  title: string;
  domain: DomainKey;
  document: DocumentDraft;
  /** Recommendations and areas for improvement, which actions may respond to. */
  targets: { id: string; kind: 'RECOMMENDATION' | 'AREA_FOR_IMPROVEMENT'; object: string }[];
}

/** One inspection report: judgements with graded findings under them, then recommendations. */
function writeInspection(
  builder: BatchBuilder,
  random: Random,
  prefix: string,
  name: string,
  councilId: string,
  inspection: (typeof inspections)[number],
): InspectionRecord {
  const year = random.int(2021, 2025);
  const date = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const title = `${name}: ${inspection.title}`;
  const document = builder.document(
    `${prefix}/document/${inspection.key}-${year}`,
    { title, file: `${prefix}-${inspection.key}-${year}.txt`, published: date, kind: 'INSPECTION_REPORT' },
    inspectorateId(inspection.inspectorate.id),
  );
  const grade = random.pick(grades);
  const id = `${prefix}/${inspection.key}-${year}`;
  const summary = `${inspection.inspectorate.shortName} judged the council's services to be ${grade.toLowerCase().replace(/_/g, ' ')}.`;
  builder.node('Evidence', id, { title, kind: 'INSPECTION_REPORT', grade, date, text: summary }, { document, section: 'Summary', excerpt: summary });
  builder.link('ABOUT', id, councilId, document, { basis: 'STATED', section: 'Summary', excerpt: summary });
  const framework = { document, section: 'Summary', excerpt: `This inspection was carried out under the ${authority(inspection.framework).title}.` };
  builder.link('CITES', id, authorityId(inspection.framework), document, { basis: 'STATED', section: framework.section, excerpt: framework.excerpt });
  builder.mention(authorityId(inspection.framework), framework);

  const objects = domains[inspection.domain].actionObjects;
  const targets: InspectionRecord['targets'] = [];
  inspection.judgements.forEach((judgement, judgementIndex) => {
    const judgementGrade = random.chance(0.6) ? grade : random.pick(grades);
    const judgementText = `${judgement}: ${judgementGrade.toLowerCase().replace(/_/g, ' ')}.`;
    const judgementId = builder.child(
      'Evidence',
      `${id}/j${judgementIndex + 1}`,
      id,
      { title: judgement, kind: 'JUDGEMENT', grade: judgementGrade, date, text: judgementText },
      { document, section: judgement, excerpt: judgementText },
    );
    const findings = random.int(4, 9);
    for (let findingIndex = 1; findingIndex <= findings; findingIndex += 1) {
      const kind = random.pick(['STRENGTH', 'STRENGTH', 'STRENGTH', 'FINDING', 'AREA_FOR_IMPROVEMENT'] as const);
      const object = random.pick(objects);
      const sentence = random.pick(evidenceSentences[kind])(object);
      const findingId = builder.child(
        'Evidence',
        `${judgementId}/f${findingIndex}`,
        judgementId,
        { title: sentence, kind, date, text: sentence },
        { document, section: judgement, excerpt: sentence },
      );
      if (kind === 'AREA_FOR_IMPROVEMENT') targets.push({ id: findingId, kind, object });
    }
  });
  const recommendations = random.int(3, 6);
  for (let recommendationIndex = 1; recommendationIndex <= recommendations; recommendationIndex += 1) {
    const object = random.pick(objects);
    const sentence = random.pick(evidenceSentences.RECOMMENDATION)(object);
    const recommendationId = builder.child(
      'Evidence',
      `${id}/r${recommendationIndex}`,
      id,
      { title: sentence, kind: 'RECOMMENDATION', date, text: sentence },
      { document, section: 'What needs to improve', excerpt: sentence },
    );
    targets.push({ id: recommendationId, kind: 'RECOMMENDATION', object });
  }
  return { id, title, domain: inspection.domain, document, targets };
}

function baseValue(unit: string, random: Random): number {
  if (unit === 'per cent') return 5 + random.next() * 85;
  if (unit === 'people' || unit === 'households') return 500 + random.next() * 30_000;
  if (unit.startsWith('rate per')) return 20 + random.next() * 800;
  if (unit === 'years') return 58 + random.next() * 25;
  if (unit === 'score' || unit === 'ratio') return 4 + random.next() * 12;
  return 10 + random.next() * 2_000;
}

function round(value: number, unit: string): number {
  const whole = unit === 'people' || unit === 'households' || !/per cent|rate|years|score|ratio|tonnes|micrograms/.test(unit);
  return whole ? Math.round(value) : Math.round(value * 10) / 10;
}

/** One council's own nodes and links; its links to authorities, themes and inspectorates need sharedBatch() loaded too. */
export function councilBatch(councilIndex: number): GraphBatch {
  const builder = new BatchBuilder();
  writeCouncil(builder, councilIndex);
  return builder.build();
}

/**
 * `count` councils (indexes 0 to count - 1) and the shared nodes, as one batch that loads on its
 * own. `progress` is told after each council.
 */
export function syntheticCouncils(count: number, progress: (done: number, total: number) => void = () => {}): GraphBatch {
  const batches = [sharedBatch()];
  for (let index = 0; index < count; index += 1) {
    batches.push(councilBatch(index));
    progress(index + 1, count);
  }
  return { nodes: batches.flatMap((batch) => batch.nodes), links: batches.flatMap((batch) => batch.links) };
}

/** How many of each node label and link type a batch holds, largest first. */
export function batchCounts(batch: GraphBatch): { labels: Record<string, number>; types: Record<string, number> } {
  const tally = (keys: string[]) =>
    Object.fromEntries([...keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]));
  return { labels: tally(batch.nodes.map((node) => node.label)), types: tally(batch.links.map((link) => link.type)) };
}
