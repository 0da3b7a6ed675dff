/**
 * The words of the consent, in every language the client can choose. This is the canonical text:
 * the web app shows exactly these words (merged into its translations under `consentText`) and the
 * server stores them with their version and hash, so every consent can be traced to what the
 * client saw.
 *
 * Changing anything here means a new version: bump `consentTextVersion` (the server refuses to
 * start when the stored text for a version differs from this one). Client level: A2 — short
 * sentences, one idea each. Placeholders: {{professional}}, {{reviewer}}, {{organisation}}, {{count}}, {{date}}.
 */
export const consentTextVersion = '2026-12.2';

/*
 * Earlier versions stay in the database exactly as shown (consent_texts), so old consents keep
 * pointing at what the client read. 2026-11.1 → 2026-12.1: the client's own benefit is named
 * instead of "it is not about you", a coach who is not named yet may come from outside, and the
 * client can choose a coach from inside or from outside the municipality; the text is offered in
 * Arabic, Turkish, Polish and Ukrainian too. 2026-12.1 → 2026-12.2: the choice "kijk met ons mee"
 * (policyViewing): a short fragment may be shown to policy or the management team.
 */
import type { ClientLocale } from './client-languages.js';
import { consentTextTranslations } from './consent-text-translations.js';

export interface ConsentScreen {
  title: string;
  lines: readonly string[];
}

export interface ConsentChoiceText {
  label: string;
  description: string;
}

export interface ConsentTextContent {
  explain: {
    what: ConsentScreen;
    why: ConsentScreen;
    who: ConsentScreen;
    keep: ConsentScreen;
    no: ConsentScreen;
  };
  media: { question: string; video: ConsentChoiceText; audio: ConsentChoiceText; none: ConsentChoiceText };
  audience: {
    question: string;
    professional: ConsentChoiceText;
    reviewer: ConsentChoiceText;
    reviewerNamed: string;
    reviewerOpen: string;
    reviewerIndependent: string;
    peer_group: ConsentChoiceText;
  };
  reviewerFrom: { question: string; hint: string; any: ConsentChoiceText; internal: ConsentChoiceText; external: ConsentChoiceText };
  watchWithClient: { question: string; hint: string; yes: string; no: string };
  feedbackViaReviewer: { question: string; hint: string; yes: string; no: string };
  /** "Kijk met ons mee" (seed 000 §6.3); worded so it fits both the client and the staff text. */
  policyViewing: { question: string; hint: string; yes: string; no: string };
  retention: { question: string; hint: string; option: string; until: string };
  confirm: { title: string; lines: readonly string[]; nameLabel: string };
  declineConfirm: { title: string; lines: readonly string[] };
  withdraw: { title: string; lines: readonly string[] };
  professional: { title: string; lines: readonly string[]; confirm: string };
}

