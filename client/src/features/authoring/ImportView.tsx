import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { describeNode, linkPhrase } from '../../components/labels.ts';
import { LinksTable } from '../../components/LinksTable.tsx';
import { graphql } from '../../generated/gql.ts';
import type { ImportView_ImportMutation } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import { textDataUrl } from '../../components/download.ts';
import { formErrors } from './errors.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { ErrorSummary, Field, hasProblems, noProblems, problemOf, type Problems } from './forms.tsx';
import {
  csvColumnHelp,
  csvTemplate,
  csvTemplateColumns,
  decodeFile,
  groupByKind,
  importedPlanId,
  importExtensions,
  listCounts,
  noteLocation,
  publisherProblem,
  splitLinks,
  choicesByTarget,
  choiceTexts,
  outlineTree,
  partKindOptions,
  type DecodedFile,
  type OutlineNode,
} from './importing.ts';
import { useSignedIn } from './session.ts';
import { writeContext } from './write-context.ts';

const ImportMutation = graphql(`
  mutation ImportView_Import($input: ImportInput!, $dryRun: Boolean!) {
    importDocument(input: $input, dryRun: $dryRun) {
      dryRun
      committed
      document { id title }
      created { id label title code term corporate kind }
      updated { id label title code term corporate kind }
      createdLinks { id type from to basis rationale section excerpt }
      unchanged
      notUnderstood { line path text message }
      faults { line path text message }
      outline { kind depth level title line page size target chosen became }
      choices
      choicesReused
    }
  }
`);

type Result = ImportView_ImportMutation['importDocument'];
type Node = Result['created'][number];
type Part = Result['outline'][number];

const partNames: Record<Part['kind'], string> = { HEADING: 'Heading', LIST: 'A list', TABLE: 'A table', PARAGRAPHS: 'Paragraphs' };
// A choice for a list or table applies to all the lists and tables under its heading, one for paragraphs to all its paragraphs.
const choiceLabels: Record<Part['kind'], string> = {
  HEADING: 'This heading is',
  LIST: 'The lists and tables under this heading hold',
  TABLE: 'The lists and tables under this heading hold',
  PARAGRAPHS: 'The paragraphs under this heading hold',
};

/**
 * The outline the document was read as, as a nested list: each heading, list, table and run of
 * paragraphs with where it is and what it became, and a control to say what it is.
 */
