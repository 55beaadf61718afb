// Sync contract shared by the server and the workstation.
export * from './protocol';
export * from './mutations';
