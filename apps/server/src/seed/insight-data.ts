import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { allianceItemIds, learningThemeIds } from '@spreekkamer/shared';
import { newAccount } from '../db/repositories/users.repository.js';
import type { AllianceAnswersTable, Database, FeedbackConversationsTable, LearningQuestionsTable, LearningRoundsTable, MembershipsTable } from '../db/schema.js';

export interface InsightDataOptions {
  organisationId: string;
  /** Existing teams to add people to; `newTeams` more are made. */
  teamIds?: readonly string[];
  newTeams?: number;
  /** New professionals, spread over the teams in turn. They have no password: nobody logs in as them. */
  professionals: number;
  /** Closed months of activity before `now`'s month. */
  months: number;
  now: Date;
  /** Deterministic by default, so a demo and a benchmark look the same every time. */
  seed?: number;
}

/** A small linear congruential generator: the same seed gives the same organisation. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const firstNames = ['Anouk', 'Bram', 'Carmen', 'Daan', 'Esra', 'Finn', 'Hanna', 'Ilias', 'Joke', 'Koen', 'Lotte', 'Milan', 'Noor', 'Omar', 'Puck', 'Ruben', 'Sara', 'Tim', 'Vera', 'Wout'];
const lastNames = ['Aydin', 'Brouwer', 'Claassen', 'Dekker', 'Hendriks', 'Jacobs', 'Kok', 'Lammers', 'Mertens', 'Nijland', 'Postma', 'Ramdin', 'Schouten', 'Tromp', 'Verbeek', 'Willems'];

async function insertAll<T extends keyof Database>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  // Chunks stay under SQLite's limit on bound values in one statement.
  for (let i = 0; i < rows.length; i += 400) await db.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
}

/**
 * Anonymous activity for insight figures: professionals in teams who opened learning rounds, wrote
 * learning questions with themes, held learning conversations with clients and had alliance checks
 * answered, spread over the closed months before `now`. Used by the demo (so a team lead and a
 * policy advisor see figures rather than dashes) and by the insight benchmark (2,000 staff, 40
 * teams, two years). No client, recording or text of a real conversation is made.
 */
export async function seedInsightData(db: Kysely<Database>, options: InsightDataOptions): Promise<{ teamIds: string[]; professionals: number }> {
  const random = generator(options.seed ?? 12);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const createdAt = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth() - options.months - 1, 1)).toISOString();
  const teamIds = [...(options.teamIds ?? [])];
  for (let t = 0; t < (options.newTeams ?? 0); t += 1) {
    const id = randomUUID();
    await db.insertInto('teams').values({ id, organisation_id: options.organisationId, name: `Team ${String(t + 1).padStart(2, '0')} Wijkteam`, created_at: createdAt }).execute();
    teamIds.push(id);
  }
  if (teamIds.length === 0) throw new Error('seedInsightData needs at least one team');

  const users: ReturnType<typeof newAccount>[] = [];
  const memberships: Insertable<MembershipsTable>[] = [];
  for (let p = 0; p < options.professionals; p += 1) {
    const id = randomUUID();
    const name = `${pick(firstNames)} ${pick(lastNames)}`;
    users.push(newAccount({ id, organisation_id: options.organisationId, email: `collega.${p + 1}.${id.slice(0, 6)}@voorbeeld.nl`, name, created_at: createdAt }));
    memberships.push({ id: randomUUID(), user_id: id, team_id: teamIds[p % teamIds.length] ?? null, role: 'professional', created_at: createdAt });
  }
  await insertAll(db, 'users', users);
  await insertAll(db, 'memberships', memberships);

  const rounds: Insertable<LearningRoundsTable>[] = [];
  const questions: Insertable<LearningQuestionsTable>[] = [];
  const feedback: Insertable<FeedbackConversationsTable>[] = [];
  const alliance: Insertable<AllianceAnswersTable>[] = [];
  for (let m = options.months; m >= 1; m -= 1) {
    const first = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth() - m, 1));
    const month = first.toISOString().slice(0, 7);
    // Days 2–27, at office hours: always inside the calendar month, whatever the time zone.
    const inMonth = () => new Date(first.getTime() + (1 + Math.floor(random() * 26)) * 86_400_000 + (8 + Math.floor(random() * 9)) * 3_600_000).toISOString();
    for (const user of users) {
      if (random() < 0.75) {
        const at = inMonth();
        rounds.push({ id: randomUUID(), organisation_id: options.organisationId, user_id: user.id, round_key: `insight-${month}`, starts_on: `${month}-01`, ends_on: `${month}-28`, steps_json: '[]', skipped: 0, minutes_spent: 30, next_step: random() < 0.6 ? 'Een volgende stap' : '', look_back_tried: null, look_back_effect: '', created_at: at, updated_at: at });
      }
      if (random() < 0.3) {
        const at = inMonth();
        const theme = random() < 0.15 ? null : pick(learningThemeIds);
        questions.push({ id: randomUUID(), organisation_id: options.organisationId, professional_id: user.id, text: '', theme, status: 'open', learned: '', round_key: null, created_at: at, updated_at: at, done_at: null });
      }
      if (random() < 0.4) {
        const at = inMonth();
        feedback.push({ id: randomUUID(), organisation_id: options.organisationId, professional_id: user.id, conversation_id: null, status: 'completed', step: 5, summary: '', invitation_expires_at: at, created_at: at, updated_at: at, started_at: at, completed_at: at });
      }
      const answers = random() < 0.5 ? 1 + Math.floor(random() * 2) : 0;
      for (let a = 0; a < answers; a += 1) {
        const score = () => (random() < 0.1 ? null : 3 + Math.floor(random() * 3));
        const scores = Object.fromEntries(allianceItemIds.map((item) => [item, score()])) as Record<(typeof allianceItemIds)[number], number | null>;
        alliance.push({ id: randomUUID(), organisation_id: options.organisationId, professional_id: user.id, client_id: null, anonymous: 1, period: month, answered_on: null, ...scores });
      }
    }
  }
  await insertAll(db, 'learning_rounds', rounds);
  await insertAll(db, 'learning_questions', questions);
  await insertAll(db, 'feedback_conversations', feedback);
  await insertAll(db, 'alliance_answers', alliance);
  return { teamIds, professionals: users.length };
}
