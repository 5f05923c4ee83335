// A committee as a landlord would declare it, and a dwelling with three candidates.
import type { AgendaItemInput, CommitteeInput } from '../../api/schemas.ts';

/**
 * The internal rules of the tests' committees: no notice, and a sitting that may open up to an
 * hour before its convened time, so that a session scheduled a few minutes ahead can run at once.
 * The law of time itself is tested on the decider and on the time-skipping server.
 */
export const soonSittingRules = { noticePeriodDays: 0, openingToleranceMinutes: 60 } as const;

export function committeeInput(suffix = ''): CommitteeInput {
  return {
    name: `CALEOL Nord${suffix}`,
    landlord: 'OPH Exemple',
    rules: soonSittingRules,
    members: [
      { name: 'Claire Martin', email: 'claire@oph.test', role: 'board_member', chair: true },
      { name: 'Karim Benali', email: 'karim@oph.test', role: 'board_member' },
      { name: 'Sophie Leroy', email: 'sophie@oph.test', role: 'board_member' },
      { name: 'Jean Dupuis', email: 'jean@oph.test', role: 'board_member' },
      { name: 'Amina Diallo', email: 'amina@oph.test', role: 'board_member' },
      { name: 'Paul Garnier', email: 'paul@locataires.test', role: 'board_member', tenantRepresentative: true },
      { name: 'Préfecture', email: 'prefet@etat.test', role: 'prefect' },
      { name: 'Maire de Villeneuve', email: 'maire@villeneuve.test', role: 'mayor', commune: 'Villeneuve' },
      { name: 'Président Agglo', email: 'president@agglo.test', role: 'epci_president', epci: 'Agglo Nord' },
      { name: 'Association agréée', email: 'asso@asso.test', role: 'social_organisation' },
    ],
  };
}

export function agendaItemInput(reference = 'VIL-0042', commune = 'Villeneuve'): AgendaItemInput {
  return {
    dwelling: { reference, address: '12 rue des Lilas', commune, epci: 'Agglo Nord', type: 'T3', surfaceM2: 68.5, rentCents: 52_000, financing: 'PLUS' },
    candidates: [
      { applicationNumber: `${reference}-A`, householdSummary: 'Couple, deux enfants', priority: 'DALO', rank: 1 },
      { applicationNumber: `${reference}-B`, householdSummary: 'Parent seul, un enfant', rank: 2 },
      { applicationNumber: `${reference}-C`, householdSummary: 'Personne seule', rank: 3 },
    ],
  };
}

/** A session start `days` from now at 09:00 UTC: far enough for the notice period, never in the past. */
export function startInDays(days: number): string {
  const start = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  start.setUTCHours(9, 0, 0, 0);
  return start.toISOString();
}

let soonCount = 0;
/**
 * A convened time `minutes` from now, distinct at each call (one session per committee and
 * time): within the opening tolerance of `soonSittingRules`, so the sitting can open at once.
 */
export function startSoon(minutes = 30): string {
  soonCount += 1;
  return new Date(Math.ceil(Date.now() / 1000) * 1000 + minutes * 60_000 + soonCount * 1000).toISOString();
}

/** The calendar day (YYYY-MM-DD, UTC) `days` after today. */
export function daysAfterToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
