// A written session read as the law: the window opens and closes at its times, members debate,
// vote and change their vote within it, refer an item to a live sitting, and an item is decided
// at the close only with the participation the rules require.
import { describe, expect, it } from 'vitest';
import { defaultWrittenSessionRules, writtenWindowProblems, type WrittenSessionRules } from '../../domain/rules/index.ts';
import { evolveAll, reactions, type SessionState } from '../../domain/session/index.ts';
import { minutesDocument, minutesFacts } from '../../domain/minutes.ts';
import {
  addItem, board, convenedAt, everyone, dayMs, delivered, eventTypes, expectRefusal, given, item, mayor, minuteMs, prefect, publish, ranked, rules, secretary,
  sessionInput, start, t0, when, type Step,
} from '../support/session-spec.ts';

const hourMs = 60 * minuteMs;
const opensAt = convenedAt;
const closesAt = opensAt + 24 * hourMs;

function writtenRules(changes: Partial<WrittenSessionRules> = {}) {
  return rules({ writtenSessions: { ...defaultWrittenSessionRules, allowed: true, approval: { date: '2030-01-15', reference: 'CA 2030-04' }, ...changes } });
}
const writtenInput = (changes: Partial<WrittenSessionRules> = {}) =>
  sessionInput({ mode: 'written', closesAt: new Date(closesAt).toISOString(), rules: writtenRules(changes) });

const system = (type: 'open_window' | 'close_window', at: number): Step => ({ at, command: { type, actor: 'system' } });
const propose = (at = opensAt - hourMs, id = item): Step => ({ at, command: { type: 'open_vote', actor: secretary, itemId: id, proposal: ranked(id) } });
const ballot = (actor: string, choice: 'for' | 'against' | 'abstain', memberId = actor, at = opensAt + hourMs): Step => ({ at, command: { type: 'cast_vote', actor, itemId: item, memberId, choice } });
const post = (actor: string, text: string, at = opensAt + hourMs): Step => ({ at, command: { type: 'post_message', actor, itemId: item, text } });
const refer = (actor: string, reason: string, at = opensAt + hourMs): Step => ({ at, command: { type: 'refer_item', actor, itemId: item, reason } });
const extend = (to: number, reason = 'dossier complété tardivement', at = opensAt + hourMs): Step => ({ at, command: { type: 'extend_window', actor: secretary, closesAt: new Date(to).toISOString(), reason } });
const convenedWritten = (): Step[] => [start(), addItem(), publish(), delivered(), propose()];
const inWindow = (): Step[] => [...convenedWritten(), system('open_window', opensAt)];
/** The item's roster: the six board members, the prefect and the mayor of Villeneuve (eight seats). */
const roster = [...board, prefect, mayor];

function itemOf(state: SessionState) {
  return state.agenda.find((i) => i.id === item)!;
}

