-- CreateEnum
CREATE TYPE "video_provider" AS ENUM ('manual', 'zoom');

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "video_provider" "video_provider" NOT NULL DEFAULT 'manual',
ADD COLUMN     "zoom_meeting_id" BIGINT,
ADD COLUMN     "zoom_meeting_uuid" TEXT;

-- CreateTable
CREATE TABLE "convocation" (
    "session_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "registrant_id" TEXT,
    "join_url" TEXT,
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "convocation_pkey" PRIMARY KEY ("session_id","member_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "session_zoom_meeting_id_key" ON "session"("zoom_meeting_id");

-- CreateIndex
CREATE INDEX "convocation_registrant_id_idx" ON "convocation"("registrant_id");

-- AddForeignKey
ALTER TABLE "convocation" ADD CONSTRAINT "convocation_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
