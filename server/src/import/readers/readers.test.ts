import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.ts';
import { blocksToMarkdown, bodySize, dropRunningLines, linesToBlocks, type PdfLine, readPdf } from './pdf.ts';
import { readBinaryDocument } from './read-document.ts';
import { planDocx, planPdf } from './test-documents.ts';
import { formatOutline } from '../text/outline-view.ts';
import { parseStrategyDocument } from '../text/parse-document.ts';

const plan = {
  title: 'Example Council Plan 2025-2029',
  priorities: [
    { title: 'Healthy lives', actions: ['Open a carers hub in every town by 2026', 'Offer every unpaid carer an assessment of their needs'] },
    { title: 'Safe streets', actions: ['Light every underpass in the borough with new lamps'] },
  ],
};

const line = (page: number, top: number, text: string, size = 11, extra: Partial<PdfLine> = {}): PdfLine => ({
  page,
  top,
  x: 72,
  size,
  bold: false,
  text,
  pageHeight: 842,
  ...extra,
});

describe('the PDF reader', () => {
  it('reads headings from type size, bullets as list items, and drops the running footer and page numbers', async () => {
    const text = await readPdf(await planPdf(plan));
    expect(text).toMatch(/^# Example Council Plan 2025-2029$/m);
    expect(text).toMatch(/^## Healthy lives$/m);
    expect(text).toMatch(/^### Key actions$/m);
    expect(text).toMatch(/^- Open a carers hub in every town by 2026$/m);
    expect(text).not.toMatch(/Example Council – /);
    expect(text).not.toMatch(/^\d+$/m);
  });

  it('joins the wrapped lines of a paragraph and keeps paragraphs apart', () => {
    const blocks = linesToBlocks([line(1, 100, 'The plan was agreed by the'), line(1, 113, 'council in May.'), line(1, 140, 'A second paragraph.')]);
    expect(blocksToMarkdown(blocks)).toBe('<!-- page 1 -->\n\nThe plan was agreed by the council in May.\n\nA second paragraph.\n');
  });

  it('nests list items by their indentation', () => {
    const blocks = linesToBlocks([line(1, 100, '• Outer item'), line(1, 113, '• Inner item', 11, { x: 90 }), line(1, 126, '• Outer again')]);
    expect(blocksToMarkdown(blocks)).toBe('<!-- page 1 -->\n\n- Outer item\n\n  - Inner item\n\n- Outer again\n');
  });

  it('takes the size most text is set in as the body size', () => {
    expect(bodySize([line(1, 1, 'Title', 24), line(1, 2, 'A long paragraph of body text'), line(1, 3, 'More body text')])).toBe(11);
  });

  it('drops a line repeated in the margin of most pages, and only there', () => {
    const lines = [1, 2, 3].flatMap((page) => [
      line(page, 20, `Council plan – page ${page}`),
      line(page, 400, 'Council plan – page'),
      line(page, 820, String(page)),
    ]);
    expect(dropRunningLines(lines).map(({ top }) => top)).toEqual([400, 400, 400]);
  });

  it('marks where each page starts, and the outline it is read as says on which page each part starts', async () => {
    const text = await readPdf(await planPdf(plan));
    expect(text).toMatch(/^<!-- page 1 -->\n\n# Example Council Plan 2025-2029$/m);
    expect(text).toMatch(/^<!-- page 3 -->\n\n## Safe streets$/m);
    const { outline } = parseStrategyDocument(text, { fileName: 'plan.pdf', at: '2026-12-01' });
    const pageOf = (kind: string, title: string) => outline.find((part) => part.kind === kind && part.title.startsWith(title))?.page;
    expect([pageOf('LIST', 'Healthy lives'), pageOf('HEADING', 'Healthy lives'), pageOf('HEADING', 'Safe streets'), pageOf('LIST', 'Light every')]).toEqual([
      1, 2, 3, 3,
    ]);
    expect(formatOutline(outline).find((line) => line.includes('## Safe streets'))).toMatch(/^p\. 3 line \d+ +## Safe streets/);
  });

  it('refuses a file that is not a PDF, or a PDF pdf.js cannot open, saying so', async () => {
    await expect(readBinaryDocument('plan.pdf', new TextEncoder().encode('hello'))).rejects.toThrow(/not a PDF/);
    await expect(readBinaryDocument('plan.pdf', new TextEncoder().encode('%PDF-1.7\nbroken'))).rejects.toThrow(/cannot be read/);
  });
});

describe('the Word reader', () => {
  it('gives headings from styles, list items and tables as HTML', async () => {
    const html = await readDocx(await planDocx(plan));
    expect(html).toContain('<h1>Healthy lives</h1>');
    expect(html).toContain('<h2>Key actions</h2>');
    expect(html).toContain('<li>Open a carers hub in every town by 2026</li>');
    expect(html).toContain('<h1>Example Council Plan 2025-2029</h1>');
    expect(html).toMatch(/^<tr><td>Residents<\/td><td>180,000<\/td><\/tr>$/m);
  });

  it('refuses a file that is not a .docx', async () => {
    await expect(readBinaryDocument('plan.docx', new TextEncoder().encode('{\\rtf1'))).rejects.toThrow(/not a \.docx/);
    await expect(readBinaryDocument('plan.docx', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(/cannot be read/);
  });
});

describe('the web page reader', () => {
  it('keeps the main content verbatim and leaves the site around it', async () => {
    const { mainContent } = await import('./html.ts');
    const page =
      '<html><body><nav><a>Home</a></nav><header>Site banner</header><main id="m"><h1>Plan &amp; priorities</h1><main>inner</main><p>Words</p></main><footer>Contact us</footer></body></html>';
    expect(mainContent(page)).toBe('<main id="m"><h1>Plan &amp; priorities</h1><main>inner</main><p>Words</p></main>');
    expect(mainContent('<body><article><h1>News</h1><p>Story text</p></article><aside>More</aside></body>')).toBe(
      '<article><h1>News</h1><p>Story text</p></article>',
    );
    expect(mainContent('<p>No landmarks here</p>')).toBe('<p>No landmarks here</p>');
  });
});
