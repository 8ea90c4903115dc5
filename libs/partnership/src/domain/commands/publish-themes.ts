import type { PublishThemes } from '../partnership.commands';
import { ThemeDuplicated, ThemesRequired } from '../partnership.errors';
import type { ThemeListPublished } from '../partnership.events';
import type { PartnershipState } from '../partnership.state';
import { firstDuplicate, trimmedNames } from '../text';
import { registered } from './registered';

/** Publishes the whole list as the next taxonomy version; the previous list stays in history. */
export function publishThemes(command: PublishThemes, state: PartnershipState): readonly ThemeListPublished[] {
  const partnership = registered(command, state);
  const themes = trimmedNames(command.data.themes);
  if (!themes) throw new ThemesRequired();
  const duplicate = firstDuplicate(themes);
  if (duplicate !== undefined) throw new ThemeDuplicated(duplicate);
  return [
    {
      type: 'ThemeListPublished',
      data: { partnershipId: partnership.partnershipId, taxonomyVersion: partnership.taxonomyVersion + 1, themes },
    },
  ];
}
