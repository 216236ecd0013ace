/**
 * Reads a Word document (.docx) as HTML through mammoth, which maps heading styles to <h1>–<h6>,
 * numbered and bulleted lists (nested) to <ol>/<ul>, and tables to <table>, so the text importer
 * reads it as it reads a web page. The HTML is what the document is stored as.
 */
import mammoth from 'mammoth';

/** Title and subtitle styles are headings too (mammoth maps Heading 1–6 by itself). */
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * The document as HTML, one block element a line so excerpts and line numbers are readable.
 *
 * @remarks Throws an Error saying so when the file is not a Word document mammoth can open.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { styleMap }));
  } catch (error) {
    throw new Error(`The Word document cannot be read (only .docx is, not the older .doc): ${(error as Error).message}`);
  }
  if (!html.replace(/<[^>]*>/g, '').trim()) throw new Error('The Word document has no text.');
  // A table cell's paragraphs stay on its row, so the row reads as one line of cells.
  const cells = html.replace(
    /<(td|th)([^>]*)>([\s\S]*?)<\/\1>/g,
    (_whole, tag: string, attributes: string, inner: string) => `<${tag}${attributes}>${inner.replace(/<\/?p>/g, ' ').trim()}</${tag}>`,
  );
  return cells.replace(/(<\/(?:h[1-6]|p|li|tr|table|ul|ol)>)/g, '$1\n').replace(/(<(?:ul|ol|table)>)/g, '$1\n');
}
