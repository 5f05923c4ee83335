// A session's page. Everyone sees when and how it sits and its phase; the secretary gets the
// board that runs it (a separate chunk: a member's phone never loads it); a member gets their
// convocation, the files of their items, proxy, conflicts, the vote and, chairing, the signature.
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, download, ok, type AgendaItem, type ItemFile, type Me, type SessionView } from '../api/client.ts';
import { ErrorMessage, PageTitle, PhaseBadge, Section, useAction, useLoaded } from '../components.tsx';
import { dateTime, euros, shortDateTime, time } from '../format.ts';
import { endedPhases, useLiveSession } from '../live-session.ts';
import { t } from '../messages.ts';
import { afterSitting, sittingPhases } from '../phases.ts';
import { Link } from '../router.tsx';

const SecretaryBoard = lazy(() => import('./secretary-board.tsx').then((m) => ({ default: m.SecretaryBoard })));
const MemberWindow = lazy(() => import('./written-window.tsx').then((m) => ({ default: m.MemberWindow })));
const WindowBoard = lazy(() => import('./written-window.tsx').then((m) => ({ default: m.WindowBoard })));

/** What the panels of a session's page share. */
export interface SessionContext {
  view: SessionView;
  files: Map<string, ItemFile>;
  /** Member names by id (the committee's roll; the session's state names members by id). */
  names: Map<string, string>;
  refresh: () => Promise<void>;
  reloadFiles: () => void;
}

export const nameOf = (context: SessionContext, memberId: string) => context.names.get(memberId) ?? memberId;

export function ItemHeading({ context, item, level = 3 }: { context: SessionContext; item: AgendaItem; level?: 2 | 3 }) {
  const reference = context.files.get(item.id)?.dwelling.reference ?? item.dwellingId.slice(0, 8);
  const Heading = level === 2 ? 'h2' : 'h3';
  return <Heading>{t.agenda.item(item.position, reference)} <span className="badge">{t.itemStatus[item.status]}</span></Heading>;
}

