// The presenter's proposal for an item (a decision per candidate), and the labelled field the
// secretary's forms share.
import { useState, type InputHTMLAttributes } from 'react';
import { api, ok, type AgendaItem, type Proposal } from '../api/client.ts';
import { useAction } from '../components.tsx';
import { t } from '../messages.ts';
import type { SessionContext } from './session.tsx';

export function Field({ id, label, ...input }: { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

/** The presenter's proposal for an item: live, put to the vote once quorum holds; written, before or during the window. */
export function ProposalEditor({ context, item }: { context: SessionContext; item: AgendaItem }) {
  const written = context.view.mode === 'written';
  const file = context.files.get(item.id);
  const [lines, setLines] = useState<Proposal[]>(() => item.candidates.map((c) => ({ applicationId: c.applicationId, type: 'ranked_attribution', rank: c.rank })));
  const action = useAction();
  const numberOf = (id: string) => file?.candidates.find((c) => c.applicationId === id)?.applicationNumber ?? id;
  const update = (i: number, patch: Partial<Proposal>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const open = () => action.run(async () => {
    const proposal = lines.map((l) => ({
      applicationId: l.applicationId, type: l.type,
      ...(l.type === 'ranked_attribution' && l.rank ? { rank: l.rank } : {}),
      ...(l.reasons?.trim() ? { reasons: l.reasons.trim() } : {}),
      ...(l.type === 'conditional_attribution' ? { conditionDocument: l.conditionDocument, conditionDeadline: l.conditionDeadline } : {}),
    }));
    await ok(api.POST('/sessions/{id}/agenda-items/{itemId}/vote/open', { params: { path: { id: context.view.sessionId, itemId: item.id } }, body: { proposal } }));
    await context.refresh();
  });
  return (
    <form className="proposal-editor" onSubmit={(e) => { e.preventDefault(); void open(); }}>
      <h4>{written ? t.written.propose : t.vote.openTitle}</h4>
      {lines.map((l, i) => {
        const id = `proposal-${item.id}-${l.applicationId}`;
        return (
          <fieldset key={l.applicationId}>
            <legend>{t.vote.proposalFor(numberOf(l.applicationId))}</legend>
            <div className="grid">
              <div className="field">
                <label htmlFor={`${id}-type`}>{t.vote.decision}</label>
                <select id={`${id}-type`} value={l.type} onChange={(e) => update(i, { type: e.target.value as Proposal['type'] })}>
                  {(Object.keys(t.decisionType) as Array<Proposal['type']>).map((d) => <option key={d} value={d}>{t.decisionType[d]}</option>)}
                </select>
              </div>
              {l.type === 'ranked_attribution' && (
                <Field id={`${id}-rank`} label={t.vote.rank} type="number" min={1} max={50} value={l.rank ?? ''} onChange={(e) => update(i, { rank: Number(e.target.value) })} />
              )}
              {l.type === 'conditional_attribution' && (
                <>
                  <Field id={`${id}-document`} label={t.vote.conditionDocument} required value={l.conditionDocument ?? ''} onChange={(e) => update(i, { conditionDocument: e.target.value })} />
                  <Field id={`${id}-deadline`} label={t.vote.conditionDeadline} type="date" required value={l.conditionDeadline ?? ''} onChange={(e) => update(i, { conditionDeadline: e.target.value })} />
                </>
              )}
              {(l.type === 'non_attribution' || l.type === 'rejection' || l.type === 'deferred') && (
                <Field id={`${id}-reasons`} label={t.vote.reasons} required maxLength={5000} value={l.reasons ?? ''} onChange={(e) => update(i, { reasons: e.target.value })} />
              )}
            </div>
          </fieldset>
        );
      })}
      <button type="submit" className="big" disabled={action.pending || (!written && !context.view.quorum.reached)}>{written ? t.written.propose : t.vote.open}</button>
      {action.feedback}
    </form>
  );
}

