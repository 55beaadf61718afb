// Entity types and zod schemas shared by every side.
export * from './roles';
export * from './states';
export * from './user';
