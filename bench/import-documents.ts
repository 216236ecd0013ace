/**
 * Generated documents for the import benchmark (bench/import.ts): a CSV-template plan and a
 * Markdown strategy of about a given size, made of the words the synthetic councils use. Seeded,
 * so every run imports the same document. Every id starts with the given prefix, so what a
 * benchmark imports can be found and removed.
 */
import { csvTemplateColumns } from '../schema/csv-template.ts';
import { seededRandom, type Random } from './synthetic-council.ts';
import { actionQualifiers, actionVerbs, domains, themes } from './vocabulary.ts';

const ROLES = 12;
const ACTIONS_PER_OBJECTIVE = 24;
const OBJECTIVES_PER_PRIORITY = 2;

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const allDomains = Object.values(domains);

/** Sentence-like words for titles and texts, drawn from the synthetic councils' vocabulary. */
function wordsOf(random: Random) {
  const domain = () => random.pick(allDomains);
  return {
    action: () => `${random.pick(actionVerbs)} ${random.pick(domain().actionObjects)} ${random.pick(actionQualifiers)}`,
    priority: () => random.pick(domain().priorities),
    sentence: () => `We will ${random.pick(actionVerbs).toLowerCase()} ${random.pick(domain().actionObjects)} ${random.pick(actionQualifiers)}.`,
  };
}

/**
 * A CSV-template document of `rows` item rows (plus the header): one plan, a dozen roles and
 * themes, and priorities with two objectives of 24 actions each, every action with an owner and
 * a theme and every third with a sentence of text: 8,000 rows are about 1.9 MB.
 */
export function csvPlan(rows: number, prefix: string, seed = 20_260_301): string {
  const random = seededRandom(seed);
  const words = wordsOf(random);
  const plan = `${prefix}plan`;
  const lines: string[] = [csvTemplateColumns.join(',')];
  const row = (values: Partial<Record<(typeof csvTemplateColumns)[number], string>>) =>
    lines.push(csvTemplateColumns.map((column) => cell(values[column] ?? '')).join(','));
  row({
    id: plan,
    label: 'Plan',
    title: `Benchmark import plan of ${rows.toLocaleString('en-GB')} rows`,
    kind: 'STRATEGY',
    status: 'ADOPTED',
    period_start: '2025',
    period_end: '2030',
  });
  const roleIds = Array.from({ length: ROLES }, (_, index) => `${prefix}role/${index + 1}`);
  roleIds.forEach((id, index) => row({ id, label: 'Role', title: `Head of service ${index + 1}` }));
  const themeIds = themes.slice(0, ROLES).map((theme) => `${prefix}theme/${theme.key}`);
  themeIds.forEach((id, index) => row({ id, label: 'Theme', title: themes[index]!.title }));
  for (let priority = 1; lines.length - 1 < rows; priority += 1) {
    const priorityId = `${prefix}p${priority}`;
    row({ id: priorityId, parent: plan, label: 'Priority', title: words.priority(), code: String(priority), term: 'Priority', owner: random.pick(roleIds) });
    for (let objective = 1; objective <= OBJECTIVES_PER_PRIORITY && lines.length - 1 < rows; objective += 1) {
      const objectiveId = `${priorityId}/o${objective}`;
      row({ id: objectiveId, parent: priorityId, label: 'Objective', title: words.action(), code: `${priority}.${objective}`, term: 'Objective' });
      for (let action = 1; action <= ACTIONS_PER_OBJECTIVE && lines.length - 1 < rows; action += 1) {
        row({
          id: `${objectiveId}/a${action}`,
          parent: objectiveId,
          label: 'Action',
          title: words.action(),
          code: `${priority}.${objective}.${action}`,
          term: 'We will',
          text: action % 3 === 1 ? words.sentence() : '',
          owner: random.pick(roleIds),
          themes: random.pick(themeIds),
        });
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A Markdown strategy of about `bytes` bytes: a title, an introduction citing two Acts, then
 * numbered strategic priorities, each with a paragraph and a "We will:" list of twelve items.
 */
export function markdownStrategy(bytes: number, seed = 20_260_302): string {
  const random = seededRandom(seed);
  const words = wordsOf(random);
  const parts = [
    '# Benchmark Borough People Strategy 2025-2030\n',
    'This strategy sets out how the council meets its duties under the Children Act 1989 and the Care Act 2014 over the next five years.\n',
  ];
  let size = parts.join('\n').length;
  for (let priority = 1; size < bytes; priority += 1) {
    const section = [
      `## Strategic Priority ${priority}: ${words.priority()}\n`,
      `${words.sentence()} ${words.sentence()}\n`,
      'We will:\n',
      ...Array.from({ length: 12 }, () => `- ${words.action()}, ${words.sentence().toLowerCase()}`),
      '',
    ].join('\n');
    parts.push(section);
    size += section.length + 1;
  }
  return parts.join('\n');
}
