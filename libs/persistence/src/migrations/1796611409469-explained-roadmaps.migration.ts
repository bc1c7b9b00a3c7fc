import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExplainedRoadmaps1796611409469 implements MigrationInterface {
  name = 'ExplainedRoadmaps1796611409469';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD "entitlements" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "roadmaps" ADD "diagnosis" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" ADD "list_price_pence" integer`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" ADD "funding_rule_id" text`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" ADD "ask" jsonb`);
    await queryRunner.query(`ALTER TABLE "learner_profiles" ADD "has_essential_digital_skills" boolean`);
    await queryRunner.query(`ALTER TABLE "learner_profiles" ADD "earns_under_low_wage_threshold" boolean`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learner_profiles" DROP COLUMN "earns_under_low_wage_threshold"`);
    await queryRunner.query(`ALTER TABLE "learner_profiles" DROP COLUMN "has_essential_digital_skills"`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" DROP COLUMN "ask"`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" DROP COLUMN "funding_rule_id"`);
    await queryRunner.query(`ALTER TABLE "roadmap_steps" DROP COLUMN "list_price_pence"`);
    await queryRunner.query(`ALTER TABLE "roadmaps" DROP COLUMN "diagnosis"`);
    await queryRunner.query(`ALTER TABLE "opportunities" DROP COLUMN "entitlements"`);
  }
}
