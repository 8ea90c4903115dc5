/** Each action is one stream, `action-<uuid>`. */
export const ACTION_STREAM_PREFIX = 'action-';

export const actionStreamId = (actionId: string): string => `${ACTION_STREAM_PREFIX}${actionId}`;

/** The action id of an `action-<uuid>` stream, or null for any other stream. */
export function actionIdOfStream(streamId: string): string | null {
  return streamId.startsWith(ACTION_STREAM_PREFIX) ? streamId.slice(ACTION_STREAM_PREFIX.length) : null;
}
