// Tokens refused before their expiry (a lost phone, a member who left, a leaked secret): by the
// token's id, or every token of a subject issued before a time. The list is small (an entry is
// forgotten once no token it names can still be valid) and read from PostgreSQL at most every
// few seconds, so that a vote does not wait on it: a revocation made through another API process
// takes effect here within `refreshMs`; one made through this process, at once.
import type { Database } from '../../prisma/database.ts';
import type { Principal } from '../auth.ts';
import { ProblemError } from '../problems.ts';

export const revocationRefreshMs = 5_000;

export interface NewRevocation {
  tokenId?: string | undefined;
  subject?: string | undefined;
  issuedBefore?: Date | undefined;
  reason: string;
  revokedBy: string;
}

interface Loaded {
  tokenIds: Set<string>;
  /** Per subject, the latest time before which its tokens are refused (ms since the epoch). */
  subjects: Map<string, number>;
  at: number;
}

export class TokenRevocations {
  private loaded: Loaded | undefined;
  private loading: Promise<Loaded> | undefined;

  constructor(private readonly db: Database, private readonly maxTokenLifetimeSeconds: number, private readonly refreshMs = revocationRefreshMs) {}

  /** 401 if the principal's token is revoked. */
  async check(principal: Principal): Promise<void> {
    const list = await this.current();
    const issuedAt = (principal.issuedAt ?? 0) * 1000;
    const before = list.subjects.get(principal.subject);
    if ((principal.tokenId && list.tokenIds.has(principal.tokenId)) || (before !== undefined && issuedAt < before)) {
      throw new ProblemError({ status: 401, code: 'token_revoked', title: 'Unauthenticated', detail: 'the bearer token was revoked: sign in again' });
    }
  }

  async revoke(revocation: NewRevocation, now = new Date()) {
    const row = await this.db.tokenRevocation.create({
      data: {
        id: crypto.randomUUID(),
        tokenId: revocation.tokenId ?? null,
        subject: revocation.tokenId ? null : revocation.subject ?? null,
        issuedBefore: revocation.tokenId ? null : revocation.issuedBefore ?? now,
        reason: revocation.reason,
        revokedBy: revocation.revokedBy,
        revokedAt: now,
        // Past this, every token it names has expired anyway.
        forgetAfter: new Date(now.getTime() + this.maxTokenLifetimeSeconds * 1000),
      },
    });
    this.loaded = undefined;
    return row;
  }

  async list(now = new Date()) {
    return this.db.tokenRevocation.findMany({ where: { forgetAfter: { gt: now } }, orderBy: { revokedAt: 'desc' }, take: 1000 });
  }

  private async current(): Promise<Loaded> {
    if (this.loaded && Date.now() - this.loaded.at < this.refreshMs) return this.loaded;
    this.loading ??= this.list().then((rows) => {
      const subjects = new Map<string, number>();
      for (const r of rows) {
        if (r.subject && r.issuedBefore) subjects.set(r.subject, Math.max(subjects.get(r.subject) ?? 0, r.issuedBefore.getTime()));
      }
      this.loaded = { tokenIds: new Set(rows.flatMap((r) => (r.tokenId ? [r.tokenId] : []))), subjects, at: Date.now() };
      return this.loaded;
    }).finally(() => { this.loading = undefined; });
    return this.loading;
  }
}
