/** The people context's events as stored (schema version 1), JSON as written to `events.data`. */

export interface PersonRegisteredV1 {
  readonly partnershipId: string;
  readonly personId: string;
  readonly agencyId: string | null;
  /** `v1.<base64 of iv ‖ GCM tag ‖ AES-256-GCM ciphertext>` of the person's details, under their data key. */
  readonly ciphertext: string;
}

export interface PersonForgottenV1 {
  readonly partnershipId: string;
  readonly personId: string;
  readonly reason: string;
}

export interface FieldRedactedV1 {
  readonly partnershipId: string;
  readonly redactionId: string;
  readonly streamId: string;
  readonly eventId: string;
  readonly field: string;
  readonly reason: string;
}
