// The few building blocks every page shares: native elements (their accessibility is the
// browser's), an action's pending state and outcome read out to screen readers.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from './messages.ts';

export function ErrorMessage({ error }: { error: Error | string | undefined }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error instanceof TypeError ? t.networkError : error.message;
  return <p className="error" role="alert">{t.error(message)}</p>;
}

/** Runs a user's action: pending while it runs, its refusal or its confirmation shown next to it. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<string>();
  const run = useCallback(async (action: () => Promise<unknown>, confirmation?: string) => {
    setPending(true);
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      setDone(confirmation);
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  const feedback = (
    <>
      <ErrorMessage error={error} />
      <p className="confirmation" role="status">{done ?? ''}</p>
    </>
  );
  return { run, pending, feedback };
}

export function PhaseBadge({ phase }: { phase: keyof typeof t.phase }) {
  return <span className={`badge phase-${phase}`}>{t.phase[phase]}</span>;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = `${id ?? title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** The page's title: focused when the page changes, so a screen reader announces where one is. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    document.title = `${ref.current?.textContent ?? ''} — ${t.appName}`;
  }, [children]);
  return <h1 ref={ref} tabIndex={-1}>{children}</h1>;
}

/** A value read once from the API, with its loading and error states. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: Error | undefined; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load().then((d) => { if (current) { setData(d); setError(undefined); } }, (e: unknown) => { if (current) setError(e as Error); });
    return () => { current = false; };
  }, [...deps, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
