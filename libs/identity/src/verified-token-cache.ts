import type { Principal } from './principal';

/** Entries kept at most; past this the oldest is dropped (a Map iterates in insertion order). */
const DEFAULT_CAPACITY = 10_000;

interface Entry {
  readonly principal: Principal;
  /** The token's `exp`, in milliseconds since the epoch. */
  readonly expiresAtMs: number;
}

/**
 * Principals of tokens that were verified already, by the raw token string, until the token's own
 * `exp`. Only for verifiers whose answer is a pure function of the token and the time (a fixed
 * key): a signature that verified once verifies again, `nbf` once passed stays passed, and `exp`
 * is checked here on every hit exactly as jose does (valid while now < exp), so a cached token
 * never outlives its expiry. Refusals are never cached.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A copy of the cached principal, or undefined when unknown or expired (an expired entry is dropped). */
  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.nowMs() >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return copy(entry.principal);
  }

  /** Remembers a verified token until `exp` (seconds since the epoch, as in the claim). */
  set(token: string, principal: Principal, exp: number | undefined): void {
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return;
    const expiresAtMs = exp * 1000;
    if (this.nowMs() >= expiresAtMs) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal: copy(principal), expiresAtMs });
  }
}

/** Callers get their own arrays, so nothing they do to a principal reaches the cache. */
function copy(principal: Principal): Principal {
  return { ...principal, roles: [...principal.roles], partnerships: [...principal.partnerships] };
}
