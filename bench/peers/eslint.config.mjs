// ESLint for the benchmark: eslint-plugin-security's recommended rules and nothing else, on JavaScript.
import security from 'eslint-plugin-security';

export default [
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...security.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
];
