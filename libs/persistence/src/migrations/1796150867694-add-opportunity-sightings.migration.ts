import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOpportunitySightings1796150867694 implements MigrationInterface {
  name = 'AddOpportunitySightings1796150867694';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "opportunity_sightings" ("opportunity_id" uuid NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_run_id" uuid, CONSTRAINT "PK_78c0b59d10ae0f572b7050948ce" PRIMARY KEY ("opportunity_id")) WITH (fillfactor = 50)`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_sightings" ADD CONSTRAINT "FK_78c0b59d10ae0f572b7050948ce" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Backfill: every listing from a feed was last seen when its row says. Refresh expiry also reads
    // opportunities.last_seen_at, so listings written by a worker still running the previous version
    // during a deploy are not expired for want of a sighting.
    await queryRunner.query(
      `INSERT INTO "opportunity_sightings" ("opportunity_id", "last_seen_at") SELECT "id", "last_seen_at" FROM "opportunities" WHERE "source_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The previous version expires by opportunities.last_seen_at alone: give it back what it would have written.
    await queryRunner.query(
      `UPDATE "opportunities" o SET "last_seen_at" = s."last_seen_at" FROM "opportunity_sightings" s WHERE s."opportunity_id" = o."id" AND s."last_seen_at" > o."last_seen_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_sightings" DROP CONSTRAINT "FK_78c0b59d10ae0f572b7050948ce"`,
    );
    await queryRunner.query(`DROP TABLE "opportunity_sightings"`);
  }
}
