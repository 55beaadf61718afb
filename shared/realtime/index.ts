// Realtime (WebSocket) contract shared by the server and the workstation.
export * from './messages';
