// Patch ids of changes made to the session workflow while executions of the earlier code may be
// running. Each guards the new behaviour with `patched(id)`; once no execution of the earlier
// code can remain (retention passed), the guard becomes `deprecatePatch(id)` and then goes.

/** The quorum grace period timer: sessions started before it never adjourn on their own. */
export const quorumGracePeriod = 'quorum-grace-period';

/** Publishing the agenda convenes the members (e-mail, Zoom registration) through an activity. */
export const convocations = 'convocations';

/** A signed session offers each attributed dwelling down its ranking (child offer workflows). */
export const offers = 'offers';

/** Unsigned minutes bring reminders to their signers, then an escalation to ops (durable timers). */
export const signatureReminders = 'signature-reminders';

/** Signed minutes are notified to every examined applicant and to the prefect before the offers start. */
export const applicantNotifications = 'applicant-notifications';

/** An offer passed down the ranking is notified to its candidate (a letter) and counts from then. */
export const offerNotifications = 'offer-notifications';

/** A session that ends (completed or adjourned) keeps its Temporal history in PostgreSQL. */
export const historyArchive = 'history-archive';

/** The members are convened as soon as the published agenda is stored, before later steps are. */
export const conveneBeforeLaterSteps = 'convene-before-later-steps';

/** Votes wait (a few seconds at most) to be stored with the steps after them, in one activity. */
export const votesStoredInBatches = 'votes-stored-in-batches';
