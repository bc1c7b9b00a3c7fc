import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795324599602 implements MigrationInterface {
  name = 'InitialSchema1795324599602';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "skills" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uri" text, "code" text, "label" text NOT NULL, "alt_labels" text array NOT NULL DEFAULT '{}', "type" text NOT NULL DEFAULT 'skill', "description" text, "broader_id" uuid, "broader_uri" text, "digital" boolean NOT NULL DEFAULT false, "essential_digital" boolean NOT NULL DEFAULT false, "popularity" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9fcaef4cbd55ed13a81ad39a809" UNIQUE ("uri"), CONSTRAINT "UQ_038684d9432434385638dce158d" UNIQUE ("code"), CONSTRAINT "PK_0d3212120f4ecedf90864d7e298" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_011ba7dd99db5be4eba41f40c2" ON "skills" ("broader_id") `);
    await queryRunner.query(
      `CREATE TABLE "occupations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uri" text, "code" text, "title" text NOT NULL, "alt_labels" text array NOT NULL DEFAULT '{}', "description" text, "isco_group" text, "featured" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_296804f8c64abd1cc43807e9efe" UNIQUE ("uri"), CONSTRAINT "UQ_824de064f8a59438962a5a031da" UNIQUE ("code"), CONSTRAINT "PK_0bf09083dd897df1e8ebb96b5c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "occupation_skills" ("occupation_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "relation" text NOT NULL, "level" smallint NOT NULL DEFAULT '3', CONSTRAINT "PK_dad0c8f293e47fe9e685e3a2e3d" PRIMARY KEY ("occupation_id", "skill_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_757c01cdea1480322bd8d7c83f" ON "occupation_skills" ("skill_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text, "name" text NOT NULL, "kind" text NOT NULL, "borough" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_06f3139d67205a125c84f8c6c45" UNIQUE ("code"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "description" text, "organisation_id" uuid, "organisation_name" text NOT NULL, "mode" text NOT NULL, "postcode" text, "latitude" double precision, "longitude" double precision, "hours_per_week" real, "duration_weeks" real, "total_hours" real, "cost_pence" integer NOT NULL DEFAULT '0', "rqf_level" smallint, "start_date" TIMESTAMP WITH TIME ZONE, "closing_date" TIMESTAMP WITH TIME ZONE, "url" text, "wage_pence_per_year" integer, "funding" jsonb, "funded_available" boolean NOT NULL DEFAULT false, "step_free" boolean, "needs_own_device" boolean NOT NULL DEFAULT false, "guaranteed_interview" boolean NOT NULL DEFAULT false, "occupation_id" uuid, "unmatched_skills" text array NOT NULL DEFAULT '{}', "source_id" uuid, "source_ref" text, "content_hash" text, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL DEFAULT 'ACTIVE', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_opportunities_source_ref" UNIQUE ("source_id", "source_ref"), CONSTRAINT "PK_4bd9cd12ddc0ff48a5a97ddebce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f82f3b61a9eb33d87498ca5eaf" ON "opportunities" ("organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_875fe63a94cd953d38035a3dfe" ON "opportunities" ("mode") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_ebba7b3d81168acb88354e465f" ON "opportunities" ("cost_pence") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9732823ab0e420a06d75f5d861" ON "opportunities" ("closing_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7a23828f9d2fe6527c94320c80" ON "opportunities" ("funded_available") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1db8f7bb16ee9149b57ee52f61" ON "opportunities" ("occupation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opportunities_lat_lon" ON "opportunities" ("latitude", "longitude") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opportunities_status_kind" ON "opportunities" ("status", "kind") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opportunity_skills" ("opportunity_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "role" text NOT NULL, "level" smallint NOT NULL, CONSTRAINT "PK_87167e7e73fd5d89797fe33edb3" PRIMARY KEY ("opportunity_id", "skill_id", "role"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opportunity_skills_skill_role" ON "opportunity_skills" ("skill_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "accreditations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "skill_ids" uuid array NOT NULL, "status" text NOT NULL DEFAULT 'REQUESTED', "valid_from" TIMESTAMP WITH TIME ZONE, "valid_to" TIMESTAMP WITH TIME ZONE, "guaranteed_interview" boolean NOT NULL DEFAULT false, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5b9449ae061c7c1bd458f4567a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7edda7d939c9c7d1402c1acbff" ON "accreditations" ("opportunity_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_680e332a51bff76f15179bc372" ON "accreditations" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "maintenance_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job" text NOT NULL, "job_id" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "result" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_49545cc1bff6611e5d9adcf8233" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "skills" ADD CONSTRAINT "FK_011ba7dd99db5be4eba41f40c2e" FOREIGN KEY ("broader_id") REFERENCES "skills"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "occupation_skills" ADD CONSTRAINT "FK_8e9ccd472c2b8a2d6bdf76ad39c" FOREIGN KEY ("occupation_id") REFERENCES "occupations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "occupation_skills" ADD CONSTRAINT "FK_757c01cdea1480322bd8d7c83fe" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD CONSTRAINT "FK_f82f3b61a9eb33d87498ca5eaf2" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD CONSTRAINT "FK_1db8f7bb16ee9149b57ee52f611" FOREIGN KEY ("occupation_id") REFERENCES "occupations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_skills" ADD CONSTRAINT "FK_570216ef262d04c2c6be89670f7" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_skills" ADD CONSTRAINT "FK_cf208a4aecc91f183198ed0915b" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "FK_7edda7d939c9c7d1402c1acbff9" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "FK_680e332a51bff76f15179bc3726" FOREIGN KEY ("employer_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opportunities_search" ON "opportunities" USING GIN (to_tsvector('english', "title" || ' ' || coalesce("description", '')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_opportunities_search"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_680e332a51bff76f15179bc3726"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_7edda7d939c9c7d1402c1acbff9"`);
    await queryRunner.query(
      `ALTER TABLE "opportunity_skills" DROP CONSTRAINT "FK_cf208a4aecc91f183198ed0915b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_skills" DROP CONSTRAINT "FK_570216ef262d04c2c6be89670f7"`,
    );
    await queryRunner.query(`ALTER TABLE "opportunities" DROP CONSTRAINT "FK_1db8f7bb16ee9149b57ee52f611"`);
    await queryRunner.query(`ALTER TABLE "opportunities" DROP CONSTRAINT "FK_f82f3b61a9eb33d87498ca5eaf2"`);
    await queryRunner.query(
      `ALTER TABLE "occupation_skills" DROP CONSTRAINT "FK_757c01cdea1480322bd8d7c83fe"`,
    );
    await queryRunner.query(
      `ALTER TABLE "occupation_skills" DROP CONSTRAINT "FK_8e9ccd472c2b8a2d6bdf76ad39c"`,
    );
    await queryRunner.query(`ALTER TABLE "skills" DROP CONSTRAINT "FK_011ba7dd99db5be4eba41f40c2e"`);
    await queryRunner.query(`DROP TABLE "maintenance_runs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_680e332a51bff76f15179bc372"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7edda7d939c9c7d1402c1acbff"`);
    await queryRunner.query(`DROP TABLE "accreditations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_opportunity_skills_skill_role"`);
    await queryRunner.query(`DROP TABLE "opportunity_skills"`);
    await queryRunner.query(`DROP INDEX "public"."idx_opportunities_status_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_opportunities_lat_lon"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1db8f7bb16ee9149b57ee52f61"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a23828f9d2fe6527c94320c80"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9732823ab0e420a06d75f5d861"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebba7b3d81168acb88354e465f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_875fe63a94cd953d38035a3dfe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f82f3b61a9eb33d87498ca5eaf"`);
    await queryRunner.query(`DROP TABLE "opportunities"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_757c01cdea1480322bd8d7c83f"`);
    await queryRunner.query(`DROP TABLE "occupation_skills"`);
    await queryRunner.query(`DROP TABLE "occupations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_011ba7dd99db5be4eba41f40c2"`);
    await queryRunner.query(`DROP TABLE "skills"`);
  }
}
