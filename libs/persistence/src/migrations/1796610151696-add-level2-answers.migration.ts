import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLevel2Answers1796610151696 implements MigrationInterface {
  name = 'AddLevel2Answers1796610151696';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learner_profiles" ADD "has_maths_level2" boolean`);
    await queryRunner.query(`ALTER TABLE "learner_profiles" ADD "has_english_level2" boolean`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learner_profiles" DROP COLUMN "has_english_level2"`);
    await queryRunner.query(`ALTER TABLE "learner_profiles" DROP COLUMN "has_maths_level2"`);
  }
}
