import { Injectable } from '@nestjs/common';
import { applyDisclosure, applyDisclosureToText, PeopleDirectory, RedactionRegister, type Disclosure } from '@ledger/people';

/**
 * The one call every read path makes before answering (ADR 0013): people decrypted or shown as
 * `[erased]`, owners resolved (`ownerPerson`), redacted text shown as `[redacted]`. The
 * DisclosureInterceptor applies it to every JSON and text answer; builders of files that bypass
 * it (`@Res()` exports: CSV, XLSX, the inspection pack) call `disclose` on their rows first.
 */
@Injectable()
export class DisclosureService {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly redactions: RedactionRegister,
  ) {}

  /**
   * What may be disclosed of the partnership, for the people and texts `seen()` mentions; undefined
   * when the partnership has no people and no redactions, so an answer passes untouched (and large
   * answers are not serialised twice).
   */
  async disclosureFor(partnershipId: string, seen: () => string): Promise<Disclosure | undefined> {
    const [ids, redactions] = await Promise.all([this.people.ids(partnershipId), this.redactions.list(partnershipId)]);
    if (ids.length === 0 && redactions.length === 0) return undefined;
    const text = seen();
    const mentioned = ids.filter((id) => text.includes(id));
    return { people: await this.people.resolve(partnershipId, mentioned), redactions };
  }

  /** Any JSON value (rows, an item, a history), disclosed. */
  async disclose<T>(partnershipId: string, value: T): Promise<T> {
    const disclosure = await this.disclosureFor(partnershipId, () => JSON.stringify(value));
    return disclosure ? applyDisclosure(value, disclosure) : value;
  }

  /** A text body (CSV), disclosed. */
  async discloseText(partnershipId: string, text: string): Promise<string> {
    const disclosure = await this.disclosureFor(partnershipId, () => text);
    return disclosure ? applyDisclosureToText(text, disclosure) : text;
  }
}
