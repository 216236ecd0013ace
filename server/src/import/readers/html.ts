/**
 * A web page's article: the <main> element, else the only or first <article>, found with
 * htmlparser2, so the site's navigation, banner and footer around it are not read as the
 * document. The slice is verbatim, so it is what the document is stored as and excerpts are
 * quoted from it.
 */
import { Parser } from 'htmlparser2';

/** The page's main content as written, or the whole text when it has no <main> or <article>. */
export function mainContent(html: string): string {
  const found: Record<'main' | 'article', { start: number; end?: number; depth: number } | undefined> = { main: undefined, article: undefined };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name !== 'main' && name !== 'article') return;
        const open = found[name];
        if (!open) found[name] = { start: parser.startIndex, depth: 1 };
        else if (open.end === undefined) open.depth += 1;
      },
      onclosetag(name) {
        if (name !== 'main' && name !== 'article') return;
        const open = found[name];
        if (!open || open.end !== undefined) return;
        open.depth -= 1;
        if (open.depth === 0) open.end = parser.endIndex + 1;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const chosen = found.main?.end !== undefined ? found.main : found.article?.end !== undefined ? found.article : undefined;
  if (!chosen || !/[A-Za-z]{3}/.test(html.slice(chosen.start, chosen.end).replace(/<[^>]*>/g, ''))) return html;
  return html.slice(chosen.start, chosen.end);
}
