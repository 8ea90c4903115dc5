import type { Command } from '@ledger/event-sourcing';

type Id = { readonly challengeId: string };

export type RaiseChallenge = Command<
  'RaiseChallenge',
  Id & {
    readonly partnershipId: string;
    readonly toAgencyId: string;
    readonly subject: string;
    readonly detail: string;
    readonly responseDueDate: string;
  }
>;
export type AcknowledgeChallenge = Command<'AcknowledgeChallenge', Id>;
export type RespondToChallenge = Command<'RespondToChallenge', Id & { readonly response: string }>;
export type AcceptResponse = Command<'AcceptResponse', Id>;
export type RejectResponse = Command<'RejectResponse', Id & { readonly reason: string }>;
/** `level` is a string so an unchecked value is refused by the decider, not trusted by type. */
export type EscalateChallenge = Command<'EscalateChallenge', Id & { readonly level: string; readonly reason: string }>;
export type ResolveChallenge = Command<'ResolveChallenge', Id & { readonly outcome: string }>;
export type WithdrawChallenge = Command<'WithdrawChallenge', Id & { readonly reason: string }>;
export type CloseChallenge = Command<'CloseChallenge', Id>;
export type LinkAction = Command<'LinkAction', Id & { readonly actionId: string }>;

export type ChallengeCommand =
  | RaiseChallenge
  | AcknowledgeChallenge
  | RespondToChallenge
  | AcceptResponse
  | RejectResponse
  | EscalateChallenge
  | ResolveChallenge
  | WithdrawChallenge
  | CloseChallenge
  | LinkAction;
