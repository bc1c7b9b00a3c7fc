import { MigrationInterface, QueryRunner } from 'typeorm';

/** Absolute session lifetime: each refresh token carries its session's end; existing ones end when they expire. */
export class AddSessionExpiry1796611583544 implements MigrationInterface {
  name = 'AddSessionExpiry1796611583544';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "session_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "refresh_tokens" SET "session_expires_at" = "expires_at"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ALTER COLUMN "session_expires_at" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "session_expires_at"`);
  }
}
