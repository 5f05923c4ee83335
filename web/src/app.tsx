// The shell: who is signed in (the browser's session, kept by the API in an HttpOnly cookie),
// the header and navigation for their roles, and the page for the address.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ok, type Me } from './api/client.ts';
import { ErrorMessage } from './components.tsx';
import { t } from './messages.ts';
import { HomePage } from './pages/home.tsx';
import { SessionPage } from './pages/session.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { appBase, Link, navigate, usePath } from './router.tsx';

const AuditPage = lazy(() => import('./pages/audit.tsx').then((m) => ({ default: m.AuditPage })));
const AuditSessionPage = lazy(() => import('./pages/audit.tsx').then((m) => ({ default: m.AuditSessionPage })));
const OpsPage = lazy(() => import('./pages/ops.tsx').then((m) => ({ default: m.OpsPage })));

const uuid = '([0-9a-f-]{36})';

function Page({ me, path }: { me: Me; path: string }) {
  let match: RegExpExecArray | null;
  if ((match = new RegExp(`^/sessions/${uuid}/audit$`).exec(path))) return <AuditSessionPage sessionId={match[1]!} />;
  if ((match = new RegExp(`^/sessions/${uuid}/?$`).exec(path))) return <SessionPage me={me} sessionId={match[1]!} />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/ops') return <OpsPage />;
  return <HomePage me={me} />;
}

export function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null>();
  const [error, setError] = useState<Error>();

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/auth/me');
    if (response.status === 401) setMe(null);
    else if (data) setMe(data);
    else setError(new Error(response.statusText));
  }, []);
  useEffect(() => {
    load().catch((e: unknown) => setError(e as Error));
    const signedOut = () => setMe(null);
    window.addEventListener('caleol:signed-out', signedOut);
    return () => window.removeEventListener('caleol:signed-out', signedOut);
  }, [load]);

  const signOut = async () => {
    await ok(api.POST('/auth/sign-out'));
    setMe(null);
    navigate(`${appBase}/`);
  };

  if (me === undefined) return error ? <main id="main"><ErrorMessage error={error} /></main> : <p className="loading">{t.loading}</p>;
  if (me === null) return <SignInPage onSignedIn={setMe} />;
  const staff = me.roles.filter((r) => r === 'auditor' || r === 'ops');
  return (
    <>
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <header className="app-header">
        <p className="app-name"><Link to="/">{t.appName}</Link> <span>{t.appTitle}</span></p>
        <nav aria-label={t.nav.label}>
          <ul>
            <li><Link to="/" aria-current={path === '/' ? 'page' : undefined}>{t.nav.home}</Link></li>
            {staff.includes('auditor') && <li><Link to="/audit" aria-current={path === '/audit' ? 'page' : undefined}>{t.nav.audit}</Link></li>}
            {staff.includes('ops') && <li><Link to="/ops" aria-current={path === '/ops' ? 'page' : undefined}>{t.nav.ops}</Link></li>}
          </ul>
        </nav>
        <p className="who">
          {t.signedInAs(me.name ?? me.subject, me.roles.map((r) => t.userRole[r as keyof typeof t.userRole] ?? r).join(', '))}
          {' '}<button type="button" className="link-button" onClick={() => void signOut()}>{t.nav.signOut}</button>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t.loading}</p>}>
          <Page me={me} path={path} />
        </Suspense>
      </main>
    </>
  );
}
