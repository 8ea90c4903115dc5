import { CiphertextUnreadable, openPersonDetails } from '../crypto/envelope-cipher';
import type { PersonKeyStore } from '../keys/person-key-store';
import type { Queryable } from '../application/people-ports';
import { ERASED_NAME, referenceOf, type PersonReference, type PersonView } from './person.view';

interface PersonRow {
  readonly stream_id: string;
  readonly event_type: string;
  readonly data: { readonly personId: string; readonly agencyId?: string | null; readonly ciphertext?: string };
}

/**
 * The one place people are resolved for reading (ADR 0013): the registry's list and items, action
 * owners, histories, the timeline and exports all ask here. Decryption happens on this read path;
 * a person whose key is gone (or who was forgotten) reads as `{ erased: true, name: "[erased]" }`.
 */
export class PeopleDirectory {
  constructor(
    private readonly db: Queryable,
    private readonly keys: PersonKeyStore,
  ) {}

  /** Ids of the partnership's people (cheap: one index lookup, nothing decrypted). */
  async ids(partnershipId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ person_id: string }>(
      'SELECT person_id FROM person_keys WHERE partnership_id = $1 ORDER BY created_at, person_id',
      [partnershipId],
    );
    return rows.map((row) => row.person_id);
  }

  /** Every person of the partnership, in registration order. */
  async list(partnershipId: string): Promise<PersonView[]> {
    return [...(await this.resolve(partnershipId, await this.ids(partnershipId))).values()];
  }

  async get(partnershipId: string, personId: string): Promise<PersonView | undefined> {
    return (await this.resolve(partnershipId, [personId])).get(personId);
  }

  /** Display names for owner columns and the like: id → reference, for the ids that are people. */
  async references(partnershipId: string, ids: readonly string[]): Promise<Map<string, PersonReference>> {
    const people = await this.resolve(partnershipId, ids.filter(isUuid));
    return new Map([...people].map(([id, person]) => [id, referenceOf(person)]));
  }

  /** The people among `personIds` registered in this partnership, decrypted where their key lives. */
  async resolve(partnershipId: string, personIds: readonly string[]): Promise<Map<string, PersonView>> {
    const people = new Map<string, PersonView>();
    if (personIds.length === 0) return people;
    const { rows } = await this.db.query<PersonRow>(
      `SELECT stream_id, event_type, data FROM events
        WHERE stream_id = ANY($1::text[]) AND partnership_id = $2 ORDER BY global_position`,
      [personIds.map((id) => `person-${id}`), partnershipId],
    );
    const registered = new Map<string, { agencyId: string | null; ciphertext: string }>();
    const forgotten = new Set<string>();
    for (const row of rows) {
      if (row.event_type === 'PersonRegistered') {
        registered.set(row.data.personId, { agencyId: row.data.agencyId ?? null, ciphertext: row.data.ciphertext ?? '' });
      } else if (row.event_type === 'PersonForgotten') forgotten.add(row.data.personId);
    }
    const keys = await this.keys.getMany([...registered.keys()]);
    for (const personId of personIds) {
      const entry = registered.get(personId);
      if (!entry) continue;
      const key = keys.get(personId);
      const erased: PersonView = { id: personId, erased: true, name: ERASED_NAME, agencyId: entry.agencyId };
      if (forgotten.has(personId) || key?.status !== 'live') {
        people.set(personId, erased);
        continue;
      }
      try {
        const details = openPersonDetails(key.dataKey, personId, entry.ciphertext);
        people.set(personId, {
          id: personId,
          erased: false,
          name: details.name,
          email: details.email ?? null,
          phone: details.phone ?? null,
          role: details.role ?? null,
          agencyId: entry.agencyId,
        });
      } catch (error) {
        if (!(error instanceof CiphertextUnreadable)) throw error;
        people.set(personId, erased);
      }
    }
    return people;
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
