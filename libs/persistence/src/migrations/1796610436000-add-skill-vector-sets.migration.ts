import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSkillVectorSets1796610436000 implements MigrationInterface {
  name = 'AddSkillVectorSets1796610436000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "skill_vector_sets" ("taxonomy_version" text NOT NULL, "encoder_id" text NOT NULL, "taxonomy" jsonb NOT NULL, "vectors" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fea8b001852896f3ed2298bf394" PRIMARY KEY ("taxonomy_version", "encoder_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "skill_vector_sets"`);
  }
}
