// Replays a session's workflow history with the current workflow code and recomputes every tally
// from the recorded votes with the rules the session pinned: from Temporal or the archived copy
// (--session, with DATABASE_URL and TEMPORAL_ADDRESS), or from an export bundle (--bundle, offline).
// Exit 0 when everything matches, 1 with what does not, 2 on misuse.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptingDataConverter, parseCodecKeys } from '../documents/payload-codec.ts';
import { Client, Connection } from '@temporalio/client';
import { recheckVotesOf, recordedEvent, replayHistory, replaySession, sessionInputOf, type SessionReplayReport } from '../api/services/replay-session.ts';
import type { ExportBundle } from '../documents/export-bundle.ts';
import { createDatabase } from '../prisma/database.ts';
import { parseOptions, runCommand, UsageError } from './command-line.ts';

const usage = `usage:
  npx tsx bin/replay-session.ts --session <session id>     (DATABASE_URL, TEMPORAL_ADDRESS)
  npx tsx bin/replay-session.ts --bundle <session-….caleol.json>
  [--workflow-bundle <path>]  replay with this pre-built workflow bundle instead of the current code`;

function print(report: Pick<SessionReplayReport, 'replay' | 'votes'> & { source: string }): number {
  console.log(report.replay.ok ? `replay: OK (${report.source} history)` : `replay: FAILED (${report.source} history): ${report.replay.error?.name}: ${report.replay.error?.message}`);
  for (const v of report.votes) {
    const verdict = v.tallyMatches && v.decisionsMatch !== false ? 'OK    ' : 'DIFFER';
    console.log(`${verdict} item ${v.itemId}: recorded ${v.recorded.outcome}/${v.recorded.decidedBy}, recomputed ${v.recomputed.outcome}/${v.recomputed.decidedBy}${v.decisionsMatch === false ? ', stored decisions differ from those voted' : ''}`);
  }
  return report.replay.ok && report.votes.every((v) => v.tallyMatches && v.decisionsMatch !== false) ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { session: { type: 'string' }, bundle: { type: 'string' }, 'workflow-bundle': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if ((args.session === undefined) === (args.bundle === undefined)) throw new UsageError('give --session or --bundle');
  // The payload keys of the deployment (TEMPORAL_CODEC_KEYS, or the embedded default's file): the histories are encrypted with them.
  const keysFile = join(process.env.DATA_DIR || '.data', 'temporal-codec-keys');
  const keys = process.env.TEMPORAL_CODEC_KEYS || (existsSync(keysFile) ? readFileSync(keysFile, 'utf8').trim() : '');
  const dataConverter = keys ? encryptingDataConverter(parseCodecKeys(keys)) : {};
  if (args.bundle !== undefined) {
    let bundle: ExportBundle;
    try {
      bundle = JSON.parse(readFileSync(args.bundle, 'utf8')) as ExportBundle;
    } catch (error) {
      throw new UsageError(`cannot read the bundle ${args.bundle}: ${(error as Error).message}`);
    }
    const history = bundle.body?.history;
    if (!history) throw new UsageError('the bundle holds no workflow history');
    const runs = history.runs.map((r) => ({ runId: r.runId, json: r.json, events: 0 }));
    const replay = await replayHistory({ workflowId: history.workflowId, runs }, args['workflow-bundle'], dataConverter);
    // The tallies re-derived offline from the bundle's own part of the trail, folded from the recorded input.
    const input = runs[0] ? await sessionInputOf(runs[0].json, dataConverter) : undefined;
    const sessionId = bundle.body.session.id;
    const events = bundle.body.trail.entries.flatMap((e) => ('dedupeKey' in e && e.dedupeKey.startsWith(`session:${sessionId}:step:`) ? [recordedEvent(e)] : []));
    const votes = input ? recheckVotesOf(input, events, () => undefined) : [];
    return print({ replay, votes, source: `bundled ${history.source}` });
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('--session needs DATABASE_URL');
  const db = createDatabase(databaseUrl, { maxConnections: 2 });
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233' });
  try {
    const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE || 'default', dataConverter });
    const report = await replaySession({ db, temporal, workflowBundlePath: args['workflow-bundle'], dataConverter }, args.session!);
    return print({ ...report, source: report.history.source });
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}

runCommand('replay-session', usage, main);
