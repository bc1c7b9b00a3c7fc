import { writeFileSync } from 'node:fs';
import { CatalogueIndex, LearnerRecord, OpportunityRecord, planRoadmap, solvePlanningInstance } from '@skillpath/matching';
import { generatePlanningInstance } from '../../../libs/matching/src/testing/planning-instance.generator';
import { CatalogueGenerator } from './catalogue-generator';
import { loadTaxonomy } from './esco-catalogue';
const taxonomy = loadTaxonomy();
const gen = new CatalogueGenerator(taxonomy.skills.map((s) => s.id), taxonomy.occupations.map((o) => o.id));
const index = new CatalogueIndex(taxonomy.skills);
const recs: OpportunityRecord[] = [];
for (let i = 0; i < 50_000; i++) recs.push(gen.vacancy(i));
for (let i = 0; i < 30_000; i++) recs.push(gen.course(i));
index.upsert(recs, { deferCompaction: true });
index.compact();
index.upsert(Array.from({ length: 3000 }, (_, i) => gen.course(30_000 + i)), { deferCompaction: true });
const learners: LearnerRecord[] = Array.from({ length: 150 }, (_, i) => ({ skills: gen.skills(gen.int(20, 40), 1, 4), location: gen.location(), travelRadiusKm: 25, hoursPerWeek: 8, eligibility: { employmentStatus: 'UNEMPLOYED' }, ...(i % 3 === 0 ? { budgetPence: 100000 } : {}) }));
const occs = taxonomy.occupations.filter((o) => o.essential.length >= 3);
const out: unknown[] = [];
for (let i = 0; i < learners.length; i++) {
  const occ = occs[(i * 7919) % occs.length];
  const goal = { title: occ.title, skills: occ.essential.slice(0, 15).map((e) => ({ skill: e.skill, level: 2 })), occupationId: occ.id };
  out.push(planRoadmap(index, learners[i], goal, { today: '2025-01-06', occupations: occs.slice(0, 200) }));
}
for (let s = 0; s < 60; s++) {
  const r = solvePlanningInstance(generatePlanningInstance(900_000 + s, { opportunities: 20 + ((s * 37) % 181) }));
  out.push({ ...r, ms: 0 });
}
writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
