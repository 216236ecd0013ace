import { useId, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../generated/gql.ts';
import type { ExportFormat } from '../../generated/graphql.ts';
import './authoring.css';
import { saveFile } from '../../components/download.ts';
import { writeErrorMessage } from './errors.ts';

const ExportQuery = graphql(`
  query ExportButtons_Export($planId: ID, $format: ExportFormat!) {
    exportGraph(planId: $planId, format: $format) {
      fileName
      mediaType
      content
    }
  }
`);

const formats: { format: ExportFormat; name: string; use: string }[] = [
  { format: 'JSON', name: 'JSON', use: 'every property, re-importable without loss' },
  { format: 'CSV', name: 'CSV', use: 'the import template’s columns, for spreadsheets' },
  { format: 'GRAPHML', name: 'GraphML', use: 'for graph tools such as Gephi or yEd' },
];

type State = { kind: 'idle' } | { kind: 'working'; name: string } | { kind: 'saved'; fileName: string } | { kind: 'failed'; message: string };

/**
 * Buttons that download the whole graph, or one plan with everything it links to, as JSON, CSV
 * or GraphML. Exporting is reading, so it needs no sign-in.
 */
export function ExportButtons({ planId, subject }: { planId?: string /** "this plan", "the whole graph". */; subject: string }) {
  const client = useClient();
  const headingId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const exportAs = async (format: ExportFormat, name: string) => {
    setState({ kind: 'working', name });
    const result = await client.query(ExportQuery, { planId: planId ?? null, format }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.exportGraph;
    if (result.error || !file) {
      setState({ kind: 'failed', message: result.error ? writeErrorMessage(result.error) : 'The server sent no file.' });
      return;
    }
    saveFile(file.content, file.fileName, file.mediaType);
    setState({ kind: 'saved', fileName: file.fileName });
  };

  return (
    <div className="export-buttons" role="group" aria-labelledby={headingId}>
      <p id={headingId} className="export-title">
        Export {subject}
      </p>
      <ul className="export-list">
        {formats.map(({ format, name, use }) => (
          <li key={format}>
            <button
              type="button"
              className="secondary-button"
              aria-label={`Export ${subject} as ${name}`}
              disabled={state.kind === 'working'}
              onClick={() => void exportAs(format, name)}
            >
              {name}
            </button>{' '}
            <span className="hint-inline">{use}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="export-status">
        {state.kind === 'working' && `Preparing the ${state.name} file…`}
        {state.kind === 'saved' && `Saved ${state.fileName}.`}
      </p>
      {state.kind === 'failed' && (
        <p role="alert" className="message message-error">
          Could not export {subject}. {state.message}
        </p>
      )}
    </div>
  );
}