describe('a written session: its window', () => {
  it('is convened only where the rules provide for it, for a duration within their bounds', () => {
    const open = new Date(opensAt);
    expect(writtenWindowProblems(open, new Date(closesAt), rules())[0]?.rule).toBe('written_sessions_allowed');
    expect(writtenWindowProblems(open, new Date(opensAt + 23 * hourMs), writtenRules())[0]?.rule).toBe('written_window_bounds');
    expect(writtenWindowProblems(open, new Date(opensAt + 121 * hourMs), writtenRules())[0]?.rule).toBe('written_window_bounds');
    expect(writtenWindowProblems(open, new Date(closesAt), writtenRules())).toEqual([]);
  });

  it('opens by its timer at the opening time, not before, and never by hand', () => {
    const { state } = given(convenedWritten(), writtenInput());
    expect(reactions(state)).toContainEqual({ type: 'open_window', notBefore: opensAt });
    expect(when(state, system('open_window', opensAt - 1)).events).toEqual([]);
    expectRefusal(when(state, { at: opensAt, command: { type: 'open_session', actor: secretary } }), 'live_sitting_only', /séance écrite/);
    const opened = when(state, system('open_window', opensAt));
    expect(eventTypes(opened)).toEqual(['window_opened']);
    expect(opened.events![0]).toMatchObject({ phase: 'deliberating', closesAt: new Date(closesAt).toISOString() });
  });

  it('does not open when a member is not lawfully convened: the session is cancelled and the members told', () => {
    const { state } = given([start(), addItem(), publish(), delivered(board), propose()], writtenInput());
    const decision = when(state, system('open_window', opensAt));
    expect(eventTypes(decision)).toEqual(['session_cancelled']);
    const after = evolveAll(state, decision.events!);
    expect(after.phase).toBe('cancelled');
    expect(reactions(after).map((r) => r.type)).toEqual(['notify_cancellation']);
  });

  it('arms the reminders and the close; the reminders go to the seats without a ballot, once each', () => {
    const { state } = given([...inWindow(), ballot('b1', 'for')], writtenInput());
    const awaited = reactions(state);
    expect(awaited[0]).toEqual({ type: 'close_window', notBefore: closesAt });
    // The 24-hour reminder would fall at the opening itself: only the one 2 hours before the close.
    expect(awaited[1]).toMatchObject({ type: 'remind_voters', notBefore: closesAt - 2 * hourMs, reminder: { hoursBefore: 2 } });
    const reminder = awaited[1]!.type === 'remind_voters' ? awaited[1]!.reminder : undefined;
    expect(reminder?.memberIds.sort()).toEqual(roster.filter((id) => id !== 'b1').sort());
    const record: Step = { at: closesAt - 2 * hourMs, command: { type: 'record_voters_reminded', actor: 'system', hoursBefore: 2, closesAt: new Date(closesAt).toISOString(), memberIds: reminder!.memberIds, emailed: 7 } };
    const reminded = given([...inWindow(), ballot('b1', 'for'), record], writtenInput()).state;
    expect(reactions(reminded).map((r) => r.type)).toEqual(['close_window']);
    expect(when(reminded, record).events).toEqual([]);
  });

  it('is extended once, with a reason, before it closes, within the rules; the reminders follow the new close', () => {
    const { state } = given(inWindow(), writtenInput());
    expectRefusal(when(state, extend(closesAt + 49 * hourMs)), 'window_extension_bounds', /prolongation/);
    expectRefusal(when(state, extend(closesAt + hourMs, ' ')), 'extension_needs_reason', /prolongation/);
    expectRefusal(when(state, extend(closesAt + hourMs, 'motif', closesAt)), 'written_window_open', /ordonnance/);
    const extended = given([...inWindow(), extend(closesAt + 24 * hourMs)], writtenInput()).state;
    expect(extended.window).toMatchObject({ closesAt: new Date(closesAt + 24 * hourMs).toISOString(), extension: { from: new Date(closesAt).toISOString(), reason: 'dossier complété tardivement' } });
    expectRefusal(when(extended, extend(closesAt + 30 * hourMs)), 'window_extended_once', /prolongation/);
    // The close moved: the next reminder is the one 24 hours before it, then the one 2 hours before.
    expect(reactions(extended).map((r) => r.notBefore)).toEqual([closesAt + 24 * hourMs, closesAt]);
    expect(when(extended, system('close_window', closesAt)).events).toEqual([]);
  });

  it('closes early only where the rules allow it, once every seat of every roster voted', () => {
    const all = roster.map((id) => ballot(id, 'for'));
    expectRefusal(when(given([...inWindow(), ...all], writtenInput()).state, { at: opensAt + 2 * hourMs, command: { type: 'close_session', actor: secretary } }), 'written_early_close_allowed', /clôture anticipée/);
    const allowed = writtenInput({ earlyCloseAllowed: true });
    expectRefusal(when(given([...inWindow(), ...all.slice(1)], allowed).state, { at: opensAt + 2 * hourMs, command: { type: 'close_session', actor: secretary } }), 'written_early_close_all_voted', /clôture anticipée/);
    const early = when(given([...inWindow(), ...all], allowed).state, { at: opensAt + 2 * hourMs, command: { type: 'close_session', actor: secretary } });
    expect(eventTypes(early)).toEqual(['window_closed', 'vote_closed', 'session_closed']);
    expect(early.events![0]).toMatchObject({ early: true });
  });
});

