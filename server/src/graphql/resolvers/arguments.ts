import { ExpectedError } from '../../errors.ts';

/** Checks a page-size argument: a whole number from 1 to `max`, naming the argument if not. */
export function pageSize(name: string, value: number | null | undefined, max: number, fallback = 20): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new ExpectedError('BAD_USER_INPUT', `${name} must be a whole number from 1 to ${max}.`, { field: name });
  }
  return size;
}

/** Checks an offset argument: a whole number, 0 or more, naming the argument if not. */
export function pageOffset(name: string, value: number | null | undefined): number {
  const offset = value ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ExpectedError('BAD_USER_INPUT', `${name} must be a whole number, 0 or more.`, { field: name });
  }
  return offset;
}
