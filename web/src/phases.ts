// The session's phases as the pages group them (the engine's phases come with the generated types).
import type { SessionView } from './api/client.ts';

type Phase = SessionView['phase'];
const phases = (...list: Phase[]): ReadonlySet<string> => new Set(list);

/** Before the sitting: the agenda may still change (with a reason once published). */
export const beforeSitting = phases('draft', 'convened');
/** The sitting is under way: attendance, proxies, votes. */
export const sittingPhases = phases('open', 'deliberating');
/** The sitting is over: minutes, signatures, letters; nothing of the sitting changes any more. */
export const afterSitting = phases('closed', 'minutes_drafted', 'signed', 'notified', 'completed', 'cancelled', 'adjourned');
