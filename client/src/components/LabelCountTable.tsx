import { type FragmentType, readFragment } from '../generated/fragment-masking.ts';
import { graphql } from '../generated/gql.ts';

export const LabelCountFragment = graphql(`
  fragment LabelCountTable_Count on LabelCount {
    label
    count
  }
`);

interface LabelCountTableProps {
  caption: string;
  counts: readonly FragmentType<typeof LabelCountFragment>[];
  /** How a label is named in its row (default: as the graph writes it, "Role"). */
  nameOf?: (label: string) => string;
}

/** A table of how many nodes carry each label, a row per label, each row marked with its label for tests and styles. */
export function LabelCountTable({ caption, counts, nameOf = (label) => label }: LabelCountTableProps) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col" className="numeric">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {readFragment(LabelCountFragment, counts).map(({ label, count }) => (
          <tr key={label} data-label={label}>
            <th scope="row">{nameOf(label)}</th>
            <td className="numeric">{count.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
