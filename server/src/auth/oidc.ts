/**
 * Sign-in with an OpenID Connect identity provider (Microsoft Entra ID, Keycloak, Okta, …): the
 * API accepts the provider's JWT access tokens beside the static tokens of AUTH_TOKENS.
 *
 * The provider is found through its discovery document, and its keys through the JWKS the
 * document names. jose verifies each token (signature, issuer, audience, expiry) and fetches the
 * keys again when a token names a key it has not seen, so the provider can rotate its keys.
 * A provider that cannot be reached at start-up does not stop the server: sign-in is refused with
 * a clear message until its discovery document can be read.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type RemoteJWKSet } from 'jose';
import { allowInsecureRequests, discoveryRequest, processDiscoveryResponse } from 'oauth4webapi';
import type { Role, User } from '../user.ts';
import type { SignInConfig } from '../../../schema/sign-in-config.ts';
import { ExpectedError } from '../errors.ts';

/** The OIDC_* settings, checked. */
export interface OidcSettings {
  issuer: string;
  audience: string;
  /** The client id the browser signs in with (OIDC_CLIENT_ID, else the audience). */
  clientId: string;
  /** The scopes the browser asks for, space-separated. */
  clientScopes: string;
  roleClaim: string;
  roles: Map<string, Role>;
  scopeClaim?: string;
  /** How soon after fetching the keys a token naming an unknown key may make them be fetched again. */
  jwksCooldownMs: number;
}

/** Signature algorithms accepted; never `none` or a shared-secret (HS*) algorithm. */
export const acceptedAlgorithms = ['RS256', 'ES256'];
/** Clock difference tolerated between the provider and this server when checking exp and nbf. */
const CLOCK_TOLERANCE_SECONDS = 60;
const DISCOVERY_TIMEOUT_MS = 5_000;
/** After a failed discovery, requests are refused for this long before it is tried again. */
const DISCOVERY_RETRY_MS = 2_000;

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** Reads OIDC_ROLES ("claim value:role,…"); a malformed entry names its position. */
export function parseRoleMapping(value: string | undefined): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const [index, entry] of (value ?? '').split(',').entries()) {
    if (!entry.trim()) continue;
    // Claim values may hold colons (URIs), so the role is what follows the last one.
    const at = entry.lastIndexOf(':');
    const claimValue = entry.slice(0, Math.max(at, 0)).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 0 || !claimValue || (role !== 'editor' && role !== 'admin')) {
      throw new Error(`OIDC_ROLES entry ${index + 1}: write it as claim-value:editor or claim-value:admin.`);
    }
    roles.set(claimValue, role);
  }
  return roles;
}

interface OidcEnvironment {
  OIDC_ISSUER?: string;
  OIDC_AUDIENCE?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SCOPES?: string;
  OIDC_ROLE_CLAIM?: string;
  OIDC_ROLES?: string;
  OIDC_SCOPE_CLAIM?: string;
  OIDC_JWKS_COOLDOWN_SECONDS?: number;
}

/**
 * The identity provider the settings name, or undefined without OIDC_ISSUER. Incomplete or
 * unsafe settings stop the server with the variable at fault named.
 */
export function readOidcSettings(env: OidcEnvironment): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  const issuer = new URL(env.OIDC_ISSUER);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) {
    throw new Error(`OIDC_ISSUER: must be an https:// address (plain http only on this machine), not "${env.OIDC_ISSUER}".`);
  }
  if (!env.OIDC_AUDIENCE) throw new Error("OIDC_AUDIENCE: set it to the API's client id (the audience its access tokens name) when OIDC_ISSUER is set.");
  const roles = parseRoleMapping(env.OIDC_ROLES);
  if (roles.size === 0)
    throw new Error('OIDC_ROLES: name which claim values give the editor or admin role, e.g. "editors-group-id:editor,admins-group-id:admin".');
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    clientId: env.OIDC_CLIENT_ID || env.OIDC_AUDIENCE,
    clientScopes: env.OIDC_CLIENT_SCOPES || 'openid profile',
    roleClaim: env.OIDC_ROLE_CLAIM || 'roles',
    roles,
    scopeClaim: env.OIDC_SCOPE_CLAIM || undefined,
    jwksCooldownMs: (env.OIDC_JWKS_COOLDOWN_SECONDS ?? 30) * 1000,
  };
}

