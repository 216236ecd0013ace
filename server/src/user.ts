/** Who is writing: the people and accounts the server's authenticators recognise (auth.ts). */

/** What a signed-in person may do: editors create, change and link; admins also force deletes. */
export type Role = 'editor' | 'admin';

/** A signed-in person or account, as every write records it. */
export interface User {
  name: string;
  role: Role;
  /**
   * The organisations this user may write for (ids), from a static token's fourth part
   * (AUTH_TOKENS) or the identity provider's OIDC_SCOPE_CLAIM; every write is checked against
   * them (queries/scope.ts). Undefined: every organisation, for a token given none and when no
   * scope claim is configured. An empty list: none.
   */
  scopes?: string[];
}
