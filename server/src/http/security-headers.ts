/**
 * The headers every response carries, so a browser runs the client under a strict policy and
 * nobody can frame, sniff or borrow what the server sends. They are a fixed list set on the
 * fetch handler's Response: helmet, the usual package, writes to Node's ServerResponse instead,
 * which this server's one fetch handler (and the tests that call it) never see.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

const always: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  // Browsers heed it only over HTTPS, where it keeps later visits off plain HTTP.
  'strict-transport-security': 'max-age=31536000',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
};

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/**
 * The one stylesheet Cytoscape writes into the page (a <style> giving its container `position:
 * relative`), allowed by its hash rather than by letting any inline style in. A Cytoscape that
 * wrote another would be refused, and the browser tests' CSP check would say so.
 */
const cytoscapeStylesheet = sha256('.__________cytoscape_container { position: relative; }');

/** For anything that is not the client's page (API answers, assets): run nothing, frame nowhere. */
const lockedDown = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy the built client runs under: its own scripts, styles, images and fonts, its own API,
 * the inline scripts of index.html and Cytoscape's stylesheet by their hashes. React's `style`
 * props and Cytoscape's element styles are set through the DOM (CSSOM), which CSP leaves alone;
 * no 'unsafe-inline', no 'unsafe-eval'.
 */
export function clientPolicy(inlineScriptHashes: string[], connectSources: string[] = []): string {
  const scripts = ["'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "script-src-attr 'none'",
    `style-src 'self' '${cytoscapeStylesheet}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Beside its own API, the identity provider's token endpoint, where the page redeems a sign-in.
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The sha256 source expressions of the inline scripts of an HTML page, as CSP names them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  let inline: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && !('src' in attributes)) inline = '';
    },
    ontext(text) {
      if (inline !== undefined) inline += text;
    },
    onclosetag(name) {
      if (name !== 'script' || inline === undefined) return;
      hashes.push(sha256(inline));
      inline = undefined;
    },
  });
  parser.end(html);
  return hashes;
}

/**
 * Sets the security headers on `response`. A page that brought its own policy keeps it (the
 * client's index.html); other HTML (GraphiQL, in development only) gets `frame-ancestors` alone,
 * and everything else the locked-down policy.
 */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(always)) response.headers.set(name, value);
  if (!response.headers.has('content-security-policy')) {
    const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
    response.headers.set('content-security-policy', html ? "frame-ancestors 'none'" : lockedDown);
  }
  return response;
}
