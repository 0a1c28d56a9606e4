/**
 * What a typographer counts on a printed page, measured from a PDF as any
 * reader's software sees it: poppler's word boxes (`pdftotext
 * -bbox-layout`), body lines only (the most common line height: headlines,
 * captions and running heads are other sizes). A line is full when it
 * reaches the column's far edge (justified); the last line of a paragraph
 * is not, and neither counts for measure, spacing or looseness.
 */
import { execFileSync } from 'node:child_process'

export interface TypographyMetrics {
  /** Median characters (spaces included) of a full body line. */
  measure: number
  /** Most body lines in a row ending in a hyphen. */
  ladder: number
  /** Body lines ending in a hyphen, in % of body lines. */
  hyphenated: number
  /** Full lines with a word space wider than 0.45 em, in %. */
  loose: number
  /** The widest word space of any full line, in em. */
  widest: number
  /** Body lines that start with a dash. */
  dashStarts: number
  /** Body lines that end in a one-letter word (a preposition or conjunction in Russian and Kazakh). */
  oneLetterEnds: number
  /** Body lines that stick out beyond the column by more than a point. */
  overfull: number
  /** How many body lines were counted, and how many of them are full (justified to the edge). */
  lines: number
  fullLines: number
}

interface Word { xMin: number; xMax: number; text: string }
interface BoxLine { xMin: number; xMax: number; height: number; words: Word[] }

/** Word box height over font size for Noto Serif (ascender 1069 + descender 293 per 1000): the em of a line. */
export const NOTO_SERIF_BOX = 1.362
/** A space wider than this many ems makes a loose line. */
export const LOOSE_SPACE = 0.45
const HYPHEN_END = /[-\u00ad\u2010]$/u
const DASH_START = /^[—–]/u

export function typographyOf(pdf: string): TypographyMetrics {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString()
  return metricsOfLines(boxLines(xhtml))
}

export function boxLines(xhtml: string): BoxLine[] {
  const lines: BoxLine[] = []
  for (const blockMatch of xhtml.matchAll(/<block [^>]*>([\s\S]*?)<\/block>/g)) {
    for (const lineMatch of blockMatch[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...lineMatch[5]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
        .map((word) => ({ xMin: Number(word[1]), xMax: Number(word[2]), text: unescapeXml(word[3]!) }))
      if (words.length === 0) continue
      lines.push({ xMin: Number(lineMatch[1]), xMax: Number(lineMatch[3]), height: Number(lineMatch[4]) - Number(lineMatch[2]), words })
    }
  }
  return lines
}

export function metricsOfLines(all: readonly BoxLine[]): TypographyMetrics {
  const body = bodyLines(all)
  const em = (body[0]?.height ?? NOTO_SERIF_BOX) / NOTO_SERIF_BOX
  // The column's far edge: where most body lines end (an overfull line sticks out beyond it).
  const right = modeOf(body.map((line) => Math.round(line.xMax)))
  const full = body.filter((line) => line.xMax >= right - 1.5 && line.words.length > 1)
  const spaces = (line: BoxLine) => line.words.slice(1).map((word, index) => (word.xMin - line.words[index]!.xMax) / em)
  const hyphenated = body.map((line) => HYPHEN_END.test(line.words[line.words.length - 1]!.text))
  let ladder = 0
  let run = 0
  for (const ends of hyphenated) {
    // Lines in reading order: a ladder may go on over a page turn.
    run = ends ? run + 1 : 0
    ladder = Math.max(ladder, run)
  }
  const chars = full.map((line) => line.words.reduce((sum, word) => sum + [...word.text].length, 0) + line.words.length - 1).sort((a, b) => a - b)
  const widest = Math.max(0, ...full.flatMap(spaces))
  return {
    measure: chars[Math.floor(chars.length / 2)] ?? 0,
    ladder,
    hyphenated: percent(hyphenated.filter(Boolean).length, body.length),
    loose: percent(full.filter((line) => spaces(line).some((space) => space > LOOSE_SPACE)).length, full.length),
    widest: Math.round(widest * 100) / 100,
    dashStarts: body.filter((line) => DASH_START.test(line.words[0]!.text)).length,
    oneLetterEnds: body.filter((line) => /^\p{L}$/u.test(line.words[line.words.length - 1]!.text)).length,
    overfull: body.filter((line) => line.xMax > right + 1).length,
    lines: body.length,
    fullLines: full.length
  }
}

/** Lines of the most common height (to a tenth of a point, ±3 %): the body text. */
function bodyLines(lines: readonly BoxLine[]): BoxLine[] {
  const counts = new Map<number, number>()
  for (const line of lines) counts.set(Math.round(line.height * 10), (counts.get(Math.round(line.height * 10)) ?? 0) + line.words.length)
  const mode = [...counts].reduce((best, each) => (each[1] > best[1] ? each : best), [0, 0])[0] / 10
  return lines.filter((line) => Math.abs(line.height - mode) <= mode * 0.03)
}

function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].reduce((best, each) => (each[1] > best[1] ? each : best), [0, 0])[0]
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}
