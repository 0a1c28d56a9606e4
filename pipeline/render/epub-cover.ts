/**
 * A typographic cover for the e-book: publisher, title, interviewee and the
 * edition's language, set as SVG text. No photo is invented; the alt text
 * says the same in words.
 */
import { toHtml } from 'hast-util-to-html'
import { s } from 'hastscript'
import { breakOpportunities } from './break-opportunities.ts'
import type { PreparedEdition } from '../prepare-edition.ts'

const WIDTH = 1200
const HEIGHT = 1800
/** The title block runs from TITLE_TOP to TITLE_BOTTOM; the largest size that fits is used. */
const TITLE_TOP = 380
const TITLE_BOTTOM = 1160
const TITLE_SIZES = [96, 86, 76, 66, 58, 50, 44]
const MAX_LINE = 900

export interface Cover {
  svg: string
  alt: string
}

export function renderCover(edition: PreparedEdition): Cover {
  const { meta, t, locale, dir } = edition
  const language = edition.languages.find((item) => item.locale === locale)?.name ?? locale
  const { size, lines } = fitTitle(meta.title)
  const titleTop = (TITLE_TOP + TITLE_BOTTOM) / 2 - (lines.length * size * 1.2) / 2 + size
  const people = [meta.interviewee, meta.intervieweeRole].filter(Boolean).join(', ')
  const alt = t('coverAlt', { title: meta.title, people: people || meta.title, publisher: meta.publisher ?? '' })
  const tree = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT,
    role: 'img', ariaLabelledby: 'cover-title', 'xml:lang': locale, direction: dir
  }, [
    s('title#cover-title', alt),
    s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#0b3d6b' }),
    s('rect', { x: 80, y: 80, width: WIDTH - 160, height: HEIGHT - 160, fill: 'none', stroke: '#f4efe6', strokeWidth: 4 }),
    text(meta.publisher ?? '', 220, 44, { letterSpacing: 6, fill: '#f4efe6' }),
    ...lines.map((line, index) => text(line, titleTop + index * size * 1.2, size, { fontWeight: 'bold', fill: '#ffffff' })),
    ...wrap(people, 48, MAX_LINE).map((line, index) => text(line, 1290 + index * 62, 48, { fill: '#f4efe6' })),
    text(language, 1600, 40, { fill: '#c9d6e3' })
  ])
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(tree, { space: 'svg' })}\n`, alt }
}

function fitTitle(title: string): { size: number; lines: string[] } {
  for (const size of TITLE_SIZES) {
    const lines = wrap(title, size, MAX_LINE)
    if (lines.length * size * 1.2 <= TITLE_BOTTOM - TITLE_TOP) return { size, lines }
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1]!
  return { size, lines: wrap(title, size, MAX_LINE) }
}

function text(value: string, y: number, size: number, style: Record<string, string | number>) {
  return s('text', {
    x: WIDTH / 2, y, textAnchor: 'middle', fontSize: size,
    fontFamily: 'Noto Serif, Noto Naskh Arabic, Noto Serif SC, serif', ...style
  }, value)
}

/**
 * Greedy wrap at UAX #14 break opportunities (so no line starts with a colon
 * or a closing mark), by estimated advance: ideographs one em, others about half.
 */
export function wrap(value: string, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const segment of breakableChunks(value)) {
    const candidate = line + segment
    if (line.trim() !== '' && advance(candidate.trim(), size) > maxWidth) {
      lines.push(line.trim())
      line = segment.trimStart()
    } else line = candidate
  }
  if (line.trim()) lines.push(line.trim())
  return lines
}

function breakableChunks(value: string): string[] {
  const chunks: string[] = []
  let last = 0
  for (const { position } of breakOpportunities(value)) {
    chunks.push(value.slice(last, position))
    last = position
  }
  return chunks
}

function advance(value: string, size: number): number {
  let width = 0
  for (const char of value) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? size : size * 0.6
  return width
}
