-- CreateEnum
CREATE TYPE "member_role" AS ENUM ('board_member', 'board_substitute', 'prefect', 'epci_president', 'mayor', 'social_organisation', 'reservataire', 'social_services', 'staff');

-- CreateEnum
CREATE TYPE "session_mode" AS ENUM ('remote', 'in_person', 'mixed');

-- CreateEnum
CREATE TYPE "session_phase" AS ENUM ('draft', 'convened', 'open', 'deliberating', 'closed', 'minutes_drafted', 'signed', 'notified', 'completed', 'adjourned', 'cancelled');

-- CreateEnum
CREATE TYPE "vote_choice" AS ENUM ('for', 'against', 'abstain');

-- CreateEnum
CREATE TYPE "decision_type" AS ENUM ('attribution', 'ranked_attribution', 'conditional_attribution', 'non_attribution', 'rejection', 'deferred');

-- CreateEnum
CREATE TYPE "minutes_status" AS ENUM ('drafted', 'signed');

-- CreateTable
CREATE TABLE "committee" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "landlord" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_rules" (
    "committee_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committee_rules_pkey" PRIMARY KEY ("committee_id","version")
);

-- CreateTable
CREATE TABLE "member" (
    "id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "member_role" NOT NULL,
    "commune" TEXT,
    "epci" TEXT,
    "tenant_representative" BOOLEAN NOT NULL DEFAULT false,
    "chair" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dwelling" (
    "id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "commune" TEXT NOT NULL,
    "epci" TEXT,
    "type" TEXT NOT NULL,
    "surface_m2" DECIMAL(7,2) NOT NULL,
    "rent_cents" INTEGER NOT NULL,
    "financing" TEXT NOT NULL,
    "contingent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dwelling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "application_number" TEXT NOT NULL,
    "household_summary" TEXT NOT NULL,
    "priority" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "rules_version" INTEGER NOT NULL,
    "scheduled_start" TIMESTAMPTZ(3) NOT NULL,
    "mode" "session_mode" NOT NULL,
    "phase" "session_phase" NOT NULL DEFAULT 'draft',
    "workflow_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_item" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "dwelling_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "exception" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_candidate" (
    "agenda_item_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "agenda_candidate_pkey" PRIMARY KEY ("agenda_item_id","application_id")
);

-- CreateTable
CREATE TABLE "vote" (
    "agenda_item_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "cast_by_id" UUID NOT NULL,
    "choice" "vote_choice" NOT NULL,
    "cast_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("agenda_item_id","member_id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "agenda_item_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "type" "decision_type" NOT NULL,
    "rank" INTEGER,
    "condition_document" TEXT,
    "condition_deadline" DATE,
    "reasons" TEXT,
    "tally" JSONB NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "status" "minutes_status" NOT NULL DEFAULT 'drafted',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes_signature" (
    "minutes_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "minutes_signature_pkey" PRIMARY KEY ("minutes_id","member_id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "committee_id" UUID NOT NULL,
    "session_id" UUID,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "key" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("principal","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_committee_id_email_key" ON "member"("committee_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "dwelling_committee_id_reference_key" ON "dwelling"("committee_id", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "application_committee_id_application_number_key" ON "application"("committee_id", "application_number");

-- CreateIndex
CREATE UNIQUE INDEX "session_workflow_id_key" ON "session"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_committee_id_scheduled_start_key" ON "session"("committee_id", "scheduled_start");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_candidate_agenda_item_id_rank_key" ON "agenda_candidate"("agenda_item_id", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "decision_agenda_item_id_application_id_key" ON "decision"("agenda_item_id", "application_id");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_session_id_version_key" ON "minutes"("session_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_dedupe_key_key" ON "audit_event"("dedupe_key");

-- CreateIndex
CREATE INDEX "audit_event_session_id_idx" ON "audit_event"("session_id");

-- AddForeignKey
ALTER TABLE "committee_rules" ADD CONSTRAINT "committee_rules_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dwelling" ADD CONSTRAINT "dwelling_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_candidate" ADD CONSTRAINT "agenda_candidate_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_signature" ADD CONSTRAINT "minutes_signature_minutes_id_fkey" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
