export { sessionWorkflow } from './session.ts';
export { offerWorkflow } from './offer.ts';
