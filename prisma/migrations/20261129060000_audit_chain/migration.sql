-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prev_hash" CHAR(64),
ADD COLUMN     "seq" INTEGER;

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "committee_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("committee_id")
);

-- CreateTable
CREATE TABLE "audit_chain_start" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "last_unchained_id" BIGINT NOT NULL,

    CONSTRAINT "audit_chain_start_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_history" (
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "session_id" UUID,
    "history" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "events" INTEGER NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workflow_history_pkey" PRIMARY KEY ("workflow_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_committee_id_seq_key" ON "audit_event"("committee_id", "seq");

-- CreateIndex
CREATE INDEX "workflow_history_session_id_idx" ON "workflow_history"("session_id");

-- The trail is append-only: the application never changes or removes an event.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- Events written before the chain existed: any unchained event after these was inserted by hand.
INSERT INTO "audit_chain_start" ("id", "last_unchained_id") SELECT 1, COALESCE(MAX("id"), 0) FROM "audit_event";
