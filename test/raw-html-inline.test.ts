/**
 * A tag inside a paragraph is dropped by the sanitizer; the words a browser shows stay: an image's alt
 * text and a field's value where they stood (inside a link or emphasis as in a paragraph, a badge:
 * `[<img alt>](url)`), once, as text a translator sees; a script's or a style's text goes with its tags,
 * from every edition and catalog; each ruby's reading gets its own parentheses.
 */
import { toString as plainText } from 'mdast-util-to-string'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import * as html from '../pipeline/content/html-text.ts'
import { htmlLines } from '../pipeline/content/html-text.ts'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { markdownToPhrasing } from '../pipeline/content/markdown.ts'
import { dropUnshownHtml } from '../pipeline/content/raw-html-inline.ts'
import { bodyUnits } from '../pipeline/segments/segment-units.ts'

const parse = (markdown: string) => {
  const file = new VFile({ path: 'content/probe.md', value: `---\ntitle: Probe\n---\n\n${markdown}\n` })
  const { tree } = parseLoaded('probe', file, 'en', html) as unknown as { tree: Root }
  return { tree, file }
}
const words = (markdown: string) => parse(markdown).tree.children.filter((node) => node.type === 'paragraph').map((node) => plainText(node, { includeHtml: false }))
/** What a catalog holds for each paragraph: its source text, as translators see it. */
const catalogTexts = (markdown: string) => bodyUnits(parse(markdown).tree).map((unit) => unit.text)
const warnings = (markdown: string) => parse(markdown).file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)

