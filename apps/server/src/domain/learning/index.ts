import type { DevelopmentPlan } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Mailer } from '../../notify/mailer.js';
import { requirePermission, type Actor } from '../access.js';
import type { ConsentWithdrawalListener } from '../consent/index.js';
import { LearningCoachService } from './coach.service.js';
import { planMarkdown } from './plan.js';
import { LearningQuestionsService } from './questions.service.js';
import { LearningRoundsService } from './rounds.service.js';

export type LearningServices = ReturnType<typeof createLearningServices>;

/** The development plan: the professional's own, across rounds. There is no variant for anyone else. */
export class DevelopmentPlanService {
  constructor(private readonly deps: { questions: LearningQuestionsService; rounds: LearningRoundsService; users: Repositories['users']; now: () => Date }) {}

  async get(actor: Actor): Promise<DevelopmentPlan> {
    requirePermission(actor, 'learning.own');
    const [user, questions, actions, rounds] = await Promise.all([
      this.deps.users.findById(actor.userId),
      this.deps.questions.list(actor),
      this.deps.questions.actions(actor),
      this.deps.rounds.history(actor),
    ]);
    return {
      name: user?.name ?? '',
      questions,
      actions,
      rounds: rounds.map((r) => ({
        key: r.key,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        stepsDone: r.steps.filter((s) => s.state === 'done').length,
        stepsTotal: r.steps.length,
        skipped: r.skipped,
        minutesSpent: r.minutesSpent,
        nextStep: r.nextStep,
        lookBackEffect: r.lookBackEffect,
      })),
    };
  }

  async markdown(actor: Actor): Promise<{ filename: string; body: string }> {
    requirePermission(actor, 'learning.own');
    const today = this.deps.now().toISOString().slice(0, 10);
    return { filename: `ontwikkelplan-${today}.md`, body: planMarkdown(await this.get(actor), today) };
  }
}

/**
 * Learning as routine. main.ts registers `withdrawalListener` with the consent service and
 * `derivedDataEraser` with the recording eraser: links to a recording go with it, the
 * professional's own words stay.
 */
export function createLearningServices(
  repositories: Pick<Repositories, 'learning' | 'peerGroups' | 'users'>,
  deps: { audit: AuditLog; now: Clock; mail?: { mailer: Mailer; publicUrl: string | undefined } | undefined },
) {
  const { now } = deps;
  const rounds = new LearningRoundsService({ learning: repositories.learning, audit: deps.audit, now, mail: deps.mail });
  const questions = new LearningQuestionsService({
    learning: repositories.learning,
    peerGroups: repositories.peerGroups,
    audit: deps.audit,
    now,
    currentRoundKey: (organisationId) => rounds.currentRoundKey(organisationId),
  });
  const coach = new LearningCoachService({ learning: repositories.learning, rounds, audit: deps.audit, now });
  const plan = new DevelopmentPlanService({ questions, rounds, users: repositories.users, now });
  const withdrawalListener: ConsentWithdrawalListener = {
    onConsentWithdrawn: async (event) => {
      const removed = await repositories.learning.deleteLinksOfConversation(event.conversationId);
      if (removed > 0) await deps.audit.record({ organisationId: null, actorUserId: null, action: 'learning.links_removed_on_withdrawal', subjectType: 'conversation', subjectId: event.conversationId, details: { links: removed } });
    },
  };
  return {
    rounds,
    questions,
    coach,
    plan,
    withdrawalListener,
    derivedDataEraser: async (recordingId: string) => {
      await repositories.learning.deleteLinksOfRecording(recordingId);
    },
  };
}
