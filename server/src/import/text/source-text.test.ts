import { describe, expect, it } from 'vitest';
import { checkDocumentText, cutExcerpt, decodeEntities, MAX_DOCUMENT_BYTES, normaliseWhitespace, Quoter, toSourceLines } from './source-text.ts';

describe('the limits on what is read', () => {
  it('refuses empty text', () => {
    expect(() => checkDocumentText('')).toThrow('The document is empty: there is no text to import.');
    expect(() => checkDocumentText(' \n\t\n ')).toThrow(/empty/);
  });

  it('refuses more than 2 MB of UTF-8, counting bytes rather than characters', () => {
    expect(() => checkDocumentText('a'.repeat(MAX_DOCUMENT_BYTES))).not.toThrow();
    expect(() => checkDocumentText('a'.repeat(MAX_DOCUMENT_BYTES + 1))).toThrow(/at most 2 MB/);
    expect(() => checkDocumentText('é'.repeat(MAX_DOCUMENT_BYTES / 2 + 1))).toThrow(/2\.0 MB of text; at most 2 MB/);
  });

  it('refuses binary data, naming the line', () => {
    expect(() => checkDocumentText('Plan\nPriorities\nA\u0000B')).toThrow('Line 3 contains a NUL character: this looks like binary data, not a text document.');
    expect(() => checkDocumentText('Plan\r\n\u0003')).toThrow('Line 2 contains the control character U+0003');
    expect(() => checkDocumentText('Plan\tone\r\n\fpage two\n')).not.toThrow();
  });
});

describe('logical lines', () => {
  it('keeps one line per input line for plain text, with its number and verbatim words', () => {
    const lines = toSourceLines('Title\r\n\r\n  • first item\nlast');
    expect(lines.map(({ line, text, chunks }) => ({ line, text, chunks }))).toEqual([
      { line: 1, text: 'Title', chunks: ['Title'] },
      { line: 2, text: '', chunks: [] },
      { line: 3, text: '  • first item', chunks: ['• first item'] },
      { line: 4, text: 'last', chunks: ['last'] },
    ]);
  });

  it('splits HTML at block elements, keeps the line each starts on and marks headings and list items', () => {
    const html = [
      '<html><head><title>ignored</title><style>p { color: red }</style></head><body>',
      '<h2>Priority A</h2><ul><li>Children&#39;s services &amp; schools</li>',
      '<li>Second <b>item</b></li></ul>',
      '<!-- a comment',
      'over two lines --><p>After</p><table><tr><td>2017</td><td>42</td></tr></table>',
      '<script>var x = "<p>not text</p>";</script></body></html>',
    ].join('\n');
    const lines = toSourceLines(html).map(({ line, text, heading, listItem }) => ({
      line,
      text,
      ...(heading ? { heading } : {}),
      ...(listItem ? { listItem } : {}),
    }));
    expect(lines).toEqual([
      { line: 2, text: 'Priority A', heading: 2 },
      { line: 2, text: "Children's services & schools", listItem: true },
      { line: 3, text: 'Second item', listItem: true },
      { line: 5, text: 'After' },
      { line: 5, text: '2017\t42' },
    ]);
  });

  it('decodes the character references council pages use', () => {
    expect(decodeEntities('A&nbsp;&amp;&#8217;&#x2013;&rsquo;&unknown;')).toBe('A &’–’&unknown;');
  });
});

describe('quoting', () => {
  it('quotes the wanted words when the input has them, whitespace aside', () => {
    const input = 'Intro\n  • Aim to ensure that every child\n    has the best start in life.\n';
    const lines = toSourceLines(input);
    const quote = new Quoter(input).quote('Aim to ensure that every child has the best start in life.', [lines[1]!, lines[2]!]);
    expect(quote).toBe('Aim to ensure that every child has the best start in life.');
  });

  it('falls back to a verbatim piece of the line when decoding changed the words', () => {
    const input = '<li>Executive Director of Children&#39;s Services</li>';
    const [line] = toSourceLines(input);
    const quote = new Quoter(input).quote(line!.text, [line!]);
    expect(quote).toBe('Executive Director of Children&#39;s Services');
    expect(normaliseWhitespace(input)).toContain(quote);
  });

  it('cuts long passages at a sentence end, else at a word, and never adds words', () => {
    const sentence = 'This is the first sentence of a long passage that goes on. ';
    expect(cutExcerpt(sentence.repeat(10), 300)).toBe(sentence.repeat(5).trim());
    const words = 'word '.repeat(100).trim();
    const cut = cutExcerpt(words, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(words.startsWith(cut)).toBe(true);
  });
});

describe('pages', () => {
  it('gives each line the page a "<!-- page N -->" comment before it starts, and none before any', () => {
    const lines = toSourceLines('Title\n<!-- page 2 -->\n\nFirst line\nSecond line\n<!-- page 3 -->\nThird line');
    expect(lines.filter((line) => line.text).map((line) => [line.text, line.page, line.line])).toEqual([
      ['Title', undefined, 1],
      ['First line', 2, 4],
      ['Second line', 2, 5],
      ['Third line', 3, 7],
    ]);
  });

  it('reads other comments as markup, not as pages', () => {
    expect(toSourceLines('<!-- page two -->\nWords <!-- note --> here').map((line) => [line.text, line.page])).toEqual([['Words  here', undefined]]);
  });
});
