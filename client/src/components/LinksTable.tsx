import type { ReactNode } from 'react';
import { basisNames } from './labels.ts';

/** One link as a row: its ends already named, and what a reader should know of why it holds. */
export interface LinkRow {
  id: string;
  from: ReactNode;
  phrase: string;
  to: ReactNode;
  basis: string;
  /** The rationale, the source's words: each its own paragraph. */
  notes: readonly string[];
}

export interface LinksTableProps {
  caption: string;
  /** Hide the caption where a heading beside the table already says what it is. */
  captionHidden?: boolean;
  className: string;
  rows: readonly LinkRow[];
}

/** Links as a table: from, link, to, basis (stated, curated or suggested) and why. */
export function LinksTable({ caption, captionHidden = false, className, rows }: LinksTableProps) {
  return (
    <table className={`data-table ${className}`}>
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col">Link</th>
          <th scope="col">To</th>
          <th scope="col">Basis</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.from}</td>
            <td>{row.phrase}</td>
            <td>{row.to}</td>
            <td>
              <span className={`basis basis-${row.basis.toLowerCase()}`}>{basisNames[row.basis] ?? row.basis}</span>
            </td>
            <td>{row.notes.length === 0 ? '—' : row.notes.map((note) => <p key={note}>{note}</p>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
