import { useEffect } from 'react';

/**
 * What the page shows in place of its content while the server asks for a sign-in to read
 * (REQUIRE_SIGN_IN) and nobody is signed in: the sign-in panel in the header has opened, and
 * takes the focus, so this heading does not.
 */
export function SignInRequiredView() {
  useEffect(() => {
    document.title = 'Sign in – Council alignment graph';
  }, []);
  return (
    <section aria-labelledby="sign-in-required-heading">
      <h1 id="sign-in-required-heading">Sign in to continue</h1>
      <p>This service is open to signed-in staff only. Sign in with the sign-in panel in the header; the page you asked for opens once you have.</p>
    </section>
  );
}
