import { isValidNhsNumber } from './nhs-number';
import { screenCommandBody, screenText, type PersonalDataKind } from './personal-data-screener';

/** Synthetic values only: NHS numbers from the 999 test range, made-up names, example streets. */
const kindsOf = (text: string): PersonalDataKind[] => screenText('narrative', text).map((warning) => warning.kind);

describe('isValidNhsNumber (modulus 11)', () => {
  it.each(['9990079196', '9990237573', '9990316767', '9990395950', '9990475148'])('accepts %s', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(true);
  });
  it.each([
    ['a wrong check digit', '9990079197'],
    ['a check digit that would be 10', '9991234560'],
    ['nine digits', '999007919'],
    ['letters', '99900791AB'],
  ])('refuses %s', (_label, digits) => {
    expect(isValidNhsNumber(digits)).toBe(false);
  });
});

describe('screenText', () => {
  const positives: readonly [string, string, PersonalDataKind][] = [
    ['an NHS number run together', 'Discussed case 9990079196 at panel.', 'nhs-number'],
    ['an NHS number spaced 3-3-4', 'NHS no. 999 023 7573 was shared.', 'nhs-number'],
    ['an NHS number hyphenated', 'Ref 999-031-6767 in the notes.', 'nhs-number'],
    ['DOB and a slashed date', 'Child DOB 01/02/2015 attended.', 'date-of-birth'],
    ['d.o.b: and an ISO date', 'd.o.b: 2016-03-04', 'date-of-birth'],
    ['date of birth and a written date', 'date of birth 3rd March 2015', 'date-of-birth'],
    ['born on a date', 'The child was born on 12.06.2014.', 'date-of-birth'],
    ['born in a year', 'A sibling born in 2019 was not seen.', 'date-of-birth'],
    ['a name with a date in brackets', 'Pat Example (01/02/2015) was not seen.', 'date-of-birth'],
    ['a name, a comma and a written date', 'Sam Sample, 4 May 2016, moved school.', 'date-of-birth'],
    ['a postcode', 'Family moved to ZZ99 3CZ last year.', 'address'],
    ['a London-style postcode', 'Seen at SW1A 1AA.', 'address'],
    ['a house number and a street', 'Visit to 12 Acacia Avenue was missed.', 'address'],
    ['a house number with a letter and a road', 'Lives at 4a, Station Road now.', 'address'],
  ];
  it.each(positives)('warns about %s', (_label, text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  const negatives: readonly [string, string][] = [
    ['an ordinary narrative', 'Draft protocol circulated to all agencies for comment.'],
    ['a target date', 'Target date moved to 31/03/2027 after the panel.'],
    ['an ISO target date with no DOB marker', 'Due 2027-06-30, reviewed quarterly.'],
    ['a review reference', 'Rapid review RR-2025-01 found gaps.'],
    ['a source reference with a year', 'LCSPR-2025-02 recommendation 3.'],
    ['an agency with a date', 'Northshire Constabulary, 31/03/2026 deadline agreed.'],
    ['a meeting with a date', 'Board Meeting (12/03/2025) agreed the plan.'],
    ['a percentage and a count', '90% of staff trained; 9 of 10 cases shared in time.'],
    ['a phone-length number', 'Call 01632 960001 for the duty desk.'],
    ['an invalid NHS-like number', 'Reference 999 123 4560 in the register.'],
    ['eleven digits', 'Batch 99900791960 processed.'],
    ['a number of working days', 'Within 15 working days of notification.'],
    ['born without a date', 'A culture born of mutual challenge.'],
  ];
  it.each(negatives)('stays quiet about %s', (_label, text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('reports each kind once, names the field and never echoes the text', () => {
    const warnings = screenText('detail', 'DOB 01/02/2015, NHS 999 007 9196, 12 Acacia Avenue, ZZ99 3CZ, 999 023 7573');
    expect(warnings.map((w) => w.kind)).toEqual(['nhs-number', 'date-of-birth', 'address']);
    for (const warning of warnings) {
      expect(warning.field).toBe('detail');
      expect(warning.message).toMatch(/^detail /);
      expect(warning.message).not.toMatch(/\d/);
    }
  });
});

describe('screenCommandBody', () => {
  it('screens the free-text fields and ignores the rest', () => {
    const warnings = screenCommandBody({
      description: 'Visit to 12 Acacia Avenue',
      reason: 'DOB 01/02/2015',
      owner: '9990079196',
      targetDate: '2027-01-01',
    });
    expect(warnings.map(({ field, kind }) => ({ field, kind }))).toEqual([
      { field: 'description', kind: 'address' },
      { field: 'reason', kind: 'date-of-birth' },
    ]);
  });

  it.each([null, 'text', ['DOB 01/02/2015'], 42])('answers nothing for a body that is not an object (%p)', (body) => {
    expect(screenCommandBody(body)).toEqual([]);
  });
});
