// The main window's webPreferences keep the renderer isolated from Node and Electron.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWebPreferences } from '../../../electron/core/web-preferences';

const preloadPath = path.resolve('/opt/housecall/dist/electron/preload.cjs');

describe('shellWebPreferences', () => {
  const preferences = shellWebPreferences(preloadPath);

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, expected) => {
    expect(preferences[key]).toBe(expected);
  });

  it('uses the given preload script', () => {
    expect(preferences.preload).toBe(preloadPath);
  });

  it('refuses a relative preload path, which would resolve against the working directory', () => {
    expect(() => shellWebPreferences('dist/electron/preload.cjs')).toThrow(/absolute/);
  });
});