/** The dwelling and its ranked candidates, as the member reads the file. */
export function ItemFileView({ file }: { file: ItemFile | undefined }) {
  if (!file) return null;
  const d = file.dwelling;
  return (
    <div className="item-file">
      <p>
        {d.type}, {d.surfaceM2.toLocaleString('fr-FR')} m², {d.address}, {d.commune}{d.epci ? ` (${d.epci})` : ''} — {d.financing},
        {' '}{t.agenda.rentValue(euros(d.rentCents))}{d.contingent ? ` — ${t.agenda.contingent} : ${d.contingent}` : ''}
      </p>
      <ol className="candidates">
        {file.candidates.map((c) => (
          <li key={c.applicationId}>
            <strong>{c.applicationNumber}</strong> — {c.householdSummary}{c.priority ? ` — ${t.agenda.priorityLabel} : ${c.priority}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ProposalView({ context, item }: { context: SessionContext; item: AgendaItem }) {
  const numbers = new Map(context.files.get(item.id)?.candidates.map((c) => [c.applicationId, c.applicationNumber]) ?? []);
  const lines = item.status === 'decided' ? item.decisions : item.proposal ?? [];
  if (lines.length === 0) return null;
  return (
    <ul className="proposal">
      {lines.map((p) => (
        <li key={p.applicationId}>
          {numbers.get(p.applicationId) ?? p.applicationId} : {t.decisionType[p.type]}{p.rank ? ` (rang ${p.rank})` : ''}{p.reasons ? ` — ${p.reasons}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function QuorumStatus({ quorum }: { quorum: SessionView['quorum'] }) {
  return (
    <p className={quorum.reached ? 'quorum reached' : 'quorum missing'}>
      <strong>{quorum.reached ? t.sitting.reached : t.sitting.notReached}</strong>{' '}
      {t.sitting.quorumLine(quorum.present, quorum.represented, quorum.required, quorum.rosterSize)}
    </p>
  );
}

function VoteSeat({ context, item, seat, own }: { context: SessionContext; item: AgendaItem; seat: string; own: boolean }) {
  const action = useAction();
  const recorded = item.votes[seat];
  const [key, setKey] = useState(() => crypto.randomUUID());
  const cast = (choice: 'for' | 'against' | 'abstain') => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/votes', {
      params: { path: { id: context.view.sessionId, itemId: item.id } },
      // A retry of the same click (a dropped answer on a phone) is not a second ballot.
      headers: { 'idempotency-key': `${key}-${choice}` },
      body: own ? { choice } : { choice, memberId: seat },
    }));
    setKey(crypto.randomUUID());
    await context.refresh();
  });
  const tz = context.view.timeZone;
  return (
    <fieldset className="vote-seat">
      <legend>{own ? t.vote.ownSeat : t.vote.forSeat(nameOf(context, seat))}</legend>
      {recorded ? (
        <p className="recorded" role="status">
          {own ? t.vote.recorded(t.choice[recorded.choice], time(recorded.castAt, tz)) : t.vote.recordedFor(nameOf(context, seat), t.choice[recorded.choice], time(recorded.castAt, tz))}
        </p>
      ) : (
        <div className="vote-buttons">
          {(['for', 'against', 'abstain'] as const).map((c) => (
            <button key={c} type="button" className={`big vote-${c}`} disabled={action.pending} onClick={() => void cast(c)}>{t.vote.cast(t.choice[c])}</button>
          ))}
        </div>
      )}
      {action.feedback}
    </fieldset>
  );
}

function MemberVote({ context, memberId }: { context: SessionContext; memberId: string }) {
  const { view } = context;
  const item = view.openVote ? view.agenda.find((i) => i.id === view.openVote!.itemId) : undefined;
  const present = view.attendance[memberId]?.present === true;
  const seats = [memberId, ...Object.entries(view.proxies).filter(([, holder]) => holder === memberId).map(([principal]) => principal)];
  return (
    <Section id="member-vote" title={t.vote.memberTitle}>
      <div aria-live="polite">
        {!item && <p>{t.vote.noneOpen}</p>}
        {item && (
          <>
            <h3>{t.vote.memberQuestion(context.files.get(item.id)?.dwelling.reference ?? String(item.position))}</h3>
            <ProposalView context={context} item={item} />
            {!present && <p className="notice">{t.vote.notPresent}</p>}
            {present && item.conflicts.includes(memberId) && <p className="notice">{t.vote.conflict}</p>}
          </>
        )}
      </div>
      {item && present && seats.filter((s) => !item.conflicts.includes(s)).map((seat) => (
        <VoteSeat key={seat} context={context} item={item} seat={seat} own={seat === memberId} />
      ))}
    </Section>
  );
}

function MemberProxy({ context, memberId }: { context: SessionContext; memberId: string }) {
  const { view } = context;
  const [holder, setHolder] = useState('');
  const action = useAction();
  const given = view.proxies[memberId];
  const held = Object.entries(view.proxies).filter(([, h]) => h === memberId).map(([p]) => nameOf(context, p));
  const others = view.members.filter((m) => m.id !== memberId);
  const give = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/proxies', { params: { path: { id: view.sessionId } }, body: { principalId: memberId, holderId: holder } }));
    await context.refresh();
  });
  const revoke = () => action.run(async () => {
    await ok(api.DELETE('/sessions/{id}/proxies/{principalId}', { params: { path: { id: view.sessionId, principalId: memberId } } }));
    await context.refresh();
  });
  return (
    <Section id="member-proxy" title={t.member.proxyTitle}>
      {held.length > 0 && <p>{t.member.heldProxies(held.join(', '))}</p>}
      {given ? (
        <>
          <p>{t.member.myProxy(nameOf(context, given))}</p>
          <button type="button" disabled={action.pending} onClick={() => void revoke()}>{t.member.revoke}</button>
        </>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); void give(); }}>
          <label htmlFor="proxy-holder">{t.member.giveProxy}</label>
          <select id="proxy-holder" required value={holder} onChange={(e) => setHolder(e.target.value)}>
            <option value="">—</option>
            {others.map((m) => <option key={m.id} value={m.id}>{nameOf(context, m.id)} ({t.memberRole[m.role]})</option>)}
          </select>
          <button type="submit" disabled={action.pending || !holder}>{t.member.give}</button>
        </form>
      )}
      {action.feedback}
    </Section>
  );
}

