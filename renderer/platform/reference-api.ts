// Downloads reference data the workstation keeps offline (no patient data): the ICD-10-CM code list.
import { ICD10_LIST_PATH, Icd10ListSchema } from '../../shared/api/reference';
import type { Icd10List } from '../../shared/api/reference';
import { apiRequest } from './api-client';
import type { Result } from './result';

export function fetchIcd10List(): Promise<Result<Icd10List>> {
  return apiRequest({ path: ICD10_LIST_PATH, schema: Icd10ListSchema, timeoutMs: 120_000 });
}
