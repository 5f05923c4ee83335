// Request and response schemas shared by routes: one definition per shape, from which
// validation, serialisation and the OpenAPI document all follow.
import { Type, type Static } from 'typebox';
import { candidateShortfallExceptions, decisionTypes, memberRoles, occupancySituations } from '../domain/rules/index.ts';
import { deferralCauses, sessionModes, sessionPhases } from '../domain/session/index.ts';

/** The problem answers every route documents (rate-limited routes add 429). */
export const problemResponses = {
  400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' },
  404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' }, 422: { $ref: 'Problem#' },
};

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const NonEmpty = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
const literals = <const T extends string>(values: readonly T[]) => Type.Enum([...values]);

export const MemberRole = literals(memberRoles);
export const SessionPhase = literals(sessionPhases);
export const SessionMode = literals(sessionModes);
export const VoteChoice = literals(['for', 'against', 'abstain'] as const);
export const DecisionType = literals(decisionTypes);
export const ShortfallException = literals(candidateShortfallExceptions);
export const OccupancySituation = literals(occupancySituations);
export const IsoDate = Type.String({ format: 'date' });
const Reason = (description: string) => Type.String({ minLength: 1, maxLength: 2000, description });

export const IdParams = Type.Object({ id: Uuid });
/** The id of the last event a reconnecting events stream received (a session's sequence number). */
export const LastEventIdHeaders = Type.Object({
  'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The `id:` of the last event received, to resume after a drop' })),
});
export const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid });

export const MemberInput = Type.Object({
  name: NonEmpty(),
  email: Type.String({ format: 'email', maxLength: 320 }),
  role: MemberRole,
  commune: Type.Optional(NonEmpty()),
  epci: Type.Optional(NonEmpty()),
  contingent: Type.Optional(NonEmpty()),
  substituteFor: Type.Optional(Uuid),
  birthDate: Type.Optional(IsoDate),
  tenantRepresentative: Type.Optional(Type.Boolean()),
  chair: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type MemberInput = Static<typeof MemberInput>;

export const MemberPatch = Type.Partial(Type.Object({
  name: NonEmpty(),
  email: Type.String({ format: 'email', maxLength: 320 }),
  commune: NonEmpty(),
  epci: NonEmpty(),
  contingent: NonEmpty(),
  substituteFor: Uuid,
  birthDate: IsoDate,
  tenantRepresentative: Type.Boolean(),
  active: Type.Boolean(),
}), { additionalProperties: false, minProperties: 1 });
export type MemberPatch = Static<typeof MemberPatch>;

export const Member = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.Optional(Type.String({ description: 'Shown to the committee\'s staff and to the member themself' })),
  role: MemberRole,
  commune: Type.Union([Type.String(), Type.Null()]),
  epci: Type.Union([Type.String(), Type.Null()]),
  contingent: Type.Union([Type.String(), Type.Null()]),
  substituteFor: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  tenantRepresentative: Type.Boolean(),
  chair: Type.Boolean(),
  active: Type.Boolean(),
});


/** A committee's sessions as the table lists them: the phase there follows the workflow's, a step behind at most. */
export const SessionList = Type.Object({
  committeeId: Uuid,
  timeZone: Type.String(),
  sessions: Type.Array(Type.Object({
    id: Uuid,
    scheduledStart: DateTime,
    mode: SessionMode,
    place: Type.Optional(Type.String()),
    phase: SessionPhase,
    updatedAt: DateTime,
  })),
});

/** The files of the items a reader may see: the dwelling and the candidates' applications. */
export const JoinLink = Type.Object({ joinUrl: Type.String({ format: 'uri', description: 'Zoom\'s personal join URL of the member\'s registration' }) });

export const SessionFiles = Type.Object({
  items: Type.Array(Type.Object({
    itemId: Uuid,
    dwelling: Type.Object({
      reference: Type.String(), address: Type.String(), commune: Type.String(), epci: Type.Optional(Type.String()), type: Type.String(),
      surfaceM2: Type.Number(), rentCents: Type.Integer(), financing: Type.String(), contingent: Type.Optional(Type.String()),
    }),
    candidates: Type.Array(Type.Object({
      applicationId: Uuid, rank: Type.Integer(), applicationNumber: Type.String(), householdSummary: Type.String(), priority: Type.Optional(Type.String()),
    })),
  })),
});