describe('inline HTML', () => {
  it('keeps an image’s alt text inside a link, emphasis and strong', () => {
    expect(words('[<img src="badge.svg" alt="Build status">](https://example.org/ci) is the badge. See *the <img alt="red buoy"> marker* and **<img alt="bold alt">**.'))
      .toEqual(['Build status is the badge. See the red buoy marker and bold alt.'])
  })

  it('gives a translator an image’s alt text once, as text, where the image stood', () => {
    expect(catalogTexts('<img src="lead.png" alt="Lead picture">Lead picture starts the page, <img alt="a buoy"> and all.'))
      .toEqual(['Lead picture Lead picture starts the page, a buoy and all.'])
  })

  it('shows what a browser shows for a field: a text field’s value or placeholder, a button’s label, no password', () => {
    expect(catalogTexts('Name: <input value="Ann Lee">, town: <input placeholder="Your town">, <input type="submit" value="Send"> <input type="checkbox" checked>.'))
      .toEqual(['Name: Ann Lee, town: Your town, Send .'])
    expect(words('Code: <input type="password" value="hunter2">.')).toEqual(['Code: .'])
  })

  it('leaves out the text of what a browser does not show, with its tags, and keeps what it shows', () => {
    const markdown = [
      'Opening words with <script>alert(6)</script> inline and <style>p { color: red }</style>styled.',
      '<noscript>Turn on scripts.</noscript>Start <template><b>inert</b></template>here <datalist><option>Ebb</option></datalist>and <iframe>frame text</iframe>there.',
      'A page <title>Tab title</title>title, a chart <svg><title>Chart of depths</title></svg> and <textarea>Typed words</textarea> in a box.',
      'An unclosed <script>tag keeps its words.'
    ].join('\n\n')
    expect(catalogTexts(markdown)).toEqual([
      'Opening words with inline and styled.',
      'Start here and there.',
      'A page title, a chart Chart of depths and Typed words in a box.',
      'An unclosed tag keeps its words.'
    ])
    expect(warnings(markdown).filter((warning) => warning.includes('shows none'))).toEqual([
      '5:20 raw-html Unexpected raw HTML `<script>alert(6)</script>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '5:57 raw-html Unexpected raw HTML `<style>p { color: red }</style>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '7:1 raw-html Unexpected raw HTML `<noscript>Turn on scripts.</noscript>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '7:44 raw-html Unexpected raw HTML `<template><b>inert</b></template>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '7:82 raw-html Unexpected raw HTML `<datalist><option>Ebb</option></datalist…`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '7:127 raw-html Unexpected raw HTML `<iframe>frame text</iframe>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '9:8 raw-html Unexpected raw HTML `<title>Tab title</title>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it'
    ])
  })

  it('gives each ruby’s reading its own parentheses: the author’s where given, ours where not', () => {
    const markdown = '<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> and <ruby>字<rt>ji</rt></ruby> and <ruby>潮<rt>ちょう</ruby>.'
    expect(words(markdown)).toEqual(['漢(kan) and 字(ji) and 潮（ちょう）.'])
    // A translator sees the words, not the tags: no edition carries them.
    expect(catalogTexts(markdown)).toEqual(['漢(kan) and 字(ji) and 潮（ちょう）.'])
    expect(warnings(markdown)).toEqual([
      '5:1 raw-html Unexpected raw HTML `<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp><…`, expected Markdown: its tags are left out of every edition and catalog, its base kept as text with the reading in parentheses after it',
      '5:52 raw-html Unexpected raw HTML `<ruby>字<rt>ji</rt></ruby>`, expected Markdown: its tags are left out of every edition and catalog, its base kept as text with the reading in parentheses after it',
      '5:82 raw-html Unexpected raw HTML `<ruby>潮<rt>ちょう</ruby>`, expected Markdown: its tags are left out of every edition and catalog, its base kept as text with the reading in parentheses after it'
    ])
  })

  it('sets a reading in Bopomofo (zhuyin) in full-width parentheses, as kana, inline and in a block', () => {
    expect(words('Taiwan reads <ruby>漢<rt>ㄏㄢˋ</rt></ruby> so.')).toEqual(['Taiwan reads 漢（ㄏㄢˋ） so.'])
    expect(htmlLines('<p><ruby>字<rt>ㄗˋ</rt></ruby></p>')).toEqual(['字（ㄗˋ）'])
  })

  it('takes a ruby’s <rb> and <rtc> out with its other tags: the bases, then each reading in parentheses', () => {
    const markdown = 'C <ruby><rb>東</rb><rb>京</rb><rt>tō</rt><rt>kyō</rt></ruby> D <ruby>東京<rtc>Tōkyō</rtc></ruby> E <ruby><rb>北</rb><rtc><rt>ほく</rt></rtc></ruby>.'
    expect(catalogTexts(markdown)).toEqual(['C 東京(tō)(kyō) D 東京(Tōkyō) E 北（ほく）.'])
  })

  it('reads a ruby that crosses emphasis in reading order: the base, then its reading in parentheses', () => {
    const markdown = 'G *<ruby>漢*<rt>kan</rt></ruby> H and [<ruby>北<rt>běi</rt></ruby> link](https://example.org) I **<ruby>字<rt>ji**</rt></ruby> J.'
    expect(words(markdown)).toEqual(['G 漢(kan) H and 北(běi) link I 字(ji) J.'])
    expect(catalogTexts(markdown)).toEqual(['G *漢*(kan) H and [北(běi) link](https://example.org) I **字(ji**) J.']) // its reading closes where its </rt> stands, past the strong
  })

  it('reads the holders inside a text directive too: an image’s alt text there stays', () => {
    expect(words('A :x[*b <img alt="c"> d*] e <ruby>漢<rt>kan</rt></ruby>.')).toEqual(['A b c d e 漢(kan).'])
  })

  it('shows an <rt> outside any ruby as a browser does, its words inline, no parentheses', () => {
    expect(words('A <rt>stray</rt> B <ruby>漢<rt>kan</rt></ruby> C <rt>また</rt>.')).toEqual(['A stray B 漢(kan) C また.'])
    expect(catalogTexts('A <rt>stray</rt> B <ruby>漢<rt>kan</rt></ruby> C <rt>また</rt>.')).toEqual(['A stray B 漢(kan) C また.'])
  })

  it('reads a translator’s ruby as the source’s: its base, the reading in parentheses, no tag left', () => {
    const translated = dropUnshownHtml(markdownToPhrasing('Қала <ruby>Алматы<rt>Almaty</rt></ruby> *<ruby onclick="alert(1)">漢*<rp>[</rp><rt>kan</rt><rp>]</rp></ruby> <ruby>字<rt>ji'))
    expect(plainText({ type: 'paragraph', children: translated }, { includeHtml: true })).toBe('Қала Алматы(Almaty) 漢[kan] 字(ji)')
  })
})

describe('inline tags', () => {
  it('leave the catalog, their words stay in place as text, one warning per element at its place', () => {
    const markdown = 'He praised <span style="color:red">Kazakhstan’s</span> <b>initiatives</b>, <a href="https://example.org">the plan</a><br>and <kbd>Ctrl</kbd>+<kbd>C</kbd><!-- a note -->.'
    expect(catalogTexts(markdown)).toEqual(['He praised Kazakhstan’s initiatives, the plan and Ctrl+C.'])
    expect(parse(markdown).tree.children.flatMap((node) => ('children' in node ? node.children.map((child) => child.type) : []))).toEqual(['text'])
    expect(warnings(markdown)).toEqual([
      '5:154 raw-html Unexpected raw HTML `<!-- a note -->`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '5:12 raw-html Unexpected raw HTML `<span style="color:red">Kazakhstan’s</sp…`, expected Markdown: its tags are left out of every edition and catalog, its words kept as text',
      '5:56 raw-html Unexpected raw HTML `<b>initiatives</b>`, expected Markdown: its tags are left out of every edition and catalog, its words kept as text',
      '5:76 raw-html Unexpected raw HTML `<a href="https://example.org">the plan</…`, expected Markdown: its tags are left out of every edition and catalog, its words kept as text',
      '5:118 raw-html Unexpected raw HTML `<br>`, expected Markdown: it is left out of every edition and catalog',
      '5:126 raw-html Unexpected raw HTML `<kbd>Ctrl</kbd>`, expected Markdown: its tags are left out of every edition and catalog, its words kept as text',
      '5:142 raw-html Unexpected raw HTML `<kbd>C</kbd>`, expected Markdown: its tags are left out of every edition and catalog, its words kept as text'
    ])
  })

  it('leave a hidden element’s words out with it (hidden, display: none), and keep aria-hidden’s', () => {
    const markdown = 'Boats <span hidden>secret</span>wait <em style="color: blue; display:none">unseen</em>at <img hidden alt="a ghost">the <span aria-hidden="true">quay</span>.'
    expect(catalogTexts(markdown)).toEqual(['Boats wait at the quay.'])
    expect(warnings(markdown).slice(0, 2)).toEqual([
      '5:7 raw-html Unexpected raw HTML `<span hidden>secret</span>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '5:38 raw-html Unexpected raw HTML `<em style="color: blue; display:none">un…`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it'
    ])
  })

  it('keep an element whose style’s winning display shows it (the last display, an !important one over a later plain one)', () => {
    const markdown = 'A <span style="display:none;display:inline">SHOWNLAST</span> B <b style="DISPLAY: none /* a note */ ; display : Inline-Block">CASED</b> C <span hidden style="display: inline">OVERRIDDEN</span> D <i style="display:none !important; display:inline">GONE</i> E <i style="display:none; display: nonsense">BOGUS</i> F.'
    expect(catalogTexts(markdown)).toEqual(['A SHOWNLAST B CASED C OVERRIDDEN D E F.'])
    expect(warnings(markdown).filter((line) => line.includes('a browser shows none of its text')).map((line) => line.split('`')[1])).toEqual(['<i style="display:none !important; displ…', '<i style="display:none; display: nonsens…'])
  })

  it('show a drop-down list’s selected option, else its first, and a list box’s every option', () => {
    expect(catalogTexts([
      'Tide: <select><option>Ebb</option><option selected>Flood</option></select>, now.',
      'Tide: <select><option disabled>Pick one</option><option>Ebb</option><option>Flood</option></select> first.',
      'Tides: <select multiple><option>Ebb</option><option>Flood</option></select>.'
    ].join('\n\n'))).toEqual(['Tide: Flood, now.', 'Tide: Ebb first.', 'Tides: Ebb Flood.'])
  })
})

