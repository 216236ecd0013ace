/**
 * A machine-readable summary of what an import would create: the title, the publishing
 * organisation, priorities with the actions under them, actions under no priority, an inspection's
 * recommendations and areas for improvement, and the legislation cited. `npm run import -- --json`
 * prints it, and `npm run corpus` prints one per document in the form the corpus scorer reads.
 */
import { isHierarchyType } from '../../../schema/graph-model.ts';
import type { GraphEdge, GraphNode, ImportResult } from '../generated/graphql.ts';

export interface ImportSummary {
  file: string;
  kind: 'plan' | 'inspection' | 'other';
  title: string | null;
  organisation: string | null;
  priorities: { title: string; objectives: string[]; actions: string[] }[];
  actions_without_priority: string[];
  recommendations: string[];
  judgements: { area: string; grade: string }[];
  acts: { legislation_id: string; title: string }[];
  faults: string[];
  notUnderstood: number;
}

/** The summary of an import's result (a dry run against an empty graph shows everything as created). */
export function summariseImport(file: string, result: ImportResult): ImportSummary {
  const nodes = [...result.created, ...result.updated];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = new Map<string, string>();
  for (const link of result.createdLinks as GraphEdge[]) if (isHierarchyType(link.type)) parentOf.set(link.to, link.from);
  const words = (node: GraphNode) => node.text ?? node.title;
  const ancestor = (id: string, label: string) => {
    for (let at = parentOf.get(id); at; at = parentOf.get(at)) if (byId.get(at)?.label === label) return byId.get(at);
    return undefined;
  };
  const plan = nodes.find((node) => node.label === 'Plan');
  const report = nodes.find((node) => node.label === 'Evidence' && node.kind === 'INSPECTION_REPORT');
  // A plan's publisher, or the organisation an inspection report is about.
  const links = result.createdLinks as GraphEdge[];
  const publisherId =
    links.find((link) => link.type === 'PUBLISHES' && link.to === plan?.id)?.from ??
    links.find((link) => link.type === 'ABOUT' && link.from === report?.id)?.to;
  const publisher = publisherId ? byId.get(publisherId) : undefined;
  // A top-level priority sits straight under the plan; a priority under a priority is a sub-priority.
  const priorities = nodes.filter((node) => node.label === 'Priority' && byId.get(parentOf.get(node.id) ?? '')?.label !== 'Priority');
  const topPriority = (id: string) => {
    let found: GraphNode | undefined;
    for (let at = parentOf.get(id); at; at = parentOf.get(at)) if (byId.get(at)?.label === 'Priority') found = byId.get(at);
    return found;
  };
  const actions = nodes.filter((node) => node.label === 'Action' && byId.get(parentOf.get(node.id) ?? '')?.label !== 'Action');
  return {
    file,
    kind: report ? 'inspection' : plan ? 'plan' : 'other',
    // The document's own title (with its subtitle), as the document titles itself.
    title: result.document?.title ?? plan?.title ?? report?.title ?? null,
    organisation: publisher?.title ?? (publisherId ? publisherId : null),
    priorities: priorities.map((priority) => ({
      title: priority.title,
      objectives: nodes.filter((node) => node.label === 'Objective' && ancestor(node.id, 'Priority')?.id === priority.id).map((node) => node.title),
      actions: actions.filter((action) => topPriority(action.id)?.id === priority.id).map(words),
    })),
    actions_without_priority: actions.filter((action) => !topPriority(action.id)).map(words),
    recommendations: nodes
      .filter(
        (node) =>
          node.label === 'Evidence' &&
          (node.kind === 'RECOMMENDATION' || (node.kind === 'AREA_FOR_IMPROVEMENT' && byId.get(parentOf.get(node.id) ?? '')?.kind === 'INSPECTION_REPORT')),
      )
      .map(words),
    judgements: nodes.filter((node) => node.label === 'Evidence' && node.kind === 'JUDGEMENT').map((node) => ({ area: node.title, grade: node.status ?? '' })),
    acts: nodes.filter((node) => node.label === 'Authority').map((node) => ({ legislation_id: legislationIdOf(node), title: node.title })),
    faults: result.faults.map((fault) => `${fault.line ? `line ${fault.line}: ` : ''}${fault.message}`),
    notUnderstood: result.notUnderstood.length,
  };
}

const legislationIdOf = (node: GraphNode) => {
  const id = (node.properties as Record<string, unknown> | null | undefined)?.legislationId;
  return typeof id === 'string' ? id : node.id;
};
