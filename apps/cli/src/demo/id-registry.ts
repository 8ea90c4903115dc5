export type IdKind = 'agency' | 'source' | 'finding' | 'recommendation' | 'action' | 'challenge';

/** Scenario keys → the ids the API handed back. Asking for a key not yet loaded is a loader bug. */
export class IdRegistry {
  private readonly ids = new Map<string, string>();

  constructor(readonly partnershipId: string) {}

  set(kind: IdKind, key: string, id: string): void {
    this.ids.set(`${kind}:${key}`, id);
  }

  get(kind: IdKind, key: string): string {
    const id = this.ids.get(`${kind}:${key}`);
    if (id === undefined) throw new Error(`demo loader: no ${kind} id for scenario key '${key}'`);
    return id;
  }

  count(kind: IdKind): number {
    return [...this.ids.keys()].filter((entry) => entry.startsWith(`${kind}:`)).length;
  }
}
