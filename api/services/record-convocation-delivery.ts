// The secretary records a convocation delivered otherwise than by e-mail (by hand, by registered letter).
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const recordConvocationDelivery = staffCommand(updates.recordConvocationDelivery);
