// Builds the Housecall installers with electron-builder: `npm run package [-- --win] [--mac] [--linux]` (default: this OS).
// It needs, and checks first (one line per missing piece):
//   - the built app: dist/electron/{main,preload}.cjs and dist/renderer/index.html (npm run build:renderer && build:electron)
//   - the Electron runtime download (node_modules/electron/path.txt); electron-builder also downloads the Electron zip
//     of each target platform into its cache, so packaging needs network access (or a pre-seeded ELECTRON_CACHE)
//   - Windows targets (MSI via WiX, NSIS) on Linux/macOS: wine; signing needs WIN_CSC_LINK (optional, unsigned otherwise)
//   - macOS targets (pkg, dmg): a Mac (pkgbuild/productbuild/hdiutil); signing/notarization need a Developer ID
//   - rpm: rpmbuild (deb and AppImage need nothing extra)
// `npx tsx scripts/package.ts icons` regenerates build/icon.png, build/icon.ico, build/icon.icns and build/icons/*.png.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');

// ---- Preflight --------------------------------------------------------------------------------------------------

export type PackagePlatform = 'win' | 'mac' | 'linux';

export interface PackagingFacts {
  host: NodeJS.Platform;
  platforms: readonly PackagePlatform[];
  /** Linux targets that will be built (from the config). */
  linuxTargets: readonly string[];
  missingBuildFiles: readonly string[];
  missingIcons: readonly string[];
  electronRuntime: boolean;
  hasCommand: (name: string) => boolean;
}

/** What is missing, one line each; empty when packaging can start. */
export function packagingProblems(facts: PackagingFacts): string[] {
  const problems: string[] = [];
  if (facts.missingBuildFiles.length > 0) {
    problems.push(`The app is not built (missing ${facts.missingBuildFiles.join(', ')}): run npm run build:renderer && npm run build:electron.`);
  }
  if (facts.missingIcons.length > 0) problems.push(`Icons are missing (${facts.missingIcons.join(', ')}): run npx tsx scripts/package.ts icons.`);
  if (!facts.electronRuntime) {
    problems.push('The Electron runtime was never downloaded (node_modules/electron/path.txt missing): run node node_modules/electron/install.js with network access.');
  }
  if (facts.platforms.includes('win') && facts.host !== 'win32' && !facts.hasCommand('wine') && !facts.hasCommand('wine64')) {
    problems.push('Windows installers (MSI via WiX, NSIS) need wine on Linux/macOS: install wine (and wine32 for WiX) or build on Windows.');
  }
  if (facts.platforms.includes('mac') && facts.host !== 'darwin') {
    problems.push('macOS installers (pkg, dmg) need a Mac: pkgbuild, productbuild, hdiutil and codesign exist only on macOS.');
  }
  if (facts.platforms.includes('linux') && facts.linuxTargets.includes('rpm') && !facts.hasCommand('rpmbuild')) {
    problems.push('The rpm package needs rpmbuild: install rpm (apt-get install rpm / dnf install rpm-build).');
  }
  return problems;
}

const BUILD_FILES = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
const ICON_FILES = ['build/icon.png', 'build/icon.ico', 'build/icon.icns', 'build/icons/512x512.png'];

