/** Who is writing: the people and accounts the server's authenticators recognise (auth.ts). */

/** What a signed-in person may do: editors create, change and link; admins also force deletes. */
export type Role = 'editor' | 'admin';

/** A signed-in person or account, as every write records it. */
export interface User {
  name: string;
  role: Role;
  /**
   * Organisations this user may edit, from the identity provider's OIDC_SCOPE_CLAIM; undefined
   * for static tokens and when no such claim is configured.
   */
  scopes?: string[];
}
