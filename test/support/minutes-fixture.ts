// A realistic minutes document, shaped as minutes-document.ts builds it: a mixed session with a
// substitute, a proxy, a recusal, a casting vote, a conditional attribution, a rejection with
// reasons, a shortfall exception, a referral and an occupancy review.
import type { MinutesDocument, MinutesPerson } from '../../domain/minutes.ts';
import type { QuorumSnapshot } from '../../domain/rules/index.ts';

export const candidates = {
  a: '075-2024-00123',
  b: '075-2023-04567',
  c: '075-2025-00089',
  d: '091-2022-01111',
  e: '091-2024-02222',
  f: '092-2021-03333',
  g: '092-2023-04444',
  h: '092-2025-05555',
  tenant: '075-LOC-7788',
} as const;

export const reasons = {
  bCondition: 'Avis d’imposition 2024 du ménage',
  cRejection: 'Ressources supérieures de 18 % au plafond PLUS applicable au ménage (art. R441-1 CCH) : demande irrecevable',
  eNonAttribution: 'Taux d’effort de 45 % au regard du loyer, supérieur au seuil de 35 % retenu par la commission (art. R441-3-1 CCH)',
  referral: 'Renvoi à une séance en présence physique demandé par Karim Benali',
  fDeferred: 'Point renvoyé à une séance en présence physique',
} as const;

const person = (n: number, name: string, role: MinutesPerson['role']): MinutesPerson =>
  ({ memberId: `00000000-0000-4000-8000-000000000${100 + n}`, name, role });

export const people = {
  claire: person(1, 'Claire Martin', 'board_member'),
  karim: person(2, 'Karim Benali', 'board_member'),
  sophie: person(3, 'Sophie Leroy', 'board_member'),
  jean: person(4, 'Jean Dupuis', 'board_member'),
  amina: person(5, 'Amina Diallo', 'board_member'),
  paul: person(6, 'Paul Garnier', 'board_member'),
  prefect: person(7, 'Préfecture de l’Essonne', 'prefect'),
  mayor: person(8, 'Maire de Villeneuve', 'mayor'),
  epci: person(9, 'Président Agglo Nord', 'epci_president'),
  association: person(10, 'Association agréée Habitat & Humanisme', 'social_organisation'),
  helene: person(11, 'Hélène Lefèvre', 'board_substitute'),
};

const quorum = (present: number, represented: number, rosterSize: number): QuorumSnapshot =>
  ({ rosterSize, present, represented, required: Math.ceil(rosterSize / 2), reached: present + represented >= Math.ceil(rosterSize / 2) });

