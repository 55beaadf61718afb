// HTTP API contract shared by the server and the workstation: request/response schemas per route group.
export * from './errors';
export * from './auth';
export * from './admin';
export * from './health';
export * from './clinical';
export * from './client-config';
export * from './deliveries';
export * from './rx';
export * from './chat';
