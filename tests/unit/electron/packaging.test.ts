// The installer configuration as electron-builder itself loads and validates it: targets, per-machine MSI with a fixed
// upgrade code, housecall:// registration on every OS, fuses, asar, what goes into the app; plus the package script's
// preflight, staging and generated icons.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, DEEP_LINK_PROTOCOL, PRODUCT_NAME } from '../../../electron/core/app-identity';
import { ICNS_TYPES, ICO_SIZES, LINUX_ICON_SIZES, packagingProblems, requestedPlatforms, stageApp, type PackagingFacts } from '../../../scripts/package';

const root = path.resolve(import.meta.dirname, '../../..');
type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- electron-builder's loose config shape
let config: Config;

beforeAll(async () => {
  const { getConfig, validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as {
    getConfig: (dir: string, file: string, extra: null) => Promise<Config>;
    validateConfiguration: (config: Config, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = (await import('builder-util')) as unknown as { DebugLogger: new (enabled: boolean) => unknown };
  config = await getConfig(root, 'electron-builder.config.mjs', null);
  await validateConfiguration(config, new DebugLogger(false));
});

const targetsOf = (platform: string): string[] => (config[platform].target as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('passes electron-builder validation with the shell identity', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('builds MSI and NSIS for Windows, pkg and dmg for macOS, deb, rpm and AppImage for Linux', () => {
    expect(targetsOf('win').sort()).toEqual(['msi', 'nsis']);
    expect(targetsOf('mac').sort()).toEqual(['dmg', 'pkg']);
    expect(targetsOf('linux').sort()).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('makes the MSI per-machine with a fixed upgrade code, and the NSIS per-user', () => {
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toBe('BA0AB1F9-90F2-45D5-9BA9-09DA04E62891');
    expect(config.msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.msi.runAfterFinish).toBe(false); // silent /qn installs must not launch the app for SYSTEM
    expect(config.nsis.perMachine).toBe(false);
    expect(config.pkg.installLocation).toBe('/Applications');
  });

  it('registers housecall:// and no file types', () => {
    expect(config.protocols).toEqual([{ name: 'Housecall visit link', schemes: [DEEP_LINK_PROTOCOL] }]);
    expect(config.fileAssociations).toEqual([]);
  });

  it('flips the fuses that close Node-based entry points and require the signed asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs the bundled app only: no source maps, TypeScript sources, tests or dotfiles', () => {
    // electron-builder normalises `files` to [{ filter: [...] }].
    const patterns = (config.files as Array<string | { filter: string[] }>).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    const included = (file: string): boolean => {
      let result = false;
      for (const pattern of patterns) {
        if (pattern.startsWith('!')) {
          if (minimatch(file, pattern.slice(1), { dot: true })) result = false;
        } else if (minimatch(file, pattern, { dot: true })) result = true;
      }
      return result;
    };
    expect(config.directories.app).toBe('dist/app');
    for (const file of ['package.json', 'electron/main.cjs', 'electron/preload.cjs', 'renderer/index.html', 'renderer/assets/index-abc.js', 'renderer/sw.js']) {
      expect(included(file), file).toBe(true);
    }
    for (const file of ['electron/main.cjs.map', 'renderer/assets/index-abc.js.map', 'electron/main.ts', 'renderer/app/App.tsx', 'tests/unit/x.test.ts', 'renderer/x.spec.js', '.env', 'renderer/.DS_Store']) {
      expect(included(file), file).toBe(false);
    }
  });

  it('hardens the macOS app and asks only for camera, microphone and JIT', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]).sort()).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.device.audio-input',
      'com.apple.security.device.camera',
    ]);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/video visits/);
  });
});

describe('Windows protocol registration', () => {
  it('adds an HKLM housecall:// component to the MSI project, once, ending switch parsing before the link', async () => {
    const { addProtocolRegistration } = (await import(path.join(root, 'build/windows/msi-protocol.mjs'))) as { addProtocolRegistration: (wxs: string) => string };
    const template = readFileSync(path.join(root, 'node_modules/app-builder-lib/templates/msi/template.xml'), 'utf8');
    const wxs = addProtocolRegistration(template);
    expect(wxs).toContain('<RegistryKey Root="HKLM" Key="Software\\Classes\\housecall">');
    expect(wxs).toContain('&quot;[APPLICATIONFOLDER]Housecall.exe&quot; -- &quot;%1&quot;');
    expect(addProtocolRegistration(wxs)).toBe(wxs);
    expect(() => addProtocolRegistration('<Wix/>')).toThrow(/ProductComponents/);
  });

  it('the NSIS include registers and removes the scheme for the installing user', () => {
    const nsh = readFileSync(path.join(root, config.nsis.include), 'utf8');
    expect(nsh).toContain('WriteRegStr SHELL_CONTEXT "Software\\Classes\\housecall\\shell\\open\\command" "" \'"$INSTDIR\\${APP_EXECUTABLE_FILENAME}" -- "%1"\'');
    expect(nsh).toContain('DeleteRegKey SHELL_CONTEXT "Software\\Classes\\housecall"');
  });
});

