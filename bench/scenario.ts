// The sessions, driven over HTTP as a secretary and the members would: committees, sessions
// scheduled, agendas, convocation, opening, attendance; then, item after item in every session
// at once, the vote opened on the presenter's proposal, every voter voting at the same time,
// and the vote closed.
import { issueLocalToken } from '../api/auth.ts';
import { describeFailure, type ApiClient, type HttpAnswer } from './http.ts';
import { Pacer, Semaphore } from './stats.ts';

/** Open loop: requests in flight at most during the vote phase (a guard, not a limit to reach). */
export const openLoopInFlight = 4096;
/**
 * How often the setup asks a session whether every member is convened yet: every 2 s, and less
 * often the more sessions wait (20 ms per session, 20 s for 1,000): each poll is a query of the
 * session's workflow, and a thousand sessions polled every 2 s took the CPU the convocations
 * needed (7 a second were sent).
 */
const convocationPollMs = (sessions: number) => Math.max(2_000, 20 * sessions);

export interface ScenarioOptions {
  sessions: number;
  items: number;
  voters: number;
  committees: number;
  concurrency: number;
  /** Vote-phase requests per second, open loop. */
  rate?: number | undefined;
  /** Agenda items per session set up beyond `items`, for the votes' saturation steps. */
  extraItems?: number | undefined;
  idempotencyKeys: boolean;
}

interface Seat {
  name: string;
  role: 'board_member' | 'prefect' | 'mayor' | 'epci_president';
  chair?: boolean;
  commune?: string;
  epci?: string;
  tenantRepresentative?: boolean;
}

/**
 * The nine seats that vote on a dwelling of Villeneuve in the Agglo Nord: the board's six (the
 * chair first), the prefect, the mayor of the commune and the EPCI president. K voters: the
 * first K, the whole committee, so that all of it present makes quorum whatever K.
 */
const seats: Seat[] = [
  { name: 'Claire Martin', role: 'board_member', chair: true },
  { name: 'Karim Benali', role: 'board_member' },
  { name: 'Préfecture', role: 'prefect' },
  { name: 'Maire de Villeneuve', role: 'mayor', commune: 'Villeneuve' },
  { name: 'Sophie Leroy', role: 'board_member' },
  { name: 'Jean Dupuis', role: 'board_member' },
  { name: 'Président Agglo', role: 'epci_president', epci: 'Agglo Nord' },
  { name: 'Amina Diallo', role: 'board_member' },
  { name: 'Paul Garnier', role: 'board_member', tenantRepresentative: true },
];

export const routes = {
  committee: 'POST /committees',
  schedule: 'POST /committees/{id}/sessions',
  agendaItem: 'POST /sessions/{id}/agenda-items',
  publish: 'POST /sessions/{id}/agenda/publish',
  open: 'POST /sessions/{id}/open',
  attendance: 'POST /sessions/{id}/attendance',
  voteOpen: 'POST …/agenda-items/{itemId}/vote/open',
  vote: 'POST …/agenda-items/{itemId}/votes',
  voteClose: 'POST …/agenda-items/{itemId}/vote/close',
} as const;
type Route = (typeof routes)[keyof typeof routes];

export class Recorder {
  readonly latencies = new Map<Route, number[]>();
  readonly failures = new Map<Route, { count: number; byStatus: Record<string, number>; samples: string[] }>();

  ok(route: Route, ms: number): void {
    let list = this.latencies.get(route);
    if (!list) this.latencies.set(route, (list = []));
    list.push(ms);
  }

  fail(route: Route, answer: HttpAnswer): void {
    let entry = this.failures.get(route);
    if (!entry) this.failures.set(route, (entry = { count: 0, byStatus: {}, samples: [] }));
    entry.count++;
    entry.byStatus[String(answer.status)] = (entry.byStatus[String(answer.status)] ?? 0) + 1;
    const description = describeFailure(answer);
    if (entry.samples.length < 5 && !entry.samples.includes(description)) entry.samples.push(description);
  }

  failed(route: Route): number {
    return this.failures.get(route)?.count ?? 0;
  }

  totalFailures(): number {
    return [...this.failures.values()].reduce((sum, f) => sum + f.count, 0);
  }
}

interface Committee {
  id: string;
  voters: Array<{ id: string; token: string }>;
}

interface SessionPlan {
  index: number;
  committee: Committee;
  id?: string;
  items: Array<{ id: string; candidates: string[] }>;
  ready: boolean;
  /** An opening or a close of its votes failed: a vote may be left open, which would refuse the next one's opening. */
  unsettled?: boolean;
}

