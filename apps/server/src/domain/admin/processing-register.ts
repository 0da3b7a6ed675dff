import type { OrganisationSettings, ProcessingRegister } from '@spreekkamer/shared';

/** How this installation runs: read from the configuration at start, never from a request. */
export interface DeploymentFacts {
  database: 'sqlite' | 'postgres';
  mediaStore: 'local' | 's3';
  email: boolean;
  https: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
}

/**
 * The register follows what this installation really does: e-mail appears only when a mail server
 * is configured, the storage provider only with S3, TOTP as required or optional as set.
 */
export function buildProcessingRegister(settings: OrganisationSettings, deployment: DeploymentFacts, generatedAt: Date): ProcessingRegister {
  const hosting = deployment.mediaStore === 's3' ? (['hosting', 'storage_provider'] as const) : (['hosting'] as const);
  const activities: ProcessingRegister['activities'] = [
    { id: 'accounts', recipients: ['administrators', ...hosting], retention: 'account_lifetime' },
    { id: 'clients', recipients: ['professional', ...hosting], retention: 'client_relation' },
    { id: 'consent', recipients: ['professional', 'client', ...hosting], retention: 'consent_with_recording' },
    { id: 'recordings', recipients: ['professional', 'chosen_reviewers', 'external_reviewers', 'peer_group', ...hosting], retention: 'recording_days' },
    { id: 'reviews', recipients: ['professional', 'chosen_reviewers', 'external_reviewers', 'peer_group', 'client', ...hosting], retention: 'until_withdrawn_or_recording' },
    { id: 'client_feedback', recipients: ['professional', 'client', 'managers_aggregate', ...hosting], retention: 'until_withdrawn_or_recording' },
    { id: 'learning', recipients: ['professional', 'leercoach', 'peer_group', ...hosting], retention: 'learning_owner' },
    { id: 'insight', recipients: ['managers_aggregate'], retention: 'aggregate_only' },
    { id: 'audit_log', recipients: ['administrators', ...hosting], retention: 'audit_chain' },
  ];
  if (deployment.email) activities.push({ id: 'email', recipients: ['mail_server'], retention: 'not_stored' });
  const securityMeasures: ProcessingRegister['securityMeasures'] = [
    'encryption_per_recording',
    'text_sealing',
    'crypto_shredding',
    settings.requireTotp ? 'totp_required' : 'totp_optional',
    'session_limits',
    'login_lockout',
    'audit_hash_chain',
    'no_content_for_admins',
    'k_anonymity',
    ...(deployment.https ? (['https'] as const) : []),
    'private_work_folders',
    'backup_without_key',
    'metrics_without_personal_data',
  ];
  return {
    organisation: settings.name,
    generatedAt: generatedAt.toISOString(),
    deployment,
    settings: {
      requireTotp: settings.requireTotp,
      minimumGroupSize: settings.minimumGroupSize,
      retentionDaysOptions: settings.retentionDaysOptions,
      retentionDaysDefault: settings.retentionDaysDefault,
      clientLocales: settings.clientLocales ?? [],
    },
    activities,
    securityMeasures,
  };
}
