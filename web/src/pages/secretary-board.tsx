// The secretary's board of a session: build and publish the agenda, follow the convocations,
// open the sitting, record attendance, put each item to the vote on the presenter's proposal,
// follow the tally, close the vote and the session, then the letters.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { api, download, ok, type AgendaItem } from '../api/client.ts';
import type { paths } from '../../../client/schema.ts';
import { ErrorMessage, Section, useAction, useLoaded } from '../components.tsx';
import { day, hourMinute, instantToZoned, shortDateTime, zonedToInstant } from '../format.ts';
import { t } from '../messages.ts';
import { afterSitting, beforeSitting, sittingPhases } from '../phases.ts';
import { Field, ProposalEditor } from './proposal-editor.tsx';
import { ItemFileView, ItemHeading, nameOf, ProposalView, QuorumStatus, type SessionContext } from './session.tsx';

type ItemInput = paths['/sessions/{id}/agenda-items']['post']['requestBody'] extends { content: { 'application/json': infer B } } | undefined ? B : never;
type Exception = NonNullable<ItemInput['exception']>;
interface CandidateRow { key: string; applicationNumber: string; householdSummary: string; priority: string }

const newCandidate = (): CandidateRow => ({ key: crypto.randomUUID(), applicationNumber: '', householdSummary: '', priority: '' });

