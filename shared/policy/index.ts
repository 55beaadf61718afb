// Managed policy: key definitions (type, default, bounds), value checks, effective values with their source, idle lock.
export * from './definitions';
export * from './values';
export * from './effective';
export * from './idle-lock';
