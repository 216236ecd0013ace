import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

// Text compresses several-fold; images and fonts already are compressed.
const compressible = /^(text\/|application\/(json|javascript|graphql-response\+json|xml)|image\/svg\+xml)/;
// Below this, the gzip header and the work cost more than they save.
const MIN_BYTES = 1024;

/**
 * The response gzipped when the request accepts gzip and the body is text worth compressing;
 * otherwise the response as it is. zlib runs on Node's thread pool, not the event loop.
 */
export async function compressed(request: Request, response: Response): Promise<Response> {
  if (!response.body || response.headers.has('content-encoding') || request.method === 'HEAD') return response;
  if (!compressible.test(response.headers.get('content-type') ?? '')) return response;
  const headers = new Headers(response.headers);
  headers.append('vary', 'accept-encoding');
  const accepted = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const body = new Uint8Array(await response.arrayBuffer());
  if (!accepted || body.byteLength < MIN_BYTES) return new Response(body, { status: response.status, statusText: response.statusText, headers });
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  return new Response(new Uint8Array(await gzipAsync(body)), { status: response.status, statusText: response.statusText, headers });
}
