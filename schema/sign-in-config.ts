/**
 * What the server tells the browser about signing in with the identity provider, at
 * `/auth/config` (`{ identityProvider: SignInConfig | null }`): everything the browser needs to
 * start the authorisation code flow. One type for the server that sends it and the client that
 * reads it.
 */
export interface SignInConfig {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  /** The scopes the browser asks for, space-separated. */
  scopes: string;
  /** Where the browser ends the person's session at the provider on signing out, if it says (RP-initiated logout). */
  endSessionEndpoint: string | null;
}
