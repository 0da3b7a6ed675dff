/**
 * The client UI kit: every page a client sees is built from these, so all client pages look,
 * sound and behave the same (large, calm, one question per screen, read-aloud, language switch).
 */
export { ClientShell, clientContentId, type ClientShellProps } from './ClientShell.js';
export { ChoiceButton, ChoiceGroup, type ChoiceButtonProps } from './ChoiceButton.js';
export { ReadAloud, readableText, stopReadingAloud } from './ReadAloud.js';
export { StepFlow, type StepFlowProps } from './StepFlow.js';
export { ClientButton, type ClientButtonProps } from './ClientButton.js';
export { ClientLanguageSwitch } from './ClientLanguageSwitch.js';
export { clientLanguages, directionOf, offeredClientLanguages, speechTagOf } from './languages.js';
export { Pictogram, pictogramNames, type PictogramName } from '../icons/Pictogram.js';
export { DeclineReasonChoice, consentDeclineReasons, checkDeclineReasons } from './DeclineReasonChoice.js';
