import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddListingSources1795325391628 implements MigrationInterface {
  name = 'AddListingSources1795325391628';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "format" text NOT NULL, "url" text NOT NULL, "credentials_env" text, "schedule" text, "rate_limit_per_second" real NOT NULL DEFAULT '5', "page_size" integer NOT NULL DEFAULT '100', "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ee4027d72bd2c0c01c4d1fc1109" UNIQUE ("name"), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "source_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'RUNNING', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "cursor" text, "pages" integer NOT NULL DEFAULT '0', "fetched" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "expired" integer NOT NULL DEFAULT '0', "quarantined" integer NOT NULL DEFAULT '0', "error" text, "job_id" text, CONSTRAINT "PK_39fc8f070089028e0e1ffed6c10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_source_runs_source_started" ON "source_runs" ("source_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "quarantined_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "run_id" uuid, "source_ref" text, "raw" jsonb, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c424c2212e5bf98dae1df5da894" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_quarantined_records_source_created" ON "quarantined_records" ("source_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD CONSTRAINT "FK_67b588b6ae0775dd5e1b37320fa" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_runs" ADD CONSTRAINT "FK_c283010bb5c4b167ffcf6093ea0" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quarantined_records" ADD CONSTRAINT "FK_9b4cc417f580d9d93d995481618" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "quarantined_records" DROP CONSTRAINT "FK_9b4cc417f580d9d93d995481618"`,
    );
    await queryRunner.query(`ALTER TABLE "source_runs" DROP CONSTRAINT "FK_c283010bb5c4b167ffcf6093ea0"`);
    await queryRunner.query(`ALTER TABLE "opportunities" DROP CONSTRAINT "FK_67b588b6ae0775dd5e1b37320fa"`);
    await queryRunner.query(`DROP INDEX "public"."idx_quarantined_records_source_created"`);
    await queryRunner.query(`DROP TABLE "quarantined_records"`);
    await queryRunner.query(`DROP INDEX "public"."idx_source_runs_source_started"`);
    await queryRunner.query(`DROP TABLE "source_runs"`);
    await queryRunner.query(`DROP TABLE "sources"`);
  }
}
