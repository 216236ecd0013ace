import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { fieldMessage, formErrors, formField, writeErrorMessage } from './errors.ts';

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
    expect(fieldMessage('input.rationale: a CURATED link needs a rationale', 'input.rationale', 'Rationale')).toBe('Rationale: a CURATED link needs a rationale');
    expect(fieldMessage('input.parentId: no node has the id nope.', 'input.parentId', 'Parent')).toBe('Parent: no node has the id nope');
  });
});

describe('formErrors', () => {
  const labels = { title: 'Title', kind: 'Kind of plan', status: 'Status' };

  it('ties a field error to the input the form shows', () => {
    const error = apiError('input.properties.kind: Invalid option: expected one of "STRATEGY"|"OTHER"', { code: 'BAD_USER_INPUT', field: 'input.properties.kind' });
    expect(formErrors(error, labels)).toEqual({ fields: [{ field: 'kind', message: 'Kind of plan: Invalid option: expected one of "STRATEGY"|"OTHER"' }], general: [], code: 'BAD_USER_INPUT' });
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
