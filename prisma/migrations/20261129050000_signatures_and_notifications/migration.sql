-- AlterEnum
ALTER TYPE "minutes_status" ADD VALUE 'superseded';

-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('decision_letter', 'offer_letter', 'minutes_to_prefect', 'signature_reminder', 'signature_escalation');

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "applicant_name" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "postal_address" TEXT;

-- AlterTable
ALTER TABLE "minutes_signature" DROP CONSTRAINT "minutes_signature_pkey",
ALTER COLUMN "member_id" SET DATA TYPE TEXT,
ADD COLUMN     "key_fingerprint" CHAR(64),
ADD COLUMN     "signature" TEXT,
ADD CONSTRAINT "minutes_signature_pkey" PRIMARY KEY ("minutes_id", "role");

-- RenameColumn
ALTER TABLE "minutes_signature" RENAME COLUMN "member_id" TO "signer";

-- CreateTable
CREATE TABLE "signer_key" (
    "committee_id" UUID NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "signer" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "public_key_pem" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "signer_key_pkey" PRIMARY KEY ("committee_id","fingerprint")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "session_id" UUID NOT NULL,
    "agenda_item_id" UUID,
    "application_id" UUID,
    "recipient" TEXT,
    "document" BYTEA,
    "document_sha256" CHAR(64),
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "signer_key_committee_id_signer_idx" ON "signer_key"("committee_id", "signer");

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_session_id_idx" ON "notification"("session_id");
