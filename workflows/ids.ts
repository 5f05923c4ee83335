// Workflow ids are business keys: one session workflow per session, one offer workflow per
// attributed dwelling of a session. Starting one twice finds the first.

export const sessionWorkflowType = 'sessionWorkflow';
export const offerWorkflowType = 'offerWorkflow';

export function sessionWorkflowId(sessionId: string): string {
  return `session-${sessionId}`;
}

export function offerWorkflowId(sessionId: string, agendaItemId: string): string {
  return `offer-${sessionId}-${agendaItemId}`;
}
