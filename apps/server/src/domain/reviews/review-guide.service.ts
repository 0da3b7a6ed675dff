import { defaultReviewGuide, reviewGuideStepIds, type ReviewGuide, type ReviewGuideUpdate } from '@spreekkamer/shared';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { ReviewGuidesRepository } from '../../db/repositories/review-guides.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { UnitOfWork } from '../unit-of-work.js';

const storedSchema = z.array(z.object({ id: z.enum(reviewGuideStepIds), prompts: z.array(z.object({ nl: z.string(), en: z.string() })) }));

/** The organisation's review guide: the default steps with the organisation's own prompts, if any. */
export class ReviewGuideService {
  constructor(private readonly deps: { gate: AccessGate; unitOfWork: UnitOfWork; guides: ReviewGuidesRepository; now: Clock }) {}

  async get(actor: Actor): Promise<ReviewGuide> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    const row = await this.deps.guides.find(actor.organisationId);
    const stored = row ? storedSchema.safeParse(JSON.parse(row.steps_json)) : null;
    const custom = stored?.success ? stored.data : null;
    return {
      customised: custom !== null,
      steps: defaultReviewGuide.map((step) => ({
        id: step.id,
        title: step.title,
        prompts: (custom?.find((s) => s.id === step.id)?.prompts ?? step.prompts).map((p) => ({ nl: p.nl, en: p.en || p.nl })),
      })),
    };
  }

  async update(actor: Actor, input: ReviewGuideUpdate): Promise<ReviewGuide> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.reviewGuides.upsert({ organisation_id: actor.organisationId, steps_json: JSON.stringify(input.steps), updated_by: actor.userId, updated_at: this.deps.now().toISOString() });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.guide_updated', details: { prompts: input.steps.reduce((n, s) => n + s.prompts.length, 0) } });
    });
    return this.get(actor);
  }

  async reset(actor: Actor): Promise<ReviewGuide> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.reviewGuides.delete(actor.organisationId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'review.guide_reset' });
    });
    return this.get(actor);
  }
}
