/**
 * An OpenID Connect identity provider for tests, run by the tests themselves on a loopback port:
 * a discovery document, a JWKS of keys generated here, and the authorisation code flow with PKCE
 * (an authorisation endpoint that signs in `user` at once, and a token endpoint that checks the
 * code verifier), and RP-initiated logout (an end-session endpoint that checks the id_token_hint
 * and sends the browser back). Its keys can be rotated, and it can be stopped and started again
 * on its port.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A new key pair; `extractable` so its public half can be published in the JWKS. */
export async function newKey(alg: 'RS256' | 'ES256' = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${alg.toLowerCase()}-${randomBytes(6).toString('hex')}`;
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface SignOptions {
  /** Signs with this key instead of the current one (say, a key the issuer does not publish). */
  key?: SigningKey;
  /** Seconds from now; negative for a token that has already expired. Default 600. */
  expiresIn?: number;
  issuer?: string;
  audience?: string | string[];
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  scope: string;
}

/** What the end-session endpoint was asked, and whether its id_token_hint was one this issuer signed for the client. */
export interface LogoutRequest {
  idTokenHint: string | null;
  hintValid: boolean;
  postLogoutRedirectUri: string | null;
  clientId: string | null;
}

/** What the token endpoint was asked, for tests to check the browser's side of the flow. */
export interface TokenRequest {
  grantType: string | null;
  codeVerifier: string | null;
  accepted: boolean;
}

export interface TestIssuer {
  /** The issuer identifier, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** The key tokens are signed with now, published in the JWKS. */
  readonly currentKey: SigningKey;
  /** Claims of the person the authorisation endpoint signs in. */
  user: JWTPayload;
  /** Requests made to the token endpoint, oldest first. */
  readonly tokenRequests: TokenRequest[];
  /** Requests made to the end-session endpoint, oldest first. */
  readonly logoutRequests: LogoutRequest[];
  /** How many times the JWKS was read. */
  readonly jwksReads: number;
  /** A JWT the issuer signs: an access token for `audience` unless the options say otherwise. */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** Replaces the signing key with a new one (a new kid), and publishes only the new key. */
  rotate(): Promise<SigningKey>;
  /** Stops answering (the port is freed); `start` answers on the same port again. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface TestIssuerOptions {
  /** The audience of the access tokens the token endpoint issues. */
  audience: string;
  /** The one client id the authorisation endpoint knows. */
  clientId: string;
  user?: JWTPayload;
  /** Lifetime of the tokens the token endpoint issues, in seconds. */
  tokenLifetime?: number;
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      const address = server.address();
      listening(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Starts a test issuer on a free loopback port. */
export async function startTestIssuer(options: TestIssuerOptions): Promise<TestIssuer> {
  let currentKey = await newKey();
  let published: SigningKey[] = [currentKey];
  const codes = new Map<string, PendingCode>();
  const tokenRequests: TokenRequest[] = [];
  const logoutRequests: LogoutRequest[] = [];
  let jwksReads = 0;
  let port = 0;
  let url = '';
  const lifetime = options.tokenLifetime ?? 600;

  const sign = (claims: JWTPayload, signOptions: SignOptions = {}) => {
    const key = signOptions.key ?? currentKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(signOptions.issuer ?? url)
      .setAudience(signOptions.audience ?? options.audience)
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (signOptions.expiresIn ?? lifetime))
      .sign(key.privateKey);
  };

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    response.end(JSON.stringify(body));
  };

  function authorize(request: URL, response: ServerResponse) {
    const param = (name: string) => request.searchParams.get(name);
    const redirectUri = param('redirect_uri');
    if (param('client_id') !== options.clientId || !redirectUri) return send(response, 400, { error: 'invalid_request', error_description: 'unknown client' });
    if (param('response_type') !== 'code' || param('code_challenge_method') !== 'S256' || !param('code_challenge')) {
      return send(response, 400, { error: 'invalid_request', error_description: 'the code flow with PKCE (S256) is required' });
    }
    const code = base64url(randomBytes(24));
    codes.set(code, { clientId: options.clientId, redirectUri, challenge: param('code_challenge')!, nonce: param('nonce'), scope: param('scope') ?? '' });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('iss', url);
    if (param('state') !== null) back.searchParams.set('state', param('state')!);
    response.writeHead(302, { location: back.href });
    response.end();
  }

  async function token(request: IncomingMessage, response: ServerResponse) {
    // The browser calls the token endpoint from the app's origin.
    const cors = { 'access-control-allow-origin': request.headers.origin ?? '*' };
    const form = new URLSearchParams(await readBody(request));
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code);
    const verifier = form.get('code_verifier');
    const record = (accepted: boolean) => tokenRequests.push({ grantType: form.get('grant_type'), codeVerifier: verifier, accepted });
    const refuse = (description: string) => {
      record(false);
      send(response, 400, { error: 'invalid_grant', error_description: description }, cors);
    };
    if (form.get('grant_type') !== 'authorization_code' || !pending) return refuse('unknown or used code');
    if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri) return refuse('client or redirect_uri differ');
    if (!verifier || base64url(createHash('sha256').update(verifier).digest()) !== pending.challenge) return refuse('the code verifier does not match');
    record(true);
    const accessToken = await sign({ ...issuer.user, scp: pending.scope });
    const idToken = await sign({ ...issuer.user, ...(pending.nonce ? { nonce: pending.nonce } : {}) }, { audience: pending.clientId });
    send(response, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: lifetime, scope: pending.scope }, cors);
  }

  /** Ends the session the id_token_hint names and sends the browser back, as a provider does. */
  async function logout(request: URL, response: ServerResponse) {
    const idTokenHint = request.searchParams.get('id_token_hint');
    const postLogoutRedirectUri = request.searchParams.get('post_logout_redirect_uri');
    const hintValid = await jwtVerify(idTokenHint ?? '', createLocalJWKSet({ keys: published.map((key) => key.publicJwk) }), {
      issuer: url,
      audience: options.clientId,
    }).then(
      () => true,
      () => false,
    );
    logoutRequests.push({ idTokenHint, hintValid, postLogoutRedirectUri, clientId: request.searchParams.get('client_id') });
    if (!hintValid || !postLogoutRedirectUri)
      return send(response, 400, {
        error: 'invalid_request',
        error_description: 'an id_token_hint of this issuer and a post_logout_redirect_uri are required',
      });
    response.writeHead(302, { location: postLogoutRedirectUri });
    response.end();
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const requested = new URL(request.url ?? '/', url);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-origin': request.headers.origin ?? '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
      });
      return response.end();
    }
    switch (requested.pathname) {
      case '/.well-known/openid-configuration':
        return send(response, 200, {
          issuer: url,
          authorization_endpoint: `${url}/authorize`,
          token_endpoint: `${url}/token`,
          jwks_uri: `${url}/jwks`,
          end_session_endpoint: `${url}/logout`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256', 'ES256'],
          code_challenge_methods_supported: ['S256'],
          authorization_response_iss_parameter_supported: true,
        });
      case '/jwks':
        jwksReads += 1;
        return send(response, 200, { keys: published.map((key) => key.publicJwk) });
      case '/authorize':
        return authorize(requested, response);
      case '/logout':
        return logout(requested, response);
      case '/token':
        return request.method === 'POST' ? token(request, response) : send(response, 405, { error: 'invalid_request' });
      default:
        return send(response, 404, { error: 'not_found' });
    }
  }

  let server: Server | undefined;
  async function start() {
    server = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => send(response, 500, { error: 'server_error', error_description: String(error) }));
    });
    port = await listen(server, port);
    url = `http://127.0.0.1:${port}`;
  }
  await start();

  const issuer: TestIssuer = {
    get url() {
      return url;
    },
    get port() {
      return port;
    },
    get currentKey() {
      return currentKey;
    },
    user: options.user ?? {},
    tokenRequests,
    logoutRequests,
    get jwksReads() {
      return jwksReads;
    },
    sign,
    async rotate() {
      currentKey = await newKey();
      published = [currentKey];
      return currentKey;
    },
    stop: () =>
      new Promise<void>((stopped, failed) => {
        if (!server) return stopped();
        server.close((error) => (error ? failed(error) : stopped()));
        server.closeAllConnections();
        server = undefined;
      }),
    start,
  };
  return issuer;
}
