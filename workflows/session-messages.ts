// The session workflow's updates (people's commands, answered), its query and its signal (the
// meeting's events). Shared by the workflow and the API, which sends them.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { QuorumSnapshot, VoteCounts } from '../domain/rules/index.ts';
import type {
  AddAgendaItem, AmendMinutes, CancelSession, CastVote, CloseSession, CloseVote, DeclareConflict, DeferItem, MapParticipant, OpenSession,
  OpenVote, PublishAgenda, RecordAttendance, RecordConvocationDelivery, RegisterProxy, RemoveAgendaItem, RevokeProxy, SignMinutes, PostMessage, ExtendWindow,
} from '../domain/session/commands.ts';
import type { SessionPhase } from '../domain/session/phases-and-modes.ts';
import type { AgendaItemState, DebateMessage, MeetingEvent, MemberConvocation, MinutesState, SessionState, VoteResult, WrittenWindow } from '../domain/session/state.ts';

export interface OpenVoteAnswer { quorum: QuorumSnapshot; warnings: string[] }

export const addAgendaItem = defineUpdate<AgendaItemState, [AddAgendaItem]>('addAgendaItem');
export const removeAgendaItem = defineUpdate<void, [RemoveAgendaItem]>('removeAgendaItem');
export const publishAgenda = defineUpdate<SessionPhase, [PublishAgenda]>('publishAgenda');
export const recordConvocationDelivery = defineUpdate<MemberConvocation, [RecordConvocationDelivery]>('recordConvocationDelivery');
export const cancelSession = defineUpdate<SessionPhase, [CancelSession]>('cancelSession');
export const registerProxy = defineUpdate<Record<string, string>, [RegisterProxy]>('registerProxy');
export const revokeProxy = defineUpdate<Record<string, string>, [RevokeProxy]>('revokeProxy');
export const declareConflict = defineUpdate<QuorumSnapshot, [DeclareConflict]>('declareConflict');
export const openSession = defineUpdate<SessionPhase, [OpenSession]>('openSession');
export const recordAttendance = defineUpdate<QuorumSnapshot, [RecordAttendance]>('recordAttendance');
export const mapParticipant = defineUpdate<QuorumSnapshot, [MapParticipant]>('mapParticipant');
export const openVote = defineUpdate<OpenVoteAnswer, [OpenVote]>('openVote');
export const castVote = defineUpdate<VoteCounts, [CastVote]>('castVote');
export const closeVote = defineUpdate<VoteResult, [CloseVote]>('closeVote');
export const referItem = defineUpdate<AgendaItemState, [DeferItem]>('referItem');
export const deferItem = defineUpdate<AgendaItemState, [DeferItem]>('deferItem');
export const closeSession = defineUpdate<SessionPhase, [CloseSession]>('closeSession');
export const signMinutes = defineUpdate<SessionPhase, [SignMinutes]>('signMinutes');
export const amendMinutes = defineUpdate<MinutesState, [AmendMinutes]>('amendMinutes');
export const postMessage = defineUpdate<DebateMessage, [PostMessage]>('postMessage');
export const extendWindow = defineUpdate<WrittenWindow, [ExtendWindow]>('extendWindow');

export const getSessionState = defineQuery<SessionState>('getSessionState');
export const zoomEvent = defineSignal<[MeetingEvent]>('zoomEvent');