export const Committee = Type.Object({
  id: Uuid,
  name: Type.String(),
  landlord: Type.String(),
  timeZone: Type.String(),
  rulesVersion: Type.Integer(),
  members: Type.Array(Member),
});

export const ScheduleSessionBody = Type.Object({
  scheduledStart: Type.String({ format: 'date-time', description: 'The convened time, to come' }),
  mode: Type.Optional(SessionMode),
  place: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'The room of an in-person or mixed sitting, as the convocation states it' })),
  closesAt: Type.Optional(Type.String({
    format: 'date-time',
    description: 'A written session (`mode: written`): when its window closes; it opens at `scheduledStart`. The duration is bounded by the rules (`writtenSessions`)',
  })),
}, { additionalProperties: false });

export const SessionCreated = Type.Object({
  id: Uuid,
  workflowId: Type.String(),
  committeeId: Uuid,
  scheduledStart: DateTime,
  rulesVersion: Type.Integer(),
});

/** Where the decision letter goes: by e-mail when an address is known, otherwise printed for the post. */
export const ApplicantContact = Type.Object({
  name: Type.Optional(NonEmpty(200)),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  postalAddress: Type.Optional(NonEmpty(500)),
}, { additionalProperties: false, description: 'The applicant\'s contact for the letter notifying the decision' });

