// Serves the ICD-10-CM code list (reference data, no PHI) to signed-in workstations, which keep it in IndexedDB
// for offline diagnosis search: built and gzipped once per release, cacheable, with an ETag naming the release.
import { gzipSync } from 'node:zlib';
import type { Icd10List } from '../../shared/api/reference';
import { ICD10_LIST_PATH } from '../../shared/api/reference';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { icd10CodeSet } from './icd10-codes';

interface Prepared {
  etag: string;
  json: string;
  gzip: Buffer;
}

let prepared: Prepared | undefined;

function prepare(): Prepared {
  if (prepared) return prepared;
  const set = icd10CodeSet();
  const list: Icd10List = { release: set.release, codes: set.all().filter((c) => c.billable).map((c) => [c.code, c.longDescription]) };
  const json = JSON.stringify(list);
  prepared = { etag: `"icd10-${set.release}-${list.codes.length}"`, json, gzip: gzipSync(json, { level: 6 }) };
  return prepared;
}

export function icd10Routes(): RouteSpec[] {
  return [
    route({
      method: 'GET', url: ICD10_LIST_PATH, access: 'signed-in',
      handler: async ({ request, reply }) => {
        const list = prepare();
        reply.header('etag', list.etag).header('cache-control', 'private, max-age=86400').header('vary', 'accept-encoding');
        if (request.headers['if-none-match'] === list.etag) {
          reply.code(304);
          return '';
        }
        reply.type('application/json; charset=utf-8');
        if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
          reply.header('content-encoding', 'gzip');
          return list.gzip;
        }
        return list.json;
      },
    }),
  ];
}
