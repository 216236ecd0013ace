/**
 * Reads the binary formats councils publish in (PDF, Word) into text the text importer reads:
 * Markdown for a PDF, HTML for a Word document. Each reader keeps the document's words verbatim,
 * so the text is what the document is stored as and excerpts are quoted from it.
 */
import { extname } from 'node:path';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';

/** Extensions read by a reader of their own rather than as UTF-8 text. */
export const binaryFormats = ['.pdf', '.docx'];

/**
 * The document's text. Throws an Error saying why when the bytes are not a readable document of
 * the kind the extension names.
 */
export async function readBinaryDocument(fileName: string, bytes: Uint8Array): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.pdf') {
    if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw new Error('this is not a PDF (it does not start with %PDF-).');
    return readPdf(bytes);
  }
  if (extension === '.docx') {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('this is not a .docx Word document (a .docx file is a zip archive).');
    return readDocx(bytes);
  }
  throw new Error(`${extension} is not a binary document format this importer reads.`);
}
