import { hasPermission, learningReminderEmail, localeOf, type LearningRhythm } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { LearningRepository } from '../../db/repositories/learning.repository.js';
import type { Mailer } from '../../notify/mailer.js';
import type { Actor } from '../access/index.js';
import type { DueNotice } from '../notifications/notifications.service.js';
import { reminderAt, roundAt } from './calendar.js';
import type { LearningRhythms } from './rhythms.js';

/**
 * The round reminders, with no actor of their own: the notifications service asks for the notice
 * due to the person it is building a list for (a due source, wired in main.ts), and the daily
 * `learning.reminders` job mails them. Only the person gets their reminder; a round they chose to
 * skip stays quiet, and nothing reports skips.
 */
export class LearningReminders {
  constructor(
    private readonly deps: {
      learning: Pick<LearningRepository, 'participants' | 'findRound' | 'reminderSent' | 'markReminderSent'>;
      rhythms: LearningRhythms;
      now: Clock;
      mail?: { mailer: Mailer; publicUrl: string | undefined } | undefined;
    },
  ) {}

  /** The reminder due today for this person, as a notice in their list (made once per round and kind): the same calendar as the e-mail. */
  async dueNotices(actor: Actor): Promise<DueNotice[]> {
    if (!hasPermission(actor.roles, 'learning.own')) return [];
    const { current } = roundAt(await this.deps.rhythms.of(actor.organisationId), this.deps.now());
    const kind = current ? reminderAt(current, this.deps.now()) : null;
    if (!current || !kind) return [];
    if ((await this.deps.learning.findRound(actor.userId, current.key))?.skipped === 1) return [];
    return [{ kind: 'learning_reminder', link: '/leren', dedupeKey: `learning:${current.key}:${kind}`, recordingId: null }];
  }

  /** Daily: e-mails the reminder due today to each participant, once per round and kind, when SMTP is configured. */
  async sendDueReminders(): Promise<number> {
    const mail = this.deps.mail;
    if (!mail) return 0;
    const now = this.deps.now();
    const rhythms = new Map<string, LearningRhythm>();
    let sent = 0;
    for (const person of await this.deps.learning.participants()) {
      const rhythm = rhythms.get(person.organisation_id) ?? (await this.deps.rhythms.of(person.organisation_id));
      rhythms.set(person.organisation_id, rhythm);
      const { current } = roundAt(rhythm, now);
      const kind = current ? reminderAt(current, now) : null;
      if (!current || !kind) continue;
      if ((await this.deps.learning.findRound(person.id, current.key))?.skipped === 1) continue;
      if (await this.deps.learning.reminderSent(person.id, current.key, kind)) continue;
      const locale = localeOf(person.locale);
      const endsOn = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${current.endsOn}T12:00:00Z`));
      const link = mail.publicUrl ? `${mail.publicUrl}/leren` : null;
      const outcome = await mail.mailer.send({ to: person.email, ...learningReminderEmail(locale, { kind, endsOn, link }) });
      if (outcome === 'sent') {
        await this.deps.learning.markReminderSent(person.id, current.key, kind, now.toISOString());
        sent += 1;
      }
    }
    return sent;
  }
}
