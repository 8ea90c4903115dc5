import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import type { RecordFinding } from './source.commands';
import {
  EnablerDuplicated,
  EnablerUnknown,
  FindingAlreadyRecorded,
  FindingSummaryRequired,
  ThemeDuplicated,
  ThemeInvalid,
} from './source.errors';
import type { FindingRecorded } from './source.events';
import type { SourceState } from './source.state';
import { isEnabler, type Enabler } from './source.values';

const THEME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "  Information Sharing " → "information-sharing"; anything else that is not kebab-case is refused. */
export function normaliseTheme(theme: string): string {
  return theme
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function themesOf(raw: readonly string[]): string[] {
  const themes: string[] = [];
  for (const entry of raw) {
    const theme = normaliseTheme(entry);
    if (!THEME.test(theme)) throw new ThemeInvalid(entry);
    if (themes.includes(theme)) throw new ThemeDuplicated(theme);
    themes.push(theme);
  }
  return themes;
}

function enablersOf(raw: readonly string[]): Enabler[] {
  const enablers: Enabler[] = [];
  for (const enabler of raw) {
    if (!isEnabler(enabler)) throw new EnablerUnknown(enabler);
    if (enablers.includes(enabler)) throw new EnablerDuplicated(enabler);
    enablers.push(enabler);
  }
  return enablers;
}

export function recordFinding(command: RecordFinding, state: SourceState): FindingRecorded[] {
  if (state.status === 'initial') throw new NotFound('source', command.data.sourceId);
  if (state.status === 'closed') throw new IllegalTransition('source', state.status, command.type);
  const { findingId, goodPractice } = command.data;
  if (state.findingIds.includes(findingId)) throw new FindingAlreadyRecorded(findingId);
  const summary = command.data.summary.trim();
  if (summary === '') throw new FindingSummaryRequired();
  const themes = themesOf(command.data.themes);
  const enablers = enablersOf(command.data.enablers);
  return [{ type: 'FindingRecorded', data: { sourceId: state.sourceId, findingId, summary, themes, enablers, goodPractice } }];
}
