import type { PortableMigration } from './helpers.js';
import * as m001 from './001_foundation.js';
import * as m002 from './002_clients_and_consent.js';
import * as m003 from './003_consent_details.js';
import * as m004 from './004_recordings_and_jobs.js';
import * as m005 from './005_client_feedback.js';
import * as m006 from './006_reviews.js';
import * as m007 from './007_account_safety.js';
import * as m008 from './008_sealed_texts.js';
import * as m010 from './010_notifications.js';
import * as m011 from './011_method.js';
import * as m012 from './012_client_language.js';
import * as m013 from './013_rhythm.js';
import * as m014 from './014_learning.js';
import * as m015 from './015_share_cuts.js';
import * as m016 from './016_sealed_feedback.js';
import * as m017 from './017_due_notices.js';
import * as m018 from './018_method_routine.js';
import * as m019 from './019_short_versions.js';
import * as m020 from './020_preparation_help.js';
import * as m021 from './021_method_remaining.js';
import * as m022 from './022_single_sign_on.js';
import * as m023 from './023_team_agenda.js';
import * as m024 from './024_policy_signals.js';
import * as m025 from './025_insight.js';
import * as m026 from './026_survey_and_kar.js';
import * as m027 from './027_policy_viewing.js';
import * as m028 from './028_voice_prints.js';

/**
 * Every migration, in order. Add new ones at the end with the next number; never edit one that
 * has shipped. Listed statically so a bundled or compiled server finds them without a folder scan.
 */
export const migrations: Record<string, PortableMigration> = {
  '001_foundation': m001,
  '002_clients_and_consent': m002,
  '003_consent_details': m003,
  '004_recordings_and_jobs': m004,
  '005_client_feedback': m005,
  '006_reviews': m006,
  '007_account_safety': m007,
  '008_sealed_texts': m008,
  '010_notifications': m010,
  '011_method': m011,
  '012_client_language': m012,
  '013_rhythm': m013,
  '014_learning': m014,
  '015_share_cuts': m015,
  '016_sealed_feedback': m016,
  '017_due_notices': m017,
  '018_method_routine': m018,
  '019_short_versions': m019,
  '020_preparation_help': m020,
  '021_method_remaining': m021,
  '022_single_sign_on': m022,
  '023_team_agenda': m023,
  '024_policy_signals': m024,
  '025_insight': m025,
  '026_survey_and_kar': m026,
  '027_policy_viewing': m027,
  '028_voice_prints': m028,
};
