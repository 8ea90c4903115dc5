import { REDACTED, isRedactableText } from '../domain/redaction/redactable-text';
import { ERASED_NAME, referenceOf, type PersonView } from './person.view';
import type { Redaction } from './redaction-register';

/** What a view may disclose of this partnership: its people as they read now, and its redactions. */
export interface Disclosure {
  readonly people: ReadonlyMap<string, PersonView>;
  readonly redactions: readonly Redaction[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys whose value, when it is a person id, gets the resolved person beside it (under the mapped key). */
const PERSON_REFERENCE_KEYS: ReadonlyMap<string, string> = new Map([
  ['owner', 'ownerPerson'],
  ['ownerPersonId', 'ownerPerson'],
  ['personId', 'person'],
]);

/**
 * Applies people and redactions to any JSON a read answers (an item, a list, a history, the
 * timeline, an as-of view, lineage): pure, so every view goes through the same rules.
 * - an object with a person's `ciphertext` loses it and shows the person's name, or `[erased]`;
 * - `owner` (and `personId`) naming a person gains `ownerPerson: { id, name, erased }`;
 * - a history or timeline entry of a redacted event shows `[redacted]` in the field, and anywhere
 *   else the redacted text appears (read models copy it) it is replaced too; objects that lost
 *   text say `redacted: true`.
 */
export function applyDisclosure<T>(value: T, disclosure: Disclosure): T {
  if (disclosure.people.size === 0 && disclosure.redactions.length === 0) return value;
  const byEvent = new Map<string, Set<string>>();
  for (const redaction of disclosure.redactions) {
    byEvent.set(redaction.eventId, (byEvent.get(redaction.eventId) ?? new Set()).add(redaction.field));
  }
  const texts = disclosure.redactions.map((r) => r.original).filter((text): text is string => isRedactableText(text));
  const walk = (node: Json): Json => {
    if (typeof node === 'string') return redactText(node, texts).text;
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object' || !isPlainObject(node)) return node;
    return walkObject(node);
  };
  const walkObject = (node: { [key: string]: Json }): Json => {
    const out: { [key: string]: Json } = {};
    let redacted = false;
    const exact = typeof node['eventId'] === 'string' ? byEvent.get(node['eventId']) : undefined;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'data' && exact && child !== null && typeof child === 'object' && !Array.isArray(child)) {
        const data: { [key: string]: Json } = { ...(walk(child) as { [key: string]: Json }) };
        for (const field of exact) if (field in data) data[field] = REDACTED;
        out[key] = { ...data, redacted: true, redactedFields: [...exact] };
        redacted = true;
        continue;
      }
      if (typeof child === 'string') {
        const result = redactText(child, texts);
        out[key] = result.text;
        redacted ||= result.changed;
        continue;
      }
      out[key] = walk(child);
    }
    personalise(node, out, disclosure.people);
    if (redacted) out['redacted'] = true;
    return out;
  };
  return walk(value as Json) as T;
}

function isPlainObject(node: object): boolean {
  const prototype = Object.getPrototypeOf(node) as object | null;
  return prototype === Object.prototype || prototype === null;
}

function personalise(node: { [key: string]: Json }, out: { [key: string]: Json }, people: ReadonlyMap<string, PersonView>): void {
  const ciphertextOwner = typeof node['ciphertext'] === 'string' && typeof node['personId'] === 'string' ? node['personId'] : null;
  if (ciphertextOwner !== null) {
    const person = people.get(ciphertextOwner);
    delete out['ciphertext'];
    out['name'] = person?.name ?? ERASED_NAME;
    out['erased'] = person?.erased ?? true;
  }
  for (const [key, target] of PERSON_REFERENCE_KEYS) {
    const id = node[key];
    const person = typeof id === 'string' ? people.get(id) : undefined;
    if (person) out[target] = { ...referenceOf(person) };
  }
}

/** Replaces every occurrence of a redacted text in `text` (a cell, a CSV body, a JSON string). */
export function redactText(text: string, originals: readonly string[]): { text: string; changed: boolean } {
  let result = text;
  for (const original of originals) if (result.includes(original)) result = result.split(original).join(REDACTED);
  return { text: result, changed: result !== text };
}

/** A name that can stand in a CSV cell or a plain-text line without quoting. */
const PLAIN = /^[^",\r\n]*$/;

/**
 * The same rules for text bodies (CSV exports): redacted texts become `[redacted]`, person ids
 * become the person's name (or `[erased]`) where the name needs no quoting.
 */
export function applyDisclosureToText(text: string, disclosure: Disclosure): string {
  const originals = disclosure.redactions.map((r) => r.original).filter((original): original is string => isRedactableText(original));
  let result = redactText(text, originals).text;
  for (const [id, person] of disclosure.people) {
    if (result.includes(id) && PLAIN.test(person.name)) result = result.split(id).join(person.name);
  }
  return result;
}