function hasCommand(name: string): boolean {
  try {
    execFileSync(process.platform === 'win32' ? 'where' : 'which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Mirrors node_modules/electron/index.js without loading it: path.txt names the binary inside dist/. */
export function electronRuntimeInstalled(repoRoot: string): boolean {
  const pathFile = path.join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return false;
  const binary = readFileSync(pathFile, 'utf8').trim();
  return binary !== '' && existsSync(path.join(repoRoot, 'node_modules', 'electron', 'dist', binary));
}

export function requestedPlatforms(argv: readonly string[], host: NodeJS.Platform): PackagePlatform[] {
  const chosen = (['win', 'mac', 'linux'] as const).filter((platform) => argv.includes(`--${platform}`));
  if (chosen.length > 0) return chosen;
  return [host === 'win32' ? 'win' : host === 'darwin' ? 'mac' : 'linux'];
}

// ---- Staging ----------------------------------------------------------------------------------------------------

/** dist/app: a package.json without dependencies, the bundled main/preload, and the renderer without source maps. */
export function stageApp(root: string): string {
  const appDir = path.join(root, 'dist', 'app');
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(path.join(appDir, 'electron'), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, string>;
  const appPackage = {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    description: pkg.description,
    author: { name: 'Housecall', email: 'support@housecall.invalid' },
    license: pkg.license,
    main: 'electron/main.cjs',
  };
  writeFileSync(path.join(appDir, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
  for (const file of ['main.cjs', 'preload.cjs']) cpSync(path.join(root, 'dist/electron', file), path.join(appDir, 'electron', file));
  cpSync(path.join(root, 'dist/renderer'), path.join(appDir, 'renderer'), { recursive: true, filter: (source) => !source.endsWith('.map') });
  return appDir;
}

async function packageApp(argv: readonly string[]): Promise<void> {
  const configModule = (await import(pathToFileURL(path.join(root, 'electron-builder.config.mjs')).href)) as { default: { linux: { target: string[] } } };
  const config = configModule.default;
  const platforms = requestedPlatforms(argv, process.platform);
  const problems = packagingProblems({
    host: process.platform,
    platforms,
    linuxTargets: config.linux.target,
    missingBuildFiles: BUILD_FILES.filter((file) => !existsSync(path.join(root, file))),
    missingIcons: ICON_FILES.filter((file) => !existsSync(path.join(root, file))),
    electronRuntime: electronRuntimeInstalled(root),
    hasCommand,
  });
  if (problems.length > 0) {
    for (const problem of problems) console.error(`npm run package: ${problem}`);
    process.exit(1);
  }
  stageApp(root);
  const { build } = await import('electron-builder');
  const artifacts = await build({
    projectDir: root,
    config: config as never,
    publish: 'never',
    ...Object.fromEntries(platforms.map((platform) => [platform, []])),
  });
  for (const artifact of artifacts) console.log(path.relative(root, artifact));
}

// ---- Icons (PNG via zlib, ICO and ICNS containers of PNGs) ------------------------------------------------------

type Rgba = [number, number, number, number];
const TEAL: Rgba = [14, 124, 123, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function insideRoundedSquare(x: number, y: number): boolean {
  const inset = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset;
}

function insideHouse(x: number, y: number): boolean {
  const inRoof = y >= 0.2 && y <= 0.48 && Math.abs(x - 0.5) <= ((y - 0.2) / 0.28) * 0.31;
  const inBody = x >= 0.28 && x <= 0.72 && y >= 0.46 && y <= 0.8;
  return inRoof || inBody;
}

function insideCross(x: number, y: number): boolean {
  return (x >= 0.455 && x <= 0.545 && y >= 0.52 && y <= 0.74) || (x >= 0.39 && x <= 0.61 && y >= 0.585 && y <= 0.675);
}

function colourAt(x: number, y: number): Rgba {
  if (insideCross(x, y)) return TEAL;
  if (insideHouse(x, y)) return WHITE;
  return insideRoundedSquare(x, y) ? TEAL : CLEAR;
}

/** RGBA pixels of the icon at `size`, anti-aliased by supersampling. */
export function renderIcon(size: number): Uint8Array {
  const samples = size >= 512 ? 2 : 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolour-with-alpha PNG (filter 0 on every row). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method variants, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Windows .ico with PNG-compressed entries (Vista and later). */
export function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + index * 16;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** macOS .icns with PNG entries (ic07..ic14, icp4..icp6). */
export function encodeIcns(entries: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export const ICNS_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

function writeIcons(): void {
  const cache = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    let encoded = cache.get(size);
    if (encoded === undefined) {
      encoded = encodePng(size, renderIcon(size));
      cache.set(size, encoded);
    }
    return encoded;
  };
  mkdirSync(path.join(root, 'build/icons'), { recursive: true });
  writeFileSync(path.join(root, 'build/icon.png'), png(1024));
  writeFileSync(path.join(root, 'build/icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  writeFileSync(path.join(root, 'build/icon.icns'), encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  for (const size of LINUX_ICON_SIZES) writeFileSync(path.join(root, `build/icons/${size}x${size}.png`), png(size));
  console.log('wrote build/icon.png, build/icon.ico, build/icon.icns and build/icons/*.png');
}

// ---- Entry ------------------------------------------------------------------------------------------------------

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntry) {
  if (process.argv[2] === 'icons') writeIcons();
  else await packageApp(process.argv.slice(2));
}
