import { z } from 'zod';
import type { RecordingFailureCode } from './api/recordings.js';

/**
 * Every error the API can answer with: a stable code, the HTTP status and a plain message in
 * Dutch (default) and English. The web app shows the message by code from its own translations,
 * so API clients without the web app still get a readable Dutch sentence.
 */
export const apiErrors = {
  bad_request: { status: 400, nl: 'Dit verzoek klopt niet. Controleer wat u heeft ingevuld.', en: 'This request is not valid. Check what you entered.' },
  validation: { status: 400, nl: 'Niet alles is goed ingevuld. Kijk bij de velden wat er mis is.', en: 'Not everything is filled in correctly. See the fields for details.' },
  invalid_json: { status: 400, nl: 'De gegevens konden niet worden gelezen.', en: 'The data could not be read.' },
  unsupported_media_type: { status: 415, nl: 'Dit soort gegevens wordt hier niet geaccepteerd.', en: 'This kind of data is not accepted here.' },
  payload_too_large: { status: 413, nl: 'Dit is te groot om te versturen.', en: 'This is too large to send.' },
  unauthenticated: { status: 401, nl: 'U bent niet ingelogd. Log eerst in.', en: 'You are not logged in. Please log in first.' },
  login_failed: { status: 401, nl: 'Het e-mailadres of het wachtwoord klopt niet.', en: 'The e-mail address or password is not correct.' },
  totp_required: { status: 401, nl: 'Vul de code uit uw authenticator-app in.', en: 'Enter the code from your authenticator app.' },
  totp_invalid: { status: 401, nl: 'Deze code klopt niet. Probeer de nieuwste code uit uw app.', en: 'This code is not correct. Try the newest code from your app.' },
  totp_setup_required: { status: 403, nl: 'Uw organisatie vraagt een tweede stap bij het inloggen. Stel die eerst in.', en: 'Your organisation requires a second login step. Set it up first.' },
  account_locked: { status: 429, nl: 'Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw.', en: 'Too many wrong passwords. Try again in fifteen minutes.' },
  password_login_off: { status: 403, nl: 'Uw organisatie heeft inloggen met een wachtwoord uitgezet. Log in met uw organisatie-account.', en: 'Your organisation has switched off logging in with a password. Log in with your organisation account.' },
  sso_not_configured: { status: 404, nl: 'Inloggen met een organisatie-account is hier niet ingesteld.', en: 'Logging in with an organisation account is not set up here.' },
  sso_not_proven: { status: 409, nl: 'Log eerst zelf een keer in met uw organisatie-account. Zo weet u zeker dat het werkt voordat wachtwoorden uitgaan.', en: 'First log in once yourself with your organisation account, so you know it works before passwords are switched off.' },
  sso_logout_token_invalid: { status: 400, nl: 'Dit afmeldbericht van de inlogdienst klopt niet.', en: 'This log-out message from the identity provider is not valid.' },
  rate_limited: { status: 429, nl: 'Te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.', en: 'Too many requests. Wait a moment and try again.' },
  csrf: { status: 403, nl: 'Uw sessie is verlopen of ongeldig. Laad de pagina opnieuw.', en: 'Your session has expired or is invalid. Reload the page.' },
  forbidden: { status: 403, nl: 'U mag dit niet bekijken of doen.', en: 'You are not allowed to see or do this.' },
  not_found: { status: 404, nl: 'Dit bestaat niet (meer), of u heeft er geen toegang toe.', en: 'This does not exist (anymore), or you have no access to it.' },
  conflict: { status: 409, nl: 'Dit kan nu niet, omdat het al bestaat of net is veranderd.', en: 'This cannot be done now because it already exists or just changed.' },
  email_taken: { status: 409, nl: 'Er is al een account met dit e-mailadres.', en: 'There is already an account with this e-mail address.' },
  last_administrator: { status: 409, nl: 'Er moet altijd minstens één actieve beheerder zijn.', en: 'There must always be at least one active administrator.' },
  account_has_password: { status: 409, nl: 'Dit account heeft al een wachtwoord. Een nieuwe uitnodiging kan niet. Vraag een nieuw wachtwoord aan via "Wachtwoord vergeten".', en: 'This account already has a password. A new invitation is not possible. Use "Forgot password" instead.' },
  reset_code_wrong: { status: 400, nl: 'Deze code klopt niet, of de persoon heeft nog geen nieuw wachtwoord aangevraagd.', en: 'This code is not correct, or the person has not asked for a new password yet.' },
  reset_needs_other_admin: { status: 409, nl: 'Een tweede beheerder moet dit goedkeuren. U kunt uw eigen aanvraag niet goedkeuren.', en: 'A second administrator must approve this. You cannot approve your own request.' },
  reset_not_requested: { status: 409, nl: 'Er is geen aanvraag voor een nieuw wachtwoord die wacht op goedkeuring.', en: 'There is no request for a new password waiting for approval.' },
  reset_invalid: { status: 410, nl: 'Deze link of aanvraag is verlopen, al gebruikt of nog niet goedgekeurd.', en: 'This link or request has expired, was already used or is not approved yet.' },
  invitation_invalid: { status: 410, nl: 'Deze uitnodiging is verlopen of al gebruikt. Vraag een nieuwe aan.', en: 'This invitation has expired or was already used. Ask for a new one.' },
  password_weak: { status: 400, nl: 'Kies een wachtwoord van minstens 12 tekens.', en: 'Choose a password of at least 12 characters.' },
  password_wrong: { status: 400, nl: 'Uw huidige wachtwoord klopt niet.', en: 'Your current password is not correct.' },
  client_link_invalid: { status: 404, nl: 'Deze link werkt niet (meer). Vraag uw klantmanager om een nieuwe.', en: 'This link does not work (anymore). Ask your client manager for a new one.' },
  client_code_wrong: { status: 401, nl: 'Deze code klopt niet. Kijk nog eens goed op uw papier.', en: 'This code is not correct. Please check your paper again.' },
  client_locked: { status: 429, nl: 'Te vaak een verkeerde code. Probeer het over een kwartier opnieuw.', en: 'Too many wrong codes. Try again in fifteen minutes.' },
  client_no_email: { status: 409, nl: 'Deze cliënt heeft geen e-mailadres. Geef de link en code op papier, of laat de QR-code scannen.', en: 'This client has no e-mail address. Give the link and code on paper, or let them scan the QR code.' },
  digest_unavailable: { status: 409, nl: 'Spreekkamer kan geen e-mail versturen. Een overzicht per e-mail kan daarom niet.', en: 'Spreekkamer cannot send e-mail, so a summary by e-mail is not possible.' },
  email_not_configured: { status: 409, nl: 'Spreekkamer kan geen e-mail versturen. Geef de link en code op papier, of laat de QR-code scannen.', en: 'Spreekkamer cannot send e-mail. Give the link and code on paper, or let them scan the QR code.' },
  client_locale_not_offered: { status: 422, nl: 'Deze taal biedt uw organisatie niet aan. Kies een andere taal.', en: 'Your organisation does not offer this language. Choose another one.' },
  client_unauthenticated: { status: 401, nl: 'Open eerst uw persoonlijke link en vul uw code in.', en: 'First open your personal link and enter your code.' },
  client_own_device_only: { status: 403, nl: 'Dit kunt u alleen zien op uw eigen telefoon of computer, met uw eigen link en code.', en: 'You can only see this on your own phone or computer, with your own link and code.' },
  recording_consent_missing: { status: 409, nl: 'Er is geen geldige toestemming voor dit gesprek. Vraag eerst toestemming aan de cliënt.', en: 'There is no valid consent for this conversation. Ask the client for consent first.' },
  recording_consent_audio_only: { status: 403, nl: 'De cliënt gaf alleen toestemming voor geluid. Neem alleen geluid op, zonder beeld.', en: 'The client consented to audio only. Record sound only, without video.' },
  recording_empty: { status: 400, nl: 'Dit bestand is leeg. Er zit geen opname in. Kies het bestand met het gesprek.', en: 'This file is empty. It holds no recording. Choose the file with the conversation.' },
  recording_too_large: { status: 413, nl: 'Dit bestand is te groot om te uploaden. Kies een kortere opname.', en: 'This file is too large to upload. Choose a shorter recording.' },
  recording_not_ready: { status: 409, nl: 'Deze opname is nog niet klaar om te bekijken. Wacht tot de verwerking klaar is.', en: 'This recording is not ready to watch yet. Wait until processing has finished.' },
  upload_invalid: { status: 400, nl: 'Deze upload klopt niet. Begin opnieuw met het uploaden van de opname.', en: 'This upload is not valid. Start uploading the recording again.' },
  playback_token_invalid: { status: 403, nl: 'De toegang tot deze opname is verlopen of ongeldig. Start het afspelen opnieuw.', en: 'Access to this recording has expired or is not valid. Start playing again.' },
  feedback_invitation_expired: { status: 410, nl: 'Deze uitnodiging is verlopen. Vraag uw klantmanager om een nieuwe.', en: 'This invitation has expired. Ask your client manager for a new one.' },
  feedback_closed: { status: 409, nl: 'Dit gesprek is afgerond. Er kan niets meer veranderen.', en: 'This conversation is finished. Nothing can change anymore.' },
  feedback_too_many_moments: { status: 409, nl: 'U kunt hoogstens drie momenten kiezen. Haal eerst een moment weg.', en: 'You can choose at most three moments. Remove a moment first.' },
  alliance_check_unavailable: { status: 410, nl: 'Deze vragen zijn al beantwoord of verlopen. Dank u wel.', en: 'These questions were already answered or have expired. Thank you.' },
  voice_note_invalid: { status: 400, nl: 'Dit geluid kunnen we niet gebruiken. Neem het opnieuw op.', en: 'We cannot use this sound. Please record it again.' },
  voice_note_too_long: { status: 400, nl: 'Dit bericht is te lang. Het mag hoogstens 2 minuten duren.', en: 'This message is too long. It may last at most 2 minutes.' },
  follow_up_sent: { status: 409, nl: 'Deze terugkoppeling is al verstuurd en kan niet meer veranderen.', en: 'This follow-up was already sent and cannot change anymore.' },
  consent_scope_exceeded: { status: 403, nl: 'De cliënt heeft hiervoor geen toestemming gegeven. Delen kan alleen met wie de cliënt koos.', en: 'The client did not consent to this. You can only share with whom the client chose.' },
  consent_text_outdated: { status: 409, nl: 'De uitleg is net veranderd. Lees hem opnieuw en kies dan nog een keer.', en: 'The explanation has just changed. Please read it again and choose once more.' },
  consent_already_answered: { status: 409, nl: 'U heeft voor dit gesprek al gekozen. Uw keuze staat op uw pagina.', en: 'You already chose for this conversation. Your choice is on your page.' },
  consent_not_given: { status: 409, nl: 'De cliënt heeft (nu) geen toestemming gegeven. Daarom kunt u dit niet bevestigen.', en: 'The client has not (or no longer) given consent, so you cannot confirm this.' },
  moment_out_of_range: { status: 400, nl: 'Dit moment klopt niet. Het einde moet na het begin liggen, en allebei binnen de opname.', en: 'This moment is not valid. The end must come after the start, and both must lie within the recording.' },
  share_expiry_invalid: { status: 400, nl: 'Kies een einddatum in de toekomst, binnen een jaar en voordat de opname wordt verwijderd.', en: 'Choose an end date in the future, within a year and before the recording is deleted.' },
  comment_judging: { status: 422, nl: 'Dit klinkt als een oordeel. Beschrijf wat u ziet of hoort, en wat de ander zou kunnen proberen. U kunt ook toch plaatsen.', en: 'This sounds like a judgement. Describe what you see or hear, and what the other person could try. You can also post it anyway.' },
  span_preparing: { status: 409, nl: 'Dit fragment wordt klaargezet. Het kan over een ogenblik bekeken worden.', en: 'This fragment is being prepared. It can be watched in a moment.' },
  span_failed: { status: 422, nl: 'Dit fragment kon niet worden klaargezet. Vraag degene die het deelde om het opnieuw te delen.', en: 'This fragment could not be prepared. Ask the person who shared it to share it again.' },
  policy_note_judging: { status: 422, nl: 'Dit klinkt als een oordeel over de medewerker. Schrijf wat u ziet over het werk, de regels of het aanbod.', en: 'This sounds like a judgement of the staff member. Write what you see about the work, the rules or the services.' },
  client_talk_not_allowed: { status: 403, nl: 'De cliënt heeft geen toestemming gegeven om met een meekijker na te praten over deze opname.', en: 'The client did not consent to talking this recording over with a reviewer.' },
  preparation_helper_invalid: { status: 422, nl: 'Kies een onafhankelijke coach van buiten de organisatie, met een account dat nog werkt.', en: 'Choose an independent coach from outside the organisation, with an account that still works.' },
  client_point_decided: { status: 409, nl: 'De cliënt heeft over dit punt al gekozen. U kunt het niet meer weghalen.', en: 'The client has already decided about this point. You can no longer remove it.' },
  client_point_released: { status: 409, nl: 'Dit punt is al zonder naam doorgegeven, samen met punten van andere mensen. U kunt het niet meer veranderen.', en: 'This point has already been passed on without a name, together with points from other people. It can no longer be changed.' },
  metrics_not_allowed: { status: 403, nl: 'Deze meetgegevens zijn alleen voor wie de servers beheert. Gebruik het afgesproken token of netwerk.', en: 'These measurements are only for the people who run the servers. Use the agreed token or network.' },
  not_ready: { status: 503, nl: 'Spreekkamer is nog niet klaar. Probeer het zo opnieuw.', en: 'Spreekkamer is not ready yet. Try again shortly.' },
  internal: { status: 500, nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Please try again later.' },
  no_share_overlap: { status: 409, nl: 'Dit stuk valt (deels) in een stuk dat niet gedeeld mag worden. Kies een stuk ervoor of erna.', en: 'This part (partly) falls in a part that may not be shared. Choose a part before or after it.' },
  no_share_marked_by_client: { status: 403, nl: 'De cliënt heeft dit stuk op niet delen gezet. Alleen de cliënt kan dat veranderen.', en: 'The client marked this part as not to be shared. Only the client can change that.' },
  partner_kind_not_allowed: { status: 403, nl: 'Deze soort gesprekspartner kunt u niet toevoegen. Een medewerker voegt een leidinggevende toe, een cliënt een professional.', en: 'You cannot add this kind of conversation partner. A manager adds staff members, a professional adds clients.' },
  no_share_marked_by_professional: { status: 403, nl: 'Dit stuk is door uw gesprekspartner op niet delen gezet. U kunt alleen uw eigen stukken weghalen.', en: 'Your conversation partner marked this part as not to be shared. You can only remove your own parts.' },
  no_share_cut_shares_active: { status: 409, nl: 'Er lopen nog delingen van deze opname. Stop die eerst, daarna kunt u het stuk uit de opname knippen.', en: 'This recording is still shared. End those shares first, then you can cut the part out of the recording.' },
  no_share_cut_pending: { status: 409, nl: 'Dit stuk wordt al uit de opname geknipt. Even geduld.', en: 'This part is already being cut out of the recording. Please wait.' },
  film_invalid: { status: 422, nl: 'Dit bestand kunnen we niet als film afspelen. Kies een mp4-film met beeld, van hoogstens 15 minuten.', en: 'We cannot play this file as a film. Choose an mp4 film with picture, of at most 15 minutes.' },
  film_too_large: { status: 413, nl: 'Deze film is te groot. Een film mag hoogstens 200 MB zijn.', en: 'This film is too large. A film may be at most 200 MB.' },
  survey_invalid: { status: 400, nl: 'Er staan fouten in dit bestand. Er is niets opgeslagen. Verbeter de regels hieronder en probeer het opnieuw.', en: 'This file has errors. Nothing was saved. Correct the lines below and try again.' },
  survey_not_csv: { status: 400, nl: 'Dit is geen CSV-bestand. Sla de uitkomsten op als CSV (met puntkomma of komma tussen de kolommen) en probeer het opnieuw.', en: 'This is not a CSV file. Save the results as CSV (with a semicolon or comma between the columns) and try again.' },
  survey_empty: { status: 400, nl: 'Dit bestand is leeg. Er staan geen uitkomsten in.', en: 'This file is empty. It holds no results.' },
  survey_too_large: { status: 413, nl: 'Dit bestand is te groot. Een bestand met uitkomsten mag hoogstens 256 kB en 2000 regels zijn.', en: 'This file is too large. A file with results may be at most 256 kB and 2000 lines.' },
  kar_canvas_exists: { status: 409, nl: 'Voor dit team en dit jaar is er al een KAR-canvas. Open dat canvas.', en: 'There is already a KAR canvas for this team and year. Open that canvas.' },
  kar_canvas_changed: { status: 409, nl: 'Iemand anders heeft het canvas net opgeslagen. Laad het opnieuw en voeg uw wijziging daarna toe.', en: 'Someone else just saved the canvas. Reload it and then add your change.' },
  rhythm_turns_invalid: { status: 400, nl: 'Deze beurten kloppen niet: elke beurt moet binnen de opname vallen en na de vorige beginnen.', en: 'These turns are not valid: every turn must lie within the recording and start after the previous one.' },
  signal_identifying: { status: 422, nl: 'Hier staat misschien iets in waaraan iemand een cliënt kan herkennen. Schrijf het anders, of verstuur het toch.', en: 'This may contain something that could identify a client. Rewrite it, or send it anyway.' },
  management_team_needs_manager: { status: 422, nl: 'Alleen een leidinggevende kan lid zijn van het managementteam. Geef deze persoon eerst de rol leidinggevende.', en: 'Only a manager can be a member of the management team. Give this person the manager role first.' },
} as const satisfies Record<string, { status: number; nl: string; en: string }>;

export type ApiErrorCode = keyof typeof apiErrors;

/**
 * Every error answer is an RFC 9457 problem (`application/problem+json`): `title` is the plain
 * sentence for this code (Dutch by default, English with Accept-Language: en), `detail` says what
 * happened this time; `code` and `fields` are our own extra members, for programs and forms.
 */
export const problemSchema = z.object({
  status: z.number().int(),
  title: z.string(),
  detail: z.string(),
  code: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/**
 * Why processing a recording failed. The database keeps only the code; the message is made when
 * it is read, in Dutch (default) or English, with the limit that applies filled in.
 */
export const recordingFailures = {
  empty: { nl: 'Dit bestand is leeg. Kies een opname van een gesprek.', en: 'This file is empty. Choose a recording of a conversation.' },
  not_media: { nl: 'Dit bestand is geen geluid of video. Kies een opname van een gesprek.', en: 'This file is not sound or video. Choose a recording of a conversation.' },
  text: { nl: 'Dit is een tekstbestand met een andere naam, geen opname. Kies het bestand met het gesprek zelf.', en: 'This is a text file with another name, not a recording. Choose the file with the conversation itself.' },
  archive: { nl: 'Dit is een ingepakt bestand (zoals .zip). Pak het eerst uit en kies dan de opname zelf.', en: 'This is a packed file (such as .zip). Unpack it first, then choose the recording itself.' },
  truncated: { nl: 'Dit bestand is niet compleet. Misschien is het opslaan of versturen onderbroken. Probeer het opnieuw of kies een andere opname.', en: 'This file is not complete. Saving or sending it may have been interrupted. Try again or choose another recording.' },
  too_large: { nl: 'Dit bestand is te groot. Een opname mag hoogstens {{limit}} zijn.', en: 'This file is too large. A recording may be at most {{limit}}.' },
  too_long: { nl: 'Deze opname is te lang. Een opname mag hoogstens {{limit}} duren.', en: 'This recording is too long. A recording may last at most {{limit}}.' },
  no_audio: { nl: 'In deze opname zit geen geluid. Een opname van een gesprek moet geluid hebben.', en: 'This recording has no sound. A recording of a conversation must have sound.' },
  processing_failed: {
    nl: 'Het verwerken van deze opname is niet gelukt. Upload de opname nog een keer. Lukt het weer niet? Neem dan contact op met de beheerder.',
    en: 'Processing this recording did not work. Upload the recording once more. Does it fail again? Then contact your administrator.',
  },
} as const satisfies Record<RecordingFailureCode, { nl: string; en: string }>;

export interface RecordingLimits {
  maxBytes: number;
  maxDurationSeconds: number;
}

/** The message for a failure code, e.g. "Deze opname is te lang. Een opname mag hoogstens 90 minuten duren." */
export function recordingFailureMessage(code: RecordingFailureCode, language: 'nl' | 'en', limits: RecordingLimits): string {
  const limit = code === 'too_large' ? sizeText(limits.maxBytes, language) : code === 'too_long' ? durationText(limits.maxDurationSeconds, language) : '';
  return recordingFailures[code][language].replace('{{limit}}', limit);
}

function numberText(n: number, language: 'nl' | 'en'): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
}

function sizeText(bytes: number, language: 'nl' | 'en'): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? `${numberText(gb, language)} GB` : `${numberText(bytes / 1024 ** 2, language)} MB`;
}

function durationText(seconds: number, language: 'nl' | 'en'): string {
  if (seconds < 60) return `${numberText(seconds, language)} ${language === 'nl' ? 'seconden' : 'seconds'}`;
  const minutes = seconds / 60;
  if (minutes === 1) return language === 'nl' ? '1 minuut' : '1 minute';
  return `${numberText(minutes, language)} ${language === 'nl' ? 'minuten' : 'minutes'}`;
}
