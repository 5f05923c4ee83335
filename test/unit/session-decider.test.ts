// The session decider read as the law: given what a session accepted, when one more command
// comes, then these events or this refusal, with the rule and the article it comes from.
import { describe, expect, it } from 'vitest';
import { evolveAll, isOver, reactions } from '../../domain/session/index.ts';
import {
  addItem, association, attend, closeSession, closeVote, convened, convenedAt, dayMs, delivered, deliberating, eventTypes, expectRefusal, failed, given,
  item, mayor, minuteMs, open, openVote, prefect, proxy, publish, ranked, rules, secretary, sessionInput, start, t0, vote, when, type Step,
} from '../support/session-spec.ts';

describe('the session decider: one row per rule', () => {
  const cases: Array<{ rule: string; article: RegExp; given: () => Step[]; when: Step; input?: Parameters<typeof sessionInput>[0] }> = [
    { rule: 'three_candidates_per_dwelling', article: /CCH R441-3/, given: () => [start()], when: addItem('item-2', 2) },
    { rule: 'agenda_not_empty', article: /CCH R441-3/, given: () => [start()], when: publish() },
    { rule: 'notice_period', article: /règlement intérieur.*délai de convocation/, given: () => [start(), addItem()], when: publish(convenedAt - 4 * dayMs) },
    { rule: 'convocation_before_sitting', article: /délai de convocation/, given: () => [start(), addItem()], when: publish(convenedAt + minuteMs, 'urgence') },
    { rule: 'published_agenda_change_needs_reason', article: /modification de l’ordre du jour/, given: convened, when: addItem('item-2') },
    { rule: 'sitting_at_convened_time', article: /heure de la séance/, given: convened, when: open(convenedAt - minuteMs) },
    { rule: 'sitting_within_grace_period', article: /délai de carence/, given: convened, when: open(convenedAt + 30 * minuteMs) },
    { rule: 'members_convened', article: /CCH R441-9/, given: () => [start(), addItem(), publish(), delivered(['b1', 'b2']), failed(['b3'])], when: open() },
    { rule: 'members_convened', article: /CCH R441-9/, given: () => [start(), addItem(), publish(), delivered(['b1', 'b2'])], when: open(convenedAt, 'SMTP en panne') },
    { rule: 'quorum_before_each_vote', article: /quorum/, given: () => [...convened(), open(), attend('b1'), attend('b2'), attend('b3'), attend('b4'), attend('b4', false)], when: openVote() },
    { rule: 'session_phase', article: /déroulement de la séance/, given: () => [...convened(), open(), attend('b1')], when: openVote() },
    { rule: 'remote_half_participation', article: /ordonnance n° 2014-1329/, input: { mode: 'remote', rules: rules({ quorum: { threshold: 0.3 } }) }, given: () => [...convened(), open(), attend('b1'), attend('b2'), proxy('b3', 'b1'), proxy('b4', 'b2')], when: openVote() },
    { rule: 'condition_deadline_after_sitting', article: /CCH R441-3/, given: deliberating, when: openVote([{ ...ranked()[0]!, type: 'conditional_attribution', conditionDocument: 'avis d’imposition', conditionDeadline: new Date(convenedAt).toISOString().slice(0, 10) }, ...ranked().slice(1)]) },
    { rule: 'decision_needs_reasons', article: /CCH L441-2-2/, given: deliberating, when: openVote([...ranked().slice(0, 2), { applicationId: ranked()[2]!.applicationId, type: 'non_attribution' }]) },
    { rule: 'voting_roster', article: /CCH L441-2 et R441-9/, given: () => [...deliberating(), attend(association), openVote()], when: vote(association, 'for') },
    { rule: 'voter_present', article: /présents ou représentés/, given: () => [...deliberating(), openVote()], when: vote('b5', 'for') },
    { rule: 'vote_in_person_or_by_proxy', article: /présents ou représentés/, given: () => [...deliberating(), openVote()], when: vote('b1', 'for', 'b6') },
    { rule: 'ballots_per_seat', article: /déroulement du vote/, given: () => [...deliberating(), openVote(), ...Array.from({ length: 20 }, (_, n) => vote('b1', n % 2 ? 'against' : 'for'))], when: vote('b1', 'abstain') },
    { rule: 'proxies_per_holder', article: /pouvoirs/, given: () => [...convened(), proxy('b5', 'b1')], when: proxy('b6', 'b1') },
    { rule: 'every_item_decided_or_deferred', article: /CCH R441-3/, given: deliberating, when: closeSession() },
    { rule: 'one_vote_at_a_time', article: /déroulement du vote/, given: () => [...deliberating(), openVote()], when: closeSession() },
    { rule: 'cancellation_before_opening', article: /annulation/, given: () => [...convened(), open()], when: { command: { type: 'cancel_session', actor: secretary, reason: 'salle indisponible' } } },
    { rule: 'delivery_not_in_future', article: /convocation des membres/, given: () => [start(), addItem(), publish(), delivered(['b1'])], when: { at: t0, command: { type: 'record_convocation_delivery', actor: secretary, memberId: 'b2', channel: 'hand_delivery', deliveredAt: new Date(t0 + dayMs).toISOString(), reason: 'remise en main propre' } } },
    { rule: 'session_finished', article: /déroulement de la séance/, given: () => [start(), addItem(), { command: { type: 'cancel_session', actor: secretary, reason: 'salle indisponible' } }], when: attend('b1') },
  ];

  it.each(cases)('refuses by $rule ($article)', ({ rule, article, given: steps, when: step, input }) => {
    const { state } = given(steps(), sessionInput(input));
    expectRefusal(when(state, step), rule, article);
  });
});

