/**
 * How the text readers cut paragraphs into sentences and compare words, in one place so every
 * reader cuts and compares alike.
 */

/** A paragraph's sentences: one ends at ".", "!" or "?" (and a closing quote) before a capital. */
export const sentencesOf = (value: string) => value.split(/(?<=[.!?]["”’']?)\s+(?=["“‘']?[A-Z])/).filter(Boolean);

/** Words as compared: lower case, every run of punctuation or spaces one space. */
export const comparable = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
