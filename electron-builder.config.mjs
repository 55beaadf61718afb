// electron-builder configuration for the Housecall installers. `npm run package` (scripts/package.ts) stages the built
// app into dist/app first: only the bundled main/preload and the renderer, no node_modules, no sources, no maps.
//
// Windows: MSI per-machine for managed deployment (silent: msiexec /i Housecall-<version>-x64.msi /qn), and a per-user
//          NSIS installer (silent: Housecall-Setup-<version>.exe /S). Per-machine installs never update themselves.
// macOS:   pkg (installs to /Applications for all users; MDM-friendly) and dmg; universal binaries, hardened runtime.
// Linux:   deb, rpm and AppImage.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The Electron version to download for packaging; read from the installed package without loading it. */
function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');
  }
}

/** Fixed forever: Windows Installer recognises upgrades of the same product by it. */
const MSI_UPGRADE_CODE = 'BA0AB1F9-90F2-45D5-9BA9-09DA04E62891';

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'care.housecall.workstation',
  productName: 'Housecall',
  copyright: 'Copyright © Housecall',
  electronVersion: electronVersion(),
  directories: { app: 'dist/app', output: 'dist/installers', buildResources: 'build' },
  // Relative to dist/app. Belt and braces: the staging step already leaves these out.
  files: ['package.json', 'electron/**/*.cjs', 'renderer/**/*', '!**/*.map', '!**/*.{ts,tsx}', '!**/tests/**', '!**/*.{test,spec}.*', '!**/.*'],
  asar: true,
  // The app bundles its dependencies with esbuild: nothing to install or rebuild.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  includePdb: false,
  artifactName: '${productName}-${version}-${arch}.${ext}',
  fileAssociations: [],
  // macOS (CFBundleURLTypes) and Linux (x-scheme-handler) register from this; Windows installers use build/ hooks.
  protocols: [{ name: 'Housecall visit link', schemes: ['housecall'] }],
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  // Writes latest*.yml for the update folder; the app itself reads the feed URL from the UpdateUrl policy.
  publish: [{ provider: 'generic', url: 'https://updates.housecall.invalid/set-by-UpdateUrl-policy' }],

  win: {
    target: [
      { target: 'msi', arch: ['x64'] },
      { target: 'nsis', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    requestedExecutionLevel: 'asInvoker',
    // Signing: set WIN_CSC_LINK/WIN_CSC_KEY_PASSWORD (or azureSignOptions) in the packaging environment.
  },
  msi: {
    perMachine: true,
    oneClick: true,
    upgradeCode: MSI_UPGRADE_CODE,
    runAfterFinish: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    warningsAsErrors: true,
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  // Adds the HKLM housecall:// registration to the generated WiX project.
  msiProjectCreated: './build/windows/msi-protocol.mjs',
  nsis: {
    oneClick: true,
    perMachine: false,
    allowElevation: false,
    runAfterFinish: false,
    deleteAppDataOnUninstall: false,
    differentialPackage: true,
    // Registers housecall:// for the user (HKCU) and removes it on uninstall.
    include: 'build/windows/installer.nsh',
    artifactName: '${productName}-Setup-${version}.${ext}',
  },

  mac: {
    target: [
      { target: 'pkg', arch: ['universal'] },
      { target: 'dmg', arch: ['universal'] },
    ],
    category: 'public.app-category.medical',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/macos/entitlements.plist',
    entitlementsInherit: 'build/macos/entitlements.inherit.plist',
    extendInfo: {
      NSCameraUsageDescription: 'Housecall uses the camera for video visits with patients.',
      NSMicrophoneUsageDescription: 'Housecall uses the microphone for video visits with patients.',
    },
    // Signing: a "Developer ID Application" identity (CSC_LINK/CSC_NAME); notarization: APPLE_API_KEY or APPLE_ID env.
  },
  pkg: {
    installLocation: '/Applications',
    allowAnywhere: false,
    allowCurrentUserHome: false,
    allowRootDirectory: false,
    isRelocatable: false,
    isVersionChecked: true,
    overwriteAction: 'upgrade',
  },
  dmg: { sign: false },

  linux: {
    target: ['deb', 'rpm', 'AppImage'],
    category: 'Office',
    icon: 'build/icons',
    executableName: 'housecall',
    maintainer: 'Housecall <support@housecall.invalid>',
    synopsis: 'Clinician workstation for virtual and in-home care',
    description: 'Clinician workstation for virtual and in-home care: schedule, chart, video, chat, e-prescribing and dispatch, offline-first.',
    desktop: { entry: { StartupWMClass: 'Housecall' } },
  },
  deb: { priority: 'optional' },
  rpm: {},
  appImage: {},
};

export default config;