describe('the convocation', () => {
  it('carries the agenda exactly as published, and each later change as a new version', () => {
    const { state, events } = given([start(), addItem(), publish()]);
    const published = events.find((e) => e.type === 'agenda_published');
    expect(published).toMatchObject({ sequence: 1, items: [{ id: item, position: 1, candidates: [{ rank: 1 }, { rank: 2 }, { rank: 3 }] }] });
    const [convene] = reactions(state);
    expect(convene).toMatchObject({ type: 'convene', request: { sequence: 1, agenda: [{ id: item }] } });
    expect(convene?.type === 'convene' && convene.request.memberIds).toHaveLength(9);

    const later = given([start(), addItem(), publish(), delivered(), { ...addItem('item-2'), command: { ...addItem('item-2').command, reason: 'logement libéré hier' } as never }]);
    const amended = later.events.at(-1);
    expect(amended).toMatchObject({ type: 'agenda_amended', sequence: 2, reason: 'logement libéré hier', items: [{ id: item }, { id: 'item-2' }] });
    expect(reactions(later.state)[0]).toMatchObject({ type: 'convene', request: { sequence: 2, agenda: [{ id: item }, { id: 'item-2' }] } });
  });

  it('counts the notice from the delivery: an e-mail sent inside the notice period does not convene, an urgency does', () => {
    const late = given([start(), addItem(), publish(), delivered(undefined, convenedAt - 2 * dayMs)]).state;
    expectRefusal(when(late, open()), 'members_convened', /CCH R441-9/);
    expect(when(late, open()).refusal?.problems?.[0]).toMatchObject({ rule: 'notice_period' });
    const urgent = given([start(), addItem(), publish(convenedAt - 2 * dayMs, 'logement vacant à attribuer sous huitaine'), delivered(undefined, convenedAt - 2 * dayMs)]).state;
    expect(eventTypes(when(urgent, open()))).toEqual(['session_opened']);
  });

  it('keeps a member whose convocation failed not convened, tries again later, and opens once delivered by hand', () => {
    const { state } = given([start(), addItem(), publish(), delivered(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', prefect, association]), failed([mayor])]);
    expect(state.convocations[mayor]).toMatchObject({ sequence: 0, failure: { reason: 'SMTP 421', attempts: 1 } });
    const [retry] = reactions(state);
    expect(retry).toMatchObject({ type: 'convene', notBefore: t0 + minuteMs, request: { memberIds: [mayor] } });
    const byHand = given([start(), addItem(), publish(), delivered(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', prefect, association]), failed([mayor]), {
      at: t0 + dayMs, command: { type: 'record_convocation_delivery', actor: secretary, memberId: mayor, channel: 'hand_delivery', deliveredAt: new Date(t0 + dayMs).toISOString(), reason: 'remise en mairie' },
    }]).state;
    expect(eventTypes(when(byHand, open()))).toEqual(['session_opened']);
  });

  it('opens without every member convened only where the rules allow it, with the reason the minutes print', () => {
    const input = sessionInput({ rules: rules({ unconvenedOpeningAllowed: true }) });
    const { state } = given([start(), addItem(), publish(), delivered(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', prefect])], input);
    expectRefusal(when(state, open()), 'unconvened_opening_needs_reason', /règlement intérieur/);
    const opened = when(state, open(convenedAt, 'serveur de messagerie en panne, membres prévenus par téléphone'));
    expect(opened.events?.[0]).toMatchObject({ type: 'session_opened', unconvened: { memberIds: [mayor, association], reason: 'serveur de messagerie en panne, membres prévenus par téléphone' } });
  });
});

describe('the sitting', () => {
  it('opens at its convened time, or within the tolerance the rules give', () => {
    const { state } = given(convened(), sessionInput({ rules: rules({ openingToleranceMinutes: 10 }) }));
    expectRefusal(when(state, open(convenedAt - 11 * minuteMs)), 'sitting_at_convened_time', /heure de la séance/);
    expect(eventTypes(when(state, open(convenedAt - 10 * minuteMs)))).toEqual(['session_opened']);
  });

  it('starts deliberations when quorum is first reached after the opening, and records that quorum', () => {
    const { state, events } = given([...convened(), open(convenedAt), attend('b1'), attend('b2'), attend('b3', true, convenedAt + 5 * minuteMs), attend('b4', true, convenedAt + 7 * minuteMs)]);
    const started = events.find((e) => e.type === 'deliberations_started');
    expect(started).toMatchObject({ at: new Date(convenedAt + 7 * minuteMs).toISOString(), quorum: { present: 4, required: 4, reached: true } });
    expect(state.sitting).toMatchObject({ openedAt: new Date(convenedAt).toISOString(), deliberationsQuorum: { present: 4 } });
    expect(state.attendanceLog.map((a) => a.memberId)).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('adjourns for lack of quorum at the end of the grace period counted from the convened time, carrying the undecided items', () => {
    const { state } = given([...convened(), open(), attend('b1')]);
    const early = when(state, { at: convenedAt + 29 * minuteMs, command: { type: 'end_grace_period', actor: 'system', reconvenedSessionId: 'session-2', carriedItemIds: ['item-9'] } });
    expect(eventTypes(early)).toEqual([]);
    const due = when(state, { at: convenedAt + 30 * minuteMs, command: { type: 'end_grace_period', actor: 'system', reconvenedSessionId: 'session-2', carriedItemIds: ['item-9'] } });
    expect(due.events?.[0]).toMatchObject({ type: 'session_adjourned', cause: 'no_quorum', carried: [{ id: 'item-9', status: 'pending', position: 1 }] });
    const adjourned = evolveAll(state, due.events!);
    expect(reactions(adjourned)[0]).toMatchObject({ type: 'reconvene', input: { sessionId: 'session-2', withoutQuorum: true, reconvenedFrom: 'session-1' } });
  });

  it('reconvenes with quorum required when the members were not all convened', () => {
    const { state } = given([start(), addItem(), publish(), delivered(['b1'])]);
    const due = when(state, { at: convenedAt + 30 * minuteMs, command: { type: 'end_grace_period', actor: 'system', reconvenedSessionId: 'session-2', carriedItemIds: ['item-9'] } });
    expect(due.events?.[0]).toMatchObject({ type: 'session_adjourned', cause: 'members_not_convened' });
    expect(reactions(evolveAll(state, due.events!))[0]).toMatchObject({ type: 'reconvene', input: { withoutQuorum: false } });
  });
});

describe('votes and decisions', () => {
  it('tallies the ballots with the rules and decides the item', () => {
    const { state } = given([...deliberating(), openVote(), vote('b1', 'for'), vote('b2', 'for'), vote('b3', 'against'), vote(mayor, 'for')]);
    const closed = when(state, closeVote());
    expect(closed.events?.[0]).toMatchObject({ type: 'vote_closed', result: { outcome: 'adopted', decidedBy: 'majority_of_votes_cast', counts: { for: 3, against: 1, abstain: 0 }, itemStatus: 'decided' }, decisions: ranked() });
  });

  it('gives a tie to the mayor of the dwelling\'s commune, voting in person', () => {
    const { state } = given([...deliberating(), openVote(), vote('b1', 'for'), vote('b2', 'against'), vote('b3', 'against'), vote(mayor, 'for')]);
    expect(when(state, closeVote()).events?.[0]).toMatchObject({ result: { outcome: 'adopted', decidedBy: 'casting_vote_of_mayor', castingVoterId: mayor } });
  });

  it('defers a tie without the mayor, the rule being the reason', () => {
    const { state } = given([...convened(), open(), ...['b1', 'b2', 'b3', 'b4'].map((id) => attend(id)), openVote(), vote('b1', 'for'), vote('b2', 'for'), vote('b3', 'against'), vote('b4', 'against')]);
    const closed = when(state, closeVote());
    expect(eventTypes(closed)).toEqual(['vote_closed', 'item_deferred']);
    expect(closed.events?.[1]).toMatchObject({ cause: 'tie_without_mayor', actor: 'system' });
    expect((closed.events?.[1] as { reason?: string }).reason).toBeUndefined();
  });

  it('changes nothing for the same ballot sent again', () => {
    const { state } = given([...deliberating(), openVote(), vote('b1', 'for')]);
    expect(eventTypes(when(state, vote('b1', 'for')))).toEqual([]);
    expect(eventTypes(when(state, vote('b1', 'against')))).toEqual(['vote_cast']);
  });

  it('closes the sitting once every item is decided, then awaits the minutes', () => {
    const { state } = given([...deliberating(), openVote(), vote('b1', 'for'), closeVote(), closeSession(convenedAt + 40 * minuteMs)]);
    expect(state.sitting.closedAt).toBe(new Date(convenedAt + 40 * minuteMs).toISOString());
    expect(reactions(state)).toMatchObject([{ type: 'draft_minutes', facts: { version: 1, scheduledStart: new Date(convenedAt).toISOString() } }]);
  });
});

describe('a cancelled session', () => {
  it('tells the convened members, and is over once they are told', () => {
    const { state } = given([...convened(), { command: { type: 'cancel_session', actor: secretary, reason: 'salle indisponible' } }]);
    expect(state.phase).toBe('cancelled');
    expect(reactions(state)).toMatchObject([{ type: 'notify_cancellation', notice: { reason: 'salle indisponible', sequence: 1 } }]);
    expect(isOver(state)).toBe(false);
    const told = given([...convened(), { command: { type: 'cancel_session', actor: secretary, reason: 'salle indisponible' } }, { command: { type: 'record_cancellation_notified', actor: 'system', emailed: 9, failed: 0 } }]).state;
    expect(isOver(told)).toBe(true);
  });
});