describe('a written session: in the window', () => {
  it('takes a vote from a member of the roster, changed until the close, the last one standing', () => {
    const { state } = given([...inWindow(), ballot('b1', 'for'), ballot('b1', 'against', 'b1', opensAt + 3 * hourMs)], writtenInput());
    expect(itemOf(state).votes.b1).toMatchObject({ choice: 'against', castAt: new Date(opensAt + 3 * hourMs).toISOString() });
    expect(itemOf(state).ballots).toEqual({ 'b1:b1': 2 });
    expect(when(state, ballot('b1', 'against')).events).toEqual([]);
    expectRefusal(when(state, ballot('association', 'for')), 'voting_roster', /CCH L441-2/);
    expectRefusal(when(state, ballot('b2', 'for', 'b2', closesAt)), 'written_window_open', /ordonnance/);
    expectRefusal(when(given(convenedWritten(), writtenInput()).state, ballot('b1', 'for', 'b1', opensAt - minuteMs)), 'session_phase', /déroulement/);
  });

  it('takes a principal\'s vote from the proxy holder, unless the principal voted themself', () => {
    const withProxy: Step = { at: opensAt - hourMs, command: { type: 'register_proxy', actor: secretary, principalId: 'b6', holderId: 'b5' } };
    const { state } = given([start(), addItem(), publish(), delivered(), propose(), withProxy, system('open_window', opensAt), ballot('b5', 'for', 'b6')], writtenInput());
    expect(itemOf(state).votes.b6).toMatchObject({ castBy: 'b5' });
    const own = given([start(), addItem(), publish(), delivered(), propose(), withProxy, system('open_window', opensAt), ballot('b6', 'against')], writtenInput()).state;
    expectRefusal(when(own, ballot('b5', 'for', 'b6')), 'vote_in_person_or_by_proxy', /présents ou représentés/);
    expectRefusal(when(state, ballot('b4', 'for', 'b3')), 'vote_in_person_or_by_proxy', /présents ou représentés/);
  });

  it('keeps the debate: each message timed, by a member who may attend the item or the secretariat, bounded', () => {
    const { state } = given([...inWindow(), post(secretary, 'Le ménage n° 1 est prioritaire DALO.'), post('b2', 'D’accord avec la proposition.', opensAt + 2 * hourMs)], writtenInput());
    expect(itemOf(state).debate).toEqual([
      expect.objectContaining({ by: secretary, text: 'Le ménage n° 1 est prioritaire DALO.', at: new Date(opensAt + hourMs).toISOString() }),
      expect.objectContaining({ by: 'b2', text: 'D’accord avec la proposition.', at: new Date(opensAt + 2 * hourMs).toISOString() }),
    ]);
    expectRefusal(when(state, post('b2', '   ')), 'message_text', /débat/);
    const reservataireInput = sessionInput({ ...writtenInput(), members: [...writtenInput().members, { id: 'resa', role: 'reservataire', contingent: 'Action Logement', chair: false }] });
    const resaWindow = [start(), addItem(), publish(), delivered([...everyone, 'resa']), propose(), system('open_window', opensAt)];
    expectRefusal(when(given(resaWindow, reservataireInput).state, post('resa', 'bonjour')), 'debate_participant', /ordonnance/);
    const flood = Array.from({ length: 3 }, (_, n) => post('b3', `message ${n}`));
    expectRefusal(when(given([...inWindow(), ...flood], writtenInput({ messagesPerItem: 3 })).state, post('b3', 'encore')), 'messages_per_item', /débat/);
    // The whole debate is bounded, whoever writes: the state stays well inside Temporal's payload limit.
    const posters = [...roster, 'association', secretary];
    // Ten people at their share (5 × 3,997 characters each): the session's 200,000 are nearly reached.
    const long = posters.flatMap((id) => Array.from({ length: 5 }, (_, n) => post(id, `${n} ${'x'.repeat(3_995)}`)));
    const full = given([...inWindow(), ...long], writtenInput({ messagesPerItem: 5 })).state;
    expectRefusal(when(full, post('staff:another@oph', 'x'.repeat(200))), 'debate_size', /débat/);
    expectRefusal(when(given(convenedWritten(), writtenInput()).state, post('b2', 'trop tôt', opensAt - minuteMs)), 'session_phase', /déroulement/);
  });

  it('refers an item to a live sitting once the rules\' number of voting members asked, with their reasons', () => {
    const two = writtenInput({ referralRequests: 2 });
    const { state } = given([...inWindow(), refer('b1', 'visite du logement nécessaire')], two);
    expect(itemOf(state)).toMatchObject({ status: 'voting', referralRequests: [{ memberId: 'b1', reason: 'visite du logement nécessaire' }] });
    expectRefusal(when(state, refer('b1', 'encore')), 'referral_requested_once', /renvoi/);
    expectRefusal(when(state, refer('association', 'pas votant')), 'referral_by_voting_member', /renvoi/);
    const referred = when(state, refer('b2', 'ménage à entendre'));
    expect(eventTypes(referred)).toEqual(['referral_requested', 'item_deferred']);
    expect(referred.events![1]).toMatchObject({ cause: 'referral', reason: 'visite du logement nécessaire ; ménage à entendre' });
  });
});

