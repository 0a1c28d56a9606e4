/**
 * Each table of the web page scrolls in a focusable box, and a tab stop says what it holds: a region
 * named by the table's caption, else by its first column headings, in the edition's own words.
 */
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { scrollTables } from '../pipeline/render/hast/scroll-tables.ts'

const boxed = (...tables: ReturnType<typeof h>[]) => {
  const tree = h('article', tables)
  scrollTables(tree)
  return toHtml(tree)
}

describe('scrollTables', () => {
  it('names the box by the caption, else by the header cells with words (four at most), numbering ids by table', () => {
    const captioned = h('table', [h('caption', 'Грузы по портам'), h('tr', [h('th', 'Порт'), h('th', 'Груз')])])
    const plain = h('table', [h('tr', [h('th', ''), ...['الميناء', 'الحمولة', 'التغير', 'الملاحظة', 'المصدر'].map((text) => h('th', text))])])
    expect(boxed(captioned, plain)).toBe(
      '<article><div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-1-caption"><table><caption id="table-1-caption">Грузы по портам</caption><tr><th>Порт</th><th>Груз</th></tr></table></div>' +
        '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-2-column-1 table-2-column-2 table-2-column-3 table-2-column-4"><table><tr><th></th><th id="table-2-column-1">الميناء</th><th id="table-2-column-2">الحمولة</th><th id="table-2-column-3">التغير</th><th id="table-2-column-4">الملاحظة</th><th>المصدر</th></tr></table></div></article>'
    )
  })

  it('leaves a table with no caption and no heading words a plain focusable box', () => {
    expect(boxed(h('table', [h('tr', [h('td', '1')])]))).toBe('<article><div class="table-scroll" tabindex="0"><table><tr><td>1</td></tr></table></div></article>')
  })
})
