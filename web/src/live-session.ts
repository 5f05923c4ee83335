// A session's state as it changes: read once, then followed over the events stream (the browser's
// session cookie authenticates it), so every board and vote page updates without a reload.
import { useCallback, useEffect, useState } from 'react';
import { api, ok, type SessionView } from './api/client.ts';

// The stream ends with the session: no reconnection after these.
export const endedPhases: ReadonlySet<string> = new Set<SessionView['phase']>(['completed', 'adjourned', 'cancelled']);

export interface LiveSession {
  view: SessionView | undefined;
  error: Error | undefined;
  /** Whether the events stream is connected. */
  live: boolean;
  /** Reads the state again (after a change of one's own, before the stream brings it). */
  refresh: () => Promise<void>;
}

export function useLiveSession(sessionId: string): LiveSession {
  const [view, setView] = useState<SessionView>();
  const [error, setError] = useState<Error>();
  const [live, setLive] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setView(await ok(api.GET('/sessions/{id}', { params: { path: { id: sessionId } } })));
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    }
  }, [sessionId]);

  useEffect(() => {
    void refresh();
    const source = new EventSource(`/sessions/${sessionId}/events`);
    let last: SessionView | undefined;
    source.addEventListener('state', (event) => {
      last = JSON.parse((event as MessageEvent<string>).data) as SessionView;
      setView(last);
      setLive(true);
    });
    source.addEventListener('open', () => setLive(true));
    // The session has finished: the server ends the stream after this; no reconnection.
    source.addEventListener('end', () => {
      source.close();
      setLive(false);
    });
    // Otherwise the browser reconnects by itself, sending the last event's id: it is sent what it missed.
    source.addEventListener('error', () => {
      setLive(false);
      if (last && endedPhases.has(last.phase)) source.close();
    });
    return () => source.close();
  }, [sessionId, refresh]);

  return { view, error, live, refresh };
}
