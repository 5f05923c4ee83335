// The files an agenda item names are claimed before the session is asked and released if it
// refuses the item, without a transaction held across the round trip: a refused item's new rows
// go, rows already on file are never rewritten by it, and a row another request has claimed in
// the meantime stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFiles, releaseCreated } from '../../api/services/add-agenda-item.ts';
import type { Database } from '../../prisma/database.ts';
import { testDatabase } from '../support/database.ts';
import { seedCommittee } from '../support/time-skipping.ts';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});

const dwelling = (reference: string, address = '1 rue des Lilas') => ({
  reference, address, commune: 'Villeneuve', epci: null, type: 'T3', surfaceM2: 61.5, rentCents: 45_000, financing: 'PLUS', contingent: null,
});
const file = (number: string, householdSummary = 'Couple, un enfant') => ({ number, householdSummary, applicant: { name: 'Mme A', email: 'a@example.test' } });

describe('claiming the files of an agenda item', () => {
  it('creates new files with their data and releases them when the item is refused', async () => {
    const { committeeId } = await seedCommittee(db, 'claim new');
    const claimed = await claimFiles(db, committeeId, dwelling('CL-1'), [file('CL-1-A'), file('CL-1-B')]);
    expect(claimed.dwelling.inserted).toBe(true);
    expect(claimed.applications.map((a) => a.inserted)).toEqual([true, true]);
    const stored = await db.dwelling.findUniqueOrThrow({ where: { id: claimed.dwelling.id } });
    expect(stored).toMatchObject({ reference: 'CL-1', address: '1 rue des Lilas', type: 'T3', rentCents: 45_000 });
    expect(Number(stored.surfaceM2)).toBe(61.5);
    expect(await db.application.findUniqueOrThrow({ where: { id: claimed.applications[0]!.id } })).toMatchObject({ applicationNumber: 'CL-1-A', applicantName: 'Mme A', email: 'a@example.test' });

    await releaseCreated(db, claimed);
    expect(await db.dwelling.count({ where: { committeeId, reference: 'CL-1' } })).toBe(0);
    expect(await db.application.count({ where: { committeeId, applicationNumber: { startsWith: 'CL-1' } } })).toBe(0);
  });

  it('claims a file already on file without rewriting it, and a release leaves it', async () => {
    const { committeeId } = await seedCommittee(db, 'claim existing');
    const first = await claimFiles(db, committeeId, dwelling('CL-2'), [file('CL-2-A')]);
    const second = await claimFiles(db, committeeId, dwelling('CL-2', '9 avenue Usurpée'), [file('CL-2-A', 'Réécrit')]);
    expect(second.dwelling).toMatchObject({ id: first.dwelling.id, inserted: false });
    expect(second.applications[0]).toMatchObject({ id: first.applications[0]!.id, inserted: false });
    expect((await db.dwelling.findUniqueOrThrow({ where: { id: first.dwelling.id } })).address).toBe('1 rue des Lilas');
    expect((await db.application.findUniqueOrThrow({ where: { id: first.applications[0]!.id } })).householdSummary).toBe('Couple, un enfant');

    await releaseCreated(db, second);
    expect(await db.dwelling.count({ where: { committeeId, reference: 'CL-2' } })).toBe(1);
    expect(await db.application.count({ where: { committeeId, applicationNumber: 'CL-2-A' } })).toBe(1);
  });

  it('keeps a new file that another request claimed before the refusal released it', async () => {
    const { committeeId } = await seedCommittee(db, 'claim race');
    const refused = await claimFiles(db, committeeId, dwelling('CL-3'), [file('CL-3-A')]);
    const taken = await claimFiles(db, committeeId, dwelling('CL-3'), [file('CL-3-A')]);
    expect(taken.dwelling.inserted).toBe(false);

    await releaseCreated(db, refused);
    expect(await db.dwelling.findUnique({ where: { id: refused.dwelling.id } })).not.toBeNull();
    expect(await db.application.findUnique({ where: { id: refused.applications[0]!.id } })).not.toBeNull();
  });
});
