import type { PictogramName } from '../../components/icons/Pictogram.js';

/**
 * The picture story that introduces recording and the Samenleerwijzer to clients: six panels,
 * each drawn from the app's own pictograms, with a caption under `explainer.client.panels.<id>`
 * in every client language. The same panels show on the professional's explainer page.
 */
export const storyPanels = [
  { id: 'people', pictograms: ['person', 'speechBubble'] },
  { id: 'recording', pictograms: ['video', 'microphone'] },
  { id: 'locked', pictograms: ['lock', 'shield'] },
  { id: 'coach', pictograms: ['personAndCoach', 'eye'] },
  { id: 'together', pictograms: ['group', 'themeCollaboration'] },
  { id: 'no', pictograms: ['noRecording', 'check'] },
] as const satisfies readonly { id: string; pictograms: readonly PictogramName[] }[];

export type StoryPanelId = (typeof storyPanels)[number]['id'];

/** Where "done" leads: only back into the client's own pages, never to another address. */
export function explainerReturnPath(value: string | null): string {
  return value && /^\/klant(\/[A-Za-z0-9/_-]*)?$/.test(value) ? value : '/klant';
}

export const clientExplainerPath = '/klant/uitleg';

export function clientExplainerLink(returnTo: string): string {
  return `${clientExplainerPath}?terug=${encodeURIComponent(returnTo)}`;
}
