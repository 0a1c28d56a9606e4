// Live preview client (never in shipped editions). Server-sent events say
// which pages changed; this page then fetches itself and swaps head and body
// in place, so the scroll position and this script's state survive.
(() => {
  const here = () => (location.pathname.endsWith('/') ? location.pathname + 'index.html' : location.pathname)
  const events = new EventSource('/__events?page=' + encodeURIComponent(here()))
  let boot
  let problems = []
  let formats = ''

  events.addEventListener('hello', (event) => {
    const data = JSON.parse(event.data)
    // A restarted server may have rebuilt everything: start from a fresh page.
    if (boot !== undefined && boot !== data.boot) location.reload()
    boot = data.boot
  })
  events.addEventListener('change', (event) => {
    if (JSON.parse(event.data).paths.includes(here())) swap()
  })
  events.addEventListener('problems', (event) => {
    problems = JSON.parse(event.data)
    showProblems()
  })
  events.addEventListener('formats', (event) => {
    const data = JSON.parse(event.data)
    if (data.path !== here()) return
    formats = data.text
    showFormats()
  })

  let swapping = Promise.resolve()
  function swap() {
    swapping = swapping.then(async () => {
      const response = await fetch(here(), { cache: 'no-store' })
      if (!response.ok) return
      const next = new DOMParser().parseFromString(await response.text(), 'text/html')
      const { scrollX, scrollY } = window
      document.documentElement.lang = next.documentElement.lang
      document.documentElement.dir = next.documentElement.dir
      // Scripts parsed by DOMParser never run, so this client stays the only one.
      document.head.replaceChildren(...next.head.childNodes)
      document.body.replaceChildren(...next.body.childNodes)
      window.scrollTo(scrollX, scrollY)
      showProblems()
      showFormats()
    }).catch(() => {})
  }

  function make(tag, attributes, ...children) {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value)
    node.append(...children)
    return node
  }

  function showProblems() {
    document.querySelector('[data-preview-overlay]')?.remove()
    if (problems.length === 0) return
    const list = make('ul', {}, ...problems.map((problem) => make('li', {},
      make('code', {}, [problem.file, problem.line, problem.column].filter((part) => part !== undefined && part !== null).join(':')),
      problem.key ? make('span', {}, ' key ', make('code', {}, problem.key)) : '',
      ': ' + problem.reason
    )))
    const hide = make('button', { type: 'button' }, 'Hide')
    const box = make('div', { class: 'preview-overlay', role: 'alert', lang: 'en', 'data-preview-overlay': '' },
      make('h2', {}, problems.length === 1 ? 'A file cannot be read' : problems.length + ' files cannot be read'),
      list,
      make('p', {}, 'The preview keeps the last good edition until you save a fix.'),
      hide
    )
    hide.addEventListener('click', () => box.remove())
    document.body.append(box)
  }

  function showFormats() {
    const slot = document.querySelector('[data-formats]')
    if (slot) slot.textContent = formats
  }

  // Hover or focus a segment: its key and the catalog file to edit.
  const tip = () => document.querySelector('.preview-tip') || document.body.appendChild(make('div', { class: 'preview-tip', role: 'tooltip', lang: 'en' }))
  function showTip(target) {
    const segment = target instanceof Element ? target.closest('[data-key]') : null
    const box = tip()
    if (!segment) {
      box.hidden = true
      return
    }
    const bar = document.querySelector('[data-preview-bar]')
    const state = segment.getAttribute('data-segment')
    box.replaceChildren(
      make('code', {}, segment.getAttribute('data-key')),
      ' in ',
      make('code', {}, bar ? bar.getAttribute('data-catalog') : ''),
      state ? make('strong', {}, ' ' + state) : ''
    )
    const rect = segment.getBoundingClientRect()
    box.style.top = Math.max(4, rect.top - 30) + 'px'
    box.style.left = Math.max(4, rect.left) + 'px'
    box.hidden = false
  }
  document.addEventListener('mouseover', (event) => showTip(event.target))
  document.addEventListener('focusin', (event) => showTip(event.target))
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-goto]') : null
    if (!link) return
    event.preventDefault()
    const segment = document.querySelector('[data-key="' + CSS.escape(link.getAttribute('data-goto')) + '"]')
    if (segment) {
      segment.scrollIntoView({ block: 'center' })
      segment.focus()
    }
  })
})()
