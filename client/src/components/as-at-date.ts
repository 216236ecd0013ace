/** The date a view is asked as at, as text: pure, so the control and its tests share it. */
import { isMatch } from 'date-fns';

/** The URL parameter holding the date a view is asked as at. */
export const AS_AT_PARAM = 'asAt';

/** Whether a text is a calendar date written YYYY-MM-DD, as the API takes it. */
export const isAsAtDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && isMatch(value, 'yyyy-MM-dd');

const inWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM-DD date in words, as the views say it: "1 April 2019". */
export const asAtInWords = (date: string): string => inWords.format(new Date(`${date}T00:00:00Z`));
