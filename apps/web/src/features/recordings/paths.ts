/** The recording's own page. */
export function recordingPath(recordingId: string): string {
  return `/opnames/${encodeURIComponent(recordingId)}`;
}

/** The conversation's page (clients feature), where recording and uploading start. */
export function conversationPath(conversationId: string): string {
  return `/gesprekken/${encodeURIComponent(conversationId)}`;
}
