-- AlterTable
ALTER TABLE "convocation" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "place" TEXT;

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'session_cancellation';
