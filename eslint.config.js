import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of the server: http → domain → db/storage/jobs/media/crypto, and media imports
 * nothing of the app. Each rule also covers its deliberate violation in eslint/fixtures/, which
 * eslint/layers.test.mjs lints to prove the rule fires.
 */
/** @param {string[]} folders @param {string} fixture */
const serverLayer = (folders, fixture) => [...folders.map((folder) => `apps/server/src/${folder}/**/*.ts`), `eslint/fixtures/${fixture}-*.ts`];
/**
 * @param {string} regex
 * @param {string} message
 * @returns {import('eslint').Linter.RulesRecord}
 */
const restrict = (regex, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] });

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/data/', '**/coverage/', 'test-results/', 'tmp/', 'eslint/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Type-aware only where promises are made: a forgotten await is a bug tsc does not see.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint/fixtures/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: serverLayer(['domain'], 'domain'),
    rules: restrict('(^|/)http/|(^|/)main\\.js$', 'domain/ must not import http/ or main.ts: the HTTP layer calls the domain, never the other way round.'),
  },
  {
    files: serverLayer(['db', 'storage', 'jobs', 'crypto'], 'infrastructure'),
    rules: restrict('(^|/)(domain|http)/|(^|/)main\\.js$', 'db/, storage/, jobs/ and crypto/ must not import domain/ or http/: they are the bottom layer.'),
  },
  {
    files: serverLayer(['media'], 'media'),
    ignores: ['apps/server/src/media/**/*.test.ts'],
    rules: restrict(
      '^@spreekkamer/|(^|/)(domain|http|db|storage|jobs|crypto|audit|notify|observability|ops|seed)/|(^|/)(main|cli|config|clock)\\.js$',
      'media/ imports nothing of the app: it only knows files, ffmpeg and numbers.',
    ),
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}', 'eslint/fixtures/web-features-*.ts'],
    rules: restrict('^(\\.\\./){2,}client/', 'features/ must not import client/: move what both need to components/ or lib/.'),
  },
);
