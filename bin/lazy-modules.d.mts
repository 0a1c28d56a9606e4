import type { Plugin } from 'esbuild'

export function lazyModules(filter: RegExp): Plugin
