/**
 * The operations the benchmark sends, selecting what the client's views select (schema/
 * alignment.graphql): enough of each answer that the server does its real work and the response
 * carries a realistic payload.
 */

const nodeFragment = /* GraphQL */ `
  fragment Bench_Node on GraphNode {
    id
    label
    title
    code
    kind
    status
    corporate
    discretionary
    planId
  }
`;

const edgeFragment = /* GraphQL */ `
  fragment Bench_Edge on GraphEdge {
    id
    type
    from
    to
    basis
    rationale
  }
`;

/** An edit between timed questions: an action measured by a measure (written again if it is already). */
export const measureActionOperation = /* GraphQL */ `
  mutation Bench_MeasureAction($from: ID!, $to: ID!) {
    createLink(input: { from: $from, type: MEASURED_BY, to: $to, basis: CURATED, rationale: "Benchmark edit" }, why: "Benchmark edit") { id }
  }
`;

export const traceOperation = /* GraphQL */ `
  query Bench_Trace($id: ID!) {
    trace(id: $id) {
      root { ...Bench_Node }
      paths { nodes edges reaches basis }
      authorities { ...Bench_Node }
      corporatePriorities { ...Bench_Node }
      subgraph {
        nodes { ...Bench_Node }
        edges { ...Bench_Edge }
      }
    }
  }
  ${nodeFragment}
  ${edgeFragment}
`;

export const gapsOperation = /* GraphQL */ `
  query Bench_Gaps($scope: ScopeInput, $codes: [String!]) {
    gaps(scope: $scope, codes: $codes) {
      total
      rules {
        code
        severity
        title
        checked
        passing
        coverage
        findingCount
        informationCount
        findings {
          severity
          detail
          node { ...Bench_Node }
          plan { id title }
        }
      }
    }
  }
  ${nodeFragment}
`;

export const coverageOperation = /* GraphQL */ `
  query Bench_Coverage($scope: ScopeInput) {
    coverage(scope: $scope) {
      rules { code checked passing coverage }
      byPlan { ...Bench_CoverageRow }
      byPriority { ...Bench_CoverageRow }
      byAuthority { ...Bench_CoverageRow }
      byInspection { ...Bench_CoverageRow }
    }
  }
  fragment Bench_CoverageRow on CoverageRow {
    subject { id label title }
    checked
    passing
    coverage
    rules { code checked passing coverage }
  }
`;

export const alignmentOperation = /* GraphQL */ `
  query Bench_Alignment($rows: AlignmentSetInput!, $columns: AlignmentSetInput!) {
    alignment(rows: $rows, columns: $columns) {
      rows { ...Bench_Node }
      columns { ...Bench_Node }
      cells {
        row
        column
        connection
        links { ...Bench_Edge }
        sharedAuthorities { id title }
        sharedThemes { id title }
      }
      uncoveredRows { id }
      uncoveredColumns { id }
    }
  }
  ${nodeFragment}
  ${edgeFragment}
`;

export const searchOperation = /* GraphQL */ `
  query Bench_Search($text: String!) {
    search(text: $text) {
      query
      hits {
        score
        excerpt
        node { ...Bench_Node }
        plan { id title }
      }
    }
  }
  ${nodeFragment}
`;

export const evidenceChainOperation = /* GraphQL */ `
  query Bench_EvidenceChain($id: ID!) {
    evidenceChain(id: $id) {
      root { ...Bench_Node }
      evidence { ...Bench_Node }
      responses {
        action { ...Bench_Node }
        evidence { id }
        edge { ...Bench_Edge }
        measures {
          measure { ...Bench_Node }
          observations { id title properties }
        }
        priorities { ...Bench_Node }
        authorities { ...Bench_Node }
      }
      subgraph {
        nodes { ...Bench_Node }
        edges { ...Bench_Edge }
      }
    }
  }
  ${nodeFragment}
  ${edgeFragment}
`;

export const impactOperation = /* GraphQL */ `
  query Bench_Impact($id: ID!) {
    impact(id: $id) {
      root { ...Bench_Node }
      countsByLabel { label count }
      truncated
      subgraph {
        nodes { ...Bench_Node }
        edges { ...Bench_Edge }
      }
    }
  }
  ${nodeFragment}
  ${edgeFragment}
`;
