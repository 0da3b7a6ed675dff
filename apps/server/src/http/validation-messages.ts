import type { FastifySchemaValidationError } from 'fastify';

export type Language = 'nl' | 'en';

interface IssueLike {
  keyword: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

const messages = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  wrongType: { nl: 'Deze waarde heeft een verkeerd soort inhoud.', en: 'This value has the wrong type.' },
  empty: { nl: 'Vul dit veld in.', en: 'Fill in this field.' },
  minText: { nl: 'Gebruik minstens {n} tekens.', en: 'Use at least {n} characters.' },
  maxText: { nl: 'Gebruik hoogstens {n} tekens.', en: 'Use at most {n} characters.' },
  minNumber: { nl: 'Dit moet minstens {n} zijn.', en: 'This must be at least {n}.' },
  maxNumber: { nl: 'Dit mag hoogstens {n} zijn.', en: 'This must be at most {n}.' },
  minItems: { nl: 'Kies er minstens {n}.', en: 'Choose at least {n}.' },
  maxItems: { nl: 'Kies er hoogstens {n}.', en: 'Choose at most {n}.' },
  email: { nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.', en: 'Enter a valid e-mail address, like name@example.org.' },
  id: { nl: 'Deze verwijzing bestaat niet.', en: 'This reference does not exist.' },
  format: { nl: 'Dit heeft niet de goede vorm.', en: 'This is not in the right format.' },
  choice: { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  unknownField: { nl: 'Dit veld is onbekend.', en: 'This field is unknown.' },
  invalid: { nl: 'Deze waarde klopt niet.', en: 'This value is not valid.' },
  // Reasons that services give for a field (AppError fields), by key:
  team_required: { nl: 'Kies een team voor deze rol.', en: 'Choose a team for this role.' },
  team_not_allowed: { nl: 'Deze rol hoort bij de hele organisatie, niet bij een team.', en: 'This role belongs to the whole organisation, not to a team.' },
  team_unknown: { nl: 'Dit team bestaat niet.', en: 'This team does not exist.' },
  email_taken: { nl: 'Er is al een account met dit e-mailadres.', en: 'There is already an account with this e-mail address.' },
  reset_code_wrong: { nl: 'Deze code klopt niet. Vraag de persoon de code van het eigen scherm voor te lezen.', en: 'This code is not correct. Ask the person to read out the code on their own screen.' },
  group_size_below_floor: { nl: 'Kies minstens 5. In een kleinere groep zijn mensen te herkennen.', en: 'Choose at least 5. In a smaller group people can be recognised.' },
  retention_default_not_in_options: { nl: 'De standaard bewaartermijn moet een van de keuzes zijn.', en: 'The default retention must be one of the options.' },
  // Client feedback (refinements in packages/shared/src/api/feedback.ts, and service checks):
  no_markup: { nl: 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.', en: 'Use plain text, without codes such as <b> or <script>.' },
  date_invalid: { nl: 'Vul een bestaande datum in.', en: 'Enter a date that exists.' },
  access_until_past: { nl: 'Kies een einddatum van vandaag of later.', en: 'Choose an end date of today or later.' },
  duplicate: { nl: 'Iemand staat er twee keer in.', en: 'Someone is listed twice.' },
  subtopic_wrong_theme: { nl: 'Dit onderwerp hoort bij een andere themakaart.', en: 'This topic belongs to another theme card.' },
  end_before_start: { nl: 'Het einde moet na het begin liggen.', en: 'The end must come after the start.' },
  recording_required: { nl: 'Kies eerst een opname.', en: 'Choose a recording first.' },
  recordings_unavailable: { nl: 'Deze opname kan hier niet gebruikt worden.', en: 'This recording cannot be used here.' },
  choose_one: { nl: 'Kies minstens één gezicht, of kies "Liever niet".', en: 'Choose at least one face, or choose "Rather not".' },
  moment_required: { nl: 'Kies het moment waar dit bij hoort.', en: 'Choose the moment this belongs to.' },
  moment_not_allowed: { nl: 'Wat u geleerd heeft, hoort niet bij één moment.', en: 'What you learned does not belong to one moment.' },
  participant_unknown: { nl: 'Deze deelnemer hoort niet bij dit gesprek.', en: 'This participant is not part of this conversation.' },
  client_unknown: { nl: 'Deze cliënt bestaat niet of is niet van u.', en: 'This client does not exist or is not yours.' },
  conversation_unknown: { nl: 'Dit gesprek bestaat niet of is niet van u.', en: 'This conversation does not exist or is not yours.' },
  target_unknown: { nl: 'Dit onderdeel bestaat niet (meer).', en: 'This item does not exist (anymore).' },
  // Clients and consent:
  contact_format: { nl: 'Vul een telefoonnummer of een e-mailadres in, of laat het leeg.', en: 'Enter a phone number or an e-mail address, or leave it empty.' },
  reviewer_unknown: { nl: 'Kies een meekijker uit de lijst van uw organisatie.', en: 'Choose a reviewer from your organisation\'s list.' },
  retention_not_offered: { nl: 'Kies een van de bewaartermijnen die worden aangeboden.', en: 'Choose one of the retention periods on offer.' },
  // Learning rounds:
  round_overlap: { nl: 'Deze ronde begint voordat de vorige is afgelopen. Zet de rondes na elkaar.', en: 'This round starts before the previous one ends. Put the rounds one after another.' },
  signature_required: { nl: 'Typ uw naam om te bevestigen.', en: 'Type your name to confirm.' },
  // Survey (KTO) files, one line at a time (the path names the line):
  survey_quotes: { nl: 'Een aanhalingsteken op deze regel wordt niet goed afgesloten.', en: 'A quotation mark on this line is not closed properly.' },
  survey_column_unknown: { nl: 'Een kolomnaam klopt niet. Gebruik periode, thema, score, percentage en respondenten.', en: 'A column name is not valid. Use period, theme, score, percentage and respondents.' },
  survey_columns_missing: { nl: 'De eerste regel moet de kolommen noemen: periode, thema, score of percentage, en respondenten.', en: 'The first line must name the columns: period, theme, score or percentage, and respondents.' },
  survey_column_count: { nl: 'Deze regel heeft een ander aantal kolommen dan de eerste regel.', en: 'This line has a different number of columns than the first line.' },
  survey_period: { nl: 'De periode moet een maand zijn, zoals 2026-03, of een kwartaal, zoals 2026-Q1.', en: 'The period must be a month, like 2026-03, or a quarter, like 2026-Q1.' },
  survey_theme: { nl: 'Dit thema kennen we niet. Gebruik een code uit de vragenlijst, zoals overall of collaboration.listening.', en: 'This theme is unknown. Use a code from the questionnaire, like overall or collaboration.listening.' },
  survey_value_missing: { nl: 'Vul een score of een percentage in.', en: 'Fill in a score or a percentage.' },
  survey_value_both: { nl: 'Vul een score of een percentage in, niet allebei.', en: 'Fill in a score or a percentage, not both.' },
  survey_score: { nl: 'De score moet een getal van 0 tot en met 10 zijn, zoals 7,5.', en: 'The score must be a number from 0 to 10, like 7.5.' },
  survey_percentage: { nl: 'Het percentage moet een getal van 0 tot en met 100 zijn.', en: 'The percentage must be a number from 0 to 100.' },
  survey_respondents: { nl: 'Het aantal respondenten moet een heel getal zijn, 1 of meer.', en: 'The number of respondents must be a whole number, 1 or more.' },
  survey_duplicate: { nl: 'Deze periode en dit thema staan al op een eerdere regel.', en: 'This period and theme are already on an earlier line.' },
} as const satisfies Record<string, Record<Language, string>>;

export type FieldMessageKey = keyof typeof messages;

function fill(template: string, n: unknown): string {
  return template.replace('{n}', String(n));
}

export function fieldMessage(key: string, language: Language): string {
  return key in messages ? messages[key as FieldMessageKey][language] : key;
}

/** Turns one Zod issue into a short sentence a person can act on. */
export function describeIssue(issue: IssueLike, language: Language): string {
  const p = issue.params;
  const pick = (key: FieldMessageKey) => messages[key][language];
  switch (issue.keyword) {
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '') ? pick('required') : pick('wrongType');
    case 'too_small':
      if (p.origin === 'string') return p.minimum === 1 ? pick('empty') : fill(pick('minText'), p.minimum);
      if (p.origin === 'array' || p.origin === 'set') return fill(pick('minItems'), p.minimum);
      return fill(pick('minNumber'), p.minimum);
    case 'too_big':
      if (p.origin === 'string') return fill(pick('maxText'), p.maximum);
      if (p.origin === 'array' || p.origin === 'set') return fill(pick('maxItems'), p.maximum);
      return fill(pick('maxNumber'), p.maximum);
    case 'invalid_format':
      if (p.format === 'email') return pick('email');
      if (p.format === 'uuid' || p.format === 'guid') return pick('id');
      return pick('format');
    case 'invalid_value':
    case 'invalid_union':
      return pick('choice');
    case 'unrecognized_keys':
      return pick('unknownField');
    case 'custom':
      // Refinements name their reason by message key (see the feedback schemas).
      return issue.message && issue.message in messages ? pick(issue.message as FieldMessageKey) : pick('invalid');
    default:
      return pick('invalid');
  }
}

export function describeValidation(
  validation: readonly FastifySchemaValidationError[],
  context: string | undefined,
  language: Language,
): { path: string; message: string }[] {
  return validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return {
      path: path || (context ?? ''),
      message: describeIssue({ keyword: issue.keyword, message: issue.message, params: issue.params }, language),
    };
  });
}
