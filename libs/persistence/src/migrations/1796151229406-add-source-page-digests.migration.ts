import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSourcePageDigests1796151229406 implements MigrationInterface {
  name = 'AddSourcePageDigests1796151229406';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "source_page_digests" ("source_id" uuid NOT NULL, "cursor_key" text NOT NULL, "reader_key" text NOT NULL, "body_hash" text NOT NULL, "next_cursor" text, "fetched" integer NOT NULL, "opportunity_ids" uuid array NOT NULL, "content_hashes" text array NOT NULL, "run_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa9cb8077a3964ffd6eecd339ba" PRIMARY KEY ("source_id", "cursor_key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_page_digests" ADD CONSTRAINT "FK_9e6b374cb009065512cafd82323" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "source_page_digests" DROP CONSTRAINT "FK_9e6b374cb009065512cafd82323"`,
    );
    await queryRunner.query(`DROP TABLE "source_page_digests"`);
  }
}