export const AgendaItemInput = Type.Object({
  kind: Type.Optional(literals(['allocation', 'occupancy_review'] as const)),
  dwelling: Type.Object({
    reference: NonEmpty(64),
    address: NonEmpty(),
    commune: NonEmpty(),
    epci: Type.Optional(NonEmpty()),
    type: NonEmpty(32),
    surfaceM2: Type.Number({ exclusiveMinimum: 0, maximum: 10000 }),
    rentCents: Type.Integer({ minimum: 0, maximum: 100000000 }),
    financing: NonEmpty(32),
    contingent: Type.Optional(NonEmpty()),
  }, { additionalProperties: false }),
  candidates: Type.Optional(Type.Array(Type.Object({
    applicationNumber: NonEmpty(64),
    householdSummary: NonEmpty(2000),
    priority: Type.Optional(NonEmpty(64)),
    rank: Type.Integer({ minimum: 1, maximum: 50 }),
    applicant: Type.Optional(ApplicantContact),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 20, description: 'Allocation: the ranked candidates' })),
  tenant: Type.Optional(Type.Object({
    fileNumber: NonEmpty(64),
    householdSummary: NonEmpty(2000),
  }, { additionalProperties: false, description: 'Occupancy review: the tenant household examined' })),
  exception: Type.Optional(ShortfallException),
  reason: Type.Optional(Reason('Why the published agenda changes')),
}, { additionalProperties: false });
export type AgendaItemInput = Static<typeof AgendaItemInput>;

export const CandidateDecision = Type.Object({
  applicationId: Uuid,
  type: DecisionType,
  rank: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  conditionDocument: Type.Optional(NonEmpty(500)),
  conditionDeadline: Type.Optional(Type.String({ format: 'date' })),
  reasons: Type.Optional(NonEmpty(5000)),
}, { additionalProperties: false });

export const OccupancyOpinion = Type.Object({
  situation: OccupancySituation,
  suitableDwelling: NonEmpty(2000),
  advice: Type.Optional(NonEmpty(2000)),
}, { additionalProperties: false });

export const OpenVoteInput = Type.Object({
  proposal: Type.Optional(Type.Array(CandidateDecision, { minItems: 1, maxItems: 20, description: 'Allocation: a decision per candidate' })),
  opinion: Type.Optional(OccupancyOpinion),
}, { additionalProperties: false });


export const PublishInput = Type.Object({
  urgencyReason: Type.Optional(Reason('Why the agenda is published inside the notice period')),
}, { additionalProperties: false });

export const ReasonInput = Type.Object({ reason: Reason('The reason') }, { additionalProperties: false });

export const OpenSessionInput = Type.Object({
  unconvenedReason: Type.Optional(Reason('Why the sitting opens although a member is not convened (where the rules allow it): the minutes print it')),
}, { additionalProperties: false });

export const ConvocationDeliveryInput = Type.Object({
  memberId: Uuid,
  channel: literals(['hand_delivery', 'registered_letter'] as const),
  deliveredAt: Type.String({ format: 'date-time', description: 'When the member received it' }),
  reason: Reason('How and why the convocation was delivered otherwise than by e-mail'),
}, { additionalProperties: false });
export const ReasonQuery = Type.Object({ reason: Type.Optional(Reason('Why the published agenda changes')) }, { additionalProperties: false });

export const ProxyInput = Type.Object({
  principalId: Uuid,
  holderId: Uuid,
}, { additionalProperties: false });
export const ProxyParams = Type.Object({ id: Uuid, principalId: Uuid });
export const Proxies = Type.Object({ proxies: Type.Record(Type.String(), Type.String()) });

export const ConflictInput = Type.Object({
  memberId: Type.Optional(Uuid),
}, { additionalProperties: false });

export const ChairElectionInput = Type.Object({
  ballots: Type.Array(Type.Object({ voterId: Uuid, candidateId: Uuid }, { additionalProperties: false }), { minItems: 1, maxItems: 6 }),
}, { additionalProperties: false });
export const ChairElectionAnswer = Type.Object({
  outcome: literals(['elected', 'no_majority'] as const),
  chairId: Type.Optional(Uuid),
  decidedBy: Type.Optional(Type.String()),
  counts: Type.Record(Type.String(), Type.Integer()),
});

export const RulesInput = Type.Object({
  quorum: Type.Object({
    threshold: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    gracePeriodMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    reconvenedWithoutQuorum: Type.Boolean(),
    reconveneAfterDays: Type.Integer({ minimum: 1, maximum: 90 }),
  }, { additionalProperties: false }),
  proxiesPerHolder: Type.Integer({ minimum: 0, maximum: 5 }),
  noticePeriodDays: Type.Integer({ minimum: 0, maximum: 60 }),
  urgentConvocationAllowed: Type.Boolean(),
  majority: Type.Object({
    basis: literals(['votes_cast', 'present_or_represented'] as const),
    abstentionsCount: Type.Boolean(),
  }, { additionalProperties: false }),
  tieWithoutMayor: literals(['defer', 'revote'] as const),
  remoteSessionsAllowed: Type.Boolean(),
  remoteMinimumParticipation: Type.Number({ minimum: 0, maximum: 1 }),
  minutesSigners: Type.Array(literals(['chair', 'secretary'] as const), { minItems: 1, maxItems: 2 }),
  offerResponseDays: Type.Integer({ minimum: 1, maximum: 90 }),
  openingToleranceMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 60, description: 'How many minutes before its convened time the sitting may open (default 0)' })),
  unconvenedOpeningAllowed: Type.Optional(Type.Boolean({ description: 'Whether the sitting may open while a member is not convened, with a reason the minutes print (default false)' })),
  ballotsPerSeat: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'How many ballots a member may cast for one seat in one vote, changes of mind included (default 20)' })),
  signatureReminderDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, description: 'Days between reminders to the signers of unsigned minutes (default 3)' })),
  signatureEscalationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Days after drafting before unsigned minutes are escalated to ops (default 10)' })),
  letterSignatory: Type.Optional(Type.Object({
    name: NonEmpty(),
    title: NonEmpty(),
  }, { additionalProperties: false, description: 'Who signs the decision and offer letters for the landlord (default: the committee\'s secretariat)' })),
  writtenSessions: Type.Optional(Type.Object({
    allowed: Type.Boolean({ description: 'Whether the internal rules provide for written sessions (default false)' }),
    approval: Type.Optional(Type.Object({
      date: IsoDate,
      reference: NonEmpty(300),
    }, { additionalProperties: false, description: 'The approval of the rules providing for written sessions (the prefect\'s before the 3DS law, or the board\'s): required when allowed' })),
    minWindowHours: Type.Integer({ minimum: 1, maximum: 720 }),
    maxWindowHours: Type.Integer({ minimum: 1, maximum: 720 }),
    extensionMaxHours: Type.Integer({ minimum: 1, maximum: 240, description: 'How much later the one extension may move the close' }),
    minimumParticipation: Type.Number({ minimum: 0, maximum: 1, description: 'Share of an item\'s roster that must vote for it to be decided (at least half)' }),
    reminderHoursBeforeClose: Type.Array(Type.Integer({ minimum: 1, maximum: 720 }), { maxItems: 5, description: 'When members who have not voted are reminded' }),
    earlyCloseAllowed: Type.Boolean({ description: 'Whether the window may close early once every roster member voted' }),
    referralRequests: Type.Integer({ minimum: 1, maximum: 20, description: 'How many voting members\' requests refer an item to a live sitting' }),
    messagesPerItem: Type.Integer({ minimum: 1, maximum: 500, description: 'Messages one person may post on an item\'s debate' }),
  }, { additionalProperties: false, description: 'Written sessions (ordonnance 2014-1329 art. 3); defaults: not allowed, 24 to 120 hours, half, reminders 24 h and 2 h before the close' })),
}, { additionalProperties: false });

