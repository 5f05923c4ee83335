// Proxies (pouvoirs): a written mandate from an absent voting member to another one.
import type { SessionMember } from './members.ts';

export interface ProxyProblem {
  rule: string;
  message: string;
}

/**
 * Whether `principalId` may give a proxy to `holderId`: both deliberative titular members,
 * distinct, the principal without a proxy already, the holder under the per-holder limit.
 */
export function proxyProblems(
  members: readonly SessionMember[],
  proxies: ReadonlyMap<string, string>,
  principalId: string,
  holderId: string,
  proxiesPerHolder: number,
  deliberative: (m: SessionMember) => boolean,
): ProxyProblem[] {
  const principal = members.find((m) => m.id === principalId);
  const holder = members.find((m) => m.id === holderId);
  if (!principal || !deliberative(principal) || principal.substituteFor !== undefined) {
    return [{ rule: 'proxy_from_voting_member', message: 'only a voting member of the committee gives a proxy for their seat' }];
  }
  if (!holder || !deliberative(holder) || holder.substituteFor !== undefined) {
    return [{ rule: 'proxy_to_voting_member', message: 'a proxy is given to another titular member with a deliberative vote' }];
  }
  if (principalId === holderId) return [{ rule: 'proxy_to_another_member', message: 'a member cannot hold their own proxy' }];
  if (proxies.has(holderId)) {
    return [{ rule: 'holder_not_represented', message: 'the holder has given their own proxy and cannot hold one' }];
  }
  if ([...proxies.values()].includes(principalId)) {
    return [{ rule: 'principal_holds_proxies', message: 'this member holds a proxy for another member and cannot give their own' }];
  }
  if (proxies.has(principalId)) {
    return [{ rule: 'one_proxy_per_principal', message: 'this member has already given a proxy; revoke it first' }];
  }
  const held = [...proxies.values()].filter((h) => h === holderId).length;
  if (held >= proxiesPerHolder) {
    return [{ rule: 'proxies_per_holder', message: `a member holds at most ${proxiesPerHolder} prox${proxiesPerHolder === 1 ? 'y' : 'ies'}` }];
  }
  return [];
}
