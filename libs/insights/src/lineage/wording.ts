import { formatDay, formatInstant } from '../calendar/london-dates';
import type { Stamp } from '../ledger/ledger-model';

/** " by the QA subgroup" for a forum, "" for none; a forum that starts with an article keeps it. */
export function byForum(forum: string | null): string {
  if (forum === null || forum.trim() === '') return '';
  return /^(the|a|an)\s/i.test(forum) ? ` by ${forum}` : ` by the ${forum}`;
}

/** "verified by the QA subgroup on 2 Mar 2026". */
export function done(verb: string, stamp: Stamp): string {
  return `${verb}${byForum(stamp.forum)} on ${formatInstant(stamp.at)}`;
}

export function on(stamp: Stamp): string {
  return `on ${formatInstant(stamp.at)}`;
}

export const day = formatDay;

/** "1 piece of evidence", "2 pieces of evidence". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1", "1 and 2", "1, 2 and 3". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.]+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

export function quoted(text: string): string {
  return `“${text}”`;
}