describe('a written session: at the close', () => {
  const close = (steps: Step[], input = writtenInput()) => {
    const { state } = given(steps, input);
    const decision = when(state, system('close_window', closesAt));
    return { decision, after: evolveAll(state, decision.events!) };
  };

  it('decides an item adopted by enough of its roster, with the tally of the pinned rules', () => {
    const { decision, after } = close([...inWindow(), ...['b1', 'b2', 'b3'].map((id) => ballot(id, 'for')), ballot('b4', 'against')]);
    expect(eventTypes(decision)).toEqual(['window_closed', 'vote_closed', 'session_closed']);
    expect(decision.events![1]).toMatchObject({ result: { outcome: 'adopted', itemStatus: 'decided', quorum: { rosterSize: 8, present: 4, required: 4, reached: true } } });
    expect(after).toMatchObject({ phase: 'closed', window: { closedAt: new Date(closesAt).toISOString(), early: false } });
    expect(itemOf(after).decisions).toEqual(ranked());
    expect(reactions(after).map((r) => r.type)).toEqual(['draft_minutes']);
  });

  it('defers an item that too few of its roster voted on, whatever the votes', () => {
    const { decision, after } = close([...inWindow(), ...['b1', 'b2', 'b3'].map((id) => ballot(id, 'for'))]);
    expect(eventTypes(decision)).toEqual(['window_closed', 'vote_closed', 'item_deferred', 'session_closed']);
    expect(decision.events![2]).toMatchObject({ cause: 'participation_not_reached' });
    expect(itemOf(after).decisions.every((d) => d.type === 'deferred')).toBe(true);
  });

  it('breaks a tie by the vote of the mayor of the dwelling\'s commune; without it, defers', () => {
    const tie = [ballot('b1', 'for'), ballot('b2', 'for'), ballot('b3', 'against'), ballot(mayor, 'for'), ballot('b4', 'against'), ballot('b5', 'against')];
    expect(close([...inWindow(), ...tie]).decision.events![1]).toMatchObject({ result: { decidedBy: 'casting_vote_of_mayor', outcome: 'adopted' } });
    const { decision } = close([...inWindow(), ...tie.filter((s) => s.command.type === 'cast_vote' && s.command.actor !== mayor), ballot('b6', 'for')]);
    expect(eventTypes(decision)).toEqual(['window_closed', 'vote_closed', 'item_deferred', 'session_closed']);
    expect(decision.events![2]).toMatchObject({ cause: 'tie_without_mayor' });
  });

  it('defers an item no proposal was put to', () => {
    const { decision } = close([start(), addItem(), publish(), delivered(), system('open_window', opensAt)]);
    expect(eventTypes(decision)).toEqual(['window_closed', 'item_deferred', 'session_closed']);
    expect(decision.events![1]).toMatchObject({ cause: 'no_proposal' });
  });

  it('gives minutes that state the window, who took part in each item and when, the debate and the participation', () => {
    const { after } = close([...inWindow(), post(secretary, 'Proposition du rapporteur.'), ...['b1', 'b2', 'b3', 'b4'].map((id) => ballot(id, 'for')), refer('b5', 'avis du maire souhaité', opensAt + 2 * hourMs)], writtenInput({ referralRequests: 2 }));
    const facts = minutesFacts(after, 1);
    const names = new Map(roster.map((id) => [id, `Membre ${id}`]));
    const document = minutesDocument(facts, {
      committee: { id: 'committee-1', name: 'CALEOL', landlord: 'OPH', timeZone: 'Europe/Paris' }, memberNames: names, dwellings: new Map(), applicationNumbers: new Map(),
    });
    expect(document.window).toMatchObject({ opensAt: new Date(opensAt).toISOString(), closedAt: new Date(closesAt).toISOString(), early: false, minimumParticipation: 0.5 });
    expect(document.session).toMatchObject({ mode: 'written', means: expect.stringMatching(/written deliberation/) });
    expect(document.members.present.map((p) => p.memberId).sort()).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(document.members.present[0]).toMatchObject({ how: 'written' });
    const written = document.items[0]!.written!;
    expect(written.participation).toMatchObject({ rosterSize: 8, present: 4, required: 4, reached: true });
    expect(written.ballots.map((b) => b.seat.memberId)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(written.debate).toEqual([{ at: new Date(opensAt + hourMs).toISOString(), by: { id: secretary, name: 'le secrétariat (secretary@oph)' }, text: 'Proposition du rapporteur.' }]);
    expect(written.referralRequests).toEqual([{ member: { memberId: 'b5', name: 'Membre b5', role: 'board_member' }, at: new Date(opensAt + 2 * hourMs).toISOString(), reason: 'avis du maire souhaité' }]);
    expect(document.items[0]!.status).toBe('decided');
  });

  it('does not hold a live sitting\'s carence: no grace period, no adjournment', () => {
    const { state } = given(convenedWritten(), writtenInput());
    expect(reactions(state).map((r) => r.type)).toEqual(['open_window']);
    expect(when(state, { at: opensAt + dayMs, command: { type: 'end_grace_period', actor: 'system', reconvenedSessionId: 'x', carriedItemIds: [] } }).events).toEqual([]);
    expect(t0).toBeLessThan(opensAt);
  });
});

describe('a written session: what one member cannot do to the others', () => {
  const withProxy: Step = { at: opensAt - hourMs, command: { type: 'register_proxy', actor: secretary, principalId: 'b6', holderId: 'b5' } };
  const proxied = () => [start(), addItem(), publish(), delivered(), propose(), withProxy, system('open_window', opensAt)];

  it('counts ballots per seat and per person: a proxy holder\'s changes of mind never use up the member\'s own vote', () => {
    const flips = Array.from({ length: 20 }, (_, n) => ballot('b5', n % 2 ? 'against' : 'for', 'b6'));
    const { state } = given([...proxied(), ...flips], writtenInput());
    expectRefusal(when(state, ballot('b5', 'abstain', 'b6')), 'ballots_per_seat', /déroulement du vote/);
    expect(eventTypes(when(state, ballot('b6', 'abstain')))).toEqual(['vote_cast']);
  });

  it('refuses a referral from a member with a conflict of interest, and counts one request per seat', () => {
    const substitute = sessionInput({ ...writtenInput({ referralRequests: 2 }), members: [...writtenInput().members, { id: 'b1-sub', role: 'board_substitute', substituteFor: 'b1', chair: false }] });
    const window = [start(), addItem(), publish(), delivered([...roster, 'association', 'b1-sub']), propose(), system('open_window', opensAt)];
    const conflicted: Step = { at: opensAt + minuteMs, command: { type: 'declare_conflict', actor: secretary, itemId: item, memberId: 'b1-sub' } };
    expectRefusal(when(given([...window, conflicted], substitute).state, refer('b1-sub', 'je connais le ménage')), 'conflict_of_interest', /conflits/);
    expectRefusal(when(given([...window, refer('b1', 'visite')], substitute).state, refer('b1-sub', 'visite encore')), 'referral_requested_once', /renvoi/);
  });

  it('keeps the agenda as it was when the window opened, and defers only while it is open', () => {
    const { state } = given(inWindow(), writtenInput());
    expectRefusal(when(state, { ...addItem('item-2'), at: opensAt + hourMs, command: { ...addItem('item-2').command, reason: 'urgence' } as never }), 'written_agenda_before_window', /ordre du jour/);
    expectRefusal(when(state, { at: opensAt + hourMs, command: { type: 'remove_agenda_item', actor: secretary, itemId: item, reason: 'erreur' } }), 'written_agenda_before_window', /ordre du jour/);
    expectRefusal(when(state, { at: closesAt + minuteMs, command: { type: 'defer_item', actor: secretary, itemId: item, reason: 'trop tard' } }), 'written_window_open', /ordonnance/);
    expect(eventTypes(when(state, { at: opensAt + hourMs, command: { type: 'defer_item', actor: secretary, itemId: item, reason: 'pièce manquante' } }))).toEqual(['item_deferred']);
  });

  it('bounds each person\'s share of the debate, so no one can use it up for the others', () => {
    const mine = Array.from({ length: 5 }, (_, n) => post('b2', `${n} ${'x'.repeat(3_990)}`));
    const { state } = given([...inWindow(), ...mine], writtenInput());
    expectRefusal(when(state, post('b2', 'x'.repeat(100))), 'debate_size', /débat/);
    expect(eventTypes(when(state, post('b3', 'Je reste favorable.')))).toEqual(['message_posted']);
  });

  it('after an extension reminds only at the times still to come', () => {
    const remind = (hoursBefore: number, close: number, at: number): Step => ({ at, command: { type: 'record_voters_reminded', actor: 'system', hoursBefore, closesAt: new Date(close).toISOString(), memberIds: [], emailed: 0 } });
    const long = sessionInput({ mode: 'written', closesAt: new Date(opensAt + 48 * hourMs).toISOString(), rules: writtenRules() });
    const close = opensAt + 48 * hourMs;
    const { state } = given([...inWindow(), remind(24, close, close - 24 * hourMs), remind(2, close, close - 2 * hourMs), extend(close + 2 * hourMs, 'pièces reçues', close - hourMs)], long);
    // The new close is 2 hours later: the 24-hour reminder's time has passed, only the 2-hour one is still to come.
    expect(reactions(state).map((r) => [r.type, r.notBefore])).toEqual([['close_window', close + 2 * hourMs], ['remind_voters', close]]);
  });

  it('dates the letters from the close of the window, when the committee decided', () => {
    const all = roster.map((id) => ballot(id, 'for'));
    const { state } = given([...inWindow(), ...all, system('close_window', closesAt), { at: closesAt + minuteMs, command: { type: 'record_minutes_drafted', actor: 'system', version: 1, sha256: 'a'.repeat(64) } },
      { at: closesAt + hourMs, command: { type: 'sign_minutes', actor: 'b1', role: 'chair', sha256: 'a'.repeat(64) } }], writtenInput());
    const notify = reactions(state).find((r) => r.type === 'notify_applicants');
    expect(notify?.type === 'notify_applicants' && notify.notice.sittingDate).toBe(new Date(closesAt).toISOString());
  });
});

