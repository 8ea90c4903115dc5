/**
 * NHS number check digit (modulus 11): weights 10..2 over the first nine digits; 11 − (sum mod 11)
 * is the tenth digit, 11 reads as 0, and 10 means the nine digits make no valid number.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Ten digits written `3 3 4`, spaced, hyphenated or run together, not part of a longer number. */
const CANDIDATE = /(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])/g;

/** Whether the text holds something that passes as an NHS number. */
export function containsNhsNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (isValidNhsNumber(`${match[1]}${match[3]}${match[4]}`)) return true;
  }
  return false;
}