describe('package script preflight', () => {
  const ready: PackagingFacts = { host: 'linux', platforms: ['linux'], linuxTargets: ['deb', 'rpm', 'AppImage'], missingBuildFiles: [], missingIcons: [], electronRuntime: true, hasCommand: () => true };

  it('has nothing to say when everything is there', () => {
    expect(packagingProblems(ready)).toEqual([]);
  });

  it.each<[string, Partial<PackagingFacts>, RegExp]>([
    ['no build', { missingBuildFiles: ['dist/electron/main.cjs'] }, /not built.*build:electron/],
    ['no Electron download', { electronRuntime: false }, /Electron runtime.*path\.txt/],
    ['Windows without wine', { platforms: ['win'], hasCommand: () => false }, /wine/],
    ['macOS on Linux', { platforms: ['mac'] }, /need a Mac/],
    ['rpm without rpmbuild', { hasCommand: (name) => name !== 'rpmbuild' }, /rpmbuild/],
    ['no icons', { missingIcons: ['build/icon.ico'] }, /icons/],
  ])('%s: one clear line', (_label, overrides, message) => {
    const problems = packagingProblems({ ...ready, ...overrides });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).not.toContain('\n');
  });

  it('builds Windows on Windows without wine, and deb/AppImage without rpmbuild', () => {
    expect(packagingProblems({ ...ready, host: 'win32', platforms: ['win'], hasCommand: () => false })).toEqual([]);
    expect(packagingProblems({ ...ready, linuxTargets: ['deb', 'AppImage'], hasCommand: () => false })).toEqual([]);
  });

  it('packages for this OS unless told otherwise', () => {
    expect(requestedPlatforms([], 'darwin')).toEqual(['mac']);
    expect(requestedPlatforms(['--win', '--linux'], 'darwin')).toEqual(['win', 'linux']);
  });
});

describe('staging dist/app', () => {
  let fakeRoot: string;
  beforeAll(() => {
    fakeRoot = mkdtempSync(path.join(os.tmpdir(), 'housecall-stage-'));
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'housecall', productName: 'Housecall', version: '1.2.3', description: 'd', license: 'UNLICENSED', dependencies: { fastify: '5' } }),
      'dist/electron/main.cjs': 'main',
      'dist/electron/main.cjs.map': 'map',
      'dist/electron/preload.cjs': 'preload',
      'dist/renderer/index.html': '<html></html>',
      'dist/renderer/assets/app.js': 'app',
      'dist/renderer/assets/app.js.map': 'map',
      'dist/server/main.js': 'server',
    };
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(fakeRoot, file)), { recursive: true });
      writeFileSync(path.join(fakeRoot, file), content);
    }
  });
  afterAll(() => rmSync(fakeRoot, { recursive: true, force: true }));

  it('copies the bundles and renderer without maps, and writes a dependency-free package.json', () => {
    const appDir = stageApp(fakeRoot);
    const list = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(appDir, path.join(e.parentPath, e.name))).sort();
    expect(list(appDir)).toEqual(['electron/main.cjs', 'electron/preload.cjs', 'package.json', 'renderer/assets/app.js', 'renderer/index.html'].map((p) => p.split('/').join(path.sep)));
    const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'housecall', version: '1.2.3', main: 'electron/main.cjs' });
    expect(pkg.dependencies).toBeUndefined();
  });
});

describe('committed icons', () => {
  const pngSize = (buffer: Buffer): [number, number] => {
    expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(buffer.subarray(12, 16).toString('ascii')).toBe('IHDR');
    return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
  };

  it('build/icon.png is a 1024x1024 PNG', () => {
    expect(pngSize(readFileSync(path.join(root, 'build/icon.png')))).toEqual([1024, 1024]);
  });

  it('build/icons has each Linux size', () => {
    for (const size of LINUX_ICON_SIZES) expect(pngSize(readFileSync(path.join(root, `build/icons/${size}x${size}.png`)))).toEqual([size, size]);
  });

  it('build/icon.ico holds PNG images up to 256x256', () => {
    const ico = readFileSync(path.join(root, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, index) => {
      const entry = 6 + index * 16;
      const offset = ico.readUInt32LE(entry + 12);
      const length = ico.readUInt32LE(entry + 8);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([size, size]);
    });
  });

  it('build/icon.icns is a well-formed icns of PNG entries', () => {
    const icns = readFileSync(path.join(root, 'build/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let offset = 8;
    const types: string[] = [];
    while (offset < icns.length) {
      const type = icns.subarray(offset, offset + 4).toString('ascii');
      const length = icns.readUInt32BE(offset + 4);
      pngSize(icns.subarray(offset + 8, offset + length));
      types.push(type);
      offset += length;
    }
    expect(offset).toBe(icns.length);
    expect(types).toEqual(ICNS_TYPES.map(([type]) => type));
  });
});