export const RulesVersion = Type.Object({ committeeId: Uuid, version: Type.Integer(), rules: RulesInput });

export const CommitteeInput = Type.Object({
  name: NonEmpty(),
  landlord: NonEmpty(),
  timeZone: Type.Optional(NonEmpty(64)),
  members: Type.Optional(Type.Array(MemberInput, { maxItems: 100 })),
  rules: Type.Optional(Type.Partial(RulesInput, { description: 'The internal rules\' choices (version 1); the legal defaults for the others' })),
}, { additionalProperties: false });
export type CommitteeInput = Static<typeof CommitteeInput>;

export const CastVoteInput = Type.Object({
  choice: VoteChoice,
  memberId: Type.Optional(Type.Union([Uuid], { description: 'The member the vote counts for: yourself (default) or a principal whose proxy you hold' })),
}, { additionalProperties: false });

export const AttendanceInput = Type.Object({
  memberId: Uuid,
  present: Type.Boolean(),
}, { additionalProperties: false });

export const PdfSignature = Type.Object({
  baseSha256: Type.String(), sha256: Type.String(), signerName: Type.String(), certificateSha256: Type.String(), timestampedAt: DateTime,
}, { description: 'A PDF signature (PAdES B-T): the revision it extended and made, the signer\'s certificate, the certified time' });

export const SignatureInput = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'The hash of the minutes version being signed', examples: ['9f2c4b1e8a7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b'] }),
  signature: Type.Optional(Type.String({
    pattern: '^[A-Za-z0-9+/]{86}==$',
    examples: [`${'Q2FsZW9sTWludXRlc1NpZ25hdHVyZUV4YW1wbGUw'.repeat(2)}AbCdEf==`],
    description: 'Optional second seal: the base64 Ed25519 signature of "caleol-minutes:v1:<sha256>" with the signer\'s registered key (npx tsx bin/sign-minutes.ts). The PDF signature is made by the server either way.',
  })),
  as: Type.Optional(literals(['chair', 'secretary'] as const)),
}, { additionalProperties: false });

export const AmendmentInput = Type.Object({
  reason: NonEmpty(2000),
  text: Type.String({ minLength: 1, maxLength: 20000, description: 'The correction, as the new version of the minutes records it' }),
}, { additionalProperties: false });

// Query strings are text (the API does not coerce types): the route reads the number.
export const VersionQuery = Type.Object({
  version: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'A version of the minutes; the latest by default' })),
}, { additionalProperties: false });

