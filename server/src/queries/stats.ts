import { z } from 'zod';
import { cypher, type Gateway } from '../db/gateway.ts';
import { nodeLabels } from '../../../schema/graph-model.ts';

/** Statements of the stats family: what the graph holds. */
export const statements = {
  // One count per label of the model; each is answered from the count store, never a scan.
  labelCounts: cypher('stats.labelCounts', nodeLabels.map((label) => `MATCH (n:${label}) RETURN '${label}' AS label, count(n) AS count`).join(' UNION ALL ')),
  totals: cypher(
    'stats.totals',
    // Entities only: the history of changes is not part of the graph people read.
    `CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
  ),
};

const LabelCount = z.object({ label: z.enum(nodeLabels), count: z.number().int() });
const Totals = z.object({ nodes: z.number().int(), relationships: z.number().int() });

export interface GraphStats {
  labels: z.infer<typeof LabelCount>[];
  nodes: number;
  relationships: number;
}

/** Node counts per label of the model (labels with no nodes left out), largest first, and the totals. */
export async function graphStats(gateway: Gateway): Promise<GraphStats> {
  return gateway.readTransaction(async (tx) => {
    const labels = z.array(LabelCount).parse(await tx.run(statements.labelCounts));
    const totals = Totals.parse((await tx.run(statements.totals))[0]);
    const present = labels.filter(({ count }) => count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return { labels: present, ...totals };
  });
}