export const consentTexts = {
  nl: {
    explain: {
      what: {
        title: 'Mag dit gesprek worden opgenomen?',
        lines: ['{{professional}} wil dit gesprek graag opnemen.', 'Met beeld en geluid. Of alleen geluid.', 'U kiest zelf. Nee zeggen is ook goed.'],
      },
      why: {
        title: 'Waarom een opname?',
        lines: [
          'Uw klantmanager wil leren van het gesprek.',
          'Bijvoorbeeld: luister ik goed? Leg ik het duidelijk uit?',
          'U kunt er zelf ook iets aan hebben. Als u wilt, kijkt u samen terug. Dan ziet u hoe u overkomt.',
          'Niemand beoordeelt u met de opname.',
          'De opname wordt nooit gebruikt voor besluiten over uw uitkering.',
        ],
      },
      who: {
        title: 'Wie mag kijken?',
        lines: [
          'Alleen wie u kiest.',
          'Uw klantmanager kijkt zelf.',
          'U mag ook een coach kiezen. Of een groep collega’s die samen leren.',
          'Niemand anders. Ook de baas van uw klantmanager niet.',
        ],
      },
      keep: {
        title: 'Hoe lang blijft de opname?',
        lines: [
          'De opname is op slot. Alleen met een sleutel kan iemand kijken.',
          'U kiest hoe lang we hem bewaren. Daarna is hij weg.',
          'U kunt altijd stoppen. Dan is de opname meteen weg.',
          'U hoeft niet te zeggen waarom.',
        ],
      },
      no: {
        title: 'Nee zeggen mag',
        lines: [
          'Wilt u geen opname? Dat is goed.',
          'Er verandert dan niets voor u.',
          'Niet aan uw uitkering. Niet aan de hulp die u krijgt.',
          'Het gesprek gaat gewoon door, zonder opname.',
        ],
      },
    },
    media: {
      question: 'Wat mag worden opgenomen?',
      video: { label: 'Beeld en geluid', description: 'Een video van het gesprek.' },
      audio: { label: 'Alleen geluid', description: 'Geen beeld. Alleen de stemmen.' },
      none: { label: 'Niets opnemen', description: 'Het gesprek gaat gewoon door.' },
    },
    audience: {
      question: 'Wie mag de opname zien?',
      professional: { label: 'Alleen mijn klantmanager', description: 'Verder niemand.' },
      reviewer: { label: 'Ook een coach', description: 'Een coach helpt uw klantmanager leren.' },
      reviewerNamed: 'De coach is {{reviewer}}.',
      reviewerOpen: 'Welke coach is nog niet bekend. Het kan iemand van de gemeente zijn. Of een onafhankelijke coach van buiten.',
      reviewerIndependent: 'Deze coach werkt niet bij de gemeente, maar bij {{organisation}}. De coach is onafhankelijk.',
      peer_group: { label: 'Ook een groep collega’s', description: 'Zij leren samen. Ze kijken alleen naar uw klantmanager.' },
    },
    reviewerFrom: {
      question: 'Wie mag de coach zijn?',
      hint: 'Een coach van buiten werkt niet voor de gemeente. Die kijkt onafhankelijk mee.',
      any: { label: 'Dat maakt mij niet uit', description: 'Iemand van de gemeente of van buiten.' },
      internal: { label: 'Iemand van de gemeente', description: 'Een coach die bij de gemeente werkt.' },
      external: { label: 'Iemand van buiten de gemeente', description: 'Een onafhankelijke coach van een ander bureau.' },
    },
    watchWithClient: {
      question: 'Wilt u stukjes samen terugkijken?',
      hint: 'Samen met uw klantmanager. Zo kunt u zeggen wat u ervan vond.',
      yes: 'Ja, samen kijken',
      no: 'Nee, liever niet',
    },
    feedbackViaReviewer: {
      question: 'Mag de coach u later vragen hoe het gesprek ging?',
      hint: 'Uw klantmanager hoort alleen wat u goed vindt.',
      yes: 'Ja, dat mag',
      no: 'Nee, liever niet',
    },
    policyViewing: {
      question: 'Mag een kort stukje ook naar beleid?',
      hint: 'Beleidsmakers of het managementteam zien dan hoe het werk echt gaat. Zo kunnen regels beter passen. Het gaat om een kort stukje, voor korte tijd. Niemand beoordeelt u ermee. U kunt deze keuze altijd terugnemen.',
      yes: 'Ja, dat mag',
      no: 'Nee, liever niet',
    },
    retention: {
      question: 'Hoe lang mag de opname blijven?',
      hint: 'Daarna gooien we hem weg. Stoppen kan altijd eerder.',
      option: '{{count}} dagen',
      until: 'Tot ongeveer {{date}}',
    },
    confirm: {
      title: 'Zet uw naam eronder',
      lines: ['Kijk nog één keer naar uw keuzes.', 'Klopt het? Typ dan uw naam.', 'Zo zegt u: ik heb het gelezen en ik vind het goed.'],
      nameLabel: 'Uw naam',
    },
    declineConfirm: {
      title: 'U kiest: niets opnemen',
      lines: ['Dat is goed. Het gesprek gaat gewoon door.', 'Er verandert niets voor u.'],
    },
    withdraw: {
      title: 'Zo kunt u stoppen',
      lines: [
        'Open uw persoonlijke link. Typ de code van uw papier.',
        'Kies dan: stoppen met de opname.',
        'De opname is dan meteen weg.',
        'U hoeft niet te zeggen waarom.',
      ],
    },
    professional: {
      title: 'Uw eigen toestemming',
      lines: [
        'U staat zelf ook op de opname.',
        'U geeft toestemming met dezelfde afspraken als uw klant: wat wordt opgenomen, wie mag kijken en hoe lang.',
        'De opname is voor uw eigen leren. Niemand gebruikt hem om u te beoordelen.',
      ],
      confirm: 'Ik geef toestemming om dit gesprek op te nemen',
    },
  },
  en: {
    explain: {
      what: {
        title: 'May this conversation be recorded?',
        lines: ['{{professional}} would like to record this conversation.', 'With picture and sound. Or sound only.', 'You choose. Saying no is fine too.'],
      },
      why: {
        title: 'Why a recording?',
        lines: [
          'Your client manager wants to learn from the conversation.',
          'For example: do I listen well? Do I explain things clearly?',
          'It can help you too. If you like, you watch it back together. Then you see how you come across.',
          'Nobody judges you with the recording.',
          'The recording is never used for decisions about your benefits.',
        ],
      },
      who: {
        title: 'Who may watch?',
        lines: [
          'Only the people you choose.',
          'Your client manager watches it.',
          'You can also choose a coach. Or a group of colleagues who learn together.',
          'Nobody else. Not even your client manager’s boss.',
        ],
      },
      keep: {
        title: 'How long is it kept?',
        lines: [
          'The recording is locked. Only someone with a key can watch it.',
          'You choose how long we keep it. After that it is gone.',
          'You can always stop. Then the recording is gone at once.',
          'You do not have to say why.',
        ],
      },
      no: {
        title: 'Saying no is fine',
        lines: [
          'You do not want a recording? That is fine.',
          'Nothing changes for you.',
          'Not your benefits. Not the help you get.',
          'The conversation goes on as usual, without a recording.',
        ],
      },
    },
    media: {
      question: 'What may be recorded?',
      video: { label: 'Picture and sound', description: 'A video of the conversation.' },
      audio: { label: 'Sound only', description: 'No picture. Only the voices.' },
      none: { label: 'Record nothing', description: 'The conversation goes on as usual.' },
    },
    audience: {
      question: 'Who may see the recording?',
      professional: { label: 'Only my client manager', description: 'Nobody else.' },
      reviewer: { label: 'Also a coach', description: 'A coach helps your client manager learn.' },
      reviewerNamed: 'The coach is {{reviewer}}.',
      reviewerOpen: 'Which coach is not known yet. It can be someone from the municipality. Or an independent coach from outside.',
      reviewerIndependent: 'This coach does not work for the municipality, but for {{organisation}}. The coach is independent.',
      peer_group: { label: 'Also a group of colleagues', description: 'They learn together. They only look at your client manager.' },
    },
    reviewerFrom: {
      question: 'Who may the coach be?',
      hint: 'A coach from outside does not work for the municipality. They watch independently.',
      any: { label: 'I do not mind', description: 'Someone from the municipality or from outside.' },
      internal: { label: 'Someone from the municipality', description: 'A coach who works for the municipality.' },
      external: { label: 'Someone from outside the municipality', description: 'An independent coach from another agency.' },
    },
    watchWithClient: {
      question: 'Would you like to watch parts together?',
      hint: 'Together with your client manager. Then you can say what you thought.',
      yes: 'Yes, watch together',
      no: 'No, rather not',
    },
    feedbackViaReviewer: {
      question: 'May the coach ask you later how the conversation went?',
      hint: 'Your client manager only hears what you agree to.',
      yes: 'Yes, that is fine',
      no: 'No, rather not',
    },
    policyViewing: {
      question: 'May a short part also go to policy makers?',
      hint: 'Policy makers or the management team then see what the work is really like. So rules can fit better. It is a short part, for a short time. Nobody judges you with it. You can always take back this choice.',
      yes: 'Yes, that is fine',
      no: 'No, rather not',
    },
    retention: {
      question: 'How long may the recording be kept?',
      hint: 'After that we throw it away. You can always stop earlier.',
      option: '{{count}} days',
      until: 'Until about {{date}}',
    },
    confirm: {
      title: 'Sign with your name',
      lines: ['Look at your choices one more time.', 'Is it right? Then type your name.', 'This means: I have read it and I agree.'],
      nameLabel: 'Your name',
    },
    declineConfirm: {
      title: 'You choose: record nothing',
      lines: ['That is fine. The conversation goes on as usual.', 'Nothing changes for you.'],
    },
    withdraw: {
      title: 'How to stop',
      lines: [
        'Open your personal link. Type the code from your paper.',
        'Then choose: stop the recording.',
        'The recording is gone at once.',
        'You do not have to say why.',
      ],
    },
    professional: {
      title: 'Your own consent',
      lines: [
        'You are on the recording too.',
        'You consent with the same agreements as your client: what is recorded, who may watch and for how long.',
        'The recording is for your own learning. Nobody uses it to judge you.',
      ],
      confirm: 'I consent to this conversation being recorded',
    },
  },
  ...consentTextTranslations,
} as const satisfies Record<ClientLocale, ConsentTextContent>;

export type ConsentTextLocale = keyof typeof consentTexts;

/** What is stored for a version: the exact content, serialised once so the hash is stable. */
export function consentTextDocument(): string {
  return JSON.stringify({ version: consentTextVersion, texts: consentTexts });
}
