import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { AccessGate } from '../access/index.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { ConsentPolicy, ConsentWithdrawalListener } from '../consent/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { ClientPointsService } from './client-points.service.js';
import { CommentsService } from './comments.service.js';
import { MomentsService } from './moments.service.js';
import { PeerGroupsService } from './peer-groups.service.js';
import { ShareContent } from './share-content.js';
import { ReviewExportService } from './review-export.service.js';
import { ReviewGuideService } from './review-guide.service.js';
import { ReviewMeetingService } from './review-meeting.service.js';
import { endPolicySharesOfConversation, removeReviewDataOfConversation, type SharesRemovedNotice } from './review-withdrawal.js';
import { SharesService } from './shares.service.js';
import { ShareCuts } from './share-cuts.js';
import type { JobQueue } from '../../jobs/index.js';
import { NoShareService } from './no-share.service.js';

export type ReviewServices = ReturnType<typeof createReviewServices>;

/**
 * Everything "foreign eyes" needs, built from the repositories. main.ts registers
 * `withdrawalListener` with the consent service and `derivedDataEraser` with the recording
 * eraser; playback asks `content.sharedRanges` for what a recipient may play.
 */
export function createReviewServices(
  repositories: Pick<Repositories, 'moments' | 'shares' | 'shareCuts' | 'noShare' | 'consents' | 'peerGroups' | 'comments' | 'clientPoints' | 'reviewGuides' | 'users' | 'organisations'>,
  deps: { audit: AuditLog; gate: AccessGate; unitOfWork: UnitOfWork; consentPolicy: ConsentPolicy; queue: Pick<JobQueue, 'enqueue'>; now: Clock; sharesRemoved?: SharesRemovedNotice },
) {
  const { now } = deps;
  const { audit, gate, unitOfWork, consentPolicy } = deps;
  const cuts = new ShareCuts({ cuts: repositories.shareCuts, queue: deps.queue, now });
  const content = new ShareContent({ moments: repositories.moments, shares: repositories.shares, cuts, now, gate });
  const noShare = new NoShareService({ gate, unitOfWork, stretches: repositories.noShare, moments: repositories.moments, shares: repositories.shares, consents: repositories.consents, queue: deps.queue });
  const shares = new SharesService({ gate, unitOfWork, content, moments: repositories.moments, shares: repositories.shares, peerGroups: repositories.peerGroups, users: repositories.users, consentPolicy, audit, cuts, stretches: repositories.noShare });
  const withdrawalListener: ConsentWithdrawalListener = {
    onConsentWithdrawn: (event) => removeReviewDataOfConversation({ moments: repositories.moments, audit, now, sharesRemoved: deps.sharesRemoved }, event.conversationId),
    onPolicyViewingWithdrawn: (event) => endPolicySharesOfConversation({ moments: repositories.moments, shares: repositories.shares, cuts, audit, now }, event.conversationId),
  };
  return {
    content,
    shares,
    cuts,
    noShare,
    moments: new MomentsService({ gate, unitOfWork, moments: repositories.moments, stretches: repositories.noShare, cuts }),
    comments: new CommentsService({ gate, unitOfWork, moments: repositories.moments, shares: repositories.shares, comments: repositories.comments, users: repositories.users, audit }),
    meetings: new ReviewMeetingService({ gate, unitOfWork, shares, shareRows: repositories.shares, comments: repositories.comments, users: repositories.users }),
    clientPoints: new ClientPointsService({ gate, unitOfWork, moments: repositories.moments, content, shares: repositories.shares, points: repositories.clientPoints,
      users: repositories.users,
      consentPolicy,
      audit,
      minimumGroupSize: async (organisationId) => {
        const organisation = await repositories.organisations.findById(organisationId);
        return organisation ? settingsOf(organisation).minimumGroupSize : Number.POSITIVE_INFINITY;
      },
    }),
    peerGroups: new PeerGroupsService({ gate, unitOfWork, groups: repositories.peerGroups, shares, content, now }),
    guide: new ReviewGuideService({ gate, unitOfWork, guides: repositories.reviewGuides, now }),
    exports: new ReviewExportService({ gate, moments: repositories.moments, comments: repositories.comments, audit }),
    withdrawalListener,
    /** For the recording eraser: when a recording is deleted (by its professional or at the end of retention), so is everything reviewed on it. */
    derivedDataEraser: async (recordingId: string) => {
      await repositories.moments.deleteAllForRecordings([recordingId]);
      await repositories.noShare.deleteForRecordings([recordingId]);
    },
  };
}