function MemberItems({ context, memberId }: { context: SessionContext; memberId: string }) {
  const { view } = context;
  return (
    <Section id="member-agenda" title={t.agenda.title}>
      {view.agenda.length === 0 && <p>{t.member.noItems}</p>}
      {view.agenda.map((item) => <MemberItem key={item.id} context={context} item={item} memberId={memberId} />)}
    </Section>
  );
}

function MemberItem({ context, item, memberId }: { context: SessionContext; item: AgendaItem; memberId: string }) {
  const action = useAction();
  const declared = item.conflicts.includes(memberId);
  const declare = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/conflicts', { params: { path: { id: context.view.sessionId, itemId: item.id } }, body: {} }));
    await context.refresh();
  });
  return (
    <article className="agenda-item">
      <ItemHeading context={context} item={item} />
      <ItemFileView file={context.files.get(item.id)} />
      <ProposalView context={context} item={item} />
      {declared ? <p>{t.member.conflictDeclared}</p> : item.status === 'pending' && (
        <button type="button" disabled={action.pending} onClick={() => void declare()}>{t.member.conflict}</button>
      )}
      {action.feedback}
      {item.status === 'pending' && context.view.mode !== 'in_person' && sittingPhases.has(context.view.phase) && !declared && <ReferralForm context={context} item={item} />}
    </article>
  );
}

/** A voting member asks that the item be examined at an in-person (or, from a written session, a live) sitting. */
export function ReferralForm({ context, item, labels = { summary: t.member.refer, submit: t.member.referSubmit, done: t.member.referred } }: {
  context: SessionContext; item: AgendaItem; labels?: { summary: string; submit: string; done: string };
}) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const refer = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/referral', { params: { path: { id: context.view.sessionId, itemId: item.id } }, body: { reason: reason.trim() } }));
    await context.refresh();
  }, labels.done);
  return (
    <details>
      <summary>{labels.summary}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void refer(); }}>
        <div className="field">
          <label htmlFor={`refer-${item.id}`}>{t.member.referReason}</label>
          <textarea id={`refer-${item.id}`} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" disabled={action.pending}>{labels.submit}</button>
        {action.feedback}
      </form>
    </details>
  );
}

function MemberConvocation({ context, memberId }: { context: SessionContext; memberId: string }) {
  const { view } = context;
  const convocation = view.convocations[memberId];
  const tz = view.timeZone;
  return (
    <Section id="member-convocation" title={t.member.convocation}>
      {convocation && (
        <p>
          {t.convocationStatus[convocation.status]}
          {convocation.deliveredAt ? ` — ${shortDateTime(convocation.deliveredAt, tz)}` : ''}
        </p>
      )}
      {(view.mode === 'remote' || view.mode === 'mixed') && <JoinLink context={context} />}
    </Section>
  );
}

/** The member's own link into the video meeting, once they are convened. */
function JoinLink({ context }: { context: SessionContext }) {
  const { view } = context;
  const meeting = view.videoProvider === 'zoom' && view.published !== undefined && !afterSitting.has(view.phase);
  const link = useLoaded(async () => (meeting ? ok(api.GET('/sessions/{id}/join-link', { params: { path: { id: view.sessionId } } })) : undefined), [view.sessionId, meeting]);
  if (!link.data) return <p>{t.member.noLink}</p>;
  return (
    <p>
      <a className="button-link" href={link.data.joinUrl} target="_blank" rel="noreferrer">{t.member.join}<span className="visually-hidden"> {t.ops.newWindow}</span></a>
      <br /><span className="hint">{t.member.joinPersonal}</span>
    </p>
  );
}

