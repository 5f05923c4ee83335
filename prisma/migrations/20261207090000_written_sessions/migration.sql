-- Written sessions: a session mode whose members deliberate within a window, its close, the
-- reminders to members who have not voted, and the items referred from it to a live sitting.
ALTER TYPE "session_mode" ADD VALUE 'written';

ALTER TYPE "notification_kind" ADD VALUE 'vote_reminder';

ALTER TABLE "session" ADD COLUMN "window_closes_at" TIMESTAMPTZ(3);

ALTER TABLE "agenda_item" ADD COLUMN "carried_to_session_id" UUID;

CREATE INDEX "agenda_item_carried_to_session_id_idx" ON "agenda_item"("carried_to_session_id");
