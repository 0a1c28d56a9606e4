#!/usr/bin/env node
/**
 * Sets Typst sources into PDFs in one process, as a Typst user would:
 *   node bench/typst-compile.mjs jobs.json
 * jobs.json: { "fonts": [font files], "jobs": [{ "source": "a.typ", "pdf": "a.pdf" }] }.
 * Only the fonts given are used (the project's npm font files), never the system's.
 * Plain JavaScript, so the benchmark times Node.js and Typst, not a TypeScript loader.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Typst asks fontconfig for the system's fonts; this configuration lists no folder.
process.env.FONTCONFIG_FILE = fileURLToPath(new URL('no-system-fonts.conf', import.meta.url))
const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler')

const { fonts, jobs } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts.map((file) => readFileSync(file)) }] })
for (const { source, pdf } of jobs) {
  const result = compiler.compile({ mainFileContent: readFileSync(source, 'utf8') })
  const diagnostics = result.takeDiagnostics()
  if (!result.result) {
    console.error(`${source}: ${JSON.stringify(diagnostics, null, 2)}`)
    process.exit(1)
  }
  writeFileSync(pdf, compiler.pdf(result.result))
}
