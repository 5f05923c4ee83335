// After the sitting: the minutes drafted and amended, signed by the signers the rules name, the
// signers reminded and ops told when they are late, then the applicants notified and offers made.
import type { MinutesSigner } from '../rules/index.ts';
import type { CommandOf } from './commands.ts';
import { accept, nothing, phaseRefusal, refuse, type Decision, type DecisionContext } from './decision.ts';
import type { SessionState } from './state.ts';

/** The signers the rules name who have not signed the current version. */
export function missingSigners(state: SessionState): MinutesSigner[] {
  const minutes = state.minutes;
  return state.rules.minutesSigners.filter((role) => !minutes?.signatures.some((s) => s.role === role));
}

export function recordMinutesDrafted({ state, command, emit }: DecisionContext<CommandOf<'record_minutes_drafted'>>): Decision {
  const minutes = state.minutes;
  if (!minutes && state.phase === 'closed' && command.version === 1) {
    return accept([emit({ type: 'minutes_drafted', phase: 'minutes_drafted', version: 1, sha256: command.sha256 })]);
  }
  if (minutes?.redrafting && command.version === minutes.version + 1) {
    const amendment = minutes.amendments!.at(-1)!;
    return accept([emit({ type: 'minutes_amended', phase: state.phase, version: command.version, sha256: command.sha256, previousVersion: minutes.version, reason: amendment.reason }, amendment.by)]);
  }
  return nothing;
}

export function signMinutes({ state, command, emit }: DecisionContext<CommandOf<'sign_minutes'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['minutes_drafted'], 'sign the minutes');
  if (wrongPhase) return wrongPhase;
  const minutes = state.minutes!;
  const role = command.role;
  if (!state.rules.minutesSigners.includes(role)) return refuse('forbidden', 'minutes_signers', `the committee's rules do not have the ${role} sign the minutes`);
  const chair = state.members.find((m) => m.chair);
  if (role === 'chair' && (chair === undefined || command.actor !== chair.id)) return refuse('forbidden', 'chair_signs_minutes', 'the minutes are signed by the chair of the committee');
  if (minutes.redrafting) return refuse('conflict', 'sign_current_minutes', 'the minutes are being amended: sign the new version once it is drafted');
  if (command.sha256 !== minutes.sha256) {
    return refuse('conflict', 'sign_current_minutes', `the signature is over another version of the minutes: the current one is version ${minutes.version}`);
  }
  if (minutes.signatures.some((s) => s.role === role)) return refuse('conflict', 'sign_once', `the minutes already bear the ${role}'s signature`);
  if (command.pdf && minutes.pdfHead !== undefined && command.pdf.baseSha256 !== minutes.pdfHead) {
    return refuse('conflict', 'sign_latest_pdf', 'another signature was added to the PDF meanwhile: sign the PDF that bears it');
  }
  const complete = missingSigners(state).every((r) => r === role);
  return accept([emit({
    type: 'minutes_signed', phase: complete ? 'signed' : state.phase, version: minutes.version, sha256: minutes.sha256, memberId: command.actor, role,
    ...(command.signature ? { signature: command.signature, keyFingerprint: command.keyFingerprint } : {}),
    ...(command.pdf ? { pdf: command.pdf } : {}),
  })]);
}

export function amendMinutes({ state, command, emit }: DecisionContext<CommandOf<'amend_minutes'>>): Decision {
  const wrongPhase = phaseRefusal(state, ['minutes_drafted'], 'amend the minutes');
  if (wrongPhase) return wrongPhase;
  const minutes = state.minutes!;
  if (minutes.redrafting) return refuse('conflict', 'one_amendment_at_a_time', 'an amendment is being drafted: amend the new version once it is drafted');
  if (!command.reason.trim()) return refuse('rule_violation', 'amendment_needs_reason', 'an amendment states its reason');
  if (!command.text.trim()) return refuse('rule_violation', 'amendment_needs_text', 'an amendment states the correction it makes');
  return accept([emit({ type: 'minutes_amendment_requested', version: minutes.version + 1, reason: command.reason.trim(), text: command.text.trim() })]);
}

export function recordSignatureReminder({ state, command, emit }: DecisionContext<CommandOf<'record_signature_reminder'>>): Decision {
  if (state.phase !== 'minutes_drafted' || !state.minutes) return nothing;
  return accept([emit({ type: 'signature_reminder_sent', version: state.minutes.version, missing: missingSigners(state), reminder: command.reminder, emailed: command.emailed })]);
}

export function recordSignaturesEscalated({ state, command, emit }: DecisionContext<CommandOf<'record_signatures_escalated'>>): Decision {
  if (state.phase !== 'minutes_drafted' || !state.minutes || state.signatureChase.escalated) return nothing;
  return accept([emit({
    type: 'signatures_overdue', version: state.minutes.version, missing: missingSigners(state), draftedAt: state.minutes.firstDraftedAt, escalatedTo: command.escalatedTo,
  })]);
}

export function recordApplicantsNotified({ state, command, emit }: DecisionContext<CommandOf<'record_applicants_notified'>>): Decision {
  if (state.phase !== 'signed') return nothing;
  return accept([emit({
    type: 'applicants_notified', phase: 'notified', notifiedAt: command.notifiedAt, letters: command.letters, emailed: command.emailed, minutesToPrefect: command.minutesToPrefect,
  })]);
}

export function recordOffersStarted({ state, command, emit }: DecisionContext<CommandOf<'record_offers_started'>>): Decision {
  if (state.phase !== 'notified' || state.offersStarted) return nothing;
  return accept([emit({ type: 'offers_started', items: command.items }), emit({ type: 'session_completed', phase: 'completed' })]);
}