function AddItemForm({ context, reason }: { context: SessionContext; reason: string }) {
  const { view } = context;
  const [dwelling, setDwelling] = useState({ reference: '', address: '', commune: '', epci: '', type: 'T3', surfaceM2: '', rent: '', financing: 'PLUS', contingent: '' });
  const [candidates, setCandidates] = useState<CandidateRow[]>(() => [newCandidate(), newCandidate(), newCandidate()]);
  const [exception, setException] = useState<Exception | ''>('');
  const action = useAction();
  const set = (name: keyof typeof dwelling) => (e: ChangeEvent<HTMLInputElement>) => setDwelling({ ...dwelling, [name]: e.target.value });
  const setCandidate = (index: number, patch: Partial<CandidateRow>) => setCandidates(candidates.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const move = (index: number, by: number) => {
    const next = [...candidates];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setCandidates(next);
  };
  const filled = candidates.filter((c) => c.applicationNumber.trim() && c.householdSummary.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await action.run(async () => {
      const optional = (value: string) => (value.trim() ? value.trim() : undefined);
      await ok(api.POST('/sessions/{id}/agenda-items', {
        params: { path: { id: view.sessionId } },
        body: {
          dwelling: {
            reference: dwelling.reference.trim(), address: dwelling.address.trim(), commune: dwelling.commune.trim(), type: dwelling.type.trim(),
            surfaceM2: Number(dwelling.surfaceM2.replace(',', '.')), rentCents: Math.round(Number(dwelling.rent.replace(',', '.')) * 100), financing: dwelling.financing.trim(),
            epci: optional(dwelling.epci), contingent: optional(dwelling.contingent),
          },
          candidates: filled.map((c, i) => ({ applicationNumber: c.applicationNumber.trim(), householdSummary: c.householdSummary.trim(), rank: i + 1, priority: optional(c.priority) })),
          ...(exception ? { exception } : {}),
          ...(view.published && reason.trim() ? { reason: reason.trim() } : {}),
        },
      }));
      await context.refresh();
      context.reloadFiles();
    }, t.agenda.added);
    if (added) {
      setDwelling({ ...dwelling, reference: '', address: '' });
      setCandidates([newCandidate(), newCandidate(), newCandidate()]);
      setException('');
    }
  };
  return (
    <form className="add-item" onSubmit={(e) => void submit(e)}>
      <h3>{t.agenda.add}</h3>
      <fieldset>
        <legend>{t.agenda.dwelling}</legend>
        <div className="grid">
          <Field id="dw-reference" label={t.agenda.reference} required maxLength={64} value={dwelling.reference} onChange={set('reference')} />
          <Field id="dw-address" label={t.agenda.address} required maxLength={200} value={dwelling.address} onChange={set('address')} />
          <Field id="dw-commune" label={t.agenda.commune} required maxLength={200} value={dwelling.commune} onChange={set('commune')} />
          <Field id="dw-epci" label={t.agenda.epci} maxLength={200} value={dwelling.epci} onChange={set('epci')} />
          <Field id="dw-type" label={t.agenda.type} required maxLength={32} value={dwelling.type} onChange={set('type')} />
          <Field id="dw-surface" label={t.agenda.surface} required inputMode="decimal" pattern="[0-9]+([.,][0-9]+)?" value={dwelling.surfaceM2} onChange={set('surfaceM2')} />
          <Field id="dw-rent" label={t.agenda.rent} required inputMode="decimal" pattern="[0-9]+([.,][0-9]{1,2})?" value={dwelling.rent} onChange={set('rent')} />
          <Field id="dw-financing" label={t.agenda.financing} required maxLength={32} value={dwelling.financing} onChange={set('financing')} />
          <Field id="dw-contingent" label={t.agenda.contingent} maxLength={200} value={dwelling.contingent} onChange={set('contingent')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.agenda.candidates}</legend>
        <ol className="candidate-rows">
          {candidates.map((c, i) => (
            <li key={c.key}>
              <fieldset>
                <legend>{t.agenda.candidate(i + 1)}</legend>
                <div className="grid">
                  <Field id={`cand-${c.key}-number`} label={t.agenda.applicationNumber} maxLength={64} value={c.applicationNumber} onChange={(e) => setCandidate(i, { applicationNumber: e.target.value })} />
                  <Field id={`cand-${c.key}-household`} label={t.agenda.household} maxLength={2000} value={c.householdSummary} onChange={(e) => setCandidate(i, { householdSummary: e.target.value })} />
                  <Field id={`cand-${c.key}-priority`} label={t.agenda.priority} maxLength={64} value={c.priority} onChange={(e) => setCandidate(i, { priority: e.target.value })} />
                </div>
                <div className="row-actions">
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>{t.agenda.moveUp(i + 1)}</button>
                  <button type="button" disabled={i === candidates.length - 1} onClick={() => move(i, 1)}>{t.agenda.moveDown(i + 1)}</button>
                  <button type="button" disabled={candidates.length === 1} onClick={() => setCandidates(candidates.filter((_, j) => j !== i))}>{t.agenda.removeCandidate(i + 1)}</button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" disabled={candidates.length >= 20} onClick={() => setCandidates([...candidates, newCandidate()])}>{t.agenda.addCandidate}</button>
        <p className={filled.length >= 3 ? 'hint ok' : 'hint warning'} aria-live="polite">{t.agenda.threeRule(filled.length)}</p>
        {filled.length < 3 && (
          <div className="field">
            <label htmlFor="dw-exception">{t.agenda.exception}</label>
            <select id="dw-exception" value={exception} onChange={(e) => setException(e.target.value as Exception | '')}>
              {Object.entries(t.agenda.exceptions).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
        )}
      </fieldset>
      <button type="submit" disabled={action.pending}>{t.agenda.submit}</button>
      {action.feedback}
    </form>
  );
}

function AgendaPanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const [reason, setReason] = useState('');
  const action = useAction();
  const canEdit = beforeSitting.has(view.phase);
  const remove = (item: AgendaItem) => action.run(async () => {
    await ok(api.DELETE('/sessions/{id}/agenda-items/{itemId}', {
      params: { path: { id: view.sessionId, itemId: item.id }, query: view.published && reason.trim() ? { reason: reason.trim() } : {} },
    }));
    await context.refresh();
  }, t.agenda.removed);
  return (
    <Section id="agenda" title={t.agenda.title}>
      {view.agenda.length === 0 && <p>{t.agenda.empty}</p>}
      {view.agenda.map((item) => (
        <article key={item.id} className="agenda-item">
          <ItemHeading context={context} item={item} />
          <ItemFileView file={context.files.get(item.id)} />
          {/* A written session's proposals go to the members with the agenda, before the window opens. */}
          {view.mode === 'written' && <ProposalView context={context} item={item} />}
          {view.mode === 'written' && canEdit && item.status === 'pending' && item.kind === 'allocation' && <ProposalEditor context={context} item={item} />}
          {canEdit && item.status === 'pending' && (
            <button type="button" disabled={action.pending} onClick={() => void remove(item)}>{t.agenda.remove(item.position)}</button>
          )}
        </article>
      ))}
      {action.feedback}
      {canEdit && view.published && (
        <div className="field">
          <label htmlFor="agenda-reason">{t.agenda.reason}</label>
          <input id="agenda-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {canEdit && <AddItemForm context={context} reason={reason} />}
    </Section>
  );
}

function ConvocationsPanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const [urgency, setUrgency] = useState('');
  const action = useAction();
  const tz = view.timeZone;
  const publish = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda/publish', { params: { path: { id: view.sessionId } }, body: urgency.trim() ? { urgencyReason: urgency.trim() } : {} }));
    await context.refresh();
  });
  return (
    <Section id="convocations" title={t.publish.title}>
      {view.published ? <p>{t.publish.published(shortDateTime(view.published.at, tz), view.published.sequence)}</p> : view.phase === 'draft' && (
        <form onSubmit={(e) => { e.preventDefault(); void publish(); }}>
          <div className="field">
            <label htmlFor="urgency">{t.publish.urgency}</label>
            <input id="urgency" value={urgency} maxLength={2000} onChange={(e) => setUrgency(e.target.value)} />
          </div>
          <button type="submit" disabled={action.pending}>{t.publish.submit}</button>
        </form>
      )}
      {action.feedback}
      {view.published && (
        <table>
          <caption>{t.publish.convocations}</caption>
          <thead><tr><th scope="col">{t.publish.member}</th><th scope="col">{t.publish.status}</th><th scope="col">{t.publish.delivered}</th><th scope="col">{t.publish.failure}</th></tr></thead>
          <tbody>
            {Object.entries(view.convocations).map(([memberId, c]) => (
              <tr key={memberId}>
                <th scope="row">{nameOf(context, memberId)}</th>
                <td>{t.convocationStatus[c.status]}</td>
                <td>{c.deliveredAt ? shortDateTime(c.deliveredAt, tz) : '—'}</td>
                <td>{c.failure ? t.publish.failed(c.failure.reason, c.failure.attempts, shortDateTime(c.failure.retryAt, tz)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.published && !afterSitting.has(view.phase) && <DeliveryForm context={context} />}
    </Section>
  );
}

/** A convocation handed over or sent by registered letter when the e-mail did not reach the member. */
function DeliveryForm({ context }: { context: SessionContext }) {
  const { view } = context;
  const tz = view.timeZone;
  const undelivered = Object.entries(view.convocations).filter(([, c]) => !c.deliveredAt || c.failure).map(([id]) => id);
  const [memberId, setMemberId] = useState('');
  const [channel, setChannel] = useState<'hand_delivery' | 'registered_letter'>('hand_delivery');
  const [at, setAt] = useState(() => instantToZoned(new Date(), tz));
  const [reason, setReason] = useState('');
  const action = useAction();
  const chosen = memberId || undelivered[0] || '';
  if (undelivered.length === 0) return null;
  const submit = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/convocations/deliveries', {
      params: { path: { id: view.sessionId } },
      body: { memberId: chosen, channel, deliveredAt: zonedToInstant(at, tz).toISOString(), reason: reason.trim() },
    }));
    setReason('');
    await context.refresh();
  }, t.publish.deliveryRecorded);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{t.publish.deliveryTitle}</h3>
      <div className="grid">
        <div className="field">
          <label htmlFor="delivery-member">{t.publish.member}</label>
          <select id="delivery-member" value={chosen} onChange={(e) => setMemberId(e.target.value)}>
            {undelivered.map((id) => <option key={id} value={id}>{nameOf(context, id)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="delivery-channel">{t.publish.channel}</label>
          <select id="delivery-channel" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
            <option value="hand_delivery">{t.publish.channels.hand_delivery}</option>
            <option value="registered_letter">{t.publish.channels.registered_letter}</option>
          </select>
        </div>
        <Field id="delivery-at" label={t.publish.deliveredAt(tz)} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
        <Field id="delivery-reason" label={t.publish.deliveryReason} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" disabled={action.pending}>{t.publish.recordDelivery}</button>
      {action.feedback}
    </form>
  );
}

/** Who joined the video meeting; the secretary says who a participant is when Zoom could not tell. */
function ParticipantsPanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const tz = view.timeZone;
  const action = useAction();
  const [choices, setChoices] = useState<Record<string, string>>({});
  if (view.participants.length === 0) return null;
  const map = (participantKey: string, memberId: string) => action.run(async () => {
    await ok(api.POST('/sessions/{id}/participants/mapping', { params: { path: { id: view.sessionId } }, body: { participantKey, memberId } }));
    await context.refresh();
  }, t.sitting.mapped);
  return (
    <>
      <h3>{t.sitting.participants}</h3>
      <ul>
        {view.participants.map((p) => {
          const memberId = p.memberId ?? view.participantMappings[p.key];
          const label = p.guestName ?? p.key;
          const chosen = choices[p.key] ?? view.members[0]?.id ?? '';
          return (
            <li key={p.key}>
              {label}{p.joinedAt ? ` — ${t.sitting.joined(hourMinute(p.joinedAt, tz))}` : ''}{p.leftAt ? `, ${t.sitting.left(hourMinute(p.leftAt, tz))}` : ''}
              {memberId ? ` — ${nameOf(context, memberId)}` : (
                <form className="inline" onSubmit={(e) => { e.preventDefault(); void map(p.key, chosen); }}>
                  <label htmlFor={`map-${p.key}`}>{t.sitting.whoIs(label)}</label>{' '}
                  <select id={`map-${p.key}`} value={chosen} onChange={(e) => setChoices({ ...choices, [p.key]: e.target.value })}>
                    {view.members.map((m) => <option key={m.id} value={m.id}>{nameOf(context, m.id)}</option>)}
                  </select>{' '}
                  <button type="submit" disabled={action.pending}>{t.sitting.map}</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {action.feedback}
    </>
  );
}

function AttendancePanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const action = useAction();
  const tz = view.timeZone;
  const record = (memberId: string, present: boolean) => action.run(async () => {
    await ok(api.POST('/sessions/{id}/attendance', { params: { path: { id: view.sessionId } }, body: { memberId, present } }));
    await context.refresh();
  });
  const proxies = Object.entries(view.proxies);
  return (
    <Section id="attendance" title={t.sitting.attendance}>
      <div role="status" aria-live="polite" className="quorum-now"><h3>{t.sitting.quorum}</h3><QuorumStatus quorum={view.quorum} /></div>
      <ul className="attendance">
        {view.members.map((m) => {
          const a = view.attendance[m.id];
          return (
            <li key={m.id}>
              <label className="choice">
                <input type="checkbox" checked={a?.present === true} disabled={action.pending} onChange={(e) => void record(m.id, e.target.checked)} />
                {' '}{nameOf(context, m.id)} ({t.memberRole[m.role]})
              </label>
              {a?.present && <span className="hint"> {t.sitting.since(hourMinute(a.since, tz), t.sitting.how[a.how as keyof typeof t.sitting.how] ?? a.how)}</span>}
            </li>
          );
        })}
      </ul>
      {action.feedback}
      <ParticipantsPanel context={context} />
      <h3>{t.sitting.proxies}</h3>
      {proxies.length === 0 ? <p>{t.sitting.none}</p> : <ul>{proxies.map(([p, h]) => <li key={p}>{t.sitting.proxyOf(nameOf(context, p), nameOf(context, h))}</li>)}</ul>}
    </Section>
  );
}

function DeferForm({ context, item }: { context: SessionContext; item: AgendaItem }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const defer = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/deferral', { params: { path: { id: context.view.sessionId, itemId: item.id } }, body: { reason: reason.trim() } }));
    await context.refresh();
  });
  return (
    <form className="defer" onSubmit={(e) => { e.preventDefault(); void defer(); }}>
      <div className="field">
        <label htmlFor={`defer-${item.id}`}>{t.vote.deferReason}</label>
        <input id={`defer-${item.id}`} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" disabled={action.pending}>{t.vote.defer}</button>
      {action.feedback}
    </form>
  );
}

function ItemBoard({ context, item }: { context: SessionContext; item: AgendaItem }) {
  const { view } = context;
  const action = useAction();
  const openVote = view.openVote?.itemId === item.id ? view.openVote : undefined;
  const close = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/vote/close', { params: { path: { id: view.sessionId, itemId: item.id } } }));
    await context.refresh();
  });
  const last = item.results.at(-1);
  return (
    <article className="agenda-item">
      <ItemHeading context={context} item={item} />
      <ItemFileView file={context.files.get(item.id)} />
      {item.conflicts.length > 0 && <p className="hint">{t.member.conflictDeclared} : {item.conflicts.map((m) => nameOf(context, m)).join(', ')}</p>}
      {openVote && (
        <>
          <ProposalView context={context} item={item} />
          <div className="tally" role="status" aria-live="polite">
            <p><strong>{t.vote.tally(openVote.counts.for, openVote.counts.against, openVote.counts.abstain, openVote.votesCast)}</strong></p>
            <p className="hint">{t.vote.quorumAtOpening} : {t.sitting.quorumLine(openVote.quorum.present, openVote.quorum.represented, openVote.quorum.required, openVote.quorum.rosterSize)}</p>
          </div>
          <button type="button" className="big" disabled={action.pending} onClick={() => void close()}>{t.vote.close}</button>
          {action.feedback}
        </>
      )}
      {last && !openVote && (
        <p className="result">
          {t.vote.result(t.outcome[last.outcome], last.counts.for, last.counts.against, last.counts.abstain)}
          {last.castingVoterId ? ` (${t.vote.casting})` : ''}
        </p>
      )}
      {item.status === 'decided' && <ProposalView context={context} item={item} />}
      {item.deferral && <p>{t.itemStatus.deferred}{item.deferral.reason ? ` : ${item.deferral.reason}` : ''}</p>}
      {item.status === 'pending' && view.phase === 'deliberating' && !view.openVote && item.kind === 'allocation' && (
        <>
          <ProposalEditor context={context} item={item} />
          <DeferForm context={context} item={item} />
        </>
      )}
    </article>
  );
}

function SittingPanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const action = useAction();
  const tz = view.timeZone;
  const openSitting = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/open', { params: { path: { id: view.sessionId } }, body: {} }));
    await context.refresh();
  });
  const closeSitting = () => action.run(async () => {
    await ok(api.POST('/sessions/{id}/close', { params: { path: { id: view.sessionId } } }));
    await context.refresh();
  });
  return (
    <Section id="sitting" title={t.sitting.title}>
      {view.phase === 'convened' && (
        <>
          <p>{t.sitting.openFrom(hourMinute(view.scheduledStart, tz))}</p>
          <button type="button" className="big" disabled={action.pending} onClick={() => void openSitting()}>{t.sitting.open}</button>
        </>
      )}
      {sittingPhases.has(view.phase) && view.agenda.map((item) => <ItemBoard key={item.id} context={context} item={item} />)}
      {view.phase === 'deliberating' && (
        <>
          <p className="hint">{t.sitting.closeHint}</p>
          <button type="button" disabled={action.pending || view.openVote !== undefined} onClick={() => void closeSitting()}>{t.sitting.close}</button>
        </>
      )}
      {action.feedback}
    </Section>
  );
}

type Offer = Awaited<ReturnType<typeof loadOffers>>['offers'][number];
const loadOffers = (id: string) => ok(api.GET('/sessions/{id}/offers', { params: { path: { id } } }));

function OfferAnswer({ context, offer, onDone }: { context: SessionContext; offer: Offer; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const answer = (decision: 'accept' | 'decline') => action.run(async () => {
    const body = reason.trim() ? { reason: reason.trim() } : {};
    const params = { path: { id: offer.id } };
    await ok(decision === 'accept' ? api.POST('/offers/{id}/accept', { params, body }) : api.POST('/offers/{id}/decline', { params, body }));
    onDone();
  }, t.offers.recorded);
  return (
    <form className="offer-answer" onSubmit={(e) => e.preventDefault()}>
      <Field id={`offer-reason-${offer.id}`} label={t.offers.reason} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="button" disabled={action.pending} onClick={() => void answer('accept')}>{t.offers.accept}</button>{' '}
      <button type="button" disabled={action.pending} onClick={() => void answer('decline')}>{t.offers.decline}</button>
      {action.feedback}
    </form>
  );
}

/** The offers of each decided dwelling, in rank order: deadline, answer, and the answer recorded here. */
function OffersPanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const tz = view.timeZone;
  const offers = useLoaded(() => loadOffers(view.sessionId), [view.sessionId, view.phase]);
  if (!offers.data || offers.data.offers.length === 0) return <ErrorMessage error={offers.error} />;
  const numberOf = (offer: Offer) => context.files.get(offer.agendaItemId)?.candidates.find((c) => c.applicationId === offer.applicationId)?.applicationNumber ?? offer.applicationId;
  return (
    <Section id="offers" title={t.offers.title}>
      <table>
        <caption>{t.offers.caption}</caption>
        <thead><tr><th scope="col">{t.offers.dwelling}</th><th scope="col">{t.offers.application}</th><th scope="col">{t.offers.offeredAt}</th><th scope="col">{t.offers.deadline}</th><th scope="col">{t.offers.status}</th></tr></thead>
        <tbody>
          {offers.data.offers.map((offer) => (
            <tr key={offer.id}>
              <td>{context.files.get(offer.agendaItemId)?.dwelling.reference ?? offer.agendaItemId.slice(0, 8)}</td>
              <td>{numberOf(offer)} ({t.offers.rank(offer.rank)})</td>
              <td>{shortDateTime(offer.offeredAt, tz)}</td>
              {/* The deadline is 24:00 of the last day to answer: the day itself is what the letter says. */}
              <td>{t.offers.until(day(new Date(Date.parse(offer.deadline) - 1).toISOString(), tz))}</td>
              <td>
                {t.offers.statuses[offer.status]}{offer.answeredAt ? `, ${shortDateTime(offer.answeredAt, tz)}` : ''}{offer.reason ? ` — ${offer.reason}` : ''}
                {offer.status === 'offered' && <OfferAnswer context={context} offer={offer} onDone={offers.reload} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function LettersPanel({ context }: { context: SessionContext }) {
  const { view } = context;
  const action = useAction();
  const list = useLoaded(() => ok(api.GET('/sessions/{id}/notifications', { params: { path: { id: view.sessionId } } })), [view.sessionId, view.phase]);
  if (!list.data || list.data.notifications.length === 0) return <ErrorMessage error={list.error} />;
  const numbers = new Map([...context.files.values()].flatMap((f) => f.candidates.map((c) => [c.applicationId, c.applicationNumber] as const)));
  return (
    <Section id="letters" title={t.minutes.letters}>
      <ul>
        {list.data.notifications.map((n) => {
          const application = n.applicationId ? t.offers.forApplication(numbers.get(n.applicationId) ?? n.applicationId) : '';
          const save = () => action.run(() => download(`/sessions/${view.sessionId}/notifications/${n.id}/document`, 'application/pdf', `${n.kind}-${n.id}.pdf`));
          return (
            <li key={n.id}>
              {t.notificationKind[n.kind]}{application ? ` — ${application}` : ''} — {n.channel === 'email' ? t.offers.byEmail : t.offers.byPost}
              {n.sentAt ? `, ${shortDateTime(n.sentAt, view.timeZone)}` : ''}
              {n.documentSha256 && n.applicationId && (
                <>{' '}<button type="button" className="link-button" onClick={() => void save()}>{t.offers.letter(t.notificationKind[n.kind], application)}</button></>
              )}
            </li>
          );
        })}
      </ul>
      {action.feedback}
    </Section>
  );
}

export function SecretaryBoard({ context }: { context: SessionContext }) {
  const { view } = context;
  return (
    <>
      {/* A written session runs on its window board: no sitting to open, no attendance. */}
      {view.mode !== 'written' && (sittingPhases.has(view.phase) || view.phase === 'convened') && <SittingPanel context={context} />}
      {view.mode !== 'written' && sittingPhases.has(view.phase) && <AttendancePanel context={context} />}
      {!sittingPhases.has(view.phase) && <AgendaPanel context={context} />}
      <ConvocationsPanel context={context} />
      {['notified', 'completed'].includes(view.phase) && <LettersPanel context={context} />}
      {['notified', 'completed'].includes(view.phase) && <OffersPanel context={context} />}
    </>
  );
}