export interface ScenarioCounters {
  phase: string;
  committees: number;
  scheduled: number;
  setUp: number;
  votesOk: number;
  votesFailed: number;
  votesExpected: number;
  itemsClosed: number;
  inFlight: number;
  /** Requests answered, whatever the answer. */
  answered: number;
}

export class Scenario {
  readonly recorder = new Recorder();
  /** Where requests are recorded: the run's recorder, or a saturation step's own (its failures are what it measures). */
  private recording = this.recorder;
  readonly counters: ScenarioCounters = { phase: 'setup', committees: 0, scheduled: 0, setUp: 0, votesOk: 0, votesFailed: 0, votesExpected: 0, itemsClosed: 0, inFlight: 0, answered: 0 };
  private limit: Semaphore;
  private pacer: Pacer | undefined;
  private readonly plans: SessionPlan[] = [];
  private secretaryToken = '';
  /** Votes in flight integrated over time, for their mean. */
  private votesInFlight = 0;
  private inFlightArea = 0;
  private inFlightSince = 0;
  private readonly runId = Date.now().toString(36);
  private probeSessionId: string | undefined;
  /** The current vote phase's vote latencies. */
  private voteLatencies: number[] | undefined;

  constructor(private readonly api: ApiClient, private readonly secret: string, private readonly options: ScenarioOptions) {
    this.limit = new Semaphore(options.concurrency);
  }

