// A written session's pages: the member's window (each item's files, the presenter's proposal, the
// debate, their vote, changeable until the close, and the referral request) and the secretary's
// board (the window, its one extension and the early close, each item's participation and who has
// not voted, the debate, the proposals). A chunk of its own: a live sitting never loads it.
import { useState } from 'react';
import { api, ok, type AgendaItem, type SessionView } from '../api/client.ts';
import { Section, useAction } from '../components.tsx';
import { dateTime, instantToZoned, shortDateTime, zonedToInstant } from '../format.ts';
import { t } from '../messages.ts';
import { ProposalEditor } from './proposal-editor.tsx';
import { ItemFileView, ItemHeading, nameOf, ProposalView, ReferralForm, type SessionContext } from './session.tsx';

type Window = NonNullable<SessionView['window']>;

const windowIsOpen = (view: SessionView) => view.phase === 'deliberating' && view.window !== undefined && Date.parse(view.window.closesAt) > Date.now();

/** When the window opens and closes, and what changed it. */
function WindowFacts({ view, window }: { view: SessionView; window: Window }) {
  const tz = view.timeZone;
  return (
    <>
      <ul className="window-facts">
        <li>{t.written.opens(dateTime(window.opensAt, tz))}</li>
        <li><strong>{t.written.closes(dateTime(window.closesAt, tz))}</strong></li>
        {window.extension && <li>{t.written.extended(dateTime(window.extension.from, tz), window.extension.reason)}</li>}
      </ul>
      <p role="status">
        {view.phase === 'draft' || view.phase === 'convened' ? t.written.notYetOpen
          : window.closedAt ? `${t.written.closed(dateTime(window.closedAt, tz))}${window.early ? t.written.early : ''}`
            : view.phase === 'deliberating' ? t.written.open : null}
      </p>
    </>
  );
}

/** The item's debate, in order, and the form to post to it while the window is open. */
function Debate({ context, item, canPost }: { context: SessionContext; item: AgendaItem; canPost: boolean }) {
  const [text, setText] = useState('');
  const action = useAction();
  const tz = context.view.timeZone;
  const post = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/messages', { params: { path: { id: context.view.sessionId, itemId: item.id } }, body: { text: text.trim() } }));
    setText('');
    await context.refresh();
  }, t.written.posted);
  const author = (by: string) => (by.startsWith('staff:') ? t.userRole.secretary : nameOf(context, by));
  return (
    <section className="debate" aria-label={t.written.debate}>
      <h4>{t.written.debate}</h4>
      {(item.debate ?? []).length === 0 ? <p className="hint">{t.written.noMessages}</p> : (
        <ol className="messages">
          {item.debate!.map((m) => (
            <li key={m.seq}><p className="hint">{t.written.by(author(m.by), shortDateTime(m.at, tz))}</p><p>{m.text}</p></li>
          ))}
        </ol>
      )}
      {canPost && (
        <form onSubmit={(e) => { e.preventDefault(); void post(); }}>
          <div className="field">
            <label htmlFor={`message-${item.id}`}>{t.written.postLabel}</label>
            <textarea id={`message-${item.id}`} required maxLength={4000} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" disabled={action.pending || !text.trim()}>{t.written.post}</button>
          {action.feedback}
        </form>
      )}
    </section>
  );
}

/** One seat's ballot: the current choice, and the buttons to cast or change it. */
function WrittenSeat({ context, item, seat, own }: { context: SessionContext; item: AgendaItem; seat: string; own: boolean }) {
  const action = useAction();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const recorded = item.votes[seat];
  const tz = context.view.timeZone;
  const cast = (choice: 'for' | 'against' | 'abstain') => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/votes', {
      params: { path: { id: context.view.sessionId, itemId: item.id } },
      headers: { 'idempotency-key': `${key}-${choice}` },
      body: own ? { choice } : { choice, memberId: seat },
    }));
    setKey(crypto.randomUUID());
    await context.refresh();
  });
  return (
    <fieldset className="vote-seat">
      <legend>{own ? t.vote.ownSeat : t.vote.forSeat(nameOf(context, seat))}</legend>
      {recorded && (
        <p className="recorded" role="status">
          {own ? t.written.yourVote(t.choice[recorded.choice], shortDateTime(recorded.castAt, tz)) : t.written.seatVote(nameOf(context, seat), t.choice[recorded.choice], shortDateTime(recorded.castAt, tz))}
        </p>
      )}
      <div className="vote-buttons">
        {(['for', 'against', 'abstain'] as const).map((c) => (
          <button key={c} type="button" className={`big vote-${c}`} aria-pressed={recorded?.choice === c} disabled={action.pending || recorded?.choice === c} onClick={() => void cast(c)}>
            {t.vote.cast(t.choice[c])}
          </button>
        ))}
      </div>
      {action.feedback}
    </fieldset>
  );
}

/** The item's outcome once the window closed (or it left the window). */
function ItemOutcome({ item }: { item: AgendaItem }) {
  const last = item.results.at(-1);
  return (
    <>
      {last && <p className="result">{t.vote.result(t.outcome[last.outcome], last.counts.for, last.counts.against, last.counts.abstain)}</p>}
      {item.deferral && <p>{t.itemStatus.deferred} : {t.deferralCause[item.deferral.cause]}{item.deferral.reason ? ` — ${item.deferral.reason}` : ''}</p>}
    </>
  );
}