export const MinutesVerification = Type.Object({
  sessionId: Uuid,
  version: Type.Integer(),
  status: literals(['drafted', 'signed', 'superseded'] as const),
  sha256: Type.String(),
  ok: Type.Boolean({ description: 'The JSON, its hash, the PDF and every signature check out, and every signer the rules name has signed' }),
  problems: Type.Array(Type.String()),
  notes: Type.Optional(Type.Array(Type.String(), { description: 'What could not be checked, and why (a PDF an earlier renderer made is checked by its recorded hash only)' })),
  trailCheckpoint: Type.Optional(Type.Object({
    seq: Type.Integer(), hash: Type.String(), signedAt: Type.String({ format: 'date-time' }), keyId: Type.String(),
  }, { description: 'The audit chain\'s head as signed once the last signature of this version was recorded: the trail up to it cannot be rewritten unseen' })),
});

export const SignerKeyInput = Type.Object({
  publicKeyPem: Type.String({ minLength: 1, maxLength: 4000, description: 'The signer\'s Ed25519 public key, SPKI PEM (npx tsx bin/sign-minutes.ts --generate-key)' }),
  as: Type.Optional(literals(['chair', 'secretary'] as const)),
}, { additionalProperties: false });

export const SignerKey = Type.Object({
  committeeId: Uuid,
  fingerprint: Type.String({ description: 'SHA-256 of the key\'s DER (SPKI)' }),
  signer: Type.String({ description: 'The chair\'s member id, or staff:<subject> for the secretary' }),
  role: literals(['chair', 'secretary'] as const),
  publicKeyPem: Type.String(),
  registeredAt: DateTime,
  revokedAt: Type.Optional(DateTime),
});

export const SignerKeyParams = Type.Object({ id: Uuid, fingerprint: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const ExtractParams = Type.Object({ id: Uuid, candidateId: Uuid });
export const NotificationParams = Type.Object({ id: Uuid, notificationId: Uuid });

export const Notification = Type.Object({
  id: Uuid,
  kind: literals(['decision_letter', 'offer_letter', 'minutes_to_prefect', 'signature_reminder', 'signature_escalation'] as const),
  agendaItemId: Type.Optional(Uuid),
  applicationId: Type.Optional(Uuid),
  channel: literals(['email', 'post'] as const),
  recipient: Type.Optional(Type.String()),
  documentSha256: Type.Optional(Type.String()),
  createdAt: DateTime,
  sentAt: Type.Optional(DateTime),
});

export const Quorum = Type.Object({
  rosterSize: Type.Integer(),
  present: Type.Integer(),
  represented: Type.Integer(),
  required: Type.Integer(),
  reached: Type.Boolean(),
});
const Counts = Type.Object({ for: Type.Integer(), against: Type.Integer(), abstain: Type.Integer() });
const Decision = Type.Object({
  applicationId: Type.String(),
  type: DecisionType,
  rank: Type.Optional(Type.Integer()),
  conditionDocument: Type.Optional(Type.String()),
  conditionDeadline: Type.Optional(Type.String()),
  reasons: Type.Optional(Type.String()),
});
const Opinion = Type.Object({ situation: Type.String(), suitableDwelling: Type.String(), advice: Type.Optional(Type.String()) });

export const VoteTally = Type.Object({
  outcome: literals(['adopted', 'rejected', 'no_decision'] as const),
  decidedBy: Type.String(),
  counts: Counts,
  quorum: Quorum,
  castingVoterId: Type.Optional(Type.String()),
  itemStatus: literals(['pending', 'voting', 'decided', 'deferred'] as const),
  closedAt: DateTime,
});

export const DebateMessage = Type.Object({ seq: Type.Integer(), by: Type.String({ description: 'A member id, or staff:<subject>' }), at: DateTime, text: Type.String() });

export const WrittenWindow = Type.Object({
  opensAt: DateTime,
  closesAt: DateTime,
  openedAt: Type.Optional(DateTime),
  closedAt: Type.Optional(DateTime),
  early: Type.Optional(Type.Boolean()),
  extension: Type.Optional(Type.Object({ from: DateTime, to: DateTime, reason: Type.String(), by: Type.String(), at: DateTime })),
  reminders: Type.Array(Type.Object({ hoursBefore: Type.Integer(), closesAt: DateTime, at: DateTime, memberIds: Type.Array(Type.String()), emailed: Type.Integer() })),
}, { description: 'A written session\'s window' });

export const AgendaItem = Type.Object({
  id: Type.String(),
  kind: literals(['allocation', 'occupancy_review'] as const),
  position: Type.Integer(),
  dwellingId: Type.String(),
  place: Type.Object({ commune: Type.String(), epci: Type.Optional(Type.String()), contingent: Type.Optional(Type.String()) }),
  candidates: Type.Array(Type.Object({ applicationId: Type.String(), rank: Type.Integer() })),
  exception: Type.Optional(Type.String()),
  status: literals(['pending', 'voting', 'decided', 'deferred'] as const),
  conflicts: Type.Array(Type.String()),
  proposal: Type.Optional(Type.Array(Decision)),
  proposedOpinion: Type.Optional(Opinion),
  votes: Type.Record(Type.String(), Type.Object({ choice: VoteChoice, castBy: Type.String(), castAt: DateTime })),
  results: Type.Array(VoteTally),
  decisions: Type.Array(Decision),
  opinion: Type.Optional(Opinion),
  deferral: Type.Optional(Type.Object({ cause: literals(deferralCauses), reason: Type.Optional(Type.String()), by: Type.String() })),
  referredFrom: Type.Optional(Type.Object({ sessionId: Type.String(), reason: Type.String() }, { description: 'An item a written session referred to a live sitting: that session and the reasons given' })),
  roster: Type.Optional(Type.Array(Type.String(), { description: 'Written sessions: the seats (titular member ids) that vote on the item' })),
  participation: Type.Optional(Type.Object({
    rosterSize: Type.Integer(), present: Type.Integer(), represented: Type.Integer(), required: Type.Integer(), reached: Type.Boolean(),
  }, { description: 'Written sessions: the seats that voted so far (in person or by proxy) against the share the rules require' })),
  ballots: Type.Optional(Type.Record(Type.String(), Type.Integer(), { description: 'Written sessions: ballots cast per seat, changes included' })),
  debate: Type.Optional(Type.Array(DebateMessage, { description: 'Written sessions: the debate on the item, in order' })),
  referralRequests: Type.Optional(Type.Array(Type.Object({ memberId: Type.String(), at: DateTime, reason: Type.String() }), { description: 'Written sessions: requests to refer the item to a live sitting' })),
});

export const PostMessageInput = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000, description: 'The message, kept and printed in the minutes' }) }, { additionalProperties: false });
export const ExtendWindowInput = Type.Object({
  closesAt: Type.String({ format: 'date-time', description: 'The new close, later than the current one by at most the rules\' `extensionMaxHours`' }),
  reason: Reason('Why the window is extended'),
}, { additionalProperties: false });

