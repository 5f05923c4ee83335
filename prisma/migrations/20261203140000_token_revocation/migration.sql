-- Tokens refused before their expiry: one token by its id, or every token of a subject issued before a time.
CREATE TABLE "token_revocation" (
    "id" UUID NOT NULL,
    "token_id" TEXT,
    "subject" TEXT,
    "issued_before" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,
    "revoked_by" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL,
    "forget_after" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "token_revocation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "token_revocation_names_tokens" CHECK (("token_id" IS NOT NULL) <> ("subject" IS NOT NULL AND "issued_before" IS NOT NULL))
);

CREATE INDEX "token_revocation_forget_after_idx" ON "token_revocation"("forget_after");
