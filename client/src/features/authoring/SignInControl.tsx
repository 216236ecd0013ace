import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, Field, noProblems, type Problems } from './forms.tsx';
import { clearSignInFailure, loadProvider, type ProviderAvailability, startSignIn, useSignInFailure } from './identity-provider.ts';
import { signIn, signOutEverywhere, tokenProblem, useSignedIn, useSignInRequired } from './session.ts';

/**
 * The header's sign-in control. Reading needs no sign-in; writing needs either the council's
 * identity provider (when the server names one) or the token an administrator gives each
 * editor. The API says who a static token belongs to only in what it records (the history shows
 * the name), so this control checks only that the token looks whole. When the server asks for a
 * sign-in to read as well (a 401, REQUIRE_SIGN_IN), the panel opens by itself.
 */
export function SignInControl() {
  const signedIn = useSignedIn();
  const failure = useSignInFailure();
  const [open, setOpen] = useState(failure !== null);
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<Problems>(failure ? { fields: [], general: [failure] } : noProblems);
  const [provider, setProvider] = useState<ProviderAvailability>({ kind: 'none' });
  const [leaving, setLeaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);
  const required = useSignInRequired();

  useEffect(() => {
    if (!required || signedIn) return;
    setOpen(true);
    if (required.refusal) setProblems({ fields: [], general: [required.refusal] });
  }, [required, signedIn]);

  useEffect(() => {
    if (open && !failure) input.current?.focus();
  }, [open, failure]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    loadProvider().then((found) => current && setProvider(found));
    return () => {
      current = false;
    };
  }, [open]);

  const signInWithProvider = () => {
    if (provider.kind !== 'available') return;
    clearSignInFailure();
    setLeaving(true);
    startSignIn(provider.config, `${window.location.pathname}${window.location.search}`).catch(() => setLeaving(false));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = tokenProblem(token);
    if (problem) {
      setProblems({ fields: [{ field: 'token', message: problem }], general: [] });
      return;
    }
    signIn(token);
    clearSignInFailure();
    setToken('');
    setProblems(noProblems);
    setOpen(false);
    setAnnouncement('Signed in. You can now import, edit and accept or reject suggestions.');
    requestAnimationFrame(() => signOutButton.current?.focus());
  };

  const cancel = () => {
    clearSignInFailure();
    setOpen(false);
    setToken('');
    setProblems(noProblems);
    toggle.current?.focus();
  };

  const leave = () => {
    // Leaving for the identity provider to end its session too: it brings the page back signed out.
    if (signOutEverywhere()) return;
    setAnnouncement(required ? 'Signed out.' : 'Signed out. You can still read everything.');
    requestAnimationFrame(() => toggle.current?.focus());
  };

  return (
    <div className="sign-in">
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {signedIn ? (
        <p className="signed-in">
          <span className="signed-in-label">Signed in</span>{' '}
          <button type="button" ref={signOutButton} className="header-button" onClick={leave}>
            Sign out
          </button>
        </p>
      ) : (
        <button
          type="button"
          ref={toggle}
          className="header-button"
          aria-expanded={open}
          aria-controls="sign-in-panel"
          onClick={() => (open ? cancel() : setOpen(true))}
        >
          {required ? 'Sign in' : 'Sign in to edit'}
        </button>
      )}
      {open && !signedIn && (
        <div id="sign-in-panel" className="sign-in-panel" onKeyDown={(event) => event.key === 'Escape' && cancel()}>
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
            <h2 id="sign-in-heading">{required ? 'Sign in' : 'Sign in to edit'}</h2>
            {required ? (
              <p>
                This service asks everyone to sign in, to read as well as to edit. Sign in with your organisation account or enter the token your administrator
                gave you. You stay signed in on this page only: reloading or closing it signs you out.
              </p>
            ) : (
              <p>
                Reading needs no sign-in. To import documents, edit the graph, or accept and reject suggested links, sign in with your organisation account or
                enter the editing token your administrator gave you. You stay signed in on this page only: reloading or closing it signs you out. Your name
                appears in the history of everything you change.
              </p>
            )}
            <ErrorSummary problems={problems} idPrefix="sign-in" />
            {provider.kind === 'available' && (
              <div className="button-row">
                <button type="button" className="primary-button" onClick={signInWithProvider} disabled={leaving}>
                  Sign in with your organisation account
                </button>
              </div>
            )}
            {provider.kind === 'unavailable' && <p className="hint">{provider.message}</p>}
            {provider.kind !== 'none' && <h3 className="sign-in-or">Or use an editing token</h3>}
            <Field
              id="sign-in-token"
              label="Editing token"
              hint="A long string of letters and numbers. Paste it exactly as you were given it."
              error={problems.fields[0]?.message}
            >
              {(described) => (
                <input
                  ref={input}
                  type="password"
                  {...described}
                  value={token}
                  onChange={(event) => setToken(event.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <div className="button-row">
              <button type="submit" className="primary-button">
                Sign in
              </button>
              <button type="button" className="secondary-button" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
