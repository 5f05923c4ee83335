-- CreateEnum
CREATE TYPE "offer_status" AS ENUM ('offered', 'accepted', 'declined', 'expired');

-- CreateTable
CREATE TABLE "offer" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "agenda_item_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "offered_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "status" "offer_status" NOT NULL DEFAULT 'offered',
    "answered_at" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dwelling_to_reallocate" (
    "agenda_item_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "dwelling_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dwelling_to_reallocate_pkey" PRIMARY KEY ("agenda_item_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "offer_agenda_item_id_application_id_key" ON "offer"("agenda_item_id", "application_id");

-- CreateIndex
CREATE INDEX "offer_session_id_idx" ON "offer"("session_id");

-- CreateIndex
CREATE INDEX "dwelling_to_reallocate_committee_id_idx" ON "dwelling_to_reallocate"("committee_id");
