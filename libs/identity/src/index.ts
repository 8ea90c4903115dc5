export * from './roles';
export * from './principal';
export * from './token.service';
export * from './token-verifier';
export * from './oidc-claims';
export * from './oidc-token.verifier';
export * from './composite-token.verifier';
export * from './permissions';
