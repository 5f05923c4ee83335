-- CreateEnum
CREATE TYPE "agenda_item_kind" AS ENUM ('allocation', 'occupancy_review');

-- CreateEnum
CREATE TYPE "occupancy_situation" AS ENUM ('over_occupation', 'under_occupation', 'adapted_dwelling_not_needed', 'disability_or_loss_of_autonomy', 'income_above_ceiling');

-- AlterTable
ALTER TABLE "agenda_item" ADD COLUMN     "deferral_reason" TEXT,
ADD COLUMN     "kind" "agenda_item_kind" NOT NULL DEFAULT 'allocation',
ADD COLUMN     "referred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "removed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "birth_date" DATE,
ADD COLUMN     "contingent" TEXT,
ADD COLUMN     "substitute_for" UUID;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "reconvened_from_id" UUID;

-- CreateTable
CREATE TABLE "occupancy_opinion" (
    "agenda_item_id" UUID NOT NULL,
    "situation" "occupancy_situation" NOT NULL,
    "suitable_dwelling" TEXT NOT NULL,
    "advice" TEXT,
    "tally" JSONB NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "occupancy_opinion_pkey" PRIMARY KEY ("agenda_item_id")
);

-- AddForeignKey
ALTER TABLE "occupancy_opinion" ADD CONSTRAINT "occupancy_opinion_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
