import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Options } from '../../components/Options.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { basisNames, describeNode, labelName, linkPhrase } from '../../components/labels.ts';
import { readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { LinkType } from '../../generated/graphql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { formErrors, reloadFor, type Conflict } from './errors.ts';
import { ErrorSummary, Field, noProblems, problemOf, SubmitOrCancel, WhyField, type Problems } from './forms.tsx';
import { formatTimeOn } from './history.ts';
import { linkRules, linkTypesFrom } from './model.ts';
import { writeContext } from './write-context.ts';

const SearchQuery = graphql(`
  query AddLinkForm_Targets($text: String!, $labels: [NodeLabel!]) {
    search(text: $text, labels: $labels, first: 10) {
      hits {
        node { id title ...GraphElement_Node }
        plan { title }
      }
      missingProvisions { id citation authorityTitle authorityHeld }
    }
  }
`);

const CreateLinkMutation = graphql(`
  mutation AddLinkForm_Create($input: LinkInput!, $why: String) {
    createLink(input: $input, why: $why) { id type from to basis rationale by at version }
  }
`);

const LinkToCitedMutation = graphql(`
  mutation AddLinkForm_LinkToCited($from: ID!, $citation: String!, $type: LinkType, $rationale: String!, $why: String) {
    linkToCitedProvision(from: $from, citation: $citation, type: $type, rationale: $rationale, why: $why) {
      provision { id title }
      createdProvision
    }
  }
`);

const labels = {
  type: 'Link type',
  citation: 'What it links to',
  to: 'What it links to',
  rationale: 'Rationale',
  section: 'Section',
  excerpt: 'Words of the source',
  basis: 'How it is known',
};

/** A link the node already starts, as read: writing it again changes it, and names this version. */
export interface ExistingLink {
  type: string;
  to: string;
  version: number;
  basis?: string | null | undefined;
  rationale?: string | null | undefined;
  by?: string | null | undefined;
  at?: string | null | undefined;
}

interface AddLinkFormProps {
  node: { id: string; label: string; title: string };
  /** The links the node starts, as the panel read them. */
  links: ExistingLink[];
  /** Reads the node's links again from the server, past every cache; null when the node no longer exists. Rejects with a message for people. */
  reload: () => Promise<ExistingLink[] | null>;
  onDone: (message: string | null) => void;
}

/**
 * Draws a link from a node: its type (only those the node's kind may start), what it links to
 * (found by search among the kinds the type may end at) and how it is known: curated with a
 * rationale, or stated with the source's words. Drawing a link that exists changes it, naming the
 * version read; if someone else changed or drew it since, the person reloads and saves again.
 */
export function AddLinkForm({ node, links, reload, onDone }: AddLinkFormProps) {
  const types = linkTypesFrom(node.label);
  const [type, setType] = useState(types[0] ?? '');
  const [searchText, setSearchText] = useState('');
  const [searched, setSearched] = useState('');
  // A provision the graph does not hold yet carries the citation that adds it.
  const [target, setTarget] = useState<{ id: string; title: string; citation?: string } | null>(null);
  const [basis, setBasis] = useState<'CURATED' | 'STATED'>('CURATED');
  const [rationale, setRationale] = useState('');
  const [section, setSection] = useState('');
  const [excerpt, setExcerpt] = useState('');
  const [why, setWhy] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  // The links as the person saw them: opened, or reloaded after a conflict.
  const [known, setKnown] = useState(links);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const existingNotice = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (reloaded) existingNotice.current?.focus();
  }, [reloaded]);
  const targetLabels = [...(linkRules[type]?.to ?? [])];
  const [search] = useQuery({ query: SearchQuery, variables: { text: searched, labels: targetLabels }, pause: !searched });
  const [{ fetching }, create] = useMutation(CreateLinkMutation);
  const [{ fetching: adding }, linkToCited] = useMutation(LinkToCitedMutation);
  const hits = (search.data?.search.hits ?? []).filter((hit) => hit.node.id !== node.id);
  const missing = search.data?.search.missingProvisions ?? [];
  const existing = target ? known.find((link) => link.type === type && link.to === target.id) : undefined;

  const find = () => {
    setTarget(null);
    setReloaded(false);
    setSearched(searchText.trim());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = { fields: [], general: [] };
    if (!target)
      found.fields.push({ field: 'to', message: searched ? 'Choose what it links to from the results' : 'Search for what it links to, then choose it' });
    if (basis === 'CURATED' && !rationale.trim()) found.fields.push({ field: 'rationale', message: 'Enter why the link is right' });
    if (basis === 'STATED' && !section.trim()) found.fields.push({ field: 'section', message: 'Enter the section of the source that states it' });
    if (basis === 'STATED' && !excerpt.trim()) found.fields.push({ field: 'excerpt', message: 'Enter the words of the source that state it' });
    if (target?.citation && basis === 'STATED')
      found.fields.push({ field: 'basis', message: 'A provision not in the graph yet is linked as curated: choose Curated and say why' });
    setProblems(found);
    if (found.fields.length || !target) return;
    if (target.citation) {
      const added = await linkToCited(
        { from: node.id, citation: target.citation, type: type as LinkType, rationale: rationale.trim(), why: why.trim() || null },
        writeContext,
      );
      if (added.error) {
        const refused = formErrors(added.error, labels);
        // The citation is what was chosen as the link's end.
        setProblems({ ...refused, fields: refused.fields.map((problem) => (problem.field === 'citation' ? { ...problem, field: 'to' } : problem)) });
        return;
      }
      const { provision, createdProvision } = added.data!.linkToCitedProvision;
      onDone(
        `${createdProvision ? `Added “${provision.title}” to the graph and linked` : 'Linked'}: “${node.title}” ${linkPhrase(type)} “${provision.title}”.`,
      );
      return;
    }
    const input =
      basis === 'CURATED'
        ? { from: node.id, type: type as LinkType, to: target.id, basis, rationale: rationale.trim() }
        : { from: node.id, type: type as LinkType, to: target.id, basis, section: section.trim(), excerpt: excerpt.trim() };
    const result = await create({ input: { ...input, ...(existing ? { version: existing.version } : {}) }, why: why.trim() || null }, writeContext);
    if (result.error) {
      const refused = formErrors(result.error, labels);
      setConflict(refused.conflict);
      setReloaded(false);
      setProblems(refused);
      return;
    }
    onDone(`Linked: “${node.title}” ${linkPhrase(type)} “${target.title}”.`);
  };

  const reloadLinks = async () => {
    const current = await reloadFor(reload, setReloading, (message) => setProblems({ fields: [], general: [message] }));
    if (current === undefined) return;
    if (!current) {
      setConflict(null);
      setProblems({ fields: [], general: [`This ${labelName(node.label).toLowerCase()} no longer exists, so no link can start from it.`] });
      return;
    }
    // The panel reads a node's first links only: a link the API says exists is known by its word.
    const missing =
      target && conflict && !conflict.deleted && conflict.currentVersion !== null && !current.some((link) => link.type === type && link.to === target.id);
    setKnown(missing ? [...current, { type, to: target.id, version: conflict.currentVersion!, by: conflict.changedBy, at: conflict.changedAt }] : current);
    setConflict(null);
    setProblems(noProblems);
    setReloaded(true);
  };

  if (types.length === 0) {
    return (
      <div className="authoring-form">
        <p>A {labelName(node.label).toLowerCase()} does not start any links; link to it from the other item.</p>
        <button type="button" className="secondary-button" onClick={() => onDone(null)}>
          Close
        </button>
      </div>
    );
  }

  return (
    <form className="authoring-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-link-heading">
      <h3 id="add-link-heading" ref={heading} tabIndex={-1}>
        Add a link from this {labelName(node.label).toLowerCase()}
      </h3>
      <ErrorSummary problems={problems} idPrefix="link" title={conflict ? 'The link was not saved' : undefined}>
        {conflict && (
          <>
            <p>What you entered is still in the form. Reload the links to see how this one stands now, then add it again.</p>
            <button type="button" className="secondary-button" disabled={reloading} onClick={() => void reloadLinks()}>
              Reload the links
            </button>
          </>
        )}
      </ErrorSummary>
      <Field
        id="link-type"
        label="Link type"
        hint={`It ${linkPhrase(type)} a ${targetLabels.map((label) => labelName(label).toLowerCase()).join(' or ')}.`}
        error={problemOf(problems, 'type')}
      >
        {(described) => (
          <select
            {...described}
            value={type}
            onChange={(event) => {
              setType(event.target.value);
              setTarget(null);
              setReloaded(false);
              setSearched('');
            }}
          >
            <Options values={types} name={linkPhrase} />
          </select>
        )}
      </Field>
      <Field id="link-search" label="Find what it links to" hint="Words from its title, such as Care Act or carers." error={undefined}>
        {(described) => (
          <div className="search-row">
            <input
              type="search"
              {...described}
              value={searchText}
              autoComplete="off"
              onChange={(event) => setSearchText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  find();
                }
              }}
            />
            <button type="button" onClick={find}>
              Find
            </button>
          </div>
        )}
      </Field>
      {searched && (
        <fieldset
          className={`form-group${problemOf(problems, 'to') ? ' form-group-error' : ''}`}
          aria-describedby={problemOf(problems, 'to') ? 'link-to-error' : undefined}
        >
          <legend className="field-label">What it links to</legend>
          {problemOf(problems, 'to') && (
            <p id="link-to-error" className="error-message">
              <span className="visually-hidden">Error:</span> {problemOf(problems, 'to')}
            </p>
          )}
          <QueryState fetching={search.fetching} error={search.error} what="the search results">
            {hits.length === 0 && missing.length === 0 && (
              <p>
                Nothing matches “{searched}” among the {targetLabels.map((label) => labelName(label).toLowerCase()).join(' and ')} items. Try other words.
              </p>
            )}
            {hits.map((hit, index) => (
              <div className="radio-row" key={hit.node.id}>
                <input
                  type="radio"
                  id={index === 0 ? 'link-to' : `link-to-${index}`}
                  name="link-to"
                  value={hit.node.id}
                  checked={target?.id === hit.node.id}
                  onChange={() => {
                    setTarget({ id: hit.node.id, title: hit.node.title });
                    setReloaded(false);
                  }}
                />
                <label htmlFor={index === 0 ? 'link-to' : `link-to-${index}`}>
                  {hit.node.title} <span className="badge">{describeNode(readFragment(GraphNodeFragment, hit.node))}</span>
                  {hit.plan && <span className="hint-inline"> in {hit.plan.title}</span>}
                </label>
              </div>
            ))}
            {targetLabels.includes('Provision') &&
              missing.map((provision, index) => (
                <div className="radio-row" key={provision.id}>
                  <input
                    type="radio"
                    id={hits.length + index === 0 ? 'link-to' : `link-to-new-${index}`}
                    name="link-to"
                    value={provision.id}
                    checked={target?.id === provision.id}
                    aria-describedby={`link-to-new-${index}-hint`}
                    onChange={() => {
                      setTarget({ id: provision.id, title: provision.citation, citation: provision.citation });
                      setBasis('CURATED');
                      setReloaded(false);
                    }}
                  />
                  <div>
                    <label htmlFor={hits.length + index === 0 ? 'link-to' : `link-to-new-${index}`}>
                      {provision.citation} — not in the graph yet: add it and link to it
                    </label>
                    <p id={`link-to-new-${index}-hint`} className="hint">
                      {provision.authorityHeld
                        ? `It is added under the ${provision.authorityTitle}, as curated by you.`
                        : `The ${provision.authorityTitle} is added too, from the catalogue of legislation.`}
                    </p>
                  </div>
                </div>
              ))}
          </QueryState>
        </fieldset>
      )}
      {!searched && problemOf(problems, 'to') && (
        <p id="link-to" tabIndex={-1} className="error-message">
          <span className="visually-hidden">Error:</span> {problemOf(problems, 'to')}
        </p>
      )}
      {existing && target && (
        <p className="notice" ref={existingNotice} tabIndex={-1} id="link-existing">
          {reloaded ? 'Reloaded: this' : 'This'} link already exists: {basisNames[existing.basis ?? 'STATED'] ?? existing.basis}
          {existing.by && `, by ${existing.by}`}
          {existing.at && (
            <>
              {' '}
              at <time dateTime={existing.at}>{formatTimeOn(existing.at)}</time>
            </>
          )}
          {existing.rationale && `: “${existing.rationale}”`}. Adding it replaces how it is known with what you enter here.
        </p>
      )}
      {reloaded && target && !existing && (
        <p className="notice" ref={existingNotice} tabIndex={-1} id="link-existing">
          Reloaded: there is no such link now. Adding it creates it.
        </p>
      )}
      <fieldset className="form-group">
        <legend className="field-label">How it is known</legend>
        <div className="radio-row">
          <input type="radio" id="link-basis" name="link-basis" value="CURATED" checked={basis === 'CURATED'} onChange={() => setBasis('CURATED')} />
          <label htmlFor="link-basis">Curated: you judge the link is right, and say why</label>
        </div>
        <div className="radio-row">
          <input type="radio" id="link-basis-stated" name="link-basis" value="STATED" checked={basis === 'STATED'} onChange={() => setBasis('STATED')} />
          <label htmlFor="link-basis-stated">Stated: the source document says so, in words you can quote</label>
        </div>
      </fieldset>
      {basis === 'CURATED' ? (
        <Field id="link-rationale" label="Rationale" hint="Why the link is right, for the next reader." error={problemOf(problems, 'rationale')}>
          {(described) => <textarea {...described} rows={3} value={rationale} onChange={(event) => setRationale(event.target.value)} />}
        </Field>
      ) : (
        <>
          <Field id="link-section" label="Section" hint="Where in the source, such as Priority 2 or page 14." error={problemOf(problems, 'section')}>
            {(described) => <input type="text" {...described} value={section} autoComplete="off" onChange={(event) => setSection(event.target.value)} />}
          </Field>
          <Field id="link-excerpt" label="Words of the source" hint="Copied word for word." error={problemOf(problems, 'excerpt')}>
            {(described) => <textarea {...described} rows={3} value={excerpt} onChange={(event) => setExcerpt(event.target.value)} />}
          </Field>
        </>
      )}
      <WhyField id="link-why" value={why} onChange={setWhy} />
      <SubmitOrCancel label="Add link" busy={fetching || adding || reloading} onCancel={() => onDone(null)} />
    </form>
  );
}
