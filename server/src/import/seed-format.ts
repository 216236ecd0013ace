/**
 * The seed file format of seed/FORMAT.md as zod schemas: one document's nodes and links with
 * provenance. Objects are strict, so a misspelt field is an error, not silently ignored.
 */
import { z } from 'zod';
import {
  authorityKinds,
  bases,
  documentKinds,
  evidenceGrades,
  evidenceKinds,
  type ItemLabel,
  observationStatuses,
  organisationKinds,
  planKinds,
  planStatuses,
  polarities,
  relationshipTypes,
} from '../../../schema/graph-model.ts';

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/, 'must be a lowercase slug such as plan-2024/sp1');
const year = z.number().int().min(1800).max(2200);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** Where in its document a node comes from: the section, the words, and the page when the document has pages (a PDF). */
export const Source = z.strictObject({
  section: text,
  excerpt: text.max(1200, 'is too long for an excerpt (1200 characters at most)'),
  page: z.number().int('must be a whole number').positive('must be a page number, 1 or more').optional(),
});
export type Source = z.infer<typeof Source>;

const common = {
  id: slug,
  title: text.max(400),
  source: Source,
  parent: slug.optional(),
  owner: slug.optional(),
  themes: z.array(slug).optional(),
};

const Observation = z.strictObject({
  period: z.union([text, z.number()]).transform(String),
  value: z.number(),
  unit: text.optional(),
  breakdown: text.optional(),
  area: text.optional(),
  status: z.enum(observationStatuses).optional(),
});

/** The schema of each kind of node, keyed by label. */
export const nodeSchemas = {
  Plan: z.strictObject({
    ...common,
    label: z.literal('Plan'),
    kind: z.enum(planKinds),
    status: z.enum(planStatuses),
    periodStart: year.optional(),
    periodEnd: year.optional(),
    text: text.optional(),
  }),
  Priority: z.strictObject({
    ...common,
    label: z.literal('Priority'),
    code: text.optional(),
    term: text.optional(),
    text: text.optional(),
    corporate: z.boolean().optional(),
  }),
  Objective: z.strictObject({ ...common, label: z.literal('Objective'), code: text.optional(), term: text.optional(), text: text.optional() }),
  Action: z.strictObject({
    ...common,
    label: z.literal('Action'),
    code: text.optional(),
    term: text.optional(),
    text: text.optional(),
    discretionary: z.boolean().optional(),
    discretionaryReason: text.optional(),
  }),
  Measure: z.strictObject({
    ...common,
    label: z.literal('Measure'),
    unit: text,
    polarity: z.enum(polarities),
    area: text.optional(),
    note: text.optional(),
    text: text.optional(),
    observations: z.array(Observation).min(1, 'a measure needs at least one observation'),
  }),
  Evidence: z.strictObject({
    ...common,
    label: z.literal('Evidence'),
    kind: z.enum(evidenceKinds),
    grade: z.enum(evidenceGrades).optional(),
    date: isoDate.optional(),
    text: text.optional(),
  }),
  Authority: z.strictObject({
    ...common,
    label: z.literal('Authority'),
    kind: z.enum(authorityKinds),
    legislationId: z
      .string()
      .regex(/^(ukpga|uksi|asp|asc|anaw|nisi|ukla)\/\d{4}\/\d+$/, 'must be a legislation.gov.uk id such as ukpga/2014/23')
      .optional(),
    year: year.optional(),
    citedAs: text.optional(),
    text: text.optional(),
  }),
  Provision: z.strictObject({ ...common, label: z.literal('Provision'), code: text.optional(), text: text.optional() }),
  Organisation: z.strictObject({
    ...common,
    label: z.literal('Organisation'),
    kind: z.enum(organisationKinds),
    shortName: text.optional(),
    text: text.optional(),
  }),
  Role: z.strictObject({ ...common, label: z.literal('Role'), text: text.optional() }),
  Theme: z.strictObject({ ...common, label: z.literal('Theme'), text: text.optional() }),
} satisfies Record<ItemLabel, z.ZodType>;

export const NodeDefinition = z.discriminatedUnion('label', [
  nodeSchemas.Plan,
  nodeSchemas.Priority,
  nodeSchemas.Objective,
  nodeSchemas.Action,
  nodeSchemas.Measure,
  nodeSchemas.Evidence,
  nodeSchemas.Authority,
  nodeSchemas.Provision,
  nodeSchemas.Organisation,
  nodeSchemas.Role,
  nodeSchemas.Theme,
]);
export type NodeDefinition = z.infer<typeof NodeDefinition>;

/** Another file's node, named in this document too: adds this document's provenance to it. */
export const Mention = z.strictObject({ mention: slug, source: Source });
export type Mention = z.infer<typeof Mention>;

export const LinkDefinition = z
  .strictObject({
    from: slug,
    type: z.enum(relationshipTypes),
    to: slug,
    basis: z.enum(bases).default('STATED'),
    rationale: text.optional(),
    section: text.optional(),
    excerpt: text.optional(),
  })
  .refine((link) => link.basis !== 'CURATED' || link.rationale, { message: 'a CURATED link needs a rationale', path: ['rationale'] });
export type LinkDefinition = z.infer<typeof LinkDefinition>;

export const SeedFile = z.strictObject({
  document: z.strictObject({
    id: slug,
    title: text,
    file: z.string().regex(/^[\w.-]+$/, 'must be a file name under seed/documents/'),
    publisher: slug.optional(),
    published: isoDate.optional(),
    kind: z.enum(documentKinds),
    url: z.url().optional(),
    // The document's text, for imports that carry it with them rather than in seed/documents/.
    content: z.string().min(1).max(2_000_000).optional(),
  }),
  curation: z.strictObject({ by: text, at: isoDate }),
  // Each entry is checked against Mention or NodeDefinition separately (see seed-files.ts),
  // so a fault names the exact field rather than a failed union.
  nodes: z.array(z.record(z.string(), z.unknown())),
  links: z.array(LinkDefinition).default([]),
});
export type SeedFile = z.infer<typeof SeedFile>;