describe('a block of raw HTML', () => {
  it('leaves out what a browser hides, and shows a drop-down list’s selected option only', () => {
    expect(htmlLines('<div>Shown <span hidden>hidden</span><p style="display: none !important">gone</p><p aria-hidden="true">read aloud by none, seen by all</p></div><select><option>Ebb</option><optgroup label="Later"><option selected>Flood</option></optgroup></select><select size="2"><option>North</option><option>South</option></select>'))
      .toEqual(['Shown', 'read aloud by none, seen by all', 'Flood', 'North', 'South'])
  })

  it('keeps what a later display shows, and leaves out what an !important none hides', () => {
    expect(htmlLines('<div>One <span style="display:none;display:inline">SHOWNLAST</span><p style="display: none !important; display: block">gone</p><p hidden style="display:block">shown</p><p hidden="until-found" style="display:block">found later</p></div>'))
      .toEqual(['One SHOWNLAST', 'shown'])
  })

  it('reads an <rtc> as readings: each <rt> of it in its own parentheses, else its words as one', () => {
    expect(htmlLines('<p>C <ruby><rb>東</rb><rb>京</rb><rtc><rt>とう</rt><rt>きょう</rt></rtc><rtc>Tokyo</rtc></ruby> D <ruby>東京<rtc>Tōkyō</rtc></ruby>.</p>'))
      .toEqual(['C 東京（とう）（きょう）(Tokyo) D 東京(Tōkyō).'])
  })

  it('shows a field as a browser does: its value, its placeholder, a button’s label or an image button’s alt text, never a password', () => {
    expect(htmlLines('<form><label>Name <input value="Ann Lee"></label><input name="town" placeholder="Your town"><input type="password" value="hunter2"><input type="hidden" value="token"><input type="submit" value="Send the form"><input type="image" alt="Go"></form>'))
      .toEqual(['Name', 'Ann Lee', 'Your town', 'Send the form', 'Go'])
  })
})
