// Entity types and zod schemas shared by every side.
export * from './roles';
export * from './states';
export * from './user';
export * from './patient';
export * from './appointment';
export * from './note';
export * from './state-time-zones';
export * from './queue';
