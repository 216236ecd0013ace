import { describe, expect, it } from 'vitest';
import {
  checkValues,
  childKinds,
  initialValues,
  isEditable,
  isRemovableLink,
  linkTypesFrom,
  newNodeInput,
  optionLabel,
  propertyChanges,
  rebaseValues,
} from './model.ts';

describe('what may sit under what', () => {
  it('offers priorities, objectives and actions under a plan, and only actions under an action', () => {
    expect(childKinds('Plan')).toEqual(['Priority', 'Objective', 'Action']);
    expect(childKinds('Objective')).toEqual(['Objective', 'Action']);
    expect(childKinds('Action')).toEqual(['Action']);
    expect(childKinds('Theme')).toEqual([]);
  });

  it('offers only the link types a kind may start, and keeps hierarchy links out of removal', () => {
    expect(linkTypesFrom('Action')).toEqual([
      'GIVES_EFFECT_TO',
      'CONTRIBUTES_TO',
      'UNDERMINES',
      'RESPONDS_TO',
      'MEASURED_BY',
      'OWNED_BY',
      'PARTNERS_WITH',
      'CONCERNS',
    ]);
    expect(linkTypesFrom('Theme')).toEqual(['CONCERNS']);
    expect(isRemovableLink('GIVES_EFFECT_TO')).toBe(true);
    expect(isRemovableLink('HAS_ACTION')).toBe(false);
    expect(isEditable('Observation')).toBe(false);
    expect(optionLabel('REQUIRES_IMPROVEMENT')).toBe('Requires improvement');
  });
});

describe('form values', () => {
  const plan = { id: 'p', title: 'A plan', kind: 'STRATEGY', status: 'ADOPTED', periodStart: 2024, planId: 'ignored' };

  it('reads stored properties as text, ticks and blanks', () => {
    expect(initialValues('Plan', plan)).toEqual({ title: 'A plan', kind: 'STRATEGY', status: 'ADOPTED', periodStart: '2024', periodEnd: '', text: '' });
    expect(initialValues('Priority', { title: 'P', corporate: true })).toMatchObject({ corporate: true, code: '' });
  });

  it('catches a missing title or choice, a bad year and a period that ends before it starts', () => {
    expect(checkValues('Plan', { title: ' ', kind: '', status: 'ADOPTED', periodStart: '24', periodEnd: '' })).toEqual([
      { field: 'title', message: 'Enter the title' },
      { field: 'kind', message: 'Choose the kind of plan' },
      { field: 'periodStart', message: 'First year must be a year between 1800 and 2200, such as 2024' },
    ]);
    expect(checkValues('Plan', { title: 'T', kind: 'OTHER', status: 'DRAFT', periodStart: '2030', periodEnd: '2025' })).toEqual([
      { field: 'periodEnd', message: 'Last year must be the same as or after the first year' },
    ]);
    expect(checkValues('Evidence', { title: 'T', kind: 'FINDING', date: '15/03/2024' })).toEqual([
      { field: 'date', message: 'Date must be written YYYY, YYYY-MM or YYYY-MM-DD' },
    ]);
    expect(checkValues('Action', { title: 'x'.repeat(401) })).toEqual([{ field: 'title', message: 'Title must be 400 characters or fewer' }]);
  });

  it('sends only what changed: a cleared field and an unticked box as null, a year as a number', () => {
    const values = { ...initialValues('Plan', plan), title: 'A plan ', periodStart: '', periodEnd: '2029', text: 'New words' };
    expect(propertyChanges('Plan', plan, values)).toEqual({ periodStart: null, periodEnd: 2029, text: 'New words' });
    const priority = { title: 'P', corporate: true, code: '1' };
    expect(propertyChanges('Priority', priority, { ...initialValues('Priority', priority), corporate: false })).toEqual({ corporate: null });
    expect(propertyChanges('Priority', { title: 'P', corporate: false }, initialValues('Priority', { title: 'P', corporate: false }))).toEqual({});
  });

  it('builds a new node’s input from the filled fields only', () => {
    expect(newNodeInput('Action', { title: ' Run a hub ', term: 'We will', code: '', discretionary: false })).toEqual({
      title: 'Run a hub',
      properties: { term: 'We will' },
    });
    expect(newNodeInput('Plan', { title: 'P', kind: 'STRATEGY', status: 'DRAFT', periodStart: '2025' })).toEqual({
      title: 'P',
      properties: { kind: 'STRATEGY', status: 'DRAFT', periodStart: 2025 },
    });
  });
});

describe('rebaseValues, after someone else saved the node first', () => {
  const read = { title: 'Offer carers an assessment', code: '1', term: 'We will', discretionary: false };
  const current = { title: 'Offer every carer an assessment', code: '1', term: 'Key action', discretionary: true };

  it('keeps what the person typed, takes the current value of every field they left alone, and lists what changed meanwhile', () => {
    const typed = { ...initialValues('Action', read), title: 'Offer unpaid carers an assessment within four weeks', text: 'Within four weeks of asking.' };
    const { values, changed } = rebaseValues('Action', read, current, typed);
    expect(values).toMatchObject({
      title: 'Offer unpaid carers an assessment within four weeks',
      text: 'Within four weeks of asking.',
      term: 'Key action',
      discretionary: true,
      code: '1',
    });
    expect(changed).toEqual([
      {
        key: 'title',
        label: 'Title',
        before: 'Offer carers an assessment',
        now: 'Offer every carer an assessment',
        yours: 'Offer unpaid carers an assessment within four weeks',
      },
      { key: 'term', label: 'Term', before: 'We will', now: 'Key action', yours: null },
      { key: 'discretionary', label: 'Needs no statutory basis (discretionary)', before: 'no', now: 'yes', yours: null },
    ]);
    // Saved against the new version, only the person's own changes are sent: the other's stand.
    expect(propertyChanges('Action', current, values)).toEqual({
      title: 'Offer unpaid carers an assessment within four weeks',
      text: 'Within four weeks of asking.',
    });
  });

  it('lists nothing when what changed meanwhile is not in the form, and keeps the form as typed', () => {
    const typed = { ...initialValues('Objective', read), code: '2' };
    expect(rebaseValues('Objective', read, { ...read, planId: 'elsewhere' }, typed)).toEqual({ values: typed, changed: [] });
  });

  it('shows choices in words and an emptied value as none', () => {
    const plan = { title: 'Plan', kind: 'STRATEGY', status: 'DRAFT', periodEnd: 2029 };
    const { changed } = rebaseValues('Plan', plan, { ...plan, status: 'ADOPTED', periodEnd: null }, initialValues('Plan', plan));
    expect(changed).toEqual([
      { key: 'status', label: 'Status', before: 'Draft', now: 'Adopted', yours: null },
      { key: 'periodEnd', label: 'Last year', before: '2029', now: 'none', yours: null },
    ]);
  });
});
