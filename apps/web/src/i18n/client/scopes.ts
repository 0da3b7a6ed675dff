/**
 * The parts of the translation tree a client reads (their pages, printed card, errors they can
 * meet). Every client language must hold every key under these, in its own words; staff pages
 * stay Dutch and English only. When a client page starts using a key outside these, add its
 * prefix here: translations.test.ts then lists exactly which texts each language still misses.
 */
export const clientTextScopes = [
  'app.name',
  'common.loading',
  'common.retry',
  'clientKit',
  'clients.card',
  'consent.kind',
  'consent.media',
  'consent.guard',
  'consent.code',
  'consent.home',
  'consent.flow',
  'consent.copy',
  'consent.withdraw',
  'consent.myData',
  'feedback.client',
  'feedback.prepare',
  'feedback.voice',
  'feedback.live',
  'feedback.summary',
  'feedback.check',
  'feedback.followUpClient',
  'feedback.erase',
  'feedback.helper',
  'explainer.client',
  'errors.pageTitle',
  'errors.bad_request',
  'errors.validation',
  'errors.rate_limited',
  'errors.csrf',
  'errors.not_found',
  'errors.conflict',
  'errors.internal',
  'errors.network',
  'errors.unexpected_response',
  'errors.unknown',
  'errors.client_link_invalid',
  'errors.client_code_wrong',
  'errors.client_locked',
  'errors.client_unauthenticated',
  'errors.client_own_device_only',
  'errors.client_locale_not_offered',
  'errors.consent_text_outdated',
  'errors.consent_already_answered',
  'errors.feedback_invitation_expired',
  'errors.feedback_closed',
  'errors.feedback_too_many_moments',
  'errors.alliance_check_unavailable',
  'errors.voice_note_invalid',
  'errors.voice_note_too_long',
  'errors.no_share_marked_by_professional',
  'errors.no_share_cut_shares_active',
  'errors.no_share_cut_pending',
] as const;

export function inClientScope(key: string): boolean {
  return clientTextScopes.some((scope) => key === scope || key.startsWith(`${scope}.`));
}
