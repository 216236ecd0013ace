import { useQuery } from 'urql';
import { AsAtControl, useAsAt } from '../../components/AsAt.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { basisNames, describeNode, labelName } from '../../components/labels.ts';
import { readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { EvidenceChainView_ChainQuery } from '../../generated/graphql.ts';
import { GraphNodeFragment, type GraphNodeRef } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';
import { EvidenceLine } from './EvidenceLine.tsx';
import { Grade } from './Grade.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { readObservation, splitSeries, type Observation } from './series.ts';

const ChainQuery = graphql(`
  query EvidenceChainView_Chain($id: ID!, $asAt: String) {
    evidenceChain(id: $id, asAt: $asAt) {
      root { id label title text status ...GraphElement_Node }
      evidence { id title status ...GraphElement_Node }
      responses {
        action { id title ...GraphElement_Node }
        evidence { id title }
        edge { id basis rationale }
        measures {
          measure { id title properties ...GraphElement_Node }
          observations { id properties }
        }
        priorities { id ...GraphElement_Node }
        authorities { id ...GraphElement_Node }
        ends {
          node { id }
          own
          inheritedFrom { id label title term }
        }
      }
    }
  }
`);

type Chain = EvidenceChainView_ChainQuery['evidenceChain'];
type Response = Chain['responses'][number];

const polarityNames: Record<string, string> = {
  HIGHER_IS_BETTER: 'Higher is better.',
  LOWER_IS_BETTER: 'Lower is better.',
  NEUTRAL: 'Neither higher nor lower is better in itself.',
};

const property = (properties: unknown, key: string) => {
  const value = (properties as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : null;
};

/** A node's title as a button that opens it in the detail panel, after what it is. */
function NodeItem({ node: ref }: { node: GraphNodeRef }) {
  const node = readFragment(GraphNodeFragment, ref);
  const [, select] = useSelection();
  return (
    <>
      <span className={node.corporate ? 'badge badge-corporate' : 'badge'}>{describeNode(node)}</span>{' '}
      <button type="button" className="link-button" onClick={() => select(node.id)}>
        {node.title}
      </button>
    </>
  );
}

/** Whether the action reaches a council priority or authority by its own link, or inherits it from which parent. */
function Inherited({ end }: { end: Response['ends'][number] | undefined }) {
  if (!end) return null;
  if (end.own) return <span className="end-claim"> — its own link</span>;
  const parent = end.inheritedFrom[0];
  if (!parent) return null;
  return (
    <span className="end-claim">
      {' '}
      — inherited from {parent.label === 'Plan' ? 'its plan' : `its ${(parent.term ?? labelName(parent.label)).toLowerCase()} “${parent.title}”`}
    </span>
  );
}

function Measures({ measures }: { measures: Response['measures'] }) {
  if (measures.length === 0) return <p className="message gap-message">No measure: nobody can tell whether it works.</p>;
  return (
    <ul className="measures">
      {measures.map(({ measure, observations }) => {
        const figures = observations
          .map(({ properties }) => readObservation(properties))
          .filter((observation): observation is Observation => observation !== null);
        const polarity = property(measure.properties, 'polarity');
        return (
          <li key={measure.id}>
            <NodeItem node={measure} />
            {polarity && polarityNames[polarity] && <span className="measure-polarity"> {polarityNames[polarity]}</span>}
            {figures.length === 0 ? (
              <p className="message">The source gives no figures for this measure yet.</p>
            ) : (
              <div className="series-charts">
                {splitSeries(figures, property(measure.properties, 'area')).map((series) => (
                  <SeriesChart key={series.label} name={measure.title} series={series} />
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ResponseItem({ response, showEvidence }: { response: Response; showEvidence: boolean }) {
  const { action, edge, measures, priorities, authorities, ends } = response;
  const [, select] = useSelection();
  const basis = edge.basis ?? 'STATED';
  return (
    <li className="response">
      <h3>
        <Link href={hrefTo('trace', { id: action.id })}>{action.title}</Link>
      </h3>
      <p className="response-facts">
        <span className="badge">{describeNode(readFragment(GraphNodeFragment, action))}</span>
        <button type="button" className="secondary-button" onClick={() => select(action.id)} aria-label={`Details of ${action.title}`}>
          Details
        </button>
      </p>
      {showEvidence && <p>Responds to: {response.evidence.title}</p>}
      <p>
        <span className={`basis basis-${basis.toLowerCase()}`}>{basisNames[basis]}</span>
      </p>
      {edge.rationale && <p className="rationale">Why: {edge.rationale}</p>}

      <h4>How the council knows it works</h4>
      <Measures measures={measures} />

      <h4>Priorities it serves</h4>
      {priorities.length === 0 ? (
        <p className="message gap-message">It serves no priority the graph knows of.</p>
      ) : (
        <ul>
          {priorities.map((priority) => (
            <li key={priority.id}>
              <NodeItem node={priority} />
              <Inherited end={ends.find(({ node }) => node.id === priority.id)} />
            </li>
          ))}
        </ul>
      )}

      <h4>Law and policy behind it</h4>
      {authorities.length === 0 ? (
        <p className="message gap-message">No Act, guidance or policy is recorded behind it.</p>
      ) : (
        <ul>
          {authorities.map((authority) => (
            <li key={authority.id}>
              <NodeItem node={authority} />
              <Inherited end={ends.find(({ node }) => node.id === authority.id)} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * From inspection evidence to what the council does about it: each responding action with the
 * basis of the response, its measures and their data, the priorities it serves and the law
 * behind it. Where nothing responds, or nothing measures, it says so: those are the gaps.
 */
export function EvidenceChainView({ id }: { id: string }) {
  const asAt = useAsAt();
  const [{ data, fetching, error }] = useQuery({ query: ChainQuery, variables: { id, asAt } });
  const chain = data?.evidenceChain;
  const title = chain?.root.title ?? 'Evidence chain';
  const fromAction = chain?.root.label === 'Action';
  const evidence = chain?.evidence.filter((node) => node.id !== chain.root.id) ?? [];
  return (
    <>
      <p>
        <Link href={hrefTo('evidence')}>All inspections</Link>
      </p>
      <div className="heading-row">
        <PageHeading title={title}>{title}</PageHeading>
        <AsAtControl what="what responds" compact />
      </div>
      <QueryState fetching={fetching} error={error} what="the evidence chain">
        {chain && (
          <>
            <p className="inspection-facts">
              <span className="badge">{describeNode(readFragment(GraphNodeFragment, chain.root))}</span>
              {chain.root.label === 'Evidence' && chain.root.status && <Grade grade={chain.root.status} />}
            </p>
            {chain.root.text && chain.root.text !== chain.root.title && <p>{chain.root.text}</p>}

            {(fromAction || evidence.length > 0) && (
              <section aria-labelledby="evidence-heading">
                <h2 id="evidence-heading">{fromAction ? 'Evidence about this action' : 'Judgements, findings and recommendations under it'}</h2>
                {evidence.length === 0 ? (
                  <p>No inspection evidence is about this action.</p>
                ) : (
                  <ul className="evidence-items">
                    {evidence.map((node) => (
                      <li key={node.id}>
                        <EvidenceLine node={node} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}

            <section aria-labelledby="responses-heading">
              <h2 id="responses-heading">{fromAction ? 'How this action responds' : 'What the council does about it'}</h2>
              {chain.responses.length === 0 && fromAction ? (
                <p>
                  It responds to no inspection finding or recommendation. Its measures, owners and the law behind it are in{' '}
                  <Link href={hrefTo('trace', { id: chain.root.id })}>its trace</Link>.
                </p>
              ) : chain.responses.length === 0 ? (
                <p className="message gap-message">No action responds to this yet — this is a gap.</p>
              ) : (
                <ul className="responses">
                  {chain.responses.map((response) => (
                    <ResponseItem
                      key={`${response.action.id}|${response.evidence.id}`}
                      response={response}
                      showEvidence={response.evidence.id !== chain.root.id}
                    />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
