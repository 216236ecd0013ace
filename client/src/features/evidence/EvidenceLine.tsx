import { describeNode } from '../../components/labels.ts';
import { readFragment } from '../../generated/fragment-masking.ts';
import { GraphNodeFragment, type GraphNodeRef } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import { Grade } from './Grade.tsx';

/** An evidence item on one line: its kind, a link to its evidence chain, and its grade when it has one. */
export function EvidenceLine({ node }: { node: GraphNodeRef & { id: string; title: string; status?: string | null } }) {
  return (
    <>
      <span className="badge">{describeNode(readFragment(GraphNodeFragment, node))}</span> <Link href={hrefTo('evidence', { id: node.id })}>{node.title}</Link>
      {node.status && (
        <>
          {' '}
          <Grade grade={node.status} />
        </>
      )}
    </>
  );
}
