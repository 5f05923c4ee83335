-- A session that continues as new has one history per run: each is archived under its run id.
ALTER TABLE "workflow_history" DROP CONSTRAINT "workflow_history_pkey";
ALTER TABLE "workflow_history" ADD CONSTRAINT "workflow_history_pkey" PRIMARY KEY ("run_id");
CREATE INDEX "workflow_history_workflow_id_idx" ON "workflow_history"("workflow_id");
