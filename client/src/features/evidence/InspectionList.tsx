import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { InspectionList_InspectionsQuery } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import { EvidenceLine } from './EvidenceLine.tsx';
import { Grade } from './Grade.tsx';

const InspectionsQuery = graphql(`
  query InspectionList_Inspections {
    inspections {
      report { id label title text kind status properties }
      items {
        parentId
        node { id title status ...GraphElement_Node }
      }
    }
  }
`);

type Item = InspectionList_InspectionsQuery['inspections'][number]['items'][number];

function Items({ items, parentId }: { items: Item[]; parentId: string }) {
  const children = items.filter((item) => item.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className="hierarchy evidence-items">
      {children.map(({ node }) => (
        <li key={node.id}>
          <EvidenceLine node={node} />
          <Items items={items} parentId={node.id} />
        </li>
      ))}
    </ul>
  );
}

const reportDate = (properties: unknown) => {
  const date = (properties as Record<string, unknown> | null)?.date;
  return typeof date === 'string' ? date : null;
};

/** Every inspection and monitoring report, newest first, with its judgements, findings and recommendations. */
export function InspectionList() {
  const [{ data, fetching, error }] = useQuery({ query: InspectionsQuery });
  return (
    <>
      <PageHeading title="Evidence">Inspection evidence</PageHeading>
      <p>
        What inspectors and monitoring reports found. Choose a judgement, finding or recommendation to see what the council does about it, how it knows it is
        working, and the priorities and law behind it.
      </p>
      <QueryState fetching={fetching} error={error} what="the inspections">
        {data && data.inspections.length === 0 && <p>The graph holds no inspection or monitoring reports yet.</p>}
        {data?.inspections.map(({ report, items }) => (
          <section key={report.id} aria-labelledby={`report-${report.id}`} className="inspection">
            <h2 id={`report-${report.id}`}>
              <Link href={hrefTo('evidence', { id: report.id })}>{report.title}</Link>
            </h2>
            <p className="inspection-facts">
              <span className="badge">{describeNode(report)}</span>
              {report.status && <Grade grade={report.status} />}
              <span>{reportDate(report.properties) ? `Dated ${reportDate(report.properties)}` : 'No date given in the source'}</span>
            </p>
            {items.length === 0 ? (
              <p>The source lists no judgements, findings or recommendations under this report.</p>
            ) : (
              <Items items={items} parentId={report.id} />
            )}
          </section>
        ))}
      </QueryState>
    </>
  );
}
