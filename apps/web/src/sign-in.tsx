import { useState, type FormEvent } from 'react';

const KEY = 'ledger.token';

/** The token lives for the browser tab only (sessionStorage), never in a cookie. */
export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token);
}

/** Sign-in by pasting a bearer token (`npm run ledger -- token …` makes one, see the README). */
export function SignIn({ onSignIn }: { readonly onSignIn: (token: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = value.trim().replace(/^Bearer\s+/i, '');
    if (token) onSignIn(token);
  };
  return (
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">Bearer token</label>
        <p id="token-hint" className="hint">
          Paste the token your administrator gave you. It is kept only in this browser tab.
        </p>
        <textarea
          id="token"
          aria-describedby="token-hint"
          rows={4}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          required
        />
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
}
