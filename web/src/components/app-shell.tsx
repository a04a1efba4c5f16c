import { Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMe } from '../graphql/me.ts';
import { signOut } from '../pages/sign-in/session.ts';

/** The frame of every page: who is signed in, where to go, and the page itself as the main landmark. */
export function AppShell() {
  const { me, refresh } = useMe();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top-bar">
        <div className="top-bar-inner">
          <Link to="/" className="brand" aria-label="Accord, the catalog">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Accord</span>
          </Link>
          <nav aria-label="Main">
            <ul className="main-nav">
              <li><NavLink to="/" end>Catalog</NavLink></li>
              <li><NavLink to="/landscape">Landscape</NavLink></li>
              <li><NavLink to="/governance">Governance</NavLink></li>
              {me && <li><NavLink to="/api-keys">API keys</NavLink></li>}
              {me?.role === 'admin' && <li><NavLink to="/admin">Administration</NavLink></li>}
            </ul>
          </nav>
          <div className="session">
            {me ? (
              <>
                <span className="who" title={me.email}>{me.name}</span>
                <button type="button" className="button ghost" onClick={async () => { await signOut(); refresh(); navigate('/'); }}>Sign out</button>
              </>
            ) : (
              <Link className="button ghost" to="/sign-in">Sign in</Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">Accord · contracts between your systems, kept</footer>
    </>
  );
}
