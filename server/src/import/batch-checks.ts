/**
 * The checks every batch of nodes and links passes before it is written, whichever route made
 * it: seed files, the CSV template and text documents become batches through the steps of
 * batch-steps.ts; a graph export arrives as a batch and is checked here. Both apply the same
 * rules (server/src/rules): links join only the labels their type allows, hierarchies and
 * SUPERSEDES/PART_OF chains have no cycle, the graph's own properties (placement, versions) are
 * the graph's to set, and no import changes the items another document states.
 */
import { allLinkRules, isHierarchyType } from '../../../schema/graph-model.ts';
import { withoutVersionKeys } from '../queries/shapes.ts';
import { checkGraphManaged, checkLink, checkNoSelfLink, findCycles, recordPlacement } from '../rules/index.ts';
import type { GraphBatch } from '../graph-batch.ts';
import type { ExistingNode, SeedFault } from './batch-types.ts';

// An import never sets the version bookkeeping. A new node's placement is worked out again from
// the hierarchy; an existing node's must be what the graph holds.
const placement = new Set(['planId', 'topPriorityId']);

/**
 * Checks a graph export against itself and the graph (`existing`, by id) and returns the batch
 * to write, with the graph's own properties worked out again, and every fault: a link between
 * labels its type does not join, a node whose label differs from the graph's, a node another
 * document states, a change to a property the graph manages, a cycle within the file. Cycles
 * through links already in the graph are checked where the batch is written (load.ts).
 */
export function checkGraphExport(batch: GraphBatch, existing: ReadonlyMap<string, ExistingNode>, file: string): { batch: GraphBatch; faults: SeedFault[] } {
  const faults: SeedFault[] = [];
  const fault = (path: string, message: string) => faults.push({ file, path, message });
  const labels = new Map<string, string>();
  for (const [id, node] of existing) labels.set(id, node.label);

  const nodes = batch.nodes.map((node, index) => {
    const found = existing.get(node.id);
    if (found && found.label !== node.label) fault(`nodes[${index}].label`, `${node.id} is a ${found.label} in the graph, not a ${node.label}`);
    const owner = found?.props?.documentId;
    if (typeof owner === 'string' && node.props.documentId !== owner) {
      fault(`nodes[${index}]`, `${node.id} is stated by ${owner}; an import cannot change what another document states`);
    }
    // The id is the node's own, and whose document states it is the check above.
    const claimed = Object.fromEntries(Object.entries(withoutVersionKeys(node.props)).filter(([key]) => key !== 'id' && key !== 'documentId'));
    for (const { key } of found ? checkGraphManaged(claimed, found.props ?? {}) : []) {
      fault(`nodes[${index}].props.${key}`, `${key} of ${node.id} is managed by the graph and cannot be changed by an import`);
    }
    labels.set(node.id, node.label);
    return { ...node, props: Object.fromEntries(Object.entries(withoutVersionKeys(node.props)).filter(([key]) => found || !placement.has(key))) };
  });

  batch.links.forEach((link, index) => {
    const rule = allLinkRules[link.type];
    const [from, to] = [labels.get(link.from), labels.get(link.to)];
    if (!from || !to) return fault(`links[${index}]`, `refers to ${!from ? link.from : link.to}, which is neither in the file nor in the graph`);
    const [selfLink] = checkNoSelfLink(link.from, link.to);
    if (selfLink) return fault(`links[${index}]`, selfLink.message);
    if (checkLink(link.type, { id: link.from, label: from }, { id: link.to, label: to }, () => rule).length) {
      fault(
        `links[${index}].type`,
        `a ${link.type} link joins ${rule.from.join(' or ')} to ${rule.to.join(' or ')}, not ${from} ${link.from} to ${to} ${link.to}`,
      );
    }
  });
  const links = batch.links.map((link) => ({ ...link, props: withoutVersionKeys(link.props) }));
  for (const { message } of findCycles(links)) fault('', message);

  // Placement follows from the hierarchy, as the loader records it for every other route.
  const parents = new Map<string, string>();
  for (const link of links) if (isHierarchyType(link.type)) parents.set(link.to, link.from);
  recordPlacement(
    nodes.filter(({ id }) => !existing.has(id)),
    (id) => parents.get(id),
    (id) => existing.get(id),
  );
  return { batch: { nodes, links }, faults };
}
