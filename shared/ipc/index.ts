// Electron bridge contract: channel names, schemas, result envelope, notification kinds and the bridge type.
export * from './names';
export * from './result';
export * from './notification-kinds';
export * from './session';
export * from './channels';
export * from './bridge';
