import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's postcode districts by borough as they were when this migration was written
 * (now libs/catalogue/region/postcode-districts.json), frozen here so the backfill means the same on every
 * database. Listings written later get their borough from the code that writes them.
 */
const DISTRICTS: Record<string, string[]> = {
  Bolton: ['BL1', 'BL2', 'BL3', 'BL4', 'BL5', 'BL6', 'BL7'],
  Bury: ['BL0', 'BL8', 'BL9', 'M25', 'M26', 'M45'],
  Manchester: [
    'M1',
    'M2',
    'M3',
    'M4',
    'M8',
    'M9',
    'M11',
    'M12',
    'M13',
    'M14',
    'M15',
    'M18',
    'M19',
    'M20',
    'M21',
    'M22',
    'M23',
    'M40',
    'M90',
  ],
  Oldham: ['OL1', 'OL2', 'OL3', 'OL4', 'OL8', 'OL9', 'M35'],
  Rochdale: ['OL10', 'OL11', 'OL12', 'OL15', 'OL16', 'M24'],
  Salford: ['M5', 'M6', 'M7', 'M27', 'M28', 'M30', 'M38', 'M44', 'M50'],
  Stockport: ['SK1', 'SK2', 'SK3', 'SK4', 'SK5', 'SK6', 'SK7', 'SK8'],
  Tameside: ['M34', 'M43', 'OL5', 'OL6', 'OL7', 'SK14', 'SK15', 'SK16'],
  Trafford: ['M16', 'M17', 'M31', 'M32', 'M33', 'M41', 'WA14', 'WA15'],
  Wigan: ['WN1', 'WN2', 'WN3', 'WN4', 'WN5', 'WN6', 'WN7', 'M29', 'M46', 'WA3'],
};

export class AddOpportunityBorough1796153917845 implements MigrationInterface {
  name = 'AddOpportunityBorough1796153917845';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "opportunities" ADD "borough" text`);
    // Backfill from each listing's own postcode (full, or just its outward code), never from its employer.
    const outward = Object.values(DISTRICTS).flat();
    const borough = Object.entries(DISTRICTS).flatMap(([b, codes]) => codes.map(() => b));
    await queryRunner.query(
      `UPDATE "opportunities" o SET "borough" = d.borough
         FROM unnest($1::text[], $2::text[]) AS d(outward, borough)
        WHERE o."postcode" IS NOT NULL
          AND d.outward = CASE WHEN length(replace(o."postcode", ' ', '')) >= 5
                                THEN upper(left(replace(o."postcode", ' ', ''), -3))
                                ELSE upper(replace(o."postcode", ' ', '')) END`,
      [outward, borough],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "opportunities" DROP COLUMN "borough"`);
  }
}
