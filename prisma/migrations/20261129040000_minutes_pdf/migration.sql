-- AlterTable
ALTER TABLE "minutes" ADD COLUMN     "pdf" BYTEA,
ADD COLUMN     "pdf_sha256" CHAR(64);
