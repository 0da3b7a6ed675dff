import type { Locale } from './api/auth.js';
import type { ClientLocale } from './client-languages.js';

export interface ClientLinkEmailInput {
  organisationName: string;
  professionalName: string;
  link: string;
}

/** A plain-text e-mail: every e-mail Spreekkamer sends is written here, in each language. */
export interface EmailText {
  subject: string;
  text: string;
}

/**
 * The e-mail that brings a client their personal link. It holds the link only, never the code
 * (that stays on paper), and says nothing about what the client and the professional discuss:
 * anyone who reads the mailbox must learn nothing from it.
 */
const clientLinkEmailTexts: Record<ClientLocale, (input: ClientLinkEmailInput) => EmailText> = {
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
  ar: ({ organisationName, professionalName, link }) => ({
    subject: 'رابطك الشخصي لـ Spreekkamer',
    text: [
      'مرحبًا،',
      '',
      `يرسل لك ${professionalName} من ${organisationName} رابطك الشخصي لـ Spreekkamer.`,
      '',
      'افتح هذا الرابط:',
      link,
      '',
      `تحتاج أيضًا إلى رمزك. الرمز مكتوب على الورقة التي أخذتها. ليس عندك رمز؟ اسأل ${professionalName}.`,
      '',
      'الرابط لك وحدك. لا ترسل هذه الرسالة إلى أحد.',
      'أُرسلت هذه الرسالة تلقائيًا. لا يمكن الرد عليها.',
    ].join('\n'),
  }),
  tr: ({ organisationName, professionalName, link }) => ({
    subject: 'Spreekkamer için kişisel bağlantınız',
    text: [
      'Merhaba,',
      '',
      `${organisationName} kurumundan ${professionalName}, size Spreekkamer için kişisel bağlantınızı gönderiyor.`,
      '',
      'Bu bağlantıyı açın:',
      link,
      '',
      `Kodunuza da ihtiyacınız var. Kod, size verilen kâğıtta yazıyor. Kodunuz yok mu? ${professionalName} ile konuşun.`,
      '',
      'Bu bağlantı yalnızca sizin için. Bu e-postayı kimseye göndermeyin.',
      'Bu e-posta otomatik gönderildi. Yanıt verilemez.',
    ].join('\n'),
  }),
  pl: ({ organisationName, professionalName, link }) => ({
    subject: 'Twój osobisty link do Spreekkamer',
    text: [
      'Dzień dobry,',
      '',
      `${professionalName} z ${organisationName} wysyła Ci Twój osobisty link do Spreekkamer.`,
      '',
      'Otwórz ten link:',
      link,
      '',
      `Potrzebujesz też swojego kodu. Kod jest na kartce, którą dostałeś/dostałaś. Nie masz kodu? Zapytaj: ${professionalName}.`,
      '',
      'Ten link jest tylko dla Ciebie. Nie przesyłaj tego e-maila dalej.',
      'Ten e-mail wysłano automatycznie. Nie można na niego odpowiedzieć.',
    ].join('\n'),
  }),
  uk: ({ organisationName, professionalName, link }) => ({
    subject: 'Ваше особисте посилання для Spreekkamer',
    text: [
      'Добрий день,',
      '',
      `${professionalName} з ${organisationName} надсилає вам ваше особисте посилання для Spreekkamer.`,
      '',
      'Відкрийте це посилання:',
      link,
      '',
      `Вам також потрібен ваш код. Він є на папері, який ви отримали. Немає коду? Запитайте ${professionalName}.`,
      '',
      'Це посилання лише для вас. Не пересилайте цей лист.',
      'Цей лист надіслано автоматично. Відповісти на нього не можна.',
    ].join('\n'),
  }),
};

export function clientLinkEmail(locale: ClientLocale, input: ClientLinkEmailInput): EmailText {
  return clientLinkEmailTexts[locale](input);
}

export interface RetentionNoticeEmailInput {
  /** The day the recording will be deleted, already written out in the reader's language. */
  endsOn: string;
  /** Where to watch it before then; null when the installation has no PUBLIC_URL. */
  link: string | null;
}

/**
 * The professional's reminder that a recording will be deleted in a week. It names no client and
 * no conversation: the details are in Spreekkamer, behind the log-in.
 */
const retentionNoticeEmailTexts: Record<Locale, (input: RetentionNoticeEmailInput) => EmailText> = {
  nl: ({ endsOn, link }) => ({
    subject: 'Een opname wordt over een week verwijderd',
    text: [
      `Een van uw opnames in Spreekkamer wordt op ${endsOn} verwijderd. De bewaartermijn is dan voorbij.`,
      'Wilt u er nog iets van leren? Bekijk de opname voor die dag.',
      ...(link ? ['', link] : []),
      '',
      'Deze e-mail is automatisch verstuurd. Antwoorden kan niet.',
    ].join('\n'),
  }),
  en: ({ endsOn, link }) => ({
    subject: 'A recording will be deleted in a week',
    text: [
      `One of your recordings in Spreekkamer will be deleted on ${endsOn}, when its retention period ends.`,
      'Want to learn from it still? Watch it before that day.',
      ...(link ? ['', link] : []),
      '',
      'This e-mail was sent automatically. Replies are not read.',
    ].join('\n'),
  }),
};

