import { consentTextDocument, consentTextVersion, staffConsentTextDocument, staffConsentTextVersion } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import { sha256Hex } from '../../crypto/random.js';
import type { ConsentRow, ConsentsRepository } from '../../db/repositories/consents.repository.js';
import type { ConsentWithdrawalListener, ConsentWithdrawnEvent } from './withdrawal.js';

/**
 * What follows a withdrawal, with no actor: every feature that keeps something a consent covers
 * registers a listener (composition root), the client's withdrawal runs them, and at boot the
 * ones that failed last time run again.
 */
export class ConsentWithdrawals {
  private readonly listeners: ConsentWithdrawalListener[] = [];

  constructor(private readonly deps: { consents: Pick<ConsentsRepository, 'update' | 'listWithdrawalPending'>; warn?: ((message: string, details: Record<string, string>) => void) | undefined }) {}

  add(listener: ConsentWithdrawalListener): void {
    this.listeners.push(listener);
  }

  /** Runs every listener; true when all succeeded (the consent is then no longer pending). */
  async run(consent: ConsentRow): Promise<boolean> {
    const event: ConsentWithdrawnEvent = { consentId: consent.id, conversationId: consent.conversation_id, clientId: consent.client_id, professionalId: consent.professional_id };
    let ok = true;
    for (const listener of this.listeners) {
      try {
        await listener.onConsentWithdrawn(event);
      } catch (error) {
        ok = false;
        this.deps.warn?.('consent withdrawal follow-up failed; retried at next start', { consentId: consent.id, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
    if (ok) await this.deps.consents.update(consent.id, { withdrawal_pending: 0 });
    return ok;
  }

  /** The client took back only the policy choice: every listener that keeps something for policy ends it. */
  async runPolicyViewing(consent: ConsentRow): Promise<void> {
    const event: ConsentWithdrawnEvent = { consentId: consent.id, conversationId: consent.conversation_id, clientId: consent.client_id, professionalId: consent.professional_id };
    for (const listener of this.listeners) {
      try {
        await listener.onPolicyViewingWithdrawn?.(event);
      } catch (error) {
        this.deps.warn?.('policy viewing withdrawal follow-up failed; access already ended through the consent', { consentId: consent.id, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }

  /** Runs the listeners again for every withdrawal whose follow-up did not finish. Call at boot. */
  async retryPending(): Promise<{ retried: number; stillPending: number }> {
    const pending = await this.deps.consents.listWithdrawalPending();
    let stillPending = 0;
    for (const consent of pending) {
      if (!(await this.run(consent))) stillPending += 1;
    }
    return { retried: pending.length, stillPending };
  }
}

/**
 * At boot: the current text version must be registered with exactly today's words. A changed
 * text under an old version number would make old consents point at words nobody saw, so that
 * refuses to start.
 */
export async function ensureCurrentConsentText(consents: Pick<ConsentsRepository, 'insertTextIfMissing' | 'findText'>, now: Clock): Promise<void> {
  // The client text and the text for staff members (a manager's own conversations) each have their own version.
  const documents: Array<[version: string, document: string, file: string, constant: string]> = [
    [consentTextVersion, consentTextDocument(), 'consent-text.ts', 'consentTextVersion'],
    [staffConsentTextVersion, staffConsentTextDocument(), 'consent-text-staff.ts', 'staffConsentTextVersion'],
  ];
  for (const [version, document, file, constant] of documents) {
    const hash = sha256Hex(document);
    await consents.insertTextIfMissing({ version, content_json: document, content_hash: hash, published_at: now().toISOString() });
    const stored = await consents.findText(version);
    if (stored?.content_hash !== hash) {
      throw new Error(`The consent text changed but its version did not: give packages/shared/src/${file} a new ${constant} (now ${version}).`);
    }
  }
}
