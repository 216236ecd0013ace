/** Plain-English names for what the graph holds, for headings, badges and tables. */
const labelNames: Record<string, string> = {
  Plan: 'Plan',
  Priority: 'Priority',
  Objective: 'Objective',
  Action: 'Action',
  Measure: 'Measure',
  Observation: 'Observation',
  Evidence: 'Evidence',
  Authority: 'Authority',
  Provision: 'Provision',
  Organisation: 'Organisation',
  Role: 'Owner',
  Theme: 'Theme',
  Document: 'Source document',
};

export const labelName = (label: string) => labelNames[label] ?? label;

/**
 * The kinds of item a trace starts from. A plan is not one of them: its priorities, objectives
 * and actions carry its links to the law and to council priorities, so each of those is traced.
 */
export const traceableLabels: ReadonlySet<string> = new Set(['Priority', 'Objective', 'Action']);

/** What a node is, in the source's own words where it has them: "Deliverable 13", "Council priority". */
export function describeNode(node: { label: string; term?: string | null; code?: string | null; corporate?: boolean | null; kind?: string | null }): string {
  if (node.label === 'Priority' && node.corporate) return 'Council priority';
  const hasKind = (node.label === 'Authority' || node.label === 'Evidence') && node.kind;
  const base = node.term || (hasKind ? sentenceCase(node.kind!) : labelName(node.label));
  // Codes such as "Strategic Priority 1" already say what they are.
  if (!node.code) return base;
  return /^\d+$|^[A-Z]$/.test(node.code) ? `${base} ${node.code}` : node.code;
}

/** A value written as a constant ("HIGHER_IS_BETTER") in words: "higher is better". */
export const constantInWords = (value: string) => (/^[A-Z][A-Z_]*$/.test(value) ? value.toLowerCase().replaceAll('_', ' ') : value);

const sentenceCase = (constant: string) => {
  const words = constant.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const basisNames: Record<string, string> = {
  STATED: 'Stated in the source',
  CURATED: 'Curated by a person',
  SUGGESTED: 'Suggested by the tool (not accepted)',
};

/** Relationship types as phrases: "gives effect to", "contributes to". */
export const linkPhrase = (type: string) => type.toLowerCase().replaceAll('_', ' ');