const MemberConvocationView = Type.Object({
  status: Type.Enum(['convened', 'late', 'not_convened'], { description: 'convened in time; convened after the notice began; not convened' }),
  deliveredAt: Type.Optional(DateTime),
  channel: Type.Optional(literals(['email', 'hand_delivery', 'registered_letter'] as const)),
  sequence: Type.Integer({ description: 'The latest version of the agenda the member was sent (0: none)' }),
  failure: Type.Optional(Type.Object({ reason: Type.String(), at: DateTime, attempts: Type.Integer(), retryAt: DateTime })),
});

export const LiveSession = Type.Object({
  sessionId: Uuid,
  committeeId: Uuid,
  rulesVersion: Type.Integer(),
  mode: SessionMode,
  videoProvider: Type.String(),
  timeZone: Type.String(),
  place: Type.Optional(Type.String()),
  phase: SessionPhase,
  scheduledStart: DateTime,
  published: Type.Optional(Type.Object({ sequence: Type.Integer(), at: DateTime, urgencyReason: Type.Optional(Type.String()) })),
  convocations: Type.Record(Type.String(), MemberConvocationView, { description: 'Each convened member\'s convocation, by member id' }),
  sitting: Type.Object({
    openedAt: Type.Optional(DateTime),
    deliberationsStartedAt: Type.Optional(DateTime),
    deliberationsQuorum: Type.Optional(Quorum),
    closedAt: Type.Optional(DateTime),
    unconvened: Type.Optional(Type.Object({ memberIds: Type.Array(Type.String()), reason: Type.String() })),
  }),
  cancellation: Type.Optional(Type.Object({ at: DateTime, by: Type.String(), reason: Type.String(), notified: Type.Boolean() })),
  window: Type.Optional(WrittenWindow),
  members: Type.Array(Type.Object({
    id: Type.String(),
    role: MemberRole,
    commune: Type.Optional(Type.String()),
    epci: Type.Optional(Type.String()),
    substituteFor: Type.Optional(Type.String()),
    contingent: Type.Optional(Type.String()),
    chair: Type.Boolean(),
  })),
  agenda: Type.Array(AgendaItem),
  attendance: Type.Record(Type.String(), Type.Object({ present: Type.Boolean(), since: DateTime, how: Type.String() })),
  proxies: Type.Record(Type.String(), Type.String()),
  quorum: Quorum,
  openVote: Type.Optional(Type.Object({ itemId: Type.String(), openedAt: DateTime, quorum: Quorum, counts: Counts, votesCast: Type.Integer() })),
  meeting: Type.Optional(Type.Object({
    id: Type.Integer(), uuid: Type.String(), startedAt: Type.Optional(Type.String()), endedAt: Type.Optional(Type.String()), reconciledAt: Type.Optional(Type.String()),
  })),
  participants: Type.Array(Type.Object({
    key: Type.String(), memberId: Type.Optional(Type.String()), guestName: Type.Optional(Type.String()), joinedAt: Type.Optional(Type.String()), leftAt: Type.Optional(Type.String()),
  })),
  participantMappings: Type.Record(Type.String(), Type.String()),
  withoutQuorum: Type.Boolean(),
  reconvenedFrom: Type.Optional(Type.String()),
  reconvenedAs: Type.Optional(Type.String()),
  minutes: Type.Optional(Type.Object({
    status: literals(['drafted', 'signed'] as const),
    version: Type.Integer(),
    sha256: Type.String(),
    signatures: Type.Array(Type.Object({ memberId: Type.String(), role: Type.String(), signedAt: DateTime, keyFingerprint: Type.Optional(Type.String()), pdf: Type.Optional(PdfSignature) })),
    amendments: Type.Optional(Type.Array(Type.Object({ version: Type.Integer(), at: DateTime, by: Type.String(), reason: Type.String(), text: Type.String() }))),
    redrafting: Type.Optional(Type.Boolean()),
    pdfHead: Type.Optional(Type.String({ description: 'SHA-256 of the PDF bearing this version\'s signatures so far' })),
  })),
  lastProgressAt: DateTime,
});