/** What a member sees and does in the window, item by item. */
export function MemberWindow({ context, memberId }: { context: SessionContext; memberId: string }) {
  const { view } = context;
  const open = windowIsOpen(view);
  const member = view.members.find((m) => m.id === memberId);
  // The seats this member votes for: their own, the titular's they stand in for, and their principals'.
  const seats = [memberId, ...(member?.substituteFor ? [member.substituteFor] : []), ...Object.entries(view.proxies).filter(([, holder]) => holder === memberId).map(([principal]) => principal)];
  return (
    <Section id="written-window" title={t.written.title}>
      {view.window && <WindowFacts view={view} window={view.window} />}
      {view.agenda.length === 0 && <p>{t.member.noItems}</p>}
      {view.agenda.map((item) => {
        const conflicted = item.conflicts.includes(memberId);
        // As the engine decides: a seat whose titular (or, for a principal, they or their substitute) voted is theirs.
        const votingSeats = seats.filter((s) => item.roster?.includes(s) && (s === memberId || !item.votes[s] || item.votes[s]!.castBy === memberId));
        const onRoster = item.roster?.includes(member?.substituteFor ?? memberId) ?? false;
        return (
          <article key={item.id} className="agenda-item">
            <ItemHeading context={context} item={item} />
            <ItemFileView file={context.files.get(item.id)} />
            {item.status === 'pending' && <p className="hint">{t.written.noProposal}</p>}
            <ProposalView context={context} item={item} />
            <Debate context={context} item={item} canPost={open && !conflicted && (item.status === 'pending' || item.status === 'voting')} />
            {conflicted && <p className="notice">{t.vote.conflict}</p>}
            {open && item.status === 'voting' && !conflicted && votingSeats.map((seat) => <WrittenSeat key={seat} context={context} item={item} seat={seat} own={seat === memberId} />)}
            {(item.referralRequests ?? []).length > 0 && <p className="hint">{t.written.referralCount(item.referralRequests!.length)}</p>}
            {open && onRoster && !conflicted && (item.status === 'pending' || item.status === 'voting') && !(item.referralRequests ?? []).some((r) => r.memberId === memberId) && <ReferralForm context={context} item={item} labels={{ summary: t.written.refer, submit: t.written.referSubmit, done: t.written.referred }} />}
            <ItemOutcome item={item} />
          </article>
        );
      })}
    </Section>
  );
}

/** The secretary's board of the window: extension, early close, and each item's participation. */
export function WindowBoard({ context }: { context: SessionContext }) {
  const { view } = context;
  const window = view.window;
  const open = windowIsOpen(view);
  const tz = view.timeZone;
  const [closesAt, setClosesAt] = useState(() => (window ? instantToZoned(new Date(Date.parse(window.closesAt) + 24 * 3_600_000), tz) : ''));
  const [reason, setReason] = useState('');
  const extension = useAction();
  const closing = useAction();
  if (!window) return null;
  const extend = () => extension.run(async () => {
    await ok(api.POST('/sessions/{id}/window/extension', { params: { path: { id: view.sessionId } }, body: { closesAt: zonedToInstant(closesAt, tz).toISOString(), reason: reason.trim() } }));
    setReason('');
    await context.refresh();
  }, t.written.extendedDone);
  const closeEarly = () => closing.run(async () => {
    await ok(api.POST('/sessions/{id}/close', { params: { path: { id: view.sessionId } } }));
    await context.refresh();
  });
  const canExtend = !window.extension && ['convened', 'deliberating'].includes(view.phase) && Date.parse(window.closesAt) > Date.now();
  return (
    <Section id="window-board" title={t.written.boardTitle}>
      <WindowFacts view={view} window={window} />
      {window.reminders.length > 0 && <p className="hint">{t.written.reminders(window.reminders.length)}</p>}
      {/* Before the window the agenda panel holds the items; once it is open, this board. */}
      {view.phase === 'deliberating' && view.agenda.map((item) => <ItemParticipation key={item.id} context={context} item={item} open={open} />)}
      {canExtend && (
        <details>
          <summary>{t.written.extend}</summary>
          <form onSubmit={(e) => { e.preventDefault(); void extend(); }}>
            <div className="field">
              <label htmlFor="window-closes">{t.written.extendTo(tz)}</label>
              <input id="window-closes" type="datetime-local" required value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="window-reason">{t.written.extendReason}</label>
              <input id="window-reason" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="submit" disabled={extension.pending}>{t.written.extendSubmit}</button>
            {extension.feedback}
          </form>
        </details>
      )}
      {open && (
        <>
          <p className="hint">{t.written.closeEarlyHint}</p>
          <button type="button" disabled={closing.pending} onClick={() => void closeEarly()}>{t.written.closeEarly}</button>
          {closing.feedback}
        </>
      )}
    </Section>
  );
}

/** One item on the board: who has voted (not how) against the share required, the debate, the proposal to make. */
function ItemParticipation({ context, item, open }: { context: SessionContext; item: AgendaItem; open: boolean }) {
  const { view } = context;
  const roster = item.roster ?? [];
  const missing = roster.filter((id) => !item.votes[id]);
  const p = item.participation;
  return (
    <article className="agenda-item">
      <ItemHeading context={context} item={item} />
      <ItemFileView file={context.files.get(item.id)} />
      <ProposalView context={context} item={item} />
      {item.status === 'pending' && open && item.kind === 'allocation' && <ProposalEditor context={context} item={item} />}
      {item.status === 'voting' && (
        <div role="status">
          {p && <p><strong>{t.written.participation(p.present + p.represented, p.rosterSize, p.required)}</strong></p>}
          <p className="hint">{missing.length === 0 ? t.written.allVoted : t.written.missing(missing.map((id) => nameOf(context, id)).join(', '))}</p>
        </div>
      )}
      <Debate context={context} item={item} canPost={open && (item.status === 'pending' || item.status === 'voting')} />
      <ItemOutcome item={item} />
    </article>
  );
}

