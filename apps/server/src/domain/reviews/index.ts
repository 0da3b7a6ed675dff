import type { AuditLog } from '../../audit/audit-log.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { AccessGate, Actor } from '../access/index.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { ConsentPolicy, ConsentWithdrawalListener } from '../consent/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { ClientPointsService } from './client-points.service.js';
import { CommentsService } from './comments.service.js';
import { MomentsService } from './moments.service.js';
import { PeerGroupsService } from './peer-groups.service.js';
import { ReviewAccess } from './review-access.js';
import { ReviewExportService } from './review-export.service.js';
import { ReviewGuideService } from './review-guide.service.js';
import { ReviewMeetingService } from './review-meeting.service.js';
import { removeReviewDataOfConversation, type SharesRemovedNotice } from './review-withdrawal.js';
import { SharesService } from './shares.service.js';
import { ShareCuts } from './share-cuts.js';
import type { JobQueue } from '../../jobs/index.js';
import { NoShareService } from './no-share.service.js';

export type ReviewServices = ReturnType<typeof createReviewServices>;

/**
 * Everything "foreign eyes" needs, built from the repositories. main.ts registers
 * `withdrawalListener` with the consent service, `playbackRule` with the playback policy and
 * `derivedDataEraser` with the recording eraser.
 */
export function createReviewServices(
  repositories: Pick<Repositories, 'moments' | 'shares' | 'shareCuts' | 'noShare' | 'consents' | 'peerGroups' | 'comments' | 'clientPoints' | 'reviewGuides' | 'users' | 'organisations'>,
  deps: { audit: AuditLog; gate: AccessGate; unitOfWork: UnitOfWork; consentPolicy: ConsentPolicy; queue: Pick<JobQueue, 'enqueue'>; now?: (() => Date) | undefined; sharesRemoved?: SharesRemovedNotice },
) {
  const now = deps.now ?? (() => new Date());
  const { audit, gate, unitOfWork, consentPolicy } = deps;
  const access = new ReviewAccess({ moments: repositories.moments, shares: repositories.shares, peerGroups: repositories.peerGroups, now });
  const cuts = new ShareCuts({ cuts: repositories.shareCuts, queue: deps.queue, now });
  const noShare = new NoShareService({ gate, unitOfWork, stretches: repositories.noShare, moments: repositories.moments });
  const shares = new SharesService({ access, moments: repositories.moments, shares: repositories.shares, peerGroups: repositories.peerGroups, users: repositories.users, consentPolicy, audit, cuts, stretches: repositories.noShare });
  const withdrawalListener: ConsentWithdrawalListener = {
    onConsentWithdrawn: (event) => removeReviewDataOfConversation({ moments: repositories.moments, audit, now, sharesRemoved: deps.sharesRemoved }, event.conversationId),
  };
  return {
    access,
    shares,
    cuts,
    noShare,
    moments: new MomentsService({ gate, unitOfWork, moments: repositories.moments, stretches: repositories.noShare, cuts }),
    comments: new CommentsService({ gate, unitOfWork, moments: repositories.moments, shares: repositories.shares, comments: repositories.comments, users: repositories.users, audit }),
    meetings: new ReviewMeetingService({ gate, unitOfWork, shares, shareRows: repositories.shares, comments: repositories.comments, users: repositories.users }),
    clientPoints: new ClientPointsService({ gate, unitOfWork, moments: repositories.moments, sharesService: shares, shares: repositories.shares, points: repositories.clientPoints,
      users: repositories.users,
      consentPolicy,
      audit,
      minimumGroupSize: async (organisationId) => {
        const organisation = await repositories.organisations.findById(organisationId);
        return organisation ? settingsOf(organisation).minimumGroupSize : Number.POSITIVE_INFINITY;
      },
    }),
    peerGroups: new PeerGroupsService({ groups: repositories.peerGroups, shares, audit, now }),
    guide: new ReviewGuideService({ guides: repositories.reviewGuides, audit, now }),
    exports: new ReviewExportService({ gate, moments: repositories.moments, comments: repositories.comments, audit }),
    withdrawalListener,
    /** For the recording eraser: when a recording is deleted (by its professional or at the end of retention), so is everything reviewed on it. */
    derivedDataEraser: async (recordingId: string) => {
      await repositories.moments.deleteAllForRecordings([recordingId]);
      await repositories.noShare.deleteForRecordings([recordingId]);
    },
    /** For the playback policy: a recipient may play exactly the spans shared with them. */
    playbackRule: async (actor: Actor, recording: { id: string }) => {
      const shared = await access.sharedRanges(actor, recording.id);
      return shared ? { allowedRanges: shared.ranges, role: shared.via } : null;
    },
  };
}
