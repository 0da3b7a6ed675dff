import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertMayRecord, assertMayShareWith, isConsentInForce, mayShareWith, retentionEndsAt, type ConsentRecord } from './consent-policy.js';

const inForce: ConsentRecord = {
  id: 'consent-1',
  conversationId: 'conversation-1',
  clientId: 'client-1',
  professionalId: 'professional-1',
  status: 'given',
  media: 'video',
  audience: 'professional',
  reviewerUserId: null,
  reviewerFrom: 'any',
  watchWithClient: false,
  feedbackViaReviewer: false,
  policyViewing: false,
  retentionDays: 90,
  textVersion: '2026-11.1',
  givenAt: '2026-11-22T09:00:00.000Z',
  professionalConsentedAt: '2026-11-22T09:05:00.000Z',
  withdrawnAt: null,
};

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('consent policy', () => {
  it('lets a fragment go to policy only with the client\'s own policy choice, whatever the audience', () => {
    expect(mayShareWith(inForce, 'policy')).toBe(false);
    expect(mayShareWith({ ...inForce, policyViewing: true }, 'policy')).toBe(true);
    expect(mayShareWith({ ...inForce, policyViewing: true, audience: 'peer_group' }, 'policy')).toBe(true);
    expect(mayShareWith({ ...inForce, policyViewing: true, withdrawnAt: '2026-11-23T00:00:00.000Z' }, 'policy')).toBe(false);
    expect(mayShareWith({ ...inForce, policyViewing: true, professionalConsentedAt: null }, 'policy')).toBe(false);
    // The policy choice opens nothing for a coach or a group.
    expect(mayShareWith({ ...inForce, policyViewing: true }, 'reviewer', 'someone')).toBe(false);
    expect(mayShareWith({ ...inForce, policyViewing: true }, 'peer_group')).toBe(false);
  });

  it('is in force only when given, confirmed by the professional and not withdrawn', () => {
    expect(isConsentInForce(inForce)).toBe(true);
    expect(isConsentInForce(null)).toBe(false);
    expect(isConsentInForce(undefined)).toBe(false);
    expect(isConsentInForce({ ...inForce, professionalConsentedAt: null })).toBe(false);
    expect(isConsentInForce({ ...inForce, status: 'withdrawn', withdrawnAt: '2026-11-23T00:00:00.000Z' })).toBe(false);
    expect(isConsentInForce({ ...inForce, withdrawnAt: '2026-11-23T00:00:00.000Z' })).toBe(false);
    expect(isConsentInForce({ ...inForce, status: 'declined', media: 'none' })).toBe(false);
  });

  it('allows recording only within the consent', () => {
    expect(codeOf(() => assertMayRecord(inForce, 'video'))).toBeNull();
    expect(codeOf(() => assertMayRecord(inForce, 'audio'))).toBeNull();
    const audioOnly = { ...inForce, media: 'audio' as const };
    expect(codeOf(() => assertMayRecord(audioOnly, 'audio'))).toBeNull();
    expect(codeOf(() => assertMayRecord(audioOnly, 'video'))).toBe('recording_consent_audio_only');
    expect(codeOf(() => assertMayRecord(null, 'audio'))).toBe('recording_consent_missing');
    expect(codeOf(() => assertMayRecord({ ...inForce, professionalConsentedAt: null }, 'audio'))).toBe('recording_consent_missing');
    expect(codeOf(() => assertMayRecord({ ...inForce, status: 'withdrawn', withdrawnAt: '2026-11-23T00:00:00.000Z' }, 'audio'))).toBe('recording_consent_missing');
    expect(codeOf(() => assertMayRecord({ ...inForce, status: 'declined', media: 'none' }, 'audio'))).toBe('recording_consent_missing');
  });

  it('shares only with the audience the client chose', () => {
    expect(mayShareWith(inForce, 'reviewer', 'reviewer-1')).toBe(false);
    expect(mayShareWith(inForce, 'peer_group')).toBe(false);
    expect(mayShareWith(inForce, 'client')).toBe(false);

    const namedReviewer = { ...inForce, audience: 'reviewer' as const, reviewerUserId: 'reviewer-1' };
    expect(mayShareWith(namedReviewer, 'reviewer', 'reviewer-1')).toBe(true);
    expect(mayShareWith(namedReviewer, 'reviewer', 'reviewer-2')).toBe(false);
    expect(mayShareWith(namedReviewer, 'reviewer')).toBe(false);
    expect(mayShareWith(namedReviewer, 'peer_group')).toBe(false);

    const openReviewer = { ...inForce, audience: 'reviewer' as const };
    expect(mayShareWith(openReviewer, 'reviewer', 'reviewer-2')).toBe(true);
    // A client who asked for a coach from outside (or only from inside) gets only that kind.
    const outside = { ...openReviewer, reviewerFrom: 'external' as const };
    expect(mayShareWith(outside, 'reviewer', 'reviewer-2', true)).toBe(true);
    expect(mayShareWith(outside, 'reviewer', 'reviewer-2', false)).toBe(false);
    expect(mayShareWith(outside, 'reviewer', 'reviewer-2')).toBe(false);
    const inside = { ...openReviewer, reviewerFrom: 'internal' as const };
    expect(mayShareWith(inside, 'reviewer', 'reviewer-2', false)).toBe(true);
    expect(mayShareWith(inside, 'reviewer', 'reviewer-2', true)).toBe(false);

    const group = { ...inForce, audience: 'peer_group' as const, reviewerUserId: 'reviewer-1' };
    expect(mayShareWith(group, 'peer_group')).toBe(true);
    expect(mayShareWith(group, 'reviewer', 'reviewer-1')).toBe(true);
    expect(mayShareWith(group, 'reviewer', 'reviewer-2')).toBe(false);

    expect(mayShareWith({ ...inForce, watchWithClient: true }, 'client')).toBe(true);
    expect(mayShareWith({ ...group, professionalConsentedAt: null }, 'peer_group')).toBe(false);
    expect(mayShareWith({ ...group, status: 'withdrawn', withdrawnAt: '2026-11-23T00:00:00.000Z' }, 'peer_group')).toBe(false);

    expect(codeOf(() => assertMayShareWith(inForce, 'peer_group'))).toBe('consent_scope_exceeded');
    expect(codeOf(() => assertMayShareWith(group, 'peer_group'))).toBeNull();
  });

  it('ends retention the consented number of days after processing', () => {
    expect(retentionEndsAt(inForce, '2026-01-01T10:00:00.000Z').toISOString()).toBe('2026-04-01T10:00:00.000Z');
    expect(retentionEndsAt({ retentionDays: 30 }, new Date('2026-02-01T00:00:00.000Z')).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(() => retentionEndsAt(inForce, 'not a date')).toThrow(TypeError);
  });
});
