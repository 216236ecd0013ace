/**
 * Who may write. Reading needs no sign-in; every write needs a bearer token that the server's
 * administrator has given an editor or admin role in AUTH_TOKENS:
 *
 *   AUTH_TOKENS="Jane Smith:editor:<long random token>,Ops team:admin:<another token>"
 *
 * An entry may end with the organisations it may write for, as a fourth part of ids joined by
 * `+` (ids never hold `:`, `+` or `,`):
 *
 *   AUTH_TOKENS="Jane Smith:editor:<token>:org/thurrock-council+org/thurrock-family-hubs"
 *
 * Without it the token may write for every organisation, editor or admin alike, as tokens always
 * could (queries/scope.ts says what belongs to an organisation).
 *
 * Tokens are compared in constant time, and only their SHA-256 digests are kept in memory.
 *
 * Beside them, an OpenID Connect identity provider's JWTs can be accepted (OIDC_ISSUER; see
 * auth/oidc.ts). A bearer token that matches no static token and has the shape of a JWT is
 * verified as one; static tokens are matched first, so the two are never confused.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type IdentityProvider, looksLikeJwt } from './auth/oidc.ts';
import { ExpectedError } from './errors.ts';
import type { Role, User } from './user.ts';

export type { Role, User };

interface Credential extends User {
  digest: Buffer;
}

const MIN_TOKEN_LENGTH = 16;
const digest = (token: string) => createHash('sha256').update(token).digest();

/** Reads AUTH_TOKENS; a malformed entry stops the server with the entry's position named. */
export function parseTokens(value: string | undefined): Credential[] {
  if (!value?.trim()) return [];
  return value.split(',').map((entry, index) => {
    const [name, role, token, scope, ...rest] = entry.split(':').map((part) => part.trim());
    if (!name || (role !== 'editor' && role !== 'admin') || !token || rest.length) {
      throw new Error(
        `AUTH_TOKENS entry ${index + 1}: write it as name:editor:token or name:admin:token, optionally followed by :organisation-id+organisation-id.`,
      );
    }
    const scopes = scope === undefined ? undefined : scope.split('+').map((id) => id.trim());
    if (scopes?.some((id) => !/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/.test(id))) {
      throw new Error(`AUTH_TOKENS entry ${index + 1} (${name}): the organisations must be ids such as org/thurrock-council, joined by +.`);
    }
    if (token.length < MIN_TOKEN_LENGTH)
      throw new Error(`AUTH_TOKENS entry ${index + 1} (${name}): the token must be at least ${MIN_TOKEN_LENGTH} characters.`);
    return { name, role, ...(scopes ? { scopes } : {}), digest: digest(token) };
  });
}

export interface Authenticator {
  /**
   * The user a request's bearer token names; null without one; UNAUTHENTICATED for an unknown
   * token, or for a JWT that does not verify, with what is wrong with it.
   */
  identify(request: Request): Promise<User | null | ExpectedError>;
  /**
   * What the browser needs to sign in with the identity provider (served at /auth/config):
   * `identityProvider` is null when none is configured; status 503 while it cannot be reached.
   */
  signInConfig(): Promise<{ status: number; body: object }>;
  /** Origins the client's page must be allowed to fetch from to sign in (its Content-Security-Policy). */
  connectSources(): string[];
}

/** Checks bearer tokens against the static tokens and, if given, the identity provider. */
export function createAuthenticator(credentials: Credential[], identityProvider?: IdentityProvider): Authenticator {
  return {
    async identify(request) {
      const header = request.headers.get('authorization');
      if (!header) return null;
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) return new ExpectedError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
      const presented = digest(token);
      const match = credentials.find((credential) => timingSafeEqual(credential.digest, presented));
      if (match) return { name: match.name, role: match.role, ...(match.scopes ? { scopes: match.scopes } : {}) };
      if (!looksLikeJwt(token)) return new ExpectedError('UNAUTHENTICATED', 'The bearer token is not recognised.');
      if (!identityProvider) {
        return new ExpectedError('UNAUTHENTICATED', 'The bearer token is a JWT, but this server accepts no identity provider (OIDC_ISSUER is not set).');
      }
      return identityProvider.verify(token);
    },
    connectSources: () => identityProvider?.connectSources() ?? [],
    async signInConfig() {
      if (!identityProvider) return { status: 200, body: { identityProvider: null } };
      const config = await identityProvider.signInConfig();
      return config instanceof ExpectedError
        ? { status: 503, body: { identityProvider: null, error: config.message } }
        : { status: 200, body: { identityProvider: config } };
    },
  };
}

/** The user allowed to make this write, or a clear refusal. */
export function requireRole(user: User | null | ExpectedError, role: Role): User {
  if (user instanceof ExpectedError) throw user;
  if (!user) throw new ExpectedError('UNAUTHENTICATED', 'Writing needs a bearer token with an editor or admin role: send "Authorization: Bearer <token>".');
  if (role === 'admin' && user.role !== 'admin') throw new ExpectedError('FORBIDDEN', `${user.name} is an editor; this change needs an admin.`);
  return user;
}
