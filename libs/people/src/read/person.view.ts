/** A person as every view shows them: their details while the key lives, `[erased]` after. */
export type PersonView =
  | {
      readonly id: string;
      readonly erased: false;
      readonly name: string;
      readonly email: string | null;
      readonly phone: string | null;
      readonly role: string | null;
      readonly agencyId: string | null;
    }
  | { readonly id: string; readonly erased: true; readonly name: '[erased]'; readonly agencyId: string | null };

export const ERASED_NAME = '[erased]';

/** What a reference to a person shows inside other items (an action's owner, a history entry). */
export interface PersonReference {
  readonly id: string;
  readonly name: string;
  readonly erased: boolean;
}

export function referenceOf(person: PersonView): PersonReference {
  return { id: person.id, name: person.name, erased: person.erased };
}
