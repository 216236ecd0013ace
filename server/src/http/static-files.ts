import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { clientPolicy, inlineScriptHashes } from './security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** `pathname` with its percent-escapes decoded, or undefined when they do not spell UTF-8. */
function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

/** The client's page, under the policy that lets exactly its own inline scripts run. */
function page(html: Buffer<ArrayBuffer>, connectSources: string[]): Response {
  return new Response(html, {
    headers: {
      'content-type': contentTypes['.html']!,
      'cache-control': 'no-cache',
      'content-security-policy': clientPolicy(inlineScriptHashes(html.toString('utf8')), connectSources),
    },
  });
}

/**
 * Serves the built client from `root`. Paths without an extension fall back to index.html so a
 * shared link to any view of the single-page app loads. Never serves outside `root`; a path
 * whose percent-escapes are malformed (`/%E0%A4%A`) answers 400. `connectSources` are origins
 * beyond its own that the page may fetch from (the identity provider's).
 */
export async function serveClient(root: string, pathname: string, connectSources: string[] = []): Promise<Response> {
  const decoded = decodePath(pathname);
  if (decoded === undefined) {
    return new Response('Bad request: the path is not valid percent-encoded UTF-8.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return new Response('Not found', { status: 404 });
  }
  const found = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  if (found && extname(file) === '.html') return page(await readFile(file), connectSources);
  if (found) {
    const hashed = relative.startsWith('assets/');
    return new Response(await readFile(file), {
      headers: {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
    });
  }
  if (extname(relative)) return new Response('Not found', { status: 404 });
  const index = await readFile(join(root, 'index.html')).catch(() => null);
  if (!index) return new Response('The client is not built: run npm run build.', { status: 503 });
  return page(index, connectSources);
}
