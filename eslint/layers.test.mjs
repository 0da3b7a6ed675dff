import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each fixture breaks one rule on purpose; if the config stops catching it, this fails. */
const expected = {
  'domain-imports-http.ts': ['no-restricted-imports'],
  'infrastructure-imports-domain.ts': ['no-restricted-imports'],
  'media-imports-app.ts': ['no-restricted-imports', 'no-restricted-imports'],
  'web-features-imports-client.ts': ['no-restricted-imports'],
  'floating-promise.ts': ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'],
};

describe('the lint rules for layers and promises fire on deliberate violations', { timeout: 180_000 }, () => {
  it('reports exactly the broken rule in every fixture', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const results = await eslint.lintFiles(Object.keys(expected).map((name) => path.join('eslint/fixtures', name)));
    const found = Object.fromEntries(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)]));
    expect(found).toEqual(expected);
  });
});
