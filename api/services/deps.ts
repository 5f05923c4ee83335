// What the use cases work with: the database, the session workflows, Temporal itself.
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { Database } from '../../prisma/database.ts';
import type { DocumentSigning } from './pdf-signing.ts';
import type { SessionClient } from './session-client.ts';
import type { SessionStreams } from './session-streams.ts';
import type { TokenRevocations } from './token-revocations.ts';

export interface ServiceDeps {
  db: Database;
  sessions: SessionClient;
  /** The live feeds of the events streams, shared by every stream of the app. */
  streams: SessionStreams;
  /** Tokens refused before their expiry. */
  revocations: TokenRevocations;
  /** How Temporal payloads are encoded (encrypted); `{}`: the SDK's default, in clear. */
  dataConverter: DataConverter;
  /** The public keys that verify the audit trail's checkpoints, by key id. */
  checkpointKeys: ReadonlyMap<string, string>;
  temporal: Client;
  /** Sessions meet on Zoom when the deployment has Zoom credentials. */
  videoProvider: 'manual' | 'zoom';
  /** The workflow code sessions are replayed with; default: bundled at the first replay. */
  workflowBundlePath?: string | undefined;
  /** Signing certificates and timestamps for PDF signatures; absent: the minutes cannot be signed. */
  documentSigning?: DocumentSigning | undefined;
}
