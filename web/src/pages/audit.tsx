// The auditor's pages: find a session, then its timeline (every event, when, by whom), the
// re-derivation of each decision by replaying the recorded history, the minutes' verification
// and the archive bundle.
import { useState } from 'react';
import { api, download, ok } from '../api/client.ts';
import { ErrorMessage, PageTitle, PhaseBadge, Section, useAction, useLoaded } from '../components.tsx';
import { dateTime, shortDateTime, time, zonedToInstant } from '../format.ts';
import { t } from '../messages.ts';
import { Link } from '../router.tsx';

type Replay = Awaited<ReturnType<typeof replaySession>>;
const replaySession = (id: string) => ok(api.POST('/sessions/{id}/replay', { params: { path: { id } } }));

interface AuditQuery { committeeId: string; timeZone: string; from: string; to: string; dwellingReference: string; applicationNumber: string }

/** Where a dwelling or an application came before the committee, and what was decided. */
function AgendaItemResults({ query }: { query: AuditQuery }) {
  const found = useLoaded(() => ok(api.GET('/committees/{id}/agenda-items', {
    params: {
      path: { id: query.committeeId },
      query: { ...(query.dwellingReference ? { dwellingReference: query.dwellingReference } : {}), ...(query.applicationNumber ? { applicationNumber: query.applicationNumber } : {}) },
    },
  })), [query]);
  return (
    <Section id="audit-items" title={t.audit.itemsFound}>
      <ErrorMessage error={found.error} />
      {found.data && (found.data.items.length === 0 ? <p>{t.audit.noItem}</p> : (
        <ul className="session-list">
          {found.data.items.map((item) => (
            <li key={item.agendaItemId}>
              <Link to={`/sessions/${item.sessionId}/audit`}>{t.session.title(dateTime(item.scheduledStart, query.timeZone))}</Link>
              {' — '}{t.agenda.item(item.position, item.dwellingReference)} ({item.commune}) — {t.audit.itemStatus[item.status]}
              <ul>
                {item.candidates.map((c) => (
                  <li key={c.applicationNumber}>
                    {t.agenda.candidate(c.rank)} : {c.applicationNumber}
                    {c.decision ? ` — ${t.decisionType[c.decision.type]}${c.decision.rank ? ` (rang ${c.decision.rank})` : ''}, ${shortDateTime(c.decision.decidedAt, query.timeZone)}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ))}
    </Section>
  );
}

function SessionResults({ query }: { query: AuditQuery }) {
  const found = useLoaded(() => ok(api.GET('/committees/{id}/sessions', {
    params: {
      path: { id: query.committeeId },
      query: {
        // The dates are the committee's days, from midnight to midnight in its time zone.
        ...(query.from ? { from: zonedToInstant(`${query.from}T00:00`, query.timeZone).toISOString() } : {}),
        ...(query.to ? { to: new Date(zonedToInstant(`${query.to}T00:00`, query.timeZone).getTime() + 86_400_000).toISOString() } : {}),
      },
    },
  })), [query]);
  return (
    <Section id="audit-sessions" title={t.audit.sessionsFound}>
      <ErrorMessage error={found.error} />
      {found.data && (found.data.sessions.length === 0 ? <p>{t.home.none}</p> : (
        <ul className="session-list">
          {found.data.sessions.map((s) => (
            <li key={s.id}><Link to={`/sessions/${s.id}/audit`}>{t.session.title(dateTime(s.scheduledStart, query.timeZone))}</Link> <PhaseBadge phase={s.phase} /></li>
          ))}
        </ul>
      ))}
    </Section>
  );
}

export function AuditPage() {
  const committees = useLoaded(() => ok(api.GET('/committees')), []);
  const [committeeId, setCommitteeId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [dwellingReference, setDwellingReference] = useState('');
  const [applicationNumber, setApplicationNumber] = useState('');
  const [query, setQuery] = useState<AuditQuery>();
  const committee = committees.data?.find((c) => c.id === committeeId) ?? committees.data?.[0];
  const submit = () => committee && setQuery({
    committeeId: committee.id, timeZone: committee.timeZone, from, to, dwellingReference: dwellingReference.trim(), applicationNumber: applicationNumber.trim(),
  });
  return (
    <>
      <PageTitle>{t.audit.title}</PageTitle>
      <ErrorMessage error={committees.error} />
      <form className="search" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2>{t.audit.find}</h2>
        <div className="grid">
          <div className="field">
            <label htmlFor="audit-committee">{t.schedule.committee}</label>
            <select id="audit-committee" value={committee?.id ?? ''} onChange={(e) => setCommitteeId(e.target.value)}>
              {committees.data?.map((c) => <option key={c.id} value={c.id}>{t.home.committee(c.name, c.landlord)}</option>)}
            </select>
          </div>
          <div className="field"><label htmlFor="audit-from">{t.audit.from}</label><input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
          <div className="field"><label htmlFor="audit-to">{t.audit.to}</label><input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></div>
          <div className="field">
            <label htmlFor="audit-dwelling">{t.audit.dwellingReference}</label>
            <input id="audit-dwelling" maxLength={100} value={dwellingReference} onChange={(e) => setDwellingReference(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="audit-application">{t.audit.applicationNumber}</label>
            <input id="audit-application" maxLength={100} value={applicationNumber} onChange={(e) => setApplicationNumber(e.target.value)} />
          </div>
        </div>
        <p className="hint">{t.audit.searchHint}</p>
        <button type="submit" disabled={!committee}>{t.audit.search}</button>
      </form>
      {query && (query.dwellingReference || query.applicationNumber ? <AgendaItemResults query={query} /> : <SessionResults query={query} />)}
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
                <td>{t.eventType[e.type] ?? e.type}</td><td>{e.actor}</td><td lang="en">{e.summary}</td>
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
