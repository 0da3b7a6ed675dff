import type { Locale } from './api/auth.js';

export interface ClientLinkEmailInput {
  organisationName: string;
  professionalName: string;
  link: string;
}

export interface ClientLinkEmail {
  subject: string;
  text: string;
}

/**
 * The e-mail that brings a client their personal link. It holds the link only, never the code
 * (that stays on paper), and says nothing about what the client and the professional discuss:
 * anyone who reads the mailbox must learn nothing from it.
 */
const clientLinkEmailTexts: Record<Locale, (input: ClientLinkEmailInput) => ClientLinkEmail> = {
  nl: ({ organisationName, professionalName, link }) => ({
    subject: 'Uw persoonlijke link voor Spreekkamer',
    text: [
      'Goedendag,',
      '',
      `${professionalName} van ${organisationName} stuurt u uw persoonlijke link voor Spreekkamer.`,
      '',
      'Open deze link:',
      link,
      '',
      `U heeft ook uw code nodig. Die staat op het papier dat u kreeg. Heeft u geen code? Vraag het aan ${professionalName}.`,
      '',
      'De link is alleen voor u. Stuur deze e-mail niet door.',
      'Deze e-mail is automatisch verstuurd. Antwoorden kan niet.',
    ].join('\n'),
  }),
  en: ({ organisationName, professionalName, link }) => ({
    subject: 'Your personal link for Spreekkamer',
    text: [
      'Hello,',
      '',
      `${professionalName} of ${organisationName} sends you your personal link for Spreekkamer.`,
      '',
      'Open this link:',
      link,
      '',
      `You also need your code. It is on the paper you were given. No code? Ask ${professionalName}.`,
      '',
      'The link is only for you. Do not forward this e-mail.',
      'This e-mail was sent automatically. Replies are not read.',
    ].join('\n'),
  }),
};

export function clientLinkEmail(locale: Locale, input: ClientLinkEmailInput): ClientLinkEmail {
  return clientLinkEmailTexts[locale](input);
}
