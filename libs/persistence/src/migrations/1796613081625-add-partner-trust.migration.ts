import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations verified before they vouch (evidence, status, an audit table), providers' requests
 * that learners answer, a Bitstring Status List index per credential, and employer outcomes recorded once.
 * Existing organisations stay PENDING (fail closed): an ADMIN verifies them (`npm run cli -- org:verify`).
 */
export class AddPartnerTrust1796613081625 implements MigrationInterface {
  name = 'AddPartnerTrust1796613081625';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "actor_user_id" uuid, "actor_role" text NOT NULL, "action" text NOT NULL, "reason" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be3e1416a0c4aa60cc7c1299cad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_audit_org_at" ON "organisation_audit_log" ("organisation_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "user_id" uuid NOT NULL, "opportunity_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "requested_by" uuid, "status" text NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6e03172e1c8c0f1dcc8ccef1de7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_75d9190cfa2f0fab61889502b5" ON "participation_requests" ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_participation_requests_open" ON "participation_requests" ("user_id", "opportunity_id", "kind") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(`ALTER TABLE "organisations" ADD "verification" text NOT NULL DEFAULT 'PENDING'`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "evidence_kind" text`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "evidence_number" text`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "verified_by" uuid`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "rejection_reason" text`);
    await queryRunner.query(`ALTER TABLE "credentials" ADD "status_list_index" integer`);
    await queryRunner.query(
      `ALTER TABLE "credentials" ADD CONSTRAINT "UQ_028c81170538fc87f8f0efbf947" UNIQUE ("status_list_index")`,
    );
    // A double submit could have recorded an employer's outcome twice before this index: keep the first.
    await queryRunner.query(`DELETE FROM learner_outcomes a USING learner_outcomes b
      WHERE a.recorded_by = 'EMPLOYER' AND b.recorded_by = 'EMPLOYER' AND a.user_id = b.user_id AND a.kind = b.kind
        AND a.opportunity_id IS NOT DISTINCT FROM b.opportunity_id AND (a.at, a.id) > (b.at, b.id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_learner_outcomes_employer_once" ON "learner_outcomes" ("user_id", "opportunity_id", "kind") WHERE recorded_by = 'EMPLOYER'`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_requests" ADD CONSTRAINT "FK_75d9190cfa2f0fab61889502b53" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_requests" ADD CONSTRAINT "FK_7ecce3f9e3d6bc6d198c8647577" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "participation_requests" DROP CONSTRAINT "FK_7ecce3f9e3d6bc6d198c8647577"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_requests" DROP CONSTRAINT "FK_75d9190cfa2f0fab61889502b53"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_learner_outcomes_employer_once"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP CONSTRAINT "UQ_028c81170538fc87f8f0efbf947"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP COLUMN "status_list_index"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "rejection_reason"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "verified_by"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "verified_at"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "evidence_number"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "evidence_kind"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "verification"`);
    await queryRunner.query(`DROP INDEX "public"."uq_participation_requests_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_75d9190cfa2f0fab61889502b5"`);
    await queryRunner.query(`DROP TABLE "participation_requests"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_audit_org_at"`);
    await queryRunner.query(`DROP TABLE "organisation_audit_log"`);
  }
}
