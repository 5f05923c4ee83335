// Who signs the minutes, in which capacity: the chair is a member of the committee (a member
// flag: the chair role of a token may come from another committee); the secretary signs as staff.
import type { MinutesSigner } from '../../domain/rules/index.ts';
import type { Database } from '../../prisma/database.ts';
import { requireRole, type Principal } from '../auth.ts';
import { forbidden } from '../problems.ts';
import { actingLookups, staffActor } from './acting.ts';

export async function signerOf(db: Database, principal: Principal, committeeId: string, wanted: MinutesSigner | undefined): Promise<{ role: MinutesSigner; signer: string }> {
  const role = wanted ?? (principal.roles.includes('chair') ? 'chair' : 'secretary');
  requireRole(principal, role);
  if (role === 'secretary') return { role, signer: staffActor(principal) };
  const memberId = await actingLookups(db).actingMember(principal, committeeId);
  const member = await db.member.findUnique({ where: { id: memberId }, select: { chair: true } });
  if (!member?.chair) throw forbidden('only the chair of this committee signs its minutes as chair', 'chair_signs_minutes');
  return { role, signer: memberId };
}
