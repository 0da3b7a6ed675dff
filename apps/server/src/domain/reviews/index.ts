import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Actor } from '../access.js';
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
  deps: { audit: AuditLog; consentPolicy: ConsentPolicy; queue: Pick<JobQueue, 'enqueue'>; now: Clock; sharesRemoved?: SharesRemovedNotice },
) {
  const { now } = deps;
  const { audit, consentPolicy } = deps;
  const access = new ReviewAccess({ moments: repositories.moments, shares: repositories.shares, peerGroups: repositories.peerGroups, now });
  const cuts = new ShareCuts({ cuts: repositories.shareCuts, queue: deps.queue, now });
  const noShare = new NoShareService({ access, stretches: repositories.noShare, moments: repositories.moments, shares: repositories.shares, consents: repositories.consents, audit });
  const shares = new SharesService({ access, moments: repositories.moments, shares: repositories.shares, peerGroups: repositories.peerGroups, users: repositories.users, consentPolicy, audit, cuts, noShare });
  const withdrawalListener: ConsentWithdrawalListener = {
    onConsentWithdrawn: (event) => removeReviewDataOfConversation({ moments: repositories.moments, audit, now, sharesRemoved: deps.sharesRemoved }, event.conversationId),
  };
  return {
    access,
    shares,
    cuts,
    noShare,
    moments: new MomentsService({ access, moments: repositories.moments, audit, cuts, noShare }),
    comments: new CommentsService({ access, moments: repositories.moments, shares: repositories.shares, comments: repositories.comments, users: repositories.users, audit }),
    meetings: new ReviewMeetingService({ access, shares, comments: repositories.comments, users: repositories.users, audit }),
    clientPoints: new ClientPointsService({ access, sharesService: shares, shares: repositories.shares, points: repositories.clientPoints,
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
    exports: new ReviewExportService({ access, moments: repositories.moments, comments: repositories.comments, audit }),
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
