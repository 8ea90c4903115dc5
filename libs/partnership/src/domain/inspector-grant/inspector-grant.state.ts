/** No grant yet on this stream. */
export interface NoGrant {
  readonly status: 'none';
}

export interface GrantedAccess {
  readonly status: 'granted';
  readonly grantId: string;
  readonly partnershipId: string;
  readonly inspectorId: string;
  readonly from: string;
  readonly until: string;
}

export interface RevokedAccess extends Omit<GrantedAccess, 'status'> {
  readonly status: 'revoked';
}

export type InspectorGrantState = NoGrant | GrantedAccess | RevokedAccess;
