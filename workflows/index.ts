export { sessionWorkflow } from './session.ts';
