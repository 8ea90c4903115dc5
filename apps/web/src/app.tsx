import { useState } from 'react';
import { PartnershipPicker } from './partnership-picker';
import { SignIn, readToken, storeToken } from './sign-in';
import type { Partnership } from './api/types';
import { Workspace } from './workspace';

/** The shell: sign in with a bearer token, pick a partnership, read its action plan, challenge log and analytics. */
export function App() {
  const [token, setToken] = useState<string | null>(readToken);
  const [partnership, setPartnership] = useState<Partnership | null>(null);

  const signOut = () => {
    storeToken(null);
    setToken(null);
    setPartnership(null);
  };

  return (
    <>
      <header className="banner">
        <p className="brand">Learning Ledger</p>
        {token && (
          <nav aria-label="Session">
            {partnership && (
              <button type="button" className="link" onClick={() => setPartnership(null)}>
                Change partnership
              </button>
            )}
            <button type="button" className="link" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <main id="main">
        {!token && (
          <SignIn
            onSignIn={(value) => {
              storeToken(value);
              setToken(value);
            }}
          />
        )}
        {token && !partnership && <PartnershipPicker token={token} onPick={setPartnership} />}
        {token && partnership && <Workspace token={token} partnership={partnership} />}
      </main>
    </>
  );
}
