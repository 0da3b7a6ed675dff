import { defaultLearningRhythm, learningRhythmSchema, type LearningRhythm } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { LearningRepository } from '../../db/repositories/learning.repository.js';
import { roundAt, type RoundDates } from './calendar.js';

/**
 * The organisation's learning rhythm as stored (or the default), and the round open today. No
 * actor: the learning services ask it after their own access check, and the reminders job asks
 * it for every participant.
 */
export class LearningRhythms {
  constructor(private readonly deps: { learning: Pick<LearningRepository, 'rhythmJson'>; now: Clock }) {}

  async of(organisationId: string): Promise<LearningRhythm> {
    const json = await this.deps.learning.rhythmJson(organisationId);
    const parsed = json ? learningRhythmSchema.safeParse(JSON.parse(json)) : undefined;
    return parsed?.success ? parsed.data : defaultLearningRhythm;
  }

  /** The round open today in this organisation, if any. */
  async currentRound(organisationId: string): Promise<RoundDates | null> {
    return roundAt(await this.of(organisationId), this.deps.now()).current;
  }
}
