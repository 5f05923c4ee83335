-- PDF signatures of the minutes (PAdES): each signature adds a revision to the PDF; the
-- revisions are kept by their SHA-256, and each signature names the one it made.
CREATE TABLE "minutes_pdf_revision" (
    "sha256" CHAR(64) NOT NULL,
    "session_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "base_sha256" CHAR(64) NOT NULL,
    "pdf" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "minutes_pdf_revision_pkey" PRIMARY KEY ("sha256")
);

CREATE INDEX "minutes_pdf_revision_session_id_version_idx" ON "minutes_pdf_revision"("session_id", "version");

ALTER TABLE "minutes_pdf_revision" ADD CONSTRAINT "minutes_pdf_revision_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "minutes_signature" ADD COLUMN "pdf_sha256" CHAR(64),
ADD COLUMN "certificate_sha256" CHAR(64),
ADD COLUMN "signer_name" TEXT,
ADD COLUMN "timestamped_at" TIMESTAMPTZ(3);
