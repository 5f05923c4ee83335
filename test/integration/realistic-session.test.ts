// A session as a committee holds it: nine voters on a dwelling of the EPCI, a proxy, a recusal,
// a tie broken by the mayor, a tie without the mayor deferred, a conditional attribution, a
// rejection with reasons, a referral. The stored decisions carry the rule that decided them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/session/index.ts';
import { apiClient, expectStatus, signMinutesAs, untilConvened } from '../support/api-client.ts';
import { committeeInput, startSoon, soonSittingRules, daysAfterToday } from '../support/fixtures.ts';
import { eventually, startHarness, type Harness } from '../support/harness.ts';

/** A suspensive condition's deadline after the sitting (which is within the hour). */
const conditionDeadline = daysAfterToday(60);

let h: Harness;
let call: ReturnType<typeof apiClient>;
let secretary: string;

beforeAll(async () => {
  h = await startHarness('realistic');
  call = apiClient(h);
  secretary = await h.token({ subject: 'secretary@realistic', roles: ['secretary'] });
});
afterAll(async () => h?.close());

// The usual committee, with the mayor of a second commune, who does not attend.
const people = [
  ...committeeInput().members!,
  { name: 'Maire d\'Autreville', email: 'maire@autreville.test', role: 'mayor' as const, commune: 'Autreville' },
];

function dwelling(reference: string, commune: string, epci?: string) {
  return { reference, address: `${reference} rue de la Paix`, commune, ...(epci ? { epci } : {}), type: 'T3', surfaceM2: 64, rentCents: 48_000, financing: 'PLUS' };
}
const candidates = (prefix: string) => [1, 2, 3].map((rank) => ({ applicationNumber: `${prefix}-${rank}`, householdSummary: `Ménage ${rank}`, rank }));

