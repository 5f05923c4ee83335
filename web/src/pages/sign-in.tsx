// Sign-in. In the embedded default the API offers its demo users (one button each); a
// deployment with an identity provider answers 404 here and signs in there.
import { api, ok, type Me } from '../api/client.ts';
import { PageTitle, useAction, useLoaded } from '../components.tsx';
import { t } from '../messages.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const users = useLoaded(async () => {
    const { data, response } = await api.GET('/auth/demo-users');
    return response.status === 404 ? null : data?.users ?? null;
  }, []);
  const action = useAction();
  const signIn = (user: string) => action.run(async () => onSignedIn(await ok(api.POST('/auth/demo-sign-in', { body: { user } }))));
  return (
    <main id="main" className="sign-in">
      <PageTitle>{t.signIn.title} — {t.appName}</PageTitle>
      <p>{t.appTitle}</p>
      {users.data === null && (
        <>
          <p>{t.signIn.noDemo}</p>
          {/* A full navigation: the API sends the browser to the provider and back. */}
          <p><a className="button-link" href="/auth/sign-in">{t.signIn.withProvider}</a></p>
        </>
      )}
      {users.data && (
        <>
          <p>{t.signIn.demoIntro}</p>
          <ul className="demo-users">
            {users.data.map((u) => (
              <li key={u.id}>
                <button type="button" className="big" disabled={action.pending} onClick={() => void signIn(u.id)}>
                  {u.label}
                  <span className="roles"> — {u.roles.map((r) => t.userRole[r as keyof typeof t.userRole] ?? r).join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {action.feedback}
    </main>
  );
}