export const PhaseAnswer = Type.Object({ phase: SessionPhase });
export const QuorumAnswer = Type.Object({ quorum: Quorum });
export const CountsAnswer = Type.Object({ counts: Counts });

export const Minutes = Type.Object({
  sessionId: Uuid,
  version: Type.Integer(),
  status: literals(['drafted', 'signed', 'superseded'] as const),
  sha256: Type.String(),
  pdfSha256: Type.Optional(Type.String({ description: 'SHA-256 of the PDF rendering' })),
  document: Type.Record(Type.String(), Type.Unknown()),
  signatures: Type.Array(Type.Object({
    signer: Type.String(), role: Type.String(), sha256: Type.String(), signedAt: DateTime,
    signature: Type.Optional(Type.String()), keyFingerprint: Type.Optional(Type.String()),
    pdfSha256: Type.Optional(Type.String()), signerName: Type.Optional(Type.String()),
    certificateSha256: Type.Optional(Type.String()), timestampedAt: Type.Optional(DateTime),
  })),
  signedPdfSha256: Type.Optional(Type.String({ description: 'SHA-256 of the PDF with the signatures so far (Accept: application/pdf gives it)' })),
});

export const OpenVoteAnswer = Type.Object({ quorum: Quorum, warnings: Type.Array(Type.String()) });

export const ParticipantMappingInput = Type.Object({
  participantKey: Type.String({ minLength: 1, maxLength: 200, description: 'The join session as the session state lists it (Zoom\'s participant user id)' }),
  memberId: Uuid,
}, { additionalProperties: false });