  /** One request, within the concurrency limit, timed from sending to the end of the answer. */
  private async request(route: Route, expected: number, method: 'GET' | 'POST', path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer | undefined> {
    if (this.pacer) await this.pacer.slot();
    return this.limit.run(async () => {
      const isVote = route === routes.vote;
      if (isVote) this.trackVotes(+1);
      this.counters.inFlight++;
      const answer = await this.api.call(method, path, token, body, headers);
      this.counters.inFlight--;
      this.counters.answered++;
      if (isVote) this.trackVotes(-1);
      if (answer.status === expected) {
        this.recording.ok(route, answer.ms);
        if (isVote) this.voteLatencies?.push(answer.ms);
        return answer;
      }
      this.recording.fail(route, answer);
      return undefined;
    });
  }

  /**
   * Polls the session until every member is convened: the sitting opens only then. Every session
   * convenes at once, nine PDFs each, so the wait allows for all of them (two minutes, and 60 ms
   * per convocation of the run).
   */
  private async convened(base: string, token: string): Promise<boolean> {
    const deadline = Date.now() + 120_000 + 60 * this.options.sessions * this.options.voters;
    while (Date.now() < deadline) {
      const answer = await this.api.call('GET', base, token);
      const convocations = (answer.body as { convocations?: Record<string, { status: string }> } | undefined)?.convocations;
      if (convocations && Object.values(convocations).length > 0 && Object.values(convocations).every((c) => c.status === 'convened')) return true;
      await new Promise((resolve) => setTimeout(resolve, convocationPollMs(this.options.sessions)));
    }
    return false;
  }

  private trackVotes(delta: number): void {
    const now = performance.now();
    if (this.inFlightSince > 0) this.inFlightArea += this.votesInFlight * (now - this.inFlightSince);
    this.inFlightSince = now;
    this.votesInFlight += delta;
  }

  private async createCommittee(index: number): Promise<Committee | undefined> {
    const suffix = `${this.runId}-${index}`;
    const body = {
      name: `CALEOL bench ${suffix}`,
      landlord: 'OPH Bench',
      // No notice, and a sitting that may open up to an hour early: every session sits at once. The
      // isolated probe votes again and again on one seat: the ballots of a seat are not bounded here.
      rules: { noticePeriodDays: 0, openingToleranceMinutes: 60, ballotsPerSeat: 1000 },
      members: seats.slice(0, this.options.voters).map((seat) => ({
        ...seat,
        email: `${seat.name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.')}@bench-${suffix}.test`,
      })),
    };
    const answer = await this.request(routes.committee, 201, 'POST', '/committees', this.secretaryToken, body);
    if (!answer) return undefined;
    const created = answer.body as { id: string; members: Array<{ id: string; name: string; chair: boolean }> };
    const voters = await Promise.all(created.members.map(async (m) => ({
      id: m.id,
      token: await issueLocalToken(this.secret, { subject: m.id, memberId: m.id, roles: m.chair ? ['member', 'chair'] : ['member'], name: m.name }, '1d'),
    })));
    this.counters.committees++;
    return { id: created.id, voters };
  }

  /** Committees, then every session scheduled and made ready to vote, all sessions at once. */
  async setUp(): Promise<void> {
    this.secretaryToken = await issueLocalToken(this.secret, { subject: 'secretary@bench', roles: ['secretary'], name: 'Secrétariat bench' }, '1d');
    const committees = await Promise.all(Array.from({ length: this.options.committees }, (_, i) => this.createCommittee(i)));
    const firstStart = soon();
    await Promise.all(Array.from({ length: this.options.sessions }, async (_, index) => {
      const committee = committees[index % committees.length];
      if (!committee) return;
      const plan: SessionPlan = { index, committee, items: [], ready: false };
      this.plans.push(plan);
      await this.setUpSession(plan, new Date(firstStart.getTime() + index * 1_000).toISOString());
    }));
  }

  private async setUpSession(plan: SessionPlan, scheduledStart: string, items = this.options.items + (this.options.extraItems ?? 0)): Promise<void> {
    const token = this.secretaryToken;
    const scheduled = await this.request(routes.schedule, 201, 'POST', `/committees/${plan.committee.id}/sessions`, token, { scheduledStart, mode: 'remote' });
    if (!scheduled) return;
    this.counters.scheduled++;
    const sessionId = (scheduled.body as { id: string }).id;
    plan.id = sessionId;
    const base = `/sessions/${sessionId}`;
    for (let i = 1; i <= items; i++) {
      const reference = `BENCH-${this.runId}-${plan.index}-${i}`;
      const added = await this.request(routes.agendaItem, 201, 'POST', `${base}/agenda-items`, token, {
        dwelling: { reference, address: `${i} avenue de la République`, commune: 'Villeneuve', epci: 'Agglo Nord', type: 'T3', surfaceM2: 60 + (i % 20), rentCents: 45_000 + i * 100, financing: 'PLUS' },
        candidates: [1, 2, 3].map((rank) => ({ applicationNumber: `${reference}-${rank}`, householdSummary: `Ménage ${rank}`, rank })),
      });
      if (!added) return;
      const item = added.body as { id: string; candidates: Array<{ applicationId: string; rank: number }> };
      plan.items.push({ id: item.id, candidates: [...item.candidates].sort((a, b) => a.rank - b.rank).map((c) => c.applicationId) });
    }
    if (!(await this.request(routes.publish, 200, 'POST', `${base}/agenda/publish`, token, {}))) return;
    if (!(await this.convened(base, token))) return;
    if (!(await this.request(routes.open, 200, 'POST', `${base}/open`, token))) return;
    for (const voter of plan.committee.voters) {
      if (!(await this.request(routes.attendance, 200, 'POST', `${base}/attendance`, token, { memberId: voter.id, present: true }))) return;
    }
    plan.ready = true;
    this.counters.setUp++;
  }

  readySessions(): number {
    return this.plans.filter((p) => p.ready).length;
  }

  /**
   * Every ready session at once, item after item: open, all voters at once, close. Open loop at `rate` when given.
   * `items` picks which of each session's items (the saturation steps vote on items of their own), `sessions` how
   * many of the ready ones (the first).
   */
  async vote(rate = this.options.rate, items = { from: 0, count: this.options.items }, recorder = this.recorder, sessions = Infinity): Promise<VotePhase> {
    this.counters.phase = 'vote';
    // A session whose vote may still be open would refuse the step's openings: only the others vote.
    const ready = this.plans.filter((p) => p.ready && !p.unsettled).slice(0, sessions);
    this.counters.votesExpected = ready.length * items.count * this.options.voters;
    const closedLoop = this.limit;
    if (rate) {
      this.pacer = new Pacer(rate);
      this.limit = new Semaphore(openLoopInFlight);
    }
    const answered = this.counters.answered;
    this.recording = recorder;
    const failedBefore = recorder.totalFailures();
    const latencies: number[] = [];
    this.voteLatencies = latencies;
    const started = performance.now();
    this.inFlightArea = 0;
    this.inFlightSince = started;
    await Promise.all(ready.map((plan) => this.voteSession(plan, plan.items.slice(items.from, items.from + items.count))));
    const durationMs = performance.now() - started;
    this.pacer = undefined;
    this.limit = closedLoop;
    this.voteLatencies = undefined;
    this.recording = this.recorder;
    this.trackVotes(0);
    return {
      durationMs, votesInFlightMean: this.inFlightArea / durationMs, latencies, sessions: ready.length,
      requests: this.counters.answered - answered, failures: recorder.totalFailures() - failedBefore,
    };
  }

  private async voteSession(plan: SessionPlan, items: SessionPlan['items']): Promise<void> {
    const token = this.secretaryToken;
    const base = `/sessions/${plan.id!}`;
    const voters = plan.committee.voters;
    // Two thirds for, the rest against: adopted.
    const inFavour = Math.ceil((2 * voters.length) / 3);
    for (const item of items) {
      const opened = await this.request(routes.voteOpen, 200, 'POST', `${base}/agenda-items/${item.id}/vote/open`, token, {
        proposal: item.candidates.map((applicationId, i) => ({ applicationId, type: 'ranked_attribution', rank: i + 1 })),
      });
      if (!opened) {
        this.counters.votesFailed += voters.length;
        plan.unsettled = true;
        continue;
      }
      await Promise.all(voters.map(async (voter, i) => {
        const headers = this.options.idempotencyKeys ? { 'idempotency-key': `vote-${item.id}-${voter.id}` } : undefined;
        const answer = await this.request(routes.vote, 200, 'POST', `${base}/agenda-items/${item.id}/votes`, voter.token, { choice: i < inFavour ? 'for' : 'against' }, headers);
        if (answer) this.counters.votesOk++;
        else this.counters.votesFailed++;
      }));
      if (await this.request(routes.voteClose, 200, 'POST', `${base}/agenda-items/${item.id}/vote/close`, token)) this.counters.itemsClosed++;
      else plan.unsettled = true;
    }
  }

  /**
   * Requests one at a time on an idle system, to see where a vote's time goes: GET /health (HTTP
   * and Fastify, nothing else), then a session of its own with one item on which one voter
   * changes their vote back and forth (each change is a vote the workflow records), alternately
   * with and without an Idempotency-Key.
   */
  async probe(votes: number): Promise<ProbeResult> {
    this.counters.phase = 'probe';
    const result: ProbeResult = { health: [], voteWithKey: [], voteWithoutKey: [] };
    if (votes === 0) return result;
    for (let n = 0; n < votes; n++) {
      const answer = await this.api.call('GET', '/health');
      if (answer.status === 200) result.health.push(answer.ms);
    }
    const committee = await this.createCommittee(this.options.committees);
    if (!committee) return result;
    const plan: SessionPlan = { index: this.options.sessions, committee, items: [], ready: false };
    await this.setUpSession(plan, new Date(soon().getTime() + plan.index * 1_000).toISOString(), 1);
    if (!plan.ready) return result;
    this.probeSessionId = plan.id;
    const item = plan.items[0]!;
    const base = `/sessions/${plan.id!}/agenda-items/${item.id}`;
    const opened = await this.request(routes.voteOpen, 200, 'POST', `${base}/vote/open`, this.secretaryToken, {
      proposal: item.candidates.map((applicationId, i) => ({ applicationId, type: 'ranked_attribution', rank: i + 1 })),
    });
    if (!opened) return result;
    const voter = committee.voters[0]!;
    // Two votes of each kind per round, so that both kinds change the vote equally often.
    for (let n = 0; n < 2 * votes; n++) {
      const keyed = n % 4 < 2;
      const headers = keyed ? { 'idempotency-key': `probe-${item.id}-${n}` } : undefined;
      const answer = await this.api.call('POST', `${base}/votes`, voter.token, { choice: n % 2 === 0 ? 'for' : 'against' }, headers);
      if (answer.status === 200) (keyed ? result.voteWithKey : result.voteWithoutKey).push(answer.ms);
      else this.recorder.fail(routes.vote, answer);
    }
    await this.request(routes.voteClose, 200, 'POST', `${base}/vote/close`, this.secretaryToken);
    return result;
  }

  /** The size of a voted session's state, as its query answers it (JSON bytes): the fair floor's workflows hold as much. */
  async stateBytes(): Promise<number> {
    const id = this.plans.find((p) => p.ready)?.id;
    if (!id) return 0;
    const answer = await this.api.call('GET', `/sessions/${id}`, this.secretaryToken);
    return answer.status === 200 ? Buffer.byteLength(JSON.stringify(answer.body)) : 0;
  }

  /** The sessions this run scheduled (their workflows are `session-<id>`). */
  sessionIds(): string[] {
    return [...this.plans.map((p) => p.id), this.probeSessionId].filter((id): id is string => id !== undefined);
  }
}

export interface VotePhase {
  durationMs: number;
  votesInFlightMean: number;
  /** The votes answered 200, each one's latency. */
  latencies: number[];
  /** Requests of the phase answered (opens, votes, closes), and those that failed. */
  requests: number;
  /** The sessions that voted. */
  sessions: number;
  failures: number;
}

export interface ProbeResult {
  health: number[];
  voteWithKey: number[];
  voteWithoutKey: number[];
}

/** Half an hour from now, on a whole second: within the bench committees' opening tolerance. */
function soon(): Date {
  return new Date(Math.ceil(Date.now() / 1000) * 1000 + 30 * 60_000);
}
