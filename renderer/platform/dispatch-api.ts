// Calls of /api/dispatch/*: service cities and the field staff on shift for a city's day (dispatchers only).
import { DispatchCitiesResponseSchema, DispatchStaffResponseSchema } from '../../shared/domain/dispatch';
import type { DispatchCity, DispatchStaffResponse } from '../../shared/domain/dispatch';
import { apiRequest } from './api-client';
import type { Result } from './result';

export function listDispatchCities(signal?: AbortSignal): Promise<Result<{ cities: DispatchCity[] }>> {
  return apiRequest({ path: '/api/dispatch/cities', schema: DispatchCitiesResponseSchema, ...(signal ? { signal } : {}) });
}

export function getDispatchStaff(cityId: string, date: string, signal?: AbortSignal): Promise<Result<DispatchStaffResponse>> {
  return apiRequest({ path: '/api/dispatch/staff', query: { cityId, date }, schema: DispatchStaffResponseSchema, ...(signal ? { signal } : {}) });
}
