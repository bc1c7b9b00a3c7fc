import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddExtractedRequirements1796612909364 implements MigrationInterface {
  name = 'AddExtractedRequirements1796612909364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "opportunity_skills" ADD "extracted" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "opportunity_skills" DROP COLUMN "extracted"`);
  }
}
