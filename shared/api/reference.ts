// Reference data the workstation keeps offline (no patient data): the ICD-10-CM code list for diagnosis search.
import { z } from 'zod';

/** GET /api/reference/icd10: the billable ICD-10-CM codes of the server's release, as [code, description] pairs. */
export const Icd10ListSchema = z.object({
  release: z.string().min(1).max(100),
  codes: z.array(z.tuple([z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/), z.string().max(400)])).min(1),
});
export type Icd10List = z.infer<typeof Icd10ListSchema>;

export const ICD10_LIST_PATH = '/api/reference/icd10';