describe('a realistic committee session over the API', () => {
  it('decides each item by the rule the law gives and stores it', async () => {
    const committee = expectStatus<{ id: string; members: Array<{ id: string; name: string }> }>(
      await call('POST', '/committees', secretary, { name: 'CALEOL Sud', landlord: 'OPH Exemple', members: people, rules: soonSittingRules }), 201);
    const id = (name: string) => committee.members.find((m) => m.name === name)!.id;
    const tokens = new Map<string, string>();
    for (const p of people) tokens.set(p.name, await h.token({ subject: id(p.name), memberId: id(p.name), roles: p.chair ? ['member', 'chair'] : ['member'] }));
    const as = (name: string) => tokens.get(name)!;

    const session = expectStatus<{ id: string }>(await call('POST', `/committees/${committee.id}/sessions`, secretary, { scheduledStart: startSoon(10), mode: 'remote' }), 201);
    const base = `/sessions/${session.id}`;
    const add = async (body: unknown) => expectStatus<{ id: string; candidates: Array<{ applicationId: string }> }>(await call('POST', `${base}/agenda-items`, secretary, body), 201);
    const epciItem = await add({ dwelling: dwelling('VIL-1', 'Villeneuve', 'Agglo Nord'), candidates: candidates('E') });
    const autreItem = await add({ dwelling: dwelling('AUT-1', 'Autreville'), candidates: candidates('T') });
    const referredItem = await add({ dwelling: dwelling('VIL-2', 'Villeneuve', 'Agglo Nord'), candidates: candidates('R') });
    const refusedItem = await add({ dwelling: dwelling('VIL-3', 'Villeneuve', 'Agglo Nord'), candidates: candidates('N') });
    expectStatus(await call('POST', `${base}/agenda/publish`, secretary), 200);
    await untilConvened(call, `${base}`, secretary);

    // Amina cannot come: her written proxy goes to Karim. A second proxy to Karim is refused.
    expectStatus(await call('POST', `${base}/proxies`, as('Amina Diallo'), { principalId: id('Amina Diallo'), holderId: id('Karim Benali') }), 200);
    const second = await call('POST', `${base}/proxies`, secretary, { principalId: id('Paul Garnier'), holderId: id('Karim Benali') });
    expect(expectStatus(second, 422)).toMatchObject({ rule: 'proxies_per_holder' });
    // Jean declares an interest in the first dwelling.
    expect(expectStatus(await call('POST', `${base}/agenda-items/${epciItem.id}/conflicts`, as('Jean Dupuis'), {}), 200)).toMatchObject({ quorum: { rosterSize: 8 } });

    expectStatus(await call('POST', `${base}/open`, secretary), 200);
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Paul Garnier', 'Préfecture', 'Maire de Villeneuve', 'Président Agglo', 'Association agréée']) {
      expectStatus(await call('POST', `${base}/attendance`, secretary, { memberId: id(name), present: true }), 200);
    }
    const opened = await call('GET', base, secretary);
    expect(expectStatus<SessionState>(opened, 200)).toMatchObject({ phase: 'deliberating', quorum: { rosterSize: 7, present: 6, represented: 1, reached: true } });

    const vote = (item: string, name: string, choice: string, memberId?: string) =>
      call('POST', `${base}/agenda-items/${item}/votes`, as(name), { choice, ...(memberId ? { memberId } : {}) });

    // 1. Nine seats on a dwelling of Villeneuve in the EPCI, eight without Jean. A 4–4 tie: the mayor decides.
    const [a, b, c] = epciItem.candidates.map((x) => x.applicationId);
    const open1 = expectStatus(await call('POST', `${base}/agenda-items/${epciItem.id}/vote/open`, secretary, {
      proposal: [
        { applicationId: a, type: 'conditional_attribution', rank: 1, conditionDocument: 'Avis d\'imposition 2025', conditionDeadline: conditionDeadline },
        { applicationId: b, type: 'ranked_attribution', rank: 2 },
        { applicationId: c, type: 'rejection', reasons: 'Ressources supérieures de 40 % au plafond PLUS applicable (art. R441-1 CCH) : demande irrecevable pour ce logement' },
      ],
    }), 200);
    expect(open1).toMatchObject({ quorum: { rosterSize: 8, present: 7, represented: 1, reached: true }, warnings: [] });
    expect(expectStatus(await vote(epciItem.id, 'Jean Dupuis', 'for'), 403)).toMatchObject({ rule: 'voting_roster' });
    expect(expectStatus(await vote(epciItem.id, 'Association agréée', 'for'), 403)).toMatchObject({ rule: 'voting_roster' });
    for (const [name, choice] of [['Claire Martin', 'for'], ['Karim Benali', 'for'], ['Maire de Villeneuve', 'for'], ['Sophie Leroy', 'against'], ['Paul Garnier', 'against'], ['Préfecture', 'against'], ['Président Agglo', 'for']] as const) {
      expectStatus(await vote(epciItem.id, name, choice), 200);
    }
    // The EPCI president changes his mind before the vote closes: the later vote replaces the earlier.
    expectStatus(await vote(epciItem.id, 'Président Agglo', 'against'), 200);
    // Karim votes for Amina with her proxy.
    expect(expectStatus(await vote(epciItem.id, 'Karim Benali', 'for', id('Amina Diallo')), 200)).toEqual({ counts: { for: 4, against: 4, abstain: 0 } });
    // Sophie cannot vote for Amina: she holds no proxy.
    expect(expectStatus(await vote(epciItem.id, 'Sophie Leroy', 'against', id('Amina Diallo')), 403)).toMatchObject({ rule: 'vote_in_person_or_by_proxy' });
    const result1 = expectStatus(await call('POST', `${base}/agenda-items/${epciItem.id}/vote/close`, secretary), 200);
    expect(result1).toMatchObject({ outcome: 'adopted', decidedBy: 'casting_vote_of_mayor', castingVoterId: id('Maire de Villeneuve'), itemStatus: 'decided', counts: { for: 4, against: 4 } });

    // 2. Autreville's mayor is absent: a 3–3 tie is no decision and the item is deferred.
    const t = autreItem.candidates.map((x) => x.applicationId);
    expectStatus(await call('POST', `${base}/agenda-items/${autreItem.id}/vote/open`, secretary, {
      proposal: t.map((applicationId, i) => ({ applicationId, type: 'ranked_attribution', rank: i + 1 })),
    }), 200);
    for (const [name, choice] of [['Claire Martin', 'for'], ['Karim Benali', 'for'], ['Sophie Leroy', 'against'], ['Jean Dupuis', 'against'], ['Paul Garnier', 'against'], ['Préfecture', 'abstain']] as const) {
      expectStatus(await vote(autreItem.id, name, choice), 200);
    }
    expectStatus(await vote(autreItem.id, 'Karim Benali', 'for', id('Amina Diallo')), 200);
    expect(expectStatus(await vote(autreItem.id, 'Maire de Villeneuve', 'for'), 403)).toMatchObject({ rule: 'voting_roster' });
    const result2 = expectStatus(await call('POST', `${base}/agenda-items/${autreItem.id}/vote/close`, secretary), 200);
    expect(result2).toMatchObject({ outcome: 'no_decision', decidedBy: 'tie_without_mayor', itemStatus: 'deferred', counts: { for: 3, against: 3, abstain: 1 } });

    // 3. Sophie asks that the next dwelling be examined in person: it is withdrawn.
    const referred = expectStatus(await call('POST', `${base}/agenda-items/${referredItem.id}/referral`, as('Sophie Leroy'), { reason: 'Situation familiale à examiner avec les services sociaux présents' }), 200);
    expect(referred).toMatchObject({ status: 'deferred', deferral: { cause: 'referral' } });
    expect(expectStatus(await call('POST', `${base}/agenda-items/${referredItem.id}/vote/open`, secretary, { proposal: [] }), 400)).toMatchObject({ code: 'invalid_request' });
    // A consultative member cannot refer an item.
    expect(expectStatus(await call('POST', `${base}/agenda-items/${refusedItem.id}/referral`, as('Association agréée'), { reason: 'x' }), 403)).toMatchObject({ rule: 'referral_by_voting_member' });

    // 4. Non-attributions with reasons; a reason that is only a code gets a warning.
    const n = refusedItem.candidates.map((x) => x.applicationId);
    const open4 = expectStatus<{ warnings: string[] }>(await call('POST', `${base}/agenda-items/${refusedItem.id}/vote/open`, secretary, {
      proposal: [
        { applicationId: n[0], type: 'non_attribution', reasons: 'Typologie inadaptée : T3 pour un ménage de six personnes, sur-occupation au sens de l\'article L822-10' },
        { applicationId: n[1], type: 'non_attribution', reasons: 'DNA-04' },
        { applicationId: n[2], type: 'non_attribution', reasons: 'Logement au 4e étage sans ascenseur incompatible avec la mobilité réduite signalée' },
      ],
    }), 200);
    expect(open4.warnings).toHaveLength(1);
    expect(open4.warnings[0]).toContain('DNA-04');
    for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Jean Dupuis', 'Paul Garnier']) expectStatus(await vote(refusedItem.id, name, 'for'), 200);
    expect(expectStatus(await call('POST', `${base}/agenda-items/${refusedItem.id}/vote/close`, secretary), 200)).toMatchObject({ outcome: 'adopted', decidedBy: 'majority_of_votes_cast' });

    // Closing, minutes, signature.
    expectStatus(await call('POST', `${base}/close`, secretary), 200);
    const drafted = await eventually(async () => expectStatus<SessionState>(await call('GET', base, secretary), 200), (s) => s.phase === 'minutes_drafted');
    expectStatus(await signMinutesAs(call, { token: as('Claire Martin'), committeeId: committee.id, sessionId: session.id, sha256: drafted.minutes!.sha256 }), 200);
    await h.client.workflow.getHandle(`session-${session.id}`).result();

    // What PostgreSQL keeps.
    const decisions = await h.db.decision.findMany({ where: { sessionId: session.id } });
    const of = (itemId: string) => decisions.filter((d) => d.agendaItemId === itemId).sort((x, y) => (x.rank ?? 9) - (y.rank ?? 9));
    const item1 = of(epciItem.id);
    expect(item1.map((d) => [d.applicationId, d.type, d.rank])).toEqual([[a, 'conditional_attribution', 1], [b, 'ranked_attribution', 2], [c, 'rejection', null]]);
    expect(item1[0]).toMatchObject({ conditionDocument: 'Avis d\'imposition 2025' });
    expect(item1[0]!.conditionDeadline?.toISOString().slice(0, 10)).toBe(conditionDeadline);
    expect(item1[2]!.reasons).toContain('R441-1');
    expect(item1[0]!.tally).toMatchObject({ outcome: 'adopted', decidedBy: 'casting_vote_of_mayor', castingVoterId: id('Maire de Villeneuve'), quorum: { rosterSize: 8, present: 7, represented: 1 } });
    expect(of(autreItem.id).map((d) => d.type)).toEqual(['deferred', 'deferred', 'deferred']);
    // A tie without the mayor: the rule is the reason, recorded as the deferral's cause (the letters and minutes word it).
    expect(of(autreItem.id).map((d) => [d.reasons, d.tally])).toEqual(Array(3).fill([null, expect.objectContaining({ outcome: 'deferred', cause: 'tie_without_mayor' })]));
    expect(of(referredItem.id).map((d) => [d.type, d.tally])).toEqual(Array(3).fill(['deferred', expect.objectContaining({ referral: true })]));
    expect(of(refusedItem.id).map((d) => d.type)).toEqual(['non_attribution', 'non_attribution', 'non_attribution']);
    const aminaVote = await h.db.vote.findUniqueOrThrow({ where: { agendaItemId_memberId: { agendaItemId: epciItem.id, memberId: id('Amina Diallo') } } });
    expect(aminaVote).toMatchObject({ castById: id('Karim Benali'), choice: 'for' });
    const epciVote = await h.db.vote.findUniqueOrThrow({ where: { agendaItemId_memberId: { agendaItemId: epciItem.id, memberId: id('Président Agglo') } } });
    expect(epciVote.choice).toBe('against');
    expect(await h.db.vote.count({ where: { agendaItemId: autreItem.id } })).toBe(0);
    const items = await h.db.agendaItem.findMany({ where: { sessionId: session.id } });
    expect(items.find((i) => i.id === referredItem.id)).toMatchObject({ referred: true });
    const audit = (await h.db.auditEvent.findMany({ where: { sessionId: session.id } })).map((e) => e.type);
    expect(audit).toEqual(expect.arrayContaining(['proxy_registered', 'conflict_declared', 'item_deferred', 'session_completed']));
    // The signature starts the offer of the attributed dwelling to its first-ranked candidate.
    const offers = await eventually(() => h.db.offer.findMany({ where: { sessionId: session.id } }), (rows) => rows.length === 1);
    expect(offers[0]).toMatchObject({ agendaItemId: epciItem.id, applicationId: a, rank: 1, status: 'offered' });
    expect(audit).toEqual(expect.arrayContaining(['offers_started']));
    const minutes = await h.db.minutes.findFirstOrThrow({ where: { sessionId: session.id } });
    const doc = minutes.document as { members: { represented: Array<{ name: string; by: { name: string } }> }; items: Array<{ recused: Array<{ name: string }>; votes: Array<{ decidedBy: string; castingVote: { name: string } | null }> }> };
    expect(doc.members.represented).toEqual([expect.objectContaining({ name: 'Amina Diallo', by: expect.objectContaining({ name: 'Karim Benali' }) })]);
    expect(doc.items[0]!.recused.map((r) => r.name)).toEqual(['Jean Dupuis']);
    expect(doc.items[0]!.votes[0]).toMatchObject({ decidedBy: 'casting_vote_of_mayor', castingVote: { name: 'Maire de Villeneuve' } });
  });
});
