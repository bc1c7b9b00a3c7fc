import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPartners1795326868907 implements MigrationInterface {
  name = 'AddPartners1795326868907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_members" ("organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cc6551a3f80b7aca61439ac6a5" PRIMARY KEY ("organisation_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6d808506119822a1e47422b512" ON "organisation_members" ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "token_hash" text NOT NULL, "invited_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0495b485f315771b164bb6cf792" UNIQUE ("token_hash"), CONSTRAINT "PK_d9657c67b15006843b0472d8a75" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6b846f2e4a21943d2e6c0439b7" ON "organisation_invitations" ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "course_participations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "opportunity_id" uuid NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE, "provider_completed_at" TIMESTAMP WITH TIME ZONE, "learner_completed_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_course_participations_user_opportunity" UNIQUE ("user_id", "opportunity_id"), CONSTRAINT "PK_698081674bd57ff7662b8af6ee5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dfa72182038b25860a3653d7eb" ON "course_participations" ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0cef578d5611e02d9d9a9e5a0" ON "course_participations" ("opportunity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "credentials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "opportunity_id" uuid NOT NULL, "accreditation_id" uuid, "achievement_name" text NOT NULL, "jws" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e38bc43be6697cdda548ad27a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c68a6c53e95a7dc357f4ebce8f" ON "credentials" ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_3a284435eddc8e391ae417917a" ON "credentials" ("opportunity_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8c3a1b2926eec57573a07fd9e0" ON "credentials" ("accreditation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expressions_of_interest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "learner_user_id" uuid NOT NULL, "sent_by" uuid, "message" text NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_expressions_of_interest_vacancy_learner" UNIQUE ("vacancy_id", "learner_user_id"), CONSTRAINT "PK_c0cae9a0629fa3d661ea1336096" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aa8cb36d4830babdc06a46d5d9" ON "expressions_of_interest" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d85d98bcf49bc07276752ede0b" ON "expressions_of_interest" ("learner_user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "name" text NOT NULL, "join_code" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_72225d44aad9da975b4a2662d72" UNIQUE ("join_code"), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_264b3505eadeef28c46fec26b0" ON "cohorts" ("partnership_id") `);
    await queryRunner.query(
      `CREATE TABLE "cohort_members" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL, "individual_monitoring" boolean NOT NULL DEFAULT false, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9001e01b40ea73c30f7bb495f11" PRIMARY KEY ("cohort_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_94586924fd1c63d7a51d376707" ON "cohort_members" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "learner_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "opportunity_id" uuid, "recorded_by" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2787158664acef165a9d86c12c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_learner_outcomes_user_kind" ON "learner_outcomes" ("user_id", "kind") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_members" ADD CONSTRAINT "FK_588fd3930af62ea399879e1d7ab" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_members" ADD CONSTRAINT "FK_6d808506119822a1e47422b512a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_invitations" ADD CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_participations" ADD CONSTRAINT "FK_dfa72182038b25860a3653d7eb6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_participations" ADD CONSTRAINT "FK_b0cef578d5611e02d9d9a9e5a00" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "credentials" ADD CONSTRAINT "FK_c68a6c53e95a7dc357f4ebce8f0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "credentials" ADD CONSTRAINT "FK_8c3a1b2926eec57573a07fd9e04" FOREIGN KEY ("accreditation_id") REFERENCES "accreditations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "FK_aa8cb36d4830babdc06a46d5d93" FOREIGN KEY ("employer_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "FK_37c9edf08b686b2eb1f5066b21a" FOREIGN KEY ("vacancy_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "FK_d85d98bcf49bc07276752ede0bb" FOREIGN KEY ("learner_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohorts" ADD CONSTRAINT "FK_264b3505eadeef28c46fec26b06" FOREIGN KEY ("partnership_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_members" ADD CONSTRAINT "FK_bde9c54a6a6fa9bf6fcecad1e03" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_members" ADD CONSTRAINT "FK_94586924fd1c63d7a51d3767074" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learner_outcomes" ADD CONSTRAINT "FK_84d4d1d0fd6a03a61cee18cbb39" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "learner_outcomes" DROP CONSTRAINT "FK_84d4d1d0fd6a03a61cee18cbb39"`,
    );
    await queryRunner.query(`ALTER TABLE "cohort_members" DROP CONSTRAINT "FK_94586924fd1c63d7a51d3767074"`);
    await queryRunner.query(`ALTER TABLE "cohort_members" DROP CONSTRAINT "FK_bde9c54a6a6fa9bf6fcecad1e03"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_264b3505eadeef28c46fec26b06"`);
    await queryRunner.query(
      `ALTER TABLE "expressions_of_interest" DROP CONSTRAINT "FK_d85d98bcf49bc07276752ede0bb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expressions_of_interest" DROP CONSTRAINT "FK_37c9edf08b686b2eb1f5066b21a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expressions_of_interest" DROP CONSTRAINT "FK_aa8cb36d4830babdc06a46d5d93"`,
    );
    await queryRunner.query(`ALTER TABLE "credentials" DROP CONSTRAINT "FK_8c3a1b2926eec57573a07fd9e04"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP CONSTRAINT "FK_c68a6c53e95a7dc357f4ebce8f0"`);
    await queryRunner.query(
      `ALTER TABLE "course_participations" DROP CONSTRAINT "FK_b0cef578d5611e02d9d9a9e5a00"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_participations" DROP CONSTRAINT "FK_dfa72182038b25860a3653d7eb6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_invitations" DROP CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_members" DROP CONSTRAINT "FK_6d808506119822a1e47422b512a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_members" DROP CONSTRAINT "FK_588fd3930af62ea399879e1d7ab"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_learner_outcomes_user_kind"`);
    await queryRunner.query(`DROP TABLE "learner_outcomes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94586924fd1c63d7a51d376707"`);
    await queryRunner.query(`DROP TABLE "cohort_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_264b3505eadeef28c46fec26b0"`);
    await queryRunner.query(`DROP TABLE "cohorts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d85d98bcf49bc07276752ede0b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aa8cb36d4830babdc06a46d5d9"`);
    await queryRunner.query(`DROP TABLE "expressions_of_interest"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c3a1b2926eec57573a07fd9e0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a284435eddc8e391ae417917a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c68a6c53e95a7dc357f4ebce8f"`);
    await queryRunner.query(`DROP TABLE "credentials"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0cef578d5611e02d9d9a9e5a0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dfa72182038b25860a3653d7eb"`);
    await queryRunner.query(`DROP TABLE "course_participations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6b846f2e4a21943d2e6c0439b7"`);
    await queryRunner.query(`DROP TABLE "organisation_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6d808506119822a1e47422b512"`);
    await queryRunner.query(`DROP TABLE "organisation_members"`);
  }
}
