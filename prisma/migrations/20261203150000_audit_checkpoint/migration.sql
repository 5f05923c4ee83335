-- Signed checkpoints of each committee's chain head, made with a key the database does not hold.
CREATE TABLE "audit_checkpoint" (
    "id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "key_id" CHAR(64) NOT NULL,
    "signature" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "session_id" UUID,
    "timestamp_token" BYTEA,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_checkpoint_committee_id_seq_idx" ON "audit_checkpoint"("committee_id", "seq");
CREATE INDEX "audit_checkpoint_session_id_idx" ON "audit_checkpoint"("session_id");

-- As append-only as the trail it vouches for.
CREATE TRIGGER "audit_checkpoint_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "audit_checkpoint_no_truncate" BEFORE TRUNCATE ON "audit_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
