/**
 * The columns of the CSV import template, in order: one row per item, with its parent and kind.
 * Shared by the importer and exporter (server) and the template download and help (client).
 */
export const csvTemplateColumns = [
  'id',
  'parent',
  'label',
  'title',
  'code',
  'term',
  'text',
  'kind',
  'status',
  'corporate',
  'discretionary',
  'owner',
  'themes',
  'period_start',
  'period_end',
  'legislation_id',
  'unit',
  'polarity',
] as const;

export type CsvTemplateColumn = (typeof csvTemplateColumns)[number];
