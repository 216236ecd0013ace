import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { describeConflict, fieldMessage, formErrors, formField, writeErrorMessage, writeFailure } from './errors.ts';

const apiError = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message, extensions }] });

describe('formField', () => {
  it('maps the API’s field paths to the form’s input names', () => {
    expect(formField('input.properties.kind')).toBe('kind');
    expect(formField('properties.title')).toBe('title');
    expect(formField('input.title')).toBe('title');
    expect(formField('input.parentId')).toBe('parentId');
    expect(formField('input.source.excerpt')).toBe('excerpt');
    expect(formField('to')).toBe('to');
  });
});

describe('fieldMessage', () => {
  it('turns the API’s message into a sentence about the labelled input', () => {
    expect(fieldMessage('properties.title: must be a non-empty text', 'properties.title', 'Title')).toBe('Title must be a non-empty text');
    expect(fieldMessage('input.rationale: a CURATED link needs a rationale', 'input.rationale', 'Rationale')).toBe(
      'Rationale: a CURATED link needs a rationale',
    );
    expect(fieldMessage('input.parentId: no node has the id nope.', 'input.parentId', 'Parent')).toBe('Parent: no node has the id nope');
  });
});

describe('formErrors', () => {
  const labels = { title: 'Title', kind: 'Kind of plan', status: 'Status' };

  it('ties a field error to the input the form shows', () => {
    const error = apiError('input.properties.kind: Invalid option: expected one of "STRATEGY"|"OTHER"', {
      code: 'BAD_USER_INPUT',
      field: 'input.properties.kind',
    });
    expect(formErrors(error, labels)).toEqual({
      fields: [{ field: 'kind', message: 'Kind of plan: Invalid option: expected one of "STRATEGY"|"OTHER"' }],
      general: [],
      code: 'BAD_USER_INPUT',
      conflict: null,
    });
  });

  it('keeps an error for a field the form does not show above the form', () => {
    const error = apiError('input.properties: Unrecognized key: "colour"', { code: 'BAD_USER_INPUT', field: 'input.properties' });
    expect(formErrors(error, labels)).toMatchObject({ fields: [], general: ['input.properties: Unrecognized key: "colour"'] });
  });

  it('says how to sign in when the API refuses a write without a token', () => {
    const error = apiError('Writing needs a bearer token with an editor or admin role: send "Authorization: Bearer <token>".', { code: 'UNAUTHENTICATED' });
    const { general, code } = formErrors(error, labels);
    expect(code).toBe('UNAUTHENTICATED');
    expect(general[0]).toMatch(/^Writing needs a bearer token .* Sign in to edit with the token your administrator gave you, then try again\.$/);
  });

  it('says to sign in again when the token held is not one the API knows', () => {
    const error = apiError('The bearer token is not recognised.', { code: 'UNAUTHENTICATED' });
    expect(writeErrorMessage(error)).toBe('The bearer token is not recognised. Sign out, then sign in again with the token your administrator gave you.');
  });

  it('passes an admin-only refusal on as the API words it', () => {
    const error = apiError('Test Editor is an editor; this change needs an admin.', { code: 'FORBIDDEN' });
    expect(writeErrorMessage(error)).toBe('Test Editor is an editor; this change needs an admin.');
  });

  it('tells a network failure apart: nothing was saved', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(formErrors(error, labels).general).toEqual(['Could not reach the server, so nothing was saved. Check your connection and try again.']);
  });
});