/** Whether a bearer token has the shape of a JWS compact serialisation: three base64url parts. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/**
 * A claim by name; a name with dots that is not itself a claim walks nested objects
 * (`realm_access.roles`).
 */
export function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), payload);
}

/** A claim's values as strings: an array's strings, or a string split at spaces and commas. */
export function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The user a verified token names, or FORBIDDEN when none of its role claim's values has a role. */
export function userFromClaims(payload: JWTPayload, settings: OidcSettings): User | ExpectedError {
  const name =
    [payload.name, payload.preferred_username, payload.email, payload.sub].find((value): value is string => typeof value === 'string' && value !== '') ??
    'unnamed user';
  const granted = claimValues(claimAt(payload, settings.roleClaim)).map((value) => settings.roles.get(value));
  const role = granted.includes('admin') ? 'admin' : granted.includes('editor') ? 'editor' : undefined;
  if (!role) {
    return new ExpectedError(
      'FORBIDDEN',
      `${name} is signed in, but no value of the "${settings.roleClaim}" claim gives an editor or admin role: ask your administrator to add you to OIDC_ROLES.`,
    );
  }
  return { name, role, ...(settings.scopeClaim ? { scopes: claimValues(claimAt(payload, settings.scopeClaim)) } : {}) };
}

interface Discovered {
  issuer: string;
  config: SignInConfig;
  keys: RemoteJWKSet;
}

/** Verifies the provider's tokens and tells the browser how to sign in with it. */
export interface IdentityProvider {
  /** The user a JWT names, or a refusal saying what is wrong with it. */
  verify(token: string): Promise<User | ExpectedError>;
  /** Where and how the browser signs in, or a refusal while the provider cannot be reached. */
  signInConfig(): Promise<SignInConfig | ExpectedError>;
  /** Origins the browser talks to while signing in: the issuer's, and the token endpoint's once known. */
  connectSources(): string[];
}

const unauthenticated = (message: string, reason: string) => new ExpectedError('UNAUTHENTICATED', message, { reason });

