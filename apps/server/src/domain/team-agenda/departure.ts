import type { Clock } from '../../clock.js';
import type { TeamAgendaRepository } from '../../db/repositories/team-agenda.repository.js';
import type { UnitOfWork } from '../unit-of-work.js';

export interface TeamDeparture {
  organisationId: string;
  userId: string;
  /** The teams the person is no longer a member or lead of. */
  teamIds: readonly string[];
  /** Who made the change (an administrator), for the audit log. */
  actorUserId: string;
}

/**
 * When someone leaves a team (an administrator removes them, or the account is switched off),
 * their agenda items in it stay without a name or are withdrawn, as they chose on the agenda
 * page (default: stay, anonymous). Called by the admin service; no actor-facing gate of its own.
 */
export function agendaDeparture(deps: { teamAgenda: TeamAgendaRepository; unitOfWork: UnitOfWork; now: Clock }) {
  return async (departure: TeamDeparture): Promise<void> => {
    if (departure.teamIds.length === 0) return;
    const [choice, itemIds] = await Promise.all([
      deps.teamAgenda.leaveChoiceOf(departure.userId),
      deps.teamAgenda.itemIdsOfAuthorInTeams(departure.userId, departure.teamIds),
    ]);
    if (itemIds.length === 0) return;
    await deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (choice === 'withdraw') await repositories.teamAgenda.deleteItems(itemIds);
      else await repositories.teamAgenda.anonymiseItems(itemIds, deps.now().toISOString());
      await audit.record({
        organisationId: departure.organisationId,
        actorUserId: departure.actorUserId,
        action: choice === 'withdraw' ? 'team_agenda.items_withdrawn_on_leaving' : 'team_agenda.items_anonymised_on_leaving',
        subjectType: 'user',
        subjectId: departure.userId,
        details: { teams: departure.teamIds.length, items: itemIds.length },
      });
    });
  };
}
