import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, Field, noProblems, type Problems } from './forms.tsx';
import { signIn, signOut, tokenProblem, useSignedIn } from './session.ts';

/**
 * The header's sign-in control. Reading needs no sign-in; writing needs the token an
 * administrator gives each editor. The API says who the token belongs to only in what it
 * records (the history shows the name), so this control checks only that the token looks whole.
 */
export function SignInControl() {
  const signedIn = useSignedIn();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [announcement, setAnnouncement] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = tokenProblem(token);
    if (problem) {
      setProblems({ fields: [{ field: 'token', message: problem }], general: [] });
      return;
    }
    signIn(token);
    setToken('');
    setProblems(noProblems);
    setOpen(false);
    setAnnouncement('Signed in. You can now import, edit and accept or reject suggestions.');
    requestAnimationFrame(() => signOutButton.current?.focus());
  };

  const cancel = () => {
    setOpen(false);
    setToken('');
    setProblems(noProblems);
    toggle.current?.focus();
  };

  const leave = () => {
    signOut();
    setAnnouncement('Signed out. You can still read everything.');
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
          Sign in to edit
        </button>
      )}
      {open && !signedIn && (
        <div id="sign-in-panel" className="sign-in-panel" onKeyDown={(event) => event.key === 'Escape' && cancel()}>
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
            <h2 id="sign-in-heading">Sign in to edit</h2>
            <p>
              Reading needs no sign-in. To import documents, edit the graph, or accept and reject suggested links, enter the editing token your administrator
              gave you. It stays in this browser tab only and is forgotten when you close the tab. Your name, as the administrator recorded it, appears in the
              history of everything you change.
            </p>
            <ErrorSummary problems={problems} idPrefix="sign-in" />
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