export function minutesFixture(): MinutesDocument {
  const p = people;
  return {
    document: 'caleol_minutes',
    formatVersion: 2,
    committee: { id: '00000000-0000-4000-8000-000000000001', name: 'CALEOL Île-de-France Sud', landlord: 'Office public de l’habitat Essonne Sud', timeZone: 'Europe/Paris' },
    session: {
      id: '5b0e7a0e-3f2a-4c8e-9d7a-1f2e3d4c5b6a',
      mode: 'mixed',
      means: 'Zoom videoconference; attendance from the meeting',
      place: 'Salle du conseil, siège de l’Office, Corbeil-Essonnes',
      scheduledStart: '2025-06-16T07:30:00.000Z',
      openedAt: '2025-06-16T07:31:00.000Z',
      deliberationsStartedAt: '2025-06-16T07:36:00.000Z',
      closedAt: '2025-06-16T09:05:00.000Z',
      reconvenedFrom: null,
      withoutQuorum: false,
    },
    convocation: {
      publishedAt: '2025-06-09T08:00:00.000Z',
      agendaVersion: 2,
      urgencyReason: null,
      recordedDeliveries: [{ member: p.paul, channel: 'hand_delivery', deliveredAt: '2025-06-10T09:00:00.000Z', reason: 'adresse électronique en erreur, convocation remise au siège' }],
      unconvened: null,
    },
    members: {
      convened: [p.claire, p.karim, p.sophie, p.jean, p.amina, p.paul, p.prefect, p.mayor, p.epci, p.association, p.helene],
      present: [
        { ...p.claire, how: 'zoom' },
        { ...p.karim, how: 'manual' },
        { ...p.sophie, how: 'manual' },
        { ...p.mayor, how: 'zoom' },
        { ...p.helene, how: 'manual', standingInFor: p.jean },
      ],
      represented: [{ ...p.amina, by: p.karim }],
      absent: [p.paul, p.prefect, p.epci],
      consultative: [p.association],
    },
    attendance: [
      { member: p.claire, present: true, at: '2025-06-16T07:28:00.000Z', how: 'zoom' },
      { member: p.karim, present: true, at: '2025-06-16T07:30:00.000Z', how: 'manual' },
      { member: p.sophie, present: true, at: '2025-06-16T07:31:00.000Z', how: 'manual' },
      { member: p.mayor, present: true, at: '2025-06-16T07:35:00.000Z', how: 'zoom' },
      { member: p.helene, present: true, at: '2025-06-16T07:36:00.000Z', how: 'manual' },
    ],
    meeting: {
      provider: 'zoom',
      joinSessions: [
        { member: p.claire, joinedAt: '2025-06-16T07:28:00.000Z', leftAt: '2025-06-16T09:05:00.000Z' },
        { member: p.mayor, joinedAt: '2025-06-16T07:35:00.000Z', leftAt: null },
        { guest: 'Invité sans compte', joinedAt: '2025-06-16T07:40:00.000Z', leftAt: '2025-06-16T07:50:00.000Z' },
      ],
    },
    quorumAtDeliberations: quorum(5, 1, 9),
    items: [
      {
        position: 1,
        kind: 'allocation',
        dwelling: { reference: 'VIL-0042', address: '12 rue des Lilas', commune: 'Villeneuve', type: 'T3', surfaceM2: '68.5', rentCents: 52_000, financing: 'PLUS', contingent: null },
        candidatesExamined: [{ applicationNumber: candidates.a, rank: 1 }, { applicationNumber: candidates.b, rank: 2 }, { applicationNumber: candidates.c, rank: 3 }],
        candidateCheck: { count: 3, exception: null },
        recused: [p.sophie],
        votes: [{
          counts: { for: 3, against: 3, abstain: 0 },
          outcome: 'adopted',
          decidedBy: 'casting_vote_of_mayor',
          castingVote: p.mayor,
          quorum: quorum(4, 1, 8),
          closedAt: '2025-06-16T08:10:00.000Z',
        }],
        status: 'decided',
        deferral: null,
        decisions: [
          { applicationNumber: candidates.a, type: 'ranked_attribution', rank: 1, conditionDocument: null, conditionDeadline: null, reasons: null },
          { applicationNumber: candidates.b, type: 'conditional_attribution', rank: 2, conditionDocument: reasons.bCondition, conditionDeadline: '2025-07-15', reasons: null },
          { applicationNumber: candidates.c, type: 'rejection', rank: null, conditionDocument: null, conditionDeadline: null, reasons: reasons.cRejection },
        ],
        opinion: null,
      },
      {
        position: 2,
        kind: 'allocation',
        dwelling: { reference: 'EVR-0107', address: '3 allée des Érables', commune: 'Évry-Courcouronnes', type: 'T2', surfaceM2: '47.25', rentCents: 123_456, financing: 'PLAI', contingent: 'Action Logement' },
        candidatesExamined: [{ applicationNumber: candidates.d, rank: 1 }, { applicationNumber: candidates.e, rank: 2 }],
        candidateCheck: { count: 2, exception: 'insufficient_candidates' },
        recused: [],
        votes: [{ counts: { for: 5, against: 0, abstain: 1 }, outcome: 'adopted', decidedBy: 'majority_of_votes_cast', castingVote: null, quorum: quorum(5, 1, 8), closedAt: '2025-06-16T08:30:00.000Z' }],
        status: 'decided',
        deferral: null,
        decisions: [
          { applicationNumber: candidates.d, type: 'attribution', rank: null, conditionDocument: null, conditionDeadline: null, reasons: null },
          { applicationNumber: candidates.e, type: 'non_attribution', rank: null, conditionDocument: null, conditionDeadline: null, reasons: reasons.eNonAttribution },
        ],
        opinion: null,
      },
      {
        position: 3,
        kind: 'allocation',
        dwelling: { reference: 'MAS-0009', address: '8 place de la Mairie', commune: 'Massy', type: 'T4', surfaceM2: '81', rentCents: 71_000, financing: 'PLS', contingent: null },
        candidatesExamined: [{ applicationNumber: candidates.f, rank: 1 }, { applicationNumber: candidates.g, rank: 2 }, { applicationNumber: candidates.h, rank: 3 }],
        candidateCheck: { count: 3, exception: null },
        recused: [],
        votes: [],
        status: 'deferred',
        deferral: { cause: 'referral', reason: reasons.referral, referral: true },
        decisions: [
          { applicationNumber: candidates.f, type: 'deferred', rank: null, conditionDocument: null, conditionDeadline: null, reasons: reasons.fDeferred },
        ],
        opinion: null,
      },
      {
        position: 4,
        kind: 'occupancy_review',
        dwelling: { reference: 'VIL-0100', address: '5 rue du Moulin', commune: 'Villeneuve', type: 'T5', surfaceM2: '95', rentCents: 80_000, financing: 'PLUS', contingent: null },
        candidatesExamined: [{ applicationNumber: candidates.tenant, rank: 1 }],
        candidateCheck: null,
        recused: [],
        votes: [{ counts: { for: 6, against: 0, abstain: 0 }, outcome: 'adopted', decidedBy: 'majority_of_votes_cast', castingVote: null, quorum: quorum(5, 1, 8), closedAt: '2025-06-16T09:00:00.000Z' }],
        status: 'decided',
        deferral: null,
        decisions: [],
        opinion: { situation: 'under_occupation', suitableDwelling: 'T3 de plain-pied à Villeneuve', advice: 'accession sociale à la propriété' },
      },
    ],
    signers: ['chair', 'secretary'],
  };
}
