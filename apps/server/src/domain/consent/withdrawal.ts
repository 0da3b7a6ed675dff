/** What a listener hears when a client withdraws consent: ids only, never content or reasons. */
export interface ConsentWithdrawnEvent {
  consentId: string;
  conversationId: string;
  clientId: string;
  professionalId: string;
}

/**
 * Registered in main.ts (`consent.addWithdrawalListener(listener)`) by every feature that keeps
 * something the consent covered, e.g. recordings: destroy the key at once, then delete files and
 * derived data. Withdrawal itself never waits on a listener's success: a failing listener is
 * logged, the consent stays marked `withdrawal_pending`, and every listener is called again at the
 * next boot until all succeed. So a listener must be idempotent (safe to run twice, and after a
 * partial earlier run).
 */
export interface ConsentWithdrawalListener {
  onConsentWithdrawn(event: ConsentWithdrawnEvent): Promise<void>;
  /**
   * The client took back only the choice "kijk met ons mee": what was shown to policy ends now.
   * Not retried at boot: the access gate also reads the choice, so access ends even when this fails.
   */
  onPolicyViewingWithdrawn?(event: ConsentWithdrawnEvent): Promise<void>;
}
