import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddListingEnrichment1796610046772 implements MigrationInterface {
  name = 'AddListingEnrichment1796610046772';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "opportunities" ADD "occupation_confidence" real`);
    await queryRunner.query(`ALTER TABLE "opportunities" ADD "enrichment_key" text`);
    await queryRunner.query(`ALTER TABLE "opportunity_skills" ADD "inferred" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "opportunity_skills" DROP COLUMN "inferred"`);
    await queryRunner.query(`ALTER TABLE "opportunities" DROP COLUMN "enrichment_key"`);
    await queryRunner.query(`ALTER TABLE "opportunities" DROP COLUMN "occupation_confidence"`);
  }
}
