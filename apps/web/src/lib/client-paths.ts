const enc = encodeURIComponent;

/** Client pages of client feedback (all under /klant, the client's own part of the app). */
export const clientFeedbackPaths = {
  conversation: (id: string) => `/klant/samenleergesprek/${enc(id)}`,
  summary: (id: string) => `/klant/samenleergesprek/${enc(id)}/samenvatting`,
  check: (id: string) => `/klant/check/${enc(id)}`,
  followUp: (id: string) => `/klant/terugkoppeling/${enc(id)}`,
};
