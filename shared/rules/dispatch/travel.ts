// Travel estimates for dispatch without a road network: great-circle (haversine) distance times a detour
// factor, driven at a stated average urban speed. Used by the assignment check and the optimizer alike.

/** Average door-to-door speed in town, km/h (city driving with parking). */
export const AVERAGE_SPEED_KMH = 30;
/** Roads are longer than the straight line: a common urban detour factor. */
export const DETOUR_FACTOR = 1.3;

export interface LatLon {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Road kilometres estimated from the straight line. */
export const roadKm = (a: LatLon, b: LatLon): number => haversineKm(a, b) * DETOUR_FACTOR;

/** Estimated driving time in whole minutes (rounded up; 0 for the same place). */
export function travelMinutes(a: LatLon, b: LatLon): number {
  return Math.ceil((roadKm(a, b) / AVERAGE_SPEED_KMH) * 60);
}