/** A correction of unsigned minutes: a new version is drafted and its signatures start afresh. */
function AmendmentForm({ context }: { context: SessionContext }) {
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const action = useAction();
  const amend = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/minutes/amendments', { params: { path: { id: context.view.sessionId } }, body: { reason: reason.trim(), text: text.trim() } }));
    setReason('');
    setText('');
    await context.refresh();
  }, t.minutes.amended);
  return (
    <details>
      <summary>{t.minutes.amend}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void amend(); }}>
        <div className="field">
          <label htmlFor="amendment-text">{t.minutes.amendmentText}</label>
          <textarea id="amendment-text" required maxLength={20000} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="amendment-reason">{t.minutes.amendmentReason}</label>
          <input id="amendment-reason" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" disabled={action.pending}>{t.minutes.amendSubmit}</button>
        {action.feedback}
      </form>
    </details>
  );
}

/** The minutes: the PDF, its fingerprint, who signed and who is still to; the chair (and the secretary where the rules say so) signs here. */
export function MinutesPanel({ context, me }: { context: SessionContext; me: Me }) {
  const { view } = context;
  const action = useAction();
  const secretary = me.roles.includes('secretary');
  // The signatories are those of the rules the session pinned, not of today's rules.
  const rules = useLoaded(async () => (view.minutes ? ok(api.GET('/committees/{id}/rules', { params: { path: { id: view.committeeId }, query: { version: String(view.rulesVersion) } } })) : undefined), [view.committeeId, view.rulesVersion, view.minutes !== undefined]);
  const minutes = view.minutes;
  if (!minutes) return null;
  const tz = view.timeZone;
  const signers = rules.data?.rules.minutesSigners ?? ['chair'];
  const signedAs = (role: string) => minutes.signatures.some((s) => s.role === role);
  const mine: 'chair' | 'secretary' | undefined = me.roles.includes('chair') && !minutes.signatures.some((s) => s.memberId === me.memberId) ? 'chair'
    : secretary && signers.includes('secretary') && !signedAs('secretary') ? 'secretary' : undefined;
  const sign = (as: 'chair' | 'secretary') => action.run(async () => {
    await ok(api.POST('/sessions/{id}/minutes/signatures', { params: { path: { id: view.sessionId } }, body: { sha256: minutes.sha256, ...(as === 'secretary' ? { as } : {}) } }));
    await context.refresh();
  }, t.minutes.signed);
  const save = () => action.run(() => download(`/sessions/${view.sessionId}/minutes`, 'application/pdf', `proces-verbal-${view.sessionId}.pdf`));
  const awaiting = signers.filter((role) => !signedAs(role));
  return (
    <Section id="minutes" title={t.minutes.title}>
      <p><PhaseBadge phase={view.phase} /> — version {minutes.version}</p>
      <p className="fingerprint">{t.minutes.fingerprint} : <code>{minutes.sha256}</code></p>
      <button type="button" onClick={() => void save()}>{t.minutes.download}</button>
      <h3>{t.minutes.signatures}</h3>
      {minutes.signatures.length === 0 ? <p>{t.minutes.unsigned}</p> : (
        <ul>{minutes.signatures.map((s) => <li key={`${s.memberId}-${s.role}`}>{t.minutes.signedBy(s.pdf?.signerName ?? nameOf(context, s.memberId), t.minutes.signerRole[s.role as 'chair'] ?? s.role, dateTime(s.signedAt, tz))}</li>)}</ul>
      )}
      {minutes.status === 'drafted' && awaiting.length > 0 && <p>{t.minutes.awaiting(awaiting.map((role) => t.minutes.signerRole[role]).join(', '))}</p>}
      {minutes.amendments && minutes.amendments.length > 0 && (
        <>
          <h3>{t.minutes.amendments}</h3>
          <ul>{minutes.amendments.map((a) => <li key={a.version}>{t.minutes.amendmentLine(a.version, shortDateTime(a.at, tz), a.reason)}<blockquote>{a.text}</blockquote></li>)}</ul>
        </>
      )}
      {minutes.redrafting && <p className="notice">{t.minutes.redrafting}</p>}
      {mine && minutes.status === 'drafted' && !minutes.redrafting && (
        <div className="sign">
          <p>{t.minutes.signIntro}</p>
          <button type="button" className="big" disabled={action.pending} onClick={() => void sign(mine)}>{mine === 'secretary' ? t.minutes.signAsSecretary : t.minutes.sign}</button>
        </div>
      )}
      {action.feedback}
      {(secretary || me.roles.includes('chair')) && minutes.status === 'drafted' && !minutes.redrafting && <AmendmentForm context={context} />}
    </Section>
  );
}

