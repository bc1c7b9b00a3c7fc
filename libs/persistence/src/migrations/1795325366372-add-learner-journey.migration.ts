import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLearnerJourney1795325366372 implements MigrationInterface {
  name = 'AddLearnerJourney1795325366372';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_user_id" uuid, "actor_role" text NOT NULL, "subject_user_id" uuid NOT NULL, "action" text NOT NULL, "reason" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_log_subject_at" ON "audit_log" ("subject_user_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_user_created" ON "notifications" ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "roadmaps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "version" integer NOT NULL, "goal_occupation_id" uuid, "goal_opportunity_id" uuid, "reachable" boolean NOT NULL, "coverage" real NOT NULL, "missing_skill_ids" uuid array NOT NULL DEFAULT '{}', "total_hours" real NOT NULL, "total_cost_pence" integer NOT NULL, "trigger" text NOT NULL, "reason" text NOT NULL, "summary" text NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', "alternatives" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_roadmaps_user_version" UNIQUE ("user_id", "version"), CONSTRAINT "PK_9b0d527f9c64d15405c21e7ca54" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8c03d623a4220fd34b24ab5db1" ON "roadmaps" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "roadmap_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "roadmap_id" uuid NOT NULL, "position" integer NOT NULL, "opportunity_id" uuid NOT NULL, "kind" text NOT NULL, "skills_gained" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'PLANNED', "why" text NOT NULL, "hours" real, "cost_pence" integer NOT NULL, "distance_km" real, "planned_start" TIMESTAMP WITH TIME ZONE, "planned_end" TIMESTAMP WITH TIME ZONE, "status_changed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1a8f9c5be7e6edbf25420ff8610" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fb394b9673beabd6ff2f749f99" ON "roadmap_steps" ("roadmap_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dce9730d27cfe339ebe7412b36" ON "roadmap_steps" ("opportunity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "learner_skills" ("user_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "source" text NOT NULL, "level" smallint NOT NULL, "evidence_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f54db7180ddc7ec4804751ae28" PRIMARY KEY ("user_id", "skill_id", "source"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_37920e3d56707e3a0416cbdc40" ON "learner_skills" ("skill_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "learner_profiles" ("user_id" uuid NOT NULL, "postcode" text, "latitude" double precision, "longitude" double precision, "borough" text, "travel_radius_km" real, "modes" text array NOT NULL DEFAULT '{}', "hours_per_week" real, "budget_pence" integer, "age_band" text, "employment_status" text, "receiving_benefits" boolean, "highest_qualification_level" smallint, "no_laptop" boolean NOT NULL DEFAULT false, "mobile_only" boolean NOT NULL DEFAULT false, "step_free_only" boolean NOT NULL DEFAULT false, "share_with_employers" boolean NOT NULL DEFAULT false, "share_with_partnerships" boolean NOT NULL DEFAULT false, "goal_occupation_id" uuid, "goal_opportunity_id" uuid, "self_check_completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_94cd9a55d9923c7f859e683c051" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roadmaps" ADD CONSTRAINT "FK_8c03d623a4220fd34b24ab5db1a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roadmap_steps" ADD CONSTRAINT "FK_fb394b9673beabd6ff2f749f99e" FOREIGN KEY ("roadmap_id") REFERENCES "roadmaps"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roadmap_steps" ADD CONSTRAINT "FK_dce9730d27cfe339ebe7412b365" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learner_skills" ADD CONSTRAINT "FK_4801e29ce6fff8d7903eb3a2aad" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learner_skills" ADD CONSTRAINT "FK_37920e3d56707e3a0416cbdc40e" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learner_profiles" ADD CONSTRAINT "FK_94cd9a55d9923c7f859e683c051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "learner_profiles" DROP CONSTRAINT "FK_94cd9a55d9923c7f859e683c051"`,
    );
    await queryRunner.query(`ALTER TABLE "learner_skills" DROP CONSTRAINT "FK_37920e3d56707e3a0416cbdc40e"`);
    await queryRunner.query(`ALTER TABLE "learner_skills" DROP CONSTRAINT "FK_4801e29ce6fff8d7903eb3a2aad"`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" DROP CONSTRAINT "FK_dce9730d27cfe339ebe7412b365"`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" DROP CONSTRAINT "FK_fb394b9673beabd6ff2f749f99e"`);
    await queryRunner.query(`ALTER TABLE "roadmaps" DROP CONSTRAINT "FK_8c03d623a4220fd34b24ab5db1a"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`DROP TABLE "learner_profiles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37920e3d56707e3a0416cbdc40"`);
    await queryRunner.query(`DROP TABLE "learner_skills"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dce9730d27cfe339ebe7412b36"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb394b9673beabd6ff2f749f99"`);
    await queryRunner.query(`DROP TABLE "roadmap_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c03d623a4220fd34b24ab5db1"`);
    await queryRunner.query(`DROP TABLE "roadmaps"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_user_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_subject_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
