// Per-candidate extracts of the minutes (domain: "Data protection"): an examined applicant may
// obtain the minutes with every other candidate's data removed. The committee, the session and
// the attendance stay; on the applicant's own items the vote and their own decision stay; every
// other item is reduced to its position ("un autre logement examiné").
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { renderMinutesPdf } from './minutes-pdf.ts';
import type { CandidateExtractDocument, MinutesDocument, MinutesItem, OtherDwellingItem } from '../domain/minutes.ts';

export class CandidateNotExaminedError extends Error {
  override readonly name = 'CandidateNotExaminedError';
}

/** In place of a text a member wrote that may name other candidates. */
const withheld = 'motif non reproduit dans l’extrait';

function ownItem(item: MinutesItem, applicationNumber: string): MinutesItem {
  return {
    ...item,
    candidatesExamined: item.candidatesExamined.filter((c) => c.applicationNumber === applicationNumber),
    decisions: item.decisions.filter((d) => d.applicationNumber === applicationNumber),
    // What members wrote in a written session (the debate, the reasons of referral requests and
    // of the referral itself) may speak of the other candidates: withheld, the debate counted.
    ...(item.written
      ? {
        written: { ...item.written, debate: [], debateWithheld: item.written.debate.length, referralRequests: item.written.referralRequests.map((r) => ({ ...r, reason: withheld })) },
        deferral: item.deferral && item.deferral.cause === 'referral' ? { ...item.deferral, reason: withheld } : item.deferral,
      }
      : {}),
    ...(item.referredFrom ? { referredFrom: { ...item.referredFrom, reason: withheld } } : {}),
  };
}

function appearsIn(item: MinutesItem, applicationNumber: string): boolean {
  return item.candidatesExamined.some((c) => c.applicationNumber === applicationNumber)
    || item.decisions.some((d) => d.applicationNumber === applicationNumber);
}

/**
 * The extract of `document` for the applicant `applicationNumber`. Throws
 * CandidateNotExaminedError when the application appears in no item: there is nothing to extract.
 */
export function candidateExtract(document: MinutesDocument, applicationNumber: string): CandidateExtractDocument {
  if (!document.items.some((item) => appearsIn(item, applicationNumber))) {
    throw new CandidateNotExaminedError(`application ${applicationNumber} was not examined in these minutes`);
  }
  const items = document.items.map((item): MinutesItem | OtherDwellingItem =>
    appearsIn(item, applicationNumber) ? ownItem(item, applicationNumber) : { position: item.position, otherDwelling: true });
  return {
    document: 'caleol_minutes_extract',
    formatVersion: document.formatVersion,
    extractFor: { applicationNumber },
    sourceSha256: sha256Hex(canonicalJson(document)),
    committee: document.committee,
    session: document.session,
    convocation: document.convocation,
    members: document.members,
    attendance: document.attendance,
    meeting: document.meeting,
    quorumAtDeliberations: document.quorumAtDeliberations,
    items,
    signers: document.signers,
    ...(document.window ? { window: { ...document.window, extension: document.window.extension ? { ...document.window.extension, reason: withheld } : null } } : {}),
  };
}

/** The extract for `applicationNumber` as a PDF in French. */
export function candidateExtractPdf(document: MinutesDocument, applicationNumber: string): Promise<Buffer> {
  return renderMinutesPdf(candidateExtract(document, applicationNumber));
}
