// The demo committee of `npm start`: created once, with fixed ids so reseeding changes nothing.
import type { Database, Prisma } from './database.ts';
import { defaultCommitteeRules, type CommitteeRules } from '../domain/rules/index.ts';

export const demoCommitteeId = '00000000-0000-4000-8000-000000000001';

type Role = 'board_member' | 'prefect' | 'mayor' | 'epci_president' | 'social_organisation';
interface DemoMember { id: string; name: string; email: string; role: Role; commune?: string; epci?: string; chair?: boolean; tenantRepresentative?: boolean }

const demoId = (n: number) => `00000000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`;

export const demoMembers: DemoMember[] = [
  { id: demoId(1), name: 'Claire Martin', email: 'claire.martin@oph-exemple.fr', role: 'board_member', chair: true },
  { id: demoId(2), name: 'Karim Benali', email: 'karim.benali@oph-exemple.fr', role: 'board_member' },
  { id: demoId(3), name: 'Sophie Leroy', email: 'sophie.leroy@oph-exemple.fr', role: 'board_member' },
  { id: demoId(4), name: 'Jean Dupuis', email: 'jean.dupuis@oph-exemple.fr', role: 'board_member' },
  { id: demoId(5), name: 'Amina Diallo', email: 'amina.diallo@oph-exemple.fr', role: 'board_member' },
  { id: demoId(6), name: 'Paul Garnier', email: 'paul.garnier@locataires-exemple.fr', role: 'board_member', tenantRepresentative: true },
  { id: demoId(7), name: 'Préfecture (représentant)', email: 'ddets@prefecture-exemple.gouv.fr', role: 'prefect' },
  { id: demoId(8), name: 'Maire de Villeneuve', email: 'maire@villeneuve-exemple.fr', role: 'mayor', commune: 'Villeneuve' },
  { id: demoId(9), name: 'Président de l\'EPCI', email: 'president@agglo-exemple.fr', role: 'epci_president', epci: 'Agglo Exemple' },
  { id: demoId(10), name: 'Association agréée', email: 'contact@asso-exemple.fr', role: 'social_organisation' },
];

/**
 * Demo rules, not a real committee's: convocations need no notice, so that a session scheduled a
 * few minutes ahead can be convened and sit as soon as its convened time comes; written sessions
 * are provided for (with a made-up approval), and may close early once everyone voted, so that a
 * walkthrough need not wait for the close. Everything else is the legal default.
 */
export const demoRules: CommitteeRules = {
  ...defaultCommitteeRules,
  noticePeriodDays: 0,
  writtenSessions: {
    ...defaultCommitteeRules.writtenSessions, allowed: true, earlyCloseAllowed: true,
    approval: { date: '2024-01-15', reference: 'Délibération de démonstration n° 2024-01' },
  },
};

/** Creates the demo committee unless it exists; returns whether it did. */
export async function seedDemoCommittee(db: Database): Promise<boolean> {
  if (await db.committee.findUnique({ where: { id: demoCommitteeId } })) return false;
  await db.$transaction([
    db.committee.create({ data: { id: demoCommitteeId, name: 'CALEOL démo', landlord: 'OPH Exemple' } }),
    db.committeeRules.create({ data: { committeeId: demoCommitteeId, version: 1, rules: demoRules as unknown as Prisma.InputJsonObject } }),
    db.member.createMany({
      data: demoMembers.map((m) => ({
        id: m.id, committeeId: demoCommitteeId, name: m.name, email: m.email, role: m.role,
        commune: m.commune ?? null, epci: m.epci ?? null, chair: m.chair ?? false, tenantRepresentative: m.tenantRepresentative ?? false,
      })),
    }),
  ]);
  return true;
}
