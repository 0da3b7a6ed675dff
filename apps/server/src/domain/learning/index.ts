import type { DevelopmentPlan } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Mailer } from '../../notify/mailer.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ConsentWithdrawalListener } from '../consent/index.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { LearningCoachService } from './coach.service.js';
import { planMarkdown } from './plan.js';
import { LearningQuestionsService } from './questions.service.js';
import { LearningReminders } from './reminders.js';
import { LearningRhythms } from './rhythms.js';
import { LearningRoundsService } from './rounds.service.js';

export type LearningServices = ReturnType<typeof createLearningServices>;

/** The development plan: the professional's own, across rounds. There is no variant for anyone else. */
export class DevelopmentPlanService {
  constructor(private readonly deps: { gate: AccessGate; questions: LearningQuestionsService; rounds: LearningRoundsService; users: Repositories['users']; now: Clock }) {}

  async get(actor: Actor): Promise<DevelopmentPlan> {
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
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
    await requireAccess(this.deps.gate, { actor, permission: 'learning.own' });
    const today = this.deps.now().toISOString().slice(0, 10);
    return { filename: `ontwikkelplan-${today}.md`, body: planMarkdown(await this.get(actor), today) };
  }
}

/**
 * Learning as routine. main.ts registers `withdrawalListener` with the consent service,
 * `derivedDataEraser` with the recording eraser (links to a recording go with it, the
 * professional's own words stay), `reminders.dueNotices` as a due source of the notifications
 * and `reminders.sendDueReminders` as the daily job: those have no actor, so they live outside the
 * actor-facing services.
 */
export function createLearningServices(
  repositories: Pick<Repositories, 'learning' | 'users'>,
  deps: { gate: AccessGate; unitOfWork: UnitOfWork; now: Clock; mail?: { mailer: Mailer; publicUrl: string | undefined } | undefined },
) {
  const { gate, unitOfWork, now } = deps;
  const rhythms = new LearningRhythms({ learning: repositories.learning, now });
  const rounds = new LearningRoundsService({ gate, unitOfWork, learning: repositories.learning, rhythms, now });
  const questions = new LearningQuestionsService({ gate, unitOfWork, learning: repositories.learning, rhythms, now });
  const coach = new LearningCoachService({ gate, unitOfWork, learning: repositories.learning, rhythms, now });
  const plan = new DevelopmentPlanService({ gate, questions, rounds, users: repositories.users, now });
  const reminders = new LearningReminders({ learning: repositories.learning, rhythms, now, mail: deps.mail });
  const withdrawalListener: ConsentWithdrawalListener = {
    onConsentWithdrawn: (event) =>
      unitOfWork.run(async (scope) => {
        const removed = await scope.repositories.learning.deleteLinksOfConversation(event.conversationId);
        if (removed > 0) await scope.audit.record({ organisationId: null, actorUserId: null, action: 'learning.links_removed_on_withdrawal', subjectType: 'conversation', subjectId: event.conversationId, details: { links: removed } });
      }),
  };
  return {
    rounds,
    questions,
    coach,
    plan,
    reminders,
    withdrawalListener,
    derivedDataEraser: async (recordingId: string) => {
      await repositories.learning.deleteLinksOfRecording(recordingId);
    },
  };
}