/** A short, secret-free account of why the discovery document could not be read. */
function discoveryFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${DISCOVERY_TIMEOUT_MS / 1000} s`;
  if (error instanceof TypeError && error.message === 'fetch failed') return 'it could not be reached';
  return error instanceof Error ? error.message : String(error);
}

/** Connects to the provider in the background; failures are retried when a token or the browser next needs it. */
export function createIdentityProvider(settings: OidcSettings): IdentityProvider {
  const issuerUrl = new URL(settings.issuer);
  const insecure = issuerUrl.protocol === 'http:';
  let discovered: Discovered | undefined;
  let pending: Promise<Discovered> | undefined;
  let failure: { at: number; message: string } | undefined;

  async function discover(): Promise<Discovered> {
    const response = await discoveryRequest(issuerUrl, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), [allowInsecureRequests]: insecure });
    const metadata = await processDiscoveryResponse(issuerUrl, response);
    if (!metadata.jwks_uri || !metadata.authorization_endpoint || !metadata.token_endpoint) {
      throw new Error('the discovery document names no jwks_uri, authorization_endpoint or token_endpoint');
    }
    return {
      issuer: metadata.issuer,
      config: {
        issuer: metadata.issuer,
        authorizationEndpoint: metadata.authorization_endpoint,
        tokenEndpoint: metadata.token_endpoint,
        clientId: settings.clientId,
        scopes: settings.clientScopes,
        endSessionEndpoint: typeof metadata.end_session_endpoint === 'string' ? metadata.end_session_endpoint : null,
      },
      keys: createRemoteJWKSet(new URL(metadata.jwks_uri), { cooldownDuration: settings.jwksCooldownMs }),
    };
  }

  /** The discovered provider, or a refusal naming why it is not available. */
  async function provider(): Promise<Discovered | ExpectedError> {
    if (discovered) return discovered;
    const unavailable = (message: string) =>
      new ExpectedError(
        'UNAUTHENTICATED',
        `Signing in with ${settings.issuer} is not available at the moment: its discovery document could not be read (${message}). Try again shortly.`,
        { reason: 'identity provider unavailable' },
      );
    if (failure && Date.now() - failure.at < DISCOVERY_RETRY_MS) return unavailable(failure.message);
    pending ??= discover().finally(() => {
      pending = undefined;
    });
    try {
      discovered = await pending;
      failure = undefined;
      return discovered;
    } catch (error) {
      const message = discoveryFailure(error);
      if (!failure) console.warn(`OIDC_ISSUER ${settings.issuer}: discovery failed (${message}); sign-in with it is refused until it succeeds.`);
      failure = { at: Date.now(), message };
      return unavailable(message);
    }
  }

  // Warm up, so the first sign-in does not wait; a failure here is only logged.
  void provider();

  function refusal(error: unknown, token: string, issuer: string): ExpectedError {
    if (error instanceof errors.JWTExpired) {
      const exp = typeof error.payload.exp === 'number' ? ` at ${new Date(error.payload.exp * 1000).toISOString()}` : '';
      return unauthenticated(`The sign-in token expired${exp}: sign in again.`, 'expired');
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') {
        return unauthenticated(
          `The sign-in token is meant for ${JSON.stringify(error.payload.aud ?? null)}, not for this API (audience "${settings.audience}").`,
          'wrong audience',
        );
      }
      if (error.claim === 'nbf')
        return unauthenticated('The sign-in token is not valid yet: check the clocks of this server and the identity provider.', 'not yet valid');
      return unauthenticated(`The sign-in token's "${error.claim}" claim is not valid (${error.reason}).`, 'invalid claim');
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      const { kid } = decodeProtectedHeader(token);
      return unauthenticated(`The sign-in token is signed with a key (kid ${JSON.stringify(kid ?? null)}) that ${issuer} does not publish.`, 'unknown key');
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      const { alg } = decodeProtectedHeader(token);
      return unauthenticated(`The sign-in token is signed with ${alg}; only ${acceptedAlgorithms.join(' and ')} are accepted.`, 'algorithm not allowed');
    }
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return unauthenticated(`The sign-in token's signature does not match ${issuer}'s key.`, 'bad signature');
    if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid)
      return unauthenticated('The sign-in token is not a well-formed JWT.', 'malformed');
    if (error instanceof errors.JOSENotSupported)
      return unauthenticated(`The sign-in token uses something this server does not support (${error.message}).`, 'not supported');
    // The keys could not be fetched (the provider is down, or answered with no JWKS): never a
    // failure of the whole request, since reads carry the token too.
    console.warn(`Checking a sign-in token against the keys of ${issuer} failed:`, error);
    return unauthenticated(`The sign-in token could not be checked against the keys of ${issuer} at the moment: try again shortly.`, 'keys unavailable');
  }

  return {
    async verify(token) {
      const found = await provider();
      if (found instanceof ExpectedError) return found;
      let claimed: JWTPayload;
      try {
        claimed = decodeJwt(token);
      } catch {
        return unauthenticated('The sign-in token is not a well-formed JWT.', 'malformed');
      }
      // Read before the signature is checked, only to refuse with the clearer message: a token of
      // another provider (or tenant) is signed with keys this one does not publish.
      if (claimed.iss !== found.issuer) {
        return unauthenticated(`The sign-in token was issued by ${JSON.stringify(claimed.iss ?? null)}, not by ${found.issuer}.`, 'wrong issuer');
      }
      try {
        const { payload } = await jwtVerify(token, found.keys, {
          issuer: found.issuer,
          audience: settings.audience,
          algorithms: acceptedAlgorithms,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp'],
        });
        return userFromClaims(payload, settings);
      } catch (error) {
        return refusal(error, token, found.issuer);
      }
    },
    connectSources() {
      const origins = [issuerUrl.origin, ...(discovered ? [new URL(discovered.config.tokenEndpoint).origin] : [])];
      return [...new Set(origins)];
    },
    async signInConfig() {
      const found = await provider();
      return found instanceof ExpectedError ? found : found.config;
    },
  };
}