export function SessionPage({ me, sessionId }: { me: Me; sessionId: string }) {
  const live = useLiveSession(sessionId);
  const view = live.view;
  const committee = useLoaded(async () => view && ok(api.GET('/committees/{id}', { params: { path: { id: view.committeeId } } })), [view?.committeeId]);
  const agendaKey = view?.agenda.map((i) => i.id).join(',');
  const files = useLoaded(() => ok(api.GET('/sessions/{id}/files', { params: { path: { id: sessionId } } })), [sessionId, agendaKey]);
  const names = useMemo(() => new Map(committee.data?.members.map((m) => [m.id, m.name]) ?? []), [committee.data]);
  const fileMap = useMemo(() => new Map(files.data?.items.map((f) => [f.itemId, f]) ?? []), [files.data]);

  if (!view) return <>{live.error ? <ErrorMessage error={live.error} /> : <p className="loading">{t.loading}</p>}</>;
  const context: SessionContext = { view, files: fileMap, names, refresh: live.refresh, reloadFiles: files.reload };
  const tz = view.timeZone;
  const secretary = me.roles.includes('secretary');
  const memberId = me.memberId;
  return (
    <>
      <p><Link to="/">{t.session.back}</Link></p>
      <PageTitle>{t.session.title(dateTime(view.scheduledStart, tz))}</PageTitle>
      <dl className="facts">
        <dt>{t.phaseLabel}</dt><dd><PhaseBadge phase={view.phase} /></dd>
        <dt>{t.session.when}</dt><dd>{dateTime(view.scheduledStart, tz)}{view.window ? ` — ${dateTime(view.window.closesAt, tz)}` : ''} ({t.session.tz(tz)})</dd>
        <dt>{t.session.how}</dt><dd>{t.mode[view.mode]}</dd>
        {view.place && <><dt>{t.session.where}</dt><dd>{view.place}</dd></>}
      </dl>
      <p className="live-indicator" role="status">{endedPhases.has(view.phase) ? t.session.ended : live.live ? t.session.live : t.session.offline}</p>
      {view.cancellation && <p className="notice">{t.session.cancelled(view.cancellation.reason)}</p>}
      <ErrorMessage error={live.error ?? files.error} />
      {secretary && view.mode === 'written' && <Suspense fallback={<p className="loading">{t.loading}</p>}><WindowBoard context={context} /></Suspense>}
      {secretary && <Suspense fallback={<p className="loading">{t.loading}</p>}><SecretaryBoard context={context} /></Suspense>}
      {!secretary && memberId && view.mode === 'written' && (
        <>
          <Suspense fallback={<p className="loading">{t.loading}</p>}><MemberWindow context={context} memberId={memberId} /></Suspense>
          <MemberConvocation context={context} memberId={memberId} />
          {!afterSitting.has(view.phase) && <MemberProxy context={context} memberId={memberId} />}
        </>
      )}
      {!secretary && memberId && view.mode !== 'written' && (
        <>
          {view.phase === 'open' || view.phase === 'deliberating' ? <MemberVote context={context} memberId={memberId} /> : null}
          <MemberConvocation context={context} memberId={memberId} />
          {!afterSitting.has(view.phase) && <MemberProxy context={context} memberId={memberId} />}
          <MemberItems context={context} memberId={memberId} />
        </>
      )}
      {!secretary && !memberId && view.agenda.map((item) => (
        <article key={item.id} className="agenda-item"><ItemHeading context={context} item={item} /><ItemFileView file={fileMap.get(item.id)} /><ProposalView context={context} item={item} /></article>
      ))}
      <MinutesPanel context={context} me={me} />
      {me.roles.includes('auditor') && <p><Link to={`/sessions/${sessionId}/audit`}>{t.audit.open}</Link></p>}
    </>
  );
}
