// ICD-10-CM search in Node: building the in-memory index over the 72,621 billable FY2021 codes and one search
// (median of 20 rounds over typical queries, after a warm-up). The workstation runs the same pure module.
import { buildIcd10Index } from '../../shared/notes/icd10-search';
import { icd10CodeSet } from '../../server/icd10/icd10-codes';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const entries = icd10CodeSet().all().filter((c) => c.billable).map((c) => ({ code: c.code, description: c.longDescription }));
const builds: number[] = [];
let index = buildIcd10Index(entries);
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  index = buildIcd10Index(entries);
  builds.push(performance.now() - start);
}
const queries = ['diab', 'type 2 diabetes', 'S72', 'fracture femur', 'hypertension', 'pain low back', 'urinary tract infection', 'cough'];
for (const q of queries) index.search(q); // warm-up
const searches: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const q of queries) {
    const start = performance.now();
    index.search(q);
    searches.push(performance.now() - start);
  }
}
console.log(JSON.stringify({ name: 'ICD-10-CM index build (72,621 codes, Node)', value: median(builds), unit: 'ms', target: '', better: 'lower' }));
console.log(JSON.stringify({ name: 'ICD-10-CM search, one query (Node)', value: median(searches), unit: 'ms', target: '< 50 ms', better: 'lower' }));
