// Entity types and zod schemas shared by every side.
export * from './roles';
export * from './states';
export * from './user';
export * from './patient';
export * from './appointment';
export * from './note';
export * from './prescription';
export * from './state-time-zones';
export * from './chat';
export * from './queue';