export function retentionNoticeEmail(locale: Locale, input: RetentionNoticeEmailInput): EmailText {
  return retentionNoticeEmailTexts[locale](input);
}

export interface PasswordResetEmailInput {
  organisationName: string;
  link: string;
}

/** The reset link goes only to the account's own address; nobody else ever sees it. */
const passwordResetEmailTexts: Record<Locale, (input: PasswordResetEmailInput) => EmailText> = {
  nl: ({ organisationName, link }) => ({
    subject: 'Nieuw wachtwoord voor Spreekkamer',
    text: [
      `Er is gevraagd om een nieuw wachtwoord voor uw account bij ${organisationName}.`,
      '',
      'Kies een nieuw wachtwoord met deze link. De link werkt één keer en een dag lang:',
      link,
      '',
      'Heeft u dit niet gevraagd? Dan hoeft u niets te doen. Uw wachtwoord blijft hetzelfde.',
      'Deze e-mail is automatisch verstuurd. Antwoorden kan niet.',
    ].join('\n'),
  }),
  en: ({ organisationName, link }) => ({
    subject: 'New password for Spreekkamer',
    text: [
      `Someone asked for a new password for your account at ${organisationName}.`,
      '',
      'Choose a new password with this link. It works once, for one day:',
      link,
      '',
      'Did you not ask for this? Then you need not do anything. Your password stays the same.',
      'This e-mail was sent automatically. Replies are not read.',
    ].join('\n'),
  }),
};

export interface LearningReminderEmailInput {
  kind: 'start' | 'halfway' | 'week_before_end';
  /** The round's last day, already written out in the reader's language. */
  endsOn: string;
  /** The learning page; null when the installation has no PUBLIC_URL. */
  link: string | null;
}

/**
 * A gentle reminder of the person's own learning round. Only they receive it; it says nothing
 * about what they did or skipped, and skipping has no consequences.
 */
const learningReminderEmailTexts: Record<Locale, (input: LearningReminderEmailInput) => EmailText> = {
  nl: ({ kind, endsOn, link }) => ({
    subject: { start: 'Uw leerronde is begonnen', halfway: 'Uw leerronde is op de helft', week_before_end: 'Uw leerronde loopt nog een week' }[kind],
    text: [
      { start: 'Er is een nieuwe leerronde begonnen.', halfway: 'Uw leerronde is op de helft.', week_before_end: 'Uw leerronde loopt bijna af.' }[kind],
      `De ronde loopt tot en met ${endsOn}. Kijk wat u wilt doen. Een stap overslaan mag ook.`,
      ...(link ? ['', link] : []),
      '',
      'Deze e-mail is alleen voor u. Antwoorden kan niet.',
    ].join('\n'),
  }),
  en: ({ kind, endsOn, link }) => ({
    subject: { start: 'Your learning round has started', halfway: 'Your learning round is halfway', week_before_end: 'Your learning round has one week left' }[kind],
    text: [
      { start: 'A new learning round has started.', halfway: 'Your learning round is halfway.', week_before_end: 'Your learning round is nearly over.' }[kind],
      `The round runs until ${endsOn}. See what you want to do. Skipping a step is fine too.`,
      ...(link ? ['', link] : []),
      '',
      'This e-mail is for you only. Replies are not read.',
    ].join('\n'),
  }),
};

export function passwordResetEmail(locale: Locale, input: PasswordResetEmailInput): EmailText {
  return passwordResetEmailTexts[locale](input);
}

export function learningReminderEmail(locale: Locale, input: LearningReminderEmailInput): EmailText {
  return learningReminderEmailTexts[locale](input);
}

export interface NotificationDigestEmailInput {
  /** How many new notifications since the last digest; nothing else about them. */
  count: number;
  /** The notifications page, when PUBLIC_URL is set. */
  link: string | null;
}

/** The daily digest names no client, no colleague and no content: a count and a link behind the log-in. */
const notificationDigestEmailTexts: Record<Locale, (input: NotificationDigestEmailInput) => EmailText> = {
  nl: ({ count, link }) => ({
    subject: count === 1 ? 'Er is 1 nieuwe melding voor u' : `Er zijn ${count} nieuwe meldingen voor u`,
    text: [
      count === 1 ? 'In Spreekkamer staat 1 nieuwe melding voor u klaar.' : `In Spreekkamer staan ${count} nieuwe meldingen voor u klaar.`,
      'Log in om te zien waar het over gaat.',
      ...(link ? ['', link] : []),
      '',
      'U krijgt dit overzicht omdat u het zelf aanzette. Uitzetten kan bij Mijn account. Antwoorden kan niet.',
    ].join('\n'),
  }),
  en: ({ count, link }) => ({
    subject: count === 1 ? 'You have 1 new notification' : `You have ${count} new notifications`,
    text: [
      count === 1 ? 'There is 1 new notification for you in Spreekkamer.' : `There are ${count} new notifications for you in Spreekkamer.`,
      'Log in to see what it is about.',
      ...(link ? ['', link] : []),
      '',
      'You get this summary because you turned it on. You can turn it off under My account. Replies are not read.',
    ].join('\n'),
  }),
};

export function notificationDigestEmail(locale: Locale, input: NotificationDigestEmailInput): EmailText {
  return notificationDigestEmailTexts[locale](input);
}
