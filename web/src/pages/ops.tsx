// Ops: the sessions that look stuck, why in business words, the action that fixes each (with a
// reason, recorded in the audit trail), and the health of the service.
import { useState } from 'react';
import { api, ok } from '../api/client.ts';
import { ErrorMessage, PageTitle, Section, useAction, useLoaded } from '../components.tsx';
import { shortDateTime } from '../format.ts';
import { t } from '../messages.ts';
import { Link } from '../router.tsx';

type Stuck = Awaited<ReturnType<typeof loadStuck>>['stuck'][number];
const loadStuck = () => ok(api.GET('/ops/stuck'));
const timeZone = 'Europe/Paris';

function StuckEntry({ entry, onDone }: { entry: Stuck; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const suggested = entry.suggestedAction.action;
  const apply = () => action.run(async () => {
    if (!suggested) return;
    await ok(api.POST('/ops/workflows/{workflowId}/actions', { params: { path: { workflowId: entry.workflowId } }, body: { action: suggested, reason: reason.trim() } }));
    onDone();
  }, t.ops.done);
  return (
    <li className="stuck">
      <p>
        <strong>{t.stuckKind[entry.kind]}</strong> — {t.severity[entry.severity]} — {t.ops.since(shortDateTime(entry.since, timeZone))}
        {entry.phase ? ` — ${t.phase[entry.phase as keyof typeof t.phase] ?? entry.phase}` : ''}
      </p>
      <p>{entry.detail}</p>
      <p>
        {entry.sessionId ? <Link to={`/sessions/${entry.sessionId}`}>{t.ops.openSession}</Link> : entry.workflowId}
        {entry.temporalUiUrl && <>{' — '}<a href={entry.temporalUiUrl} target="_blank" rel="noreferrer">{t.ops.temporalUi}<span className="visually-hidden"> {t.ops.newWindow}</span></a></>}
      </p>
      <p>{t.ops.suggested} : {entry.suggestedAction.text}</p>
      {suggested && (
        <form onSubmit={(e) => { e.preventDefault(); void apply(); }}>
          <div className="field">
            <label htmlFor={`reason-${entry.workflowId}`}>{t.ops.reason}</label>
            <input id={`reason-${entry.workflowId}`} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" disabled={action.pending}>{t.opsAction[suggested]}</button>
        </form>
      )}
      {action.feedback}
    </li>
  );
}

export function OpsPage() {
  const stuck = useLoaded(loadStuck, []);
  const health = useLoaded(() => ok(api.GET('/ops/health')), []);
  return (
    <>
      <PageTitle>{t.ops.title}</PageTitle>
      <Section id="health" title={t.ops.health}>
        <ErrorMessage error={health.error} />
        {health.data && (
          <>
            <ul>
              <li>{t.ops.database} : {health.data.database === 'up' ? t.ops.up : `${t.ops.down} (${health.data.database})`}</li>
              <li>{t.ops.temporal} : {health.data.temporal === 'up' ? t.ops.up : `${t.ops.down} (${health.data.temporal})`}</li>
              <li>{t.ops.workers(health.data.taskQueue.name, health.data.taskQueue.workflowPollers.length, health.data.taskQueue.activityPollers.length)}</li>
            </ul>
            {health.data.taskQueue.workflowPollers.length === 0 && <p className="notice">{t.ops.noWorker}</p>}
            {health.data.temporalUiUrl && <p><a href={health.data.temporalUiUrl} target="_blank" rel="noreferrer">{t.ops.temporalUiHome}<span className="visually-hidden"> {t.ops.newWindow}</span></a></p>}
            <button type="button" onClick={health.reload}>{t.ops.refresh}</button>
          </>
        )}
      </Section>
      <Section id="stuck" title={t.ops.stuck}>
        <ErrorMessage error={stuck.error} />
        {stuck.data && (stuck.data.stuck.length === 0 ? <p>{t.ops.none}</p> : (
          <ul>{stuck.data.stuck.map((e) => <StuckEntry key={e.workflowId} entry={e} onDone={stuck.reload} />)}</ul>
        ))}
      </Section>
    </>
  );
}
