// The auditor's pages: find a session, then its timeline (every event, when, by whom), the
// re-derivation of each decision by replaying the recorded history, the minutes' verification
// and the archive bundle.
import { useState } from 'react';
import { api, download, ok } from '../api/client.ts';
import { ErrorMessage, PageTitle, PhaseBadge, Section, useAction, useLoaded } from '../components.tsx';
import { dateTime, shortDateTime, time } from '../format.ts';
import { t } from '../messages.ts';
import { Link } from '../router.tsx';

type Replay = Awaited<ReturnType<typeof replaySession>>;
const replaySession = (id: string) => ok(api.POST('/sessions/{id}/replay', { params: { path: { id } } }));

export function AuditPage() {
  const committees = useLoaded(() => ok(api.GET('/committees')), []);
  const [committeeId, setCommitteeId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState<{ committeeId: string; from: string; to: string }>();
  const chosen = committeeId || committees.data?.[0]?.id || '';
  const results = useLoaded(async () => query && ok(api.GET('/committees/{id}/sessions', {
    params: { path: { id: query.committeeId }, query: { ...(query.from ? { from: `${query.from}T00:00:00Z` } : {}), ...(query.to ? { to: `${query.to}T23:59:59Z` } : {}) } },
  })), [query]);
  return (
    <>
      <PageTitle>{t.audit.title}</PageTitle>
      <ErrorMessage error={committees.error ?? results.error} />
      <form className="search" onSubmit={(e) => { e.preventDefault(); setQuery({ committeeId: chosen, from, to }); }}>
        <h2>{t.audit.find}</h2>
        <div className="grid">
          <div className="field">
            <label htmlFor="audit-committee">{t.schedule.committee}</label>
            <select id="audit-committee" value={chosen} onChange={(e) => setCommitteeId(e.target.value)}>
              {committees.data?.map((c) => <option key={c.id} value={c.id}>{t.home.committee(c.name, c.landlord)}</option>)}
            </select>
          </div>
          <div className="field"><label htmlFor="audit-from">{t.audit.from}</label><input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
          <div className="field"><label htmlFor="audit-to">{t.audit.to}</label><input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></div>
        </div>
        <button type="submit" disabled={!chosen}>{t.audit.search}</button>
      </form>
      {results.data && (
        results.data.sessions.length === 0 ? <p>{t.home.none}</p> : (
          <ul className="session-list">
            {results.data.sessions.map((s) => (
              <li key={s.id}><Link to={`/sessions/${s.id}/audit`}>{t.session.title(dateTime(s.scheduledStart, results.data!.timeZone))}</Link> <PhaseBadge phase={s.phase} /></li>
            ))}
          </ul>
        )
      )}
    </>
  );
}

function ReplayPanel({ sessionId, timeZone }: { sessionId: string; timeZone: string }) {
  const [result, setResult] = useState<Replay>();
  const action = useAction();
  return (
    <Section id="replay" title={t.audit.replay}>
      <button type="button" disabled={action.pending} onClick={() => void action.run(async () => setResult(await replaySession(sessionId)))}>{t.audit.replay}</button>
      {action.feedback}
      {result && (
        <div role="status">
          <p><strong>{result.ok ? t.audit.replayOk : t.audit.replayFailed}</strong></p>
          <ul>
            {result.votes.map((v) => <li key={`${v.itemId}-${v.closedAt}`}>{t.audit.voteLine(shortDateTime(v.closedAt, timeZone), v.votes, v.tallyMatches && v.decisionsMatch !== false)}</li>)}
          </ul>
          {result.trail.problems.length > 0 && <ul>{result.trail.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
        </div>
      )}
    </Section>
  );
}

function VerificationPanel({ sessionId }: { sessionId: string }) {
  const verification = useLoaded(async () => {
    const { data, response } = await api.GET('/sessions/{id}/minutes/verification', { params: { path: { id: sessionId } } });
    return response.status === 404 ? null : data;
  }, [sessionId]);
  const action = useAction();
  if (!verification.data) return <ErrorMessage error={verification.error} />;
  const v = verification.data;
  return (
    <Section id="verification" title={t.minutes.verification}>
      <p><strong>{v.ok ? t.minutes.verified : t.minutes.problems}</strong> (version {v.version}, <code>{v.sha256}</code>)</p>
      {v.problems.length > 0 && <ul>{v.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {v.notes && v.notes.length > 0 && <ul>{v.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <p className="hint">{t.audit.exportVerified}</p>
      <button type="button" disabled={action.pending} onClick={() => void action.run(() => download(`/sessions/${sessionId}/export`, 'application/json', `seance-${sessionId}.json`))}>{t.audit.export}</button>
      {action.feedback}
    </Section>
  );
}

export function AuditSessionPage({ sessionId }: { sessionId: string }) {
  const session = useLoaded(() => ok(api.GET('/sessions/{id}', { params: { path: { id: sessionId } } })), [sessionId]);
  const history = useLoaded(() => ok(api.GET('/sessions/{id}/history', { params: { path: { id: sessionId } } })), [sessionId]);
  const tz = session.data?.timeZone ?? 'Europe/Paris';
  return (
    <>
      <p><Link to={`/sessions/${sessionId}`}>{t.session.back}</Link></p>
      <PageTitle>{t.audit.timeline}{session.data ? ` — ${t.session.title(dateTime(session.data.scheduledStart, tz))}` : ''}</PageTitle>
      <ErrorMessage error={session.error ?? history.error} />
      {history.data && (
        <table className="timeline">
          <caption>{t.audit.timeline}</caption>
          <thead><tr><th scope="col">{t.audit.at}</th><th scope="col">{t.audit.type}</th><th scope="col">{t.audit.actor}</th><th scope="col">{t.audit.summary}</th></tr></thead>
          <tbody>
            {history.data.entries.map((e, i) => (
              <tr key={`${e.seq ?? 'x'}-${i}`}>
                <td><time dateTime={e.at}>{shortDateTime(e.at, tz)} ({time(e.at, tz)})</time></td>
                <td>{e.type}</td><td>{e.actor}</td><td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReplayPanel sessionId={sessionId} timeZone={tz} />
      <VerificationPanel sessionId={sessionId} />
    </>
  );
}