describe('describeConflict', () => {
  const stale = { code: 'CONFLICT', field: 'version', readVersion: 3, currentVersion: 4, changedBy: 'Jane Smith', changedAt: '2026-12-07T16:42:10.123Z' };

  it('says who changed it and when, with the time written for people', () => {
    expect(describeConflict(stale, 'api message', 'UTC')).toEqual({
      deleted: false,
      changedBy: 'Jane Smith',
      changedAt: '2026-12-07T16:42:10.123Z',
      readVersion: 3,
      currentVersion: 4,
      message: 'Jane Smith changed it at 16:42 on 7 December 2026, after you opened it.',
    });
  });

  it('writes the time in the reader’s time zone, summer time included', () => {
    expect(describeConflict({ ...stale, changedAt: '2026-07-01T23:05:00Z' }, '', 'Europe/London').message).toBe(
      'Jane Smith changed it at 00:05 on 2 July 2026, after you opened it.',
    );
    expect(describeConflict(stale, '', 'Asia/Tokyo').message).toBe('Jane Smith changed it at 01:42 on 8 December 2026, after you opened it.');
  });

  it('says who deleted it, and marks it deleted so nothing is offered to reapply', () => {
    const conflict = describeConflict({ code: 'CONFLICT', field: 'id', deleted: true, changedBy: 'Test Admin', changedAt: '2026-12-07T09:05:00Z' }, '', 'UTC');
    expect(conflict).toMatchObject({ deleted: true, message: 'Test Admin deleted it at 09:05 on 7 December 2026.' });
  });

  it('says "someone else" when the API does not know who, and leaves out a time it does not know', () => {
    expect(describeConflict({ code: 'CONFLICT', field: 'version', deleted: true, changedBy: null, changedAt: null }, '', 'UTC').message).toBe(
      'Someone else deleted it.',
    );
    expect(describeConflict({ ...stale, changedBy: null, changedAt: null }, '', 'UTC').message).toBe('Someone else changed it, after you opened it.');
  });

  it('tells a link that already exists apart from one changed since it was read', () => {
    const conflict = describeConflict(
      { code: 'CONFLICT', field: 'input.version', currentVersion: 2, changedBy: 'Jane Smith', changedAt: '2026-12-07T16:42:00Z' },
      '',
      'UTC',
    );
    expect(conflict).toMatchObject({
      deleted: false,
      readVersion: null,
      currentVersion: 2,
      message: 'It already exists: Jane Smith last changed it at 16:42 on 7 December 2026.',
    });
  });

  it('keeps the API’s words when it says nothing about who or when', () => {
    const message = 'plan-1/sp1 was created by another writer at the same moment; reload and try again.';
    expect(describeConflict({ code: 'CONFLICT', id: 'plan-1/sp1' }, message).message).toBe(message);
  });

  it('leaves out a time it cannot read', () => {
    expect(describeConflict({ ...stale, changedAt: 'yesterday' }, '', 'UTC').message).toBe('Jane Smith changed it, after you opened it.');
  });
});

describe('a refused write with CONFLICT', () => {
  const error = apiError(
    '“Offer every carer an assessment” was changed by Jane Smith at 2026-12-07T16:42:10.123Z since you read it (you read version 3; it is now version 4). Reload it and apply your change again.',
    {
      code: 'CONFLICT',
      field: 'version',
      readVersion: 3,
      currentVersion: 4,
      changedBy: 'Jane Smith',
      changedAt: '2026-12-07T16:42:10.123Z',
    },
  );

  it('is a message about the whole item, in plain words, never tied to an input called version', () => {
    const found = formErrors(error, { title: 'Title', version: 'Version' });
    expect(found.code).toBe('CONFLICT');
    expect(found.fields).toEqual([]);
    expect(found.general).toHaveLength(1);
    expect(found.general[0]).toMatch(/^Jane Smith changed it at \d\d:\d\d on [78] December 2026, after you opened it\.$/);
    expect(found.conflict).toMatchObject({ deleted: false, readVersion: 3, currentVersion: 4, changedBy: 'Jane Smith' });
  });

  it('reaches buttons without a form the same way', () => {
    const { message, conflict } = writeFailure(error);
    expect(message).toMatch(/^Jane Smith changed it at .* 2026, after you opened it\.$/);
    expect(message).not.toContain('2026-12-07T');
    expect(conflict?.currentVersion).toBe(4);
    expect(writeErrorMessage(error)).toBe(message);
  });

  it('is no conflict when the write failed for another reason', () => {
    expect(writeFailure(apiError('No node has the id nope.', { code: 'NOT_FOUND' })).conflict).toBeNull();
  });
});
