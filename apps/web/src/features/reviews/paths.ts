const enc = encodeURIComponent;

export const reviewPaths = {
  room: (recordingId: string) => `/opnames/${enc(recordingId)}/bekijken`,
  report: (recordingId: string) => `/opnames/${enc(recordingId)}/verslag`,
  received: '/gedeeld',
  policy: '/kijk-met-ons-mee',
  policyShare: (shareId: string) => `/kijk-met-ons-mee/${enc(shareId)}`,
  feedbackGuide: '/zo-geef-je-feedback',
  anonymousPoints: '/punten-zonder-naam',
  shared: (shareId: string) => `/gedeeld/${enc(shareId)}`,
  meeting: (shareId: string) => `/gedeeld/${enc(shareId)}/nagesprek`,
  clientTalk: (shareId: string) => `/gedeeld/${enc(shareId)}/clientgesprek`,
  groups: '/intervisie',
  guideAdmin: '/beheer/kijkwijzer',
  clientTalks: '/klant/nabespreken',
} as const;
