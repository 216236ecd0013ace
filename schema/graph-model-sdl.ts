/**
 * The API's enums of the graph model as SDL, rendered from schema/graph-model.ts so the schema
 * never types a label or a relationship type again. The server adds it to the schema/*.graphql
 * files, and codegen reads it beside them.
 */
import { type Basis, bases, nodeLabels, relationshipTypes } from './graph-model.ts';

const basisMeanings: Record<Basis, string> = {
  STATED: 'The source document says it.',
  CURATED: 'A person drew it, with a rationale.',
  SUGGESTED: 'The tool proposed it; it counts for nothing until a person accepts it.',
};

const description = (text: string, indent = '') => `${indent}"""\n${indent}${text}\n${indent}"""\n`;

function renderEnum(name: string, about: string, values: readonly string[], meanings: Partial<Record<string, string>> = {}): string {
  const body = values.map((value) => `${meanings[value] ? description(meanings[value], '  ') : ''}  ${value}\n`).join('');
  return `${description(about)}enum ${name} {\n${body}}\n`;
}

/** SDL of the model's enums: NodeLabel, LinkType and Basis. */
export function graphModelTypeDefs(): string {
  return [
    renderEnum('NodeLabel', 'A kind of node, as the graph labels it: every label a node may carry.', nodeLabels),
    renderEnum('LinkType', 'A relationship type of the graph, e.g. GIVES_EFFECT_TO.', relationshipTypes),
    renderEnum('Basis', 'How a link is known.', bases, basisMeanings),
  ].join('\n');
}
