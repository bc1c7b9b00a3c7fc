import { CatalogueIndex, LearnerRecord, OpportunityRecord, rankOpportunities } from '@skillpath/matching';
import { LearnerQuery } from '../../../libs/matching/src/ranking/learner-query';
import { LearnerFilter } from '../../../libs/matching/src/ranking/rank-opportunities';
import { CatalogueGenerator } from './catalogue-generator';
import { loadTaxonomy } from './esco-catalogue';
const taxonomy = loadTaxonomy();
const gen = new CatalogueGenerator(taxonomy.skills.map((s) => s.id), taxonomy.occupations.map((o) => o.id));
const index = new CatalogueIndex(taxonomy.skills);
const N = process.argv.includes('--quick') ? 100_000 : 1_000_000;
for (let i = 0; i < N; i += 20000) { const b: OpportunityRecord[] = []; for (let j = i; j < i + 20000; j++) b.push(gen.vacancy(j)); index.upsert(b, { deferCompaction: true }); }
index.compact();
for (let n = 0; n < 12; n++) {
  const l: LearnerRecord = { skills: gen.skills(gen.int(20, 40), 1, 4), location: gen.location(), travelRadiusKm: 25, hoursPerWeek: 8, eligibility: { employmentStatus: 'UNEMPLOYED' } };
  const top = rankOpportunities(index, l, { kinds: ['VACANCY'], k: 50 });
  const thr = top[top.length - 1].score;
  const q = new LearnerQuery(index, l);
  const f = new LearnerFilter(index, l, q);
  let S = 0; q.factor.forEach((x) => { if (x > 0) S++; });
  let visited = 0, passBound = 0, sigBits = 0;
  let mlo = 0, mhi = 0;
  index.signatureSkills.forEach((c, b) => { if (q.factor[c] > 0) { if (b < 32) mlo |= 1 << b; else mhi |= 1 << (b - 32); sigBits++; } });
  const pc = (x: number) => { let c = 0; while (x) { x &= x - 1; c++; } return c; };
  for (const key of f.keysFor('VACANCY')) for (let s = index.keyStart[key]; s < index.keyStart[key + 1]; s++) {
    visited++;
    const L = index.requires.start.data[s + 1] - index.requires.start.data[s];
    const miss = pc(index.reqSigLo.data[s] & ~mlo) + pc(index.reqSigHi.data[s] & ~mhi);
    if ((L - miss) / L >= thr) passBound++;
  }
  console.log({ S, sigBits, thr: thr.toFixed(3), top1: top[0].score.toFixed(3), visited, passBound });
}