function OutlineTree({
  parts,
  chosen,
  onChoose,
}: {
  parts: readonly Part[];
  chosen: ReadonlyMap<string, string>;
  onChoose: (target: string, kind: string) => void;
}) {
  const draw = (nodes: OutlineNode<Part>[]) => (
    <ul className="outline-tree">
      {nodes.map(({ part, children }, index) => {
        const id = `outline-${part.line}-${part.depth}-${index}`;
        return (
          <li key={id}>
            <div className="outline-part">
              {part.kind === 'HEADING' && <span className="outline-kind">Heading </span>}
              {part.kind === 'HEADING' ? (
                <strong id={`${id}-title`}>{part.title}</strong>
              ) : (
                <span id={`${id}-title`}>
                  {part.kind === 'PARAGRAPHS'
                    ? `${part.size} ${part.size === 1 ? 'paragraph' : 'paragraphs'}: `
                    : `${partNames[part.kind]} of ${part.size} ${part.kind === 'TABLE' ? (part.size === 1 ? 'row' : 'rows') : part.size === 1 ? 'item' : 'items'}: `}
                  {part.title}
                </span>
              )}{' '}
              {part.line > 0 && (
                <span className="hint-inline">
                  ({part.page ? `p. ${part.page}, ` : ''}line {part.line})
                </span>
              )}
              <br />
              <span id={`${id}-became`}>Became: {part.became}</span>
              {part.target && (
                <>
                  <br />
                  <label htmlFor={id} className="outline-choice">
                    <span id={`${id}-label`}>{choiceLabels[part.kind]}</span>{' '}
                    <select
                      id={id}
                      aria-labelledby={`${id}-label ${id}-title`}
                      aria-describedby={`${id}-became`}
                      value={chosen.get(part.target) ?? ''}
                      onChange={(event) => onChoose(part.target, event.target.value)}
                    >
                      <option value="">as read automatically</option>
                      {partKindOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              )}
            </div>
            {children.length > 0 && draw(children)}
          </li>
        );
      })}
    </ul>
  );
  return draw(outlineTree(parts));
}

const fieldNames = { fileName: 'Document', publisherId: 'Publisher' };
const template = csvTemplate();

/** "Line 12, nodes[3].title: unknown id" — a fault as the error summary lists it. */
const faultText = (note: Result['faults'][number]) => {
  const where = noteLocation(note);
  return `${where ? `${where}: ` : ''}${note.message}${note.text ? ` (“${note.text}”)` : ''}`;
};

function NodeTable({ caption, nodes }: { caption: string; nodes: readonly Node[] }) {
  return (
    <table className="data-table preview-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Described as</th>
          <th scope="col">Id</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => (
          <tr key={node.id}>
            <td>{node.title}</td>
            <td>{describeNode(node)}</td>
            <td>
              <code>{node.id}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What an import would do (or did): items by kind, links with their basis, what was left unread. */
function ImportReport({ result, headingId }: { result: Result; headingId: string }) {
  const titles = new Map([...result.created, ...result.updated].map((node) => [node.id, node.title]));
  // Items already in the graph are named by id: the preview carries only what the file adds.
  const name = (id: string) =>
    titles.get(id) ?? (
      <>
        <code>{id}</code> <span className="hint-inline">(already in the graph)</span>
      </>
    );
  const created = groupByKind(result.created);
  const { links, provenance } = splitLinks(result.createdLinks);
  const would = result.committed ? '' : 'would be ';
  return (
    <>
      <h3>{result.committed ? 'Created' : 'What would be created'}</h3>
      {created.length === 0 ? (
        <p>Nothing new: everything in this file is already in the graph.</p>
      ) : (
        <>
          <p>{listCounts(created)}.</p>
          {created.map((group) => (
            <NodeTable key={group.label} caption={`${group.heading} (${group.nodes.length})`} nodes={group.nodes} />
          ))}
        </>
      )}
      {result.updated.length > 0 && (
        <>
          <h3>{result.committed ? 'Changed' : 'What would change'}</h3>
          <p>These items are already in the graph from this document; their properties {would || 'were '}changed to what the file says now.</p>
          <NodeTable caption={`Changed items (${result.updated.length})`} nodes={result.updated} />
        </>
      )}
      <h3>{result.committed ? 'Links created' : 'Links that would be created'}</h3>
      {links.length === 0 ? (
        <p>No links between items.</p>
      ) : (
        <LinksTable
          caption={`Links (${links.length})`}
          className="preview-table"
          rows={links.map((link) => ({
            id: link.id,
            from: name(link.from),
            phrase: linkPhrase(link.type),
            to: name(link.to),
            basis: link.basis ?? 'STATED',
            notes: [link.rationale, link.excerpt && `“${link.excerpt}”`].filter((note): note is string => Boolean(note)),
          }))}
        />
      )}
      {provenance.length > 0 && (
        <p>
          And {provenance.length} {provenance.length === 1 ? 'link' : 'links'} from each item to the source document, with the words it comes from.
        </p>
      )}
      <p>
        Already in the graph exactly as in this file: {result.unchanged} {result.unchanged === 1 ? 'item or link' : 'items and links'}.
      </p>
      <h3 id={`${headingId}-unread`}>Not understood</h3>
      {result.notUnderstood.length === 0 ? (
        <p>Every line was understood.</p>
      ) : (
        <>
          <p>These lines were left out. The import works without them; add what matters by hand afterwards, or reword the document and preview again.</p>
          <table className="data-table preview-table">
            <caption>Lines not understood ({result.notUnderstood.length})</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Text</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {result.notUnderstood.map((note, index) => (
                <tr key={`${note.line}-${note.path}-${index}`}>
                  <td>{noteLocation(note) ?? '—'}</td>
                  <td>{note.text ?? '—'}</td>
                  <td>{note.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** The CSV template's columns and a download of it, made in the browser. */
function CsvHelp() {
  return (
    <section aria-labelledby="csv-help-heading" className="import-help">
      <h2 id="csv-help-heading">Importing a spreadsheet</h2>
      <p>
        Save the spreadsheet as CSV (UTF-8) with one row per item and these columns in the first row. Only <strong>label</strong> and <strong>title</strong> are
        required; leave other cells blank when they do not apply.
      </p>
      <p>
        <a href={textDataUrl(template, 'text/csv')} download="import-template.csv">
          Download the CSV template
        </a>{' '}
        (an example plan with one priority and two actions)
      </p>
      <details>
        <summary>What each column holds</summary>
        <dl className="column-help">
          {csvTemplateColumns.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{csvColumnHelp[column]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

/**
 * Import a document in three steps: choose the file, preview what it would create (a dry run
 * that writes nothing), then confirm. Faults stop the import and are listed at the top; lines
 * the importer could not place are listed but do not stop it.
 */
export function ImportView() {
  const signedIn = useSignedIn();
  const [, runImport] = useMutation(ImportMutation);
  const [file, setFile] = useState<DecodedFile | null>(null);
  const [publisher, setPublisher] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<{ result: Result; fileName: string } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  // What the person said each part of the outline is, by target; null until they change one, so the choices kept with the document apply.
  const [chosen, setChosen] = useState<Map<string, string> | null>(null);
  // True while choices were changed since the preview shown.
  const [stale, setStale] = useState(false);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setChosen(null);
    setDone(null);
    setProblems(noProblems);
    if (!chosen) {
      setFile(null);
      return;
    }
    const decoded = decodeFile(chosen.name, await chosen.arrayBuffer());
    setFile(decoded);
    if (!decoded.ok) setProblems({ fields: [{ field: 'fileName', message: decoded.message }], general: [] });
  };

  const send = async (dryRun: boolean) => {
    if (!file?.ok) return;
    setBusy(dryRun ? 'preview' : 'import');
    const input = {
      fileName: file.fileName,
      content: file.content,
      contentBase64: file.contentBase64,
      publisherId: publisher.trim() || null,
      choices: chosen ? choiceTexts(chosen) : null,
    };
    const response = await runImport({ input, dryRun }, writeContext);
    setBusy(null);
    const result = response.data?.importDocument;
    if (response.error || !result) {
      setProblems(
        response.error ? { ...formErrors(response.error, fieldNames) } : { fields: [], general: ['The server sent no answer; nothing was imported.'] },
      );
      return;
    }
    if (result.faults.length > 0) {
      setPreview(result);
      setProblems({ fields: [], general: result.faults.map(faultText) });
      return;
    }
    setProblems(noProblems);
    setStale(false);
    if (dryRun) setPreview(result);
    else {
      setPreview(null);
      setDone({ result, fileName: file.fileName });
    }
  };

  // Focus moves to a new preview or result once it is on the page, so it is announced.
  const showingPreview = Boolean(preview && preview.faults.length === 0);
  useEffect(() => {
    if (showingPreview) previewHeading.current?.focus();
  }, [preview, showingPreview]);
  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  const submitPreview = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = { fields: [], general: [] };
    if (!file) found.fields.push({ field: 'fileName', message: 'Choose the document to import' });
    else if (!file.ok) found.fields.push({ field: 'fileName', message: file.message });
    const publisherFault = publisherProblem(publisher);
    if (publisherFault) found.fields.push({ field: 'publisherId', message: publisherFault });
    setProblems(found);
    if (!hasProblems(found)) void send(true);
  };

  const startAgain = () => {
    setFile(null);
    setPreview(null);
    setChosen(null);
    setDone(null);
    setProblems(noProblems);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const planId = done ? importedPlanId(done.result) : null;
  const planTitle = done && planId ? [...done.result.created, ...done.result.updated].find(({ id }) => id === planId)?.title : null;
  const faultTitle =
    preview && preview.faults.length > 0 ? `${file?.fileName ?? 'The file'} cannot be imported: nothing has been written` : 'There is a problem';
  const canConfirm = preview && preview.faults.length === 0 && (preview.created.length > 0 || preview.updated.length > 0 || preview.createdLinks.length > 0);

  return (
    <section aria-labelledby="page-heading" className="import-view">
      <PageHeading title="Import a document">Import a document</PageHeading>
      <ErrorSummary problems={problems} idPrefix="import" title={faultTitle} />
      {done ? (
        <div className="notification notification-success">
          <h2 ref={doneHeading} tabIndex={-1}>
            Imported {done.fileName}
          </h2>
          <p>
            {listCounts(groupByKind(done.result.created))} created, with {done.result.createdLinks.length} links
            {done.result.updated.length > 0 ? `; ${done.result.updated.length} items changed` : ''}. The import is recorded in the history under your name.
          </p>
          <ul className="next-steps">
            {planId && (
              <>
                <li>
                  <Link href={hrefTo('plans', { id: planId })}>Open the plan: {planTitle}</Link>
                </li>
                <li>
                  <Link href={hrefTo('gaps', { plan: planId })}>Gaps in {planTitle}</Link>
                </li>
              </>
            )}
            <li>
              <button type="button" className="link-button" onClick={startAgain}>
                Import another document
              </button>
            </li>
          </ul>
          <ImportReport result={done.result} headingId="done" />
        </div>
      ) : (
        <>
          <p>
            Bring in a strategy, plan or inspection report. You see what it would add before anything is written, and every item keeps the words of the document
            it comes from.
          </p>
          {!signedIn && (
            <p className="notice">
              <strong>You are not signed in.</strong> Previewing and importing are done by the server for editors only: use “Sign in to edit” at the top of the
              page first.
            </p>
          )}
          <form onSubmit={submitPreview} noValidate className="import-form">
            <Field
              id="import-fileName"
              label="Document"
              hint="A strategy or report as plain text (.txt), Markdown (.md) or a saved web page (.html); a seed file (.yaml, .yml, .json); a graph export (.json); or the CSV template below. UTF-8 text, up to 2 MB."
              error={problemOf(problems, 'fileName')}
            >
              {(described) => (
                <input ref={fileInput} type="file" {...described} accept={importExtensions.join(',')} onChange={(event) => void chooseFile(event)} />
              )}
            </Field>
            <Field
              id="import-publisherId"
              label="Publisher (optional)"
              hint="The id of the organisation that publishes it, if it is already in the graph, such as org/redbridge-council. Leave blank if you are not sure."
              error={problemOf(problems, 'publisherId')}
            >
              {(described) => (
                <input
                  type="text"
                  {...described}
                  value={publisher}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) => {
                    setPublisher(event.target.value);
                    setPreview(null);
                  }}
                />
              )}
            </Field>
            <div className="button-row">
              <button type="submit" className="primary-button" disabled={busy !== null}>
                Preview
              </button>
              <span className="hint-inline">Nothing is written until you confirm.</span>
            </div>
            <p role="status" className="message">
              {busy === 'preview' && 'Reading the document…'}
              {busy === 'import' && 'Importing…'}
            </p>
          </form>
          {preview && preview.faults.length === 0 && (
            <section aria-labelledby="preview-heading" className="import-preview">
              <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
                Preview of {file?.fileName}
              </h2>
              <p className="notice">
                <strong>Nothing has been written yet.</strong> Check what the document would add, then import it.
              </p>
              {preview.outline.length > 0 && (
                <section aria-labelledby="outline-heading" className="import-outline">
                  <h3 id="outline-heading">How the document was read</h3>
                  <p>
                    {preview.choicesReused
                      ? `Read with the choices kept from its last import: ${preview.choices.join('; ')}. `
                      : preview.choices.length > 0
                        ? `Read with your choices: ${preview.choices.join('; ')}. `
                        : ''}
                    Each heading, list and table says what it became. Where it is wrong, say what the part is and preview again; your choices are kept with the
                    document for its next version.
                  </p>
                  <OutlineTree
                    parts={preview.outline}
                    chosen={chosen ?? choicesByTarget(preview.choices)}
                    onChoose={(target, kind) => {
                      const next = new Map(chosen ?? choicesByTarget(preview.choices));
                      next.set(target, kind);
                      setChosen(next);
                      setStale(true);
                    }}
                  />
                  <div className="button-row">
                    <button type="button" className="secondary-button" disabled={busy !== null || !stale} onClick={() => void send(true)}>
                      Preview again
                    </button>
                    {stale && <span className="hint-inline">You changed what parts are: preview again before importing.</span>}
                  </div>
                </section>
              )}
              <ImportReport result={preview} headingId="preview" />
              {canConfirm ? (
                <div className="confirm-box">
                  <p>Importing writes all of this in one go, or nothing if anything fails. It is recorded in the history under your name.</p>
                  <button type="button" className="primary-button" disabled={busy !== null || stale} onClick={() => void send(false)}>
                    Import {file?.fileName}
                  </button>
                </div>
              ) : (
                <p>There is nothing to import: the graph already holds everything in this file.</p>
              )}
            </section>
          )}
          {preview && preview.notUnderstood.length > 0 && preview.faults.length > 0 && (
            <section aria-labelledby="preview-unread-heading">
              <h2 id="preview-unread-heading">Lines not understood</h2>
              <ul>
                {preview.notUnderstood.map((note, index) => (
                  <li key={index}>
                    {noteLocation(note) ?? ''} {note.text ? `“${note.text}”` : ''}: {note.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CsvHelp />
        </>
      )}
      <section aria-labelledby="export-heading" className="export-section">
        <h2 id="export-heading">Export</h2>
        <p>Download the whole graph. To export one plan with everything it links to, open the plan and use “Export this plan”.</p>
        <ExportButtons subject="the whole graph" />
      </section>
    </section>
  );
}
