import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'dist-single/', 'dist-bench/', 'artefacts/', 'node_modules/', 'geo/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
    rules: {
      // State here holds immutable collections that are replaced whole ($state.raw,
      // $derived), never mutated in place, so SvelteMap/SvelteSet would only add cost.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
);
