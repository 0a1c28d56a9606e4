import {
  articleTree
} from "./chunk-W5RQA74D.js";
import "./chunk-V64PNRMM.js";

// pipeline/render/pdf/index.ts
import PDFDocument from "pdfkit";

// pipeline/render/pdf/handlers/blocks.ts
import { toText } from "hast-util-to-text";

// pipeline/render/pdf/state.ts
var INK = "#1b1b1b";
var MUTED = "#5a5a5a";
var ACCENT = "#0b4f8a";
var BODY = { font: "serif", size: 10.5, color: INK, lineGap: 3, align: "justify", gapAfter: 7 };
function sourceOf(node) {
  return { key: node.data?.segmentKey, place: node.position };
}
function inlineRuns(nodes, bold = false, italic = false, link) {
  const runs = [];
  for (const node of nodes) {
    if (node.type === "text") runs.push({ text: node.value.replace(/\s+/g, " "), bold, italic, link });
    else if (node.type === "element") {
      if (node.tagName === "br") runs.push({ text: "\n", bold, italic, link });
      else if (node.tagName === "img") {
        const alt = node.properties.alt;
        if (typeof alt === "string" && alt) runs.push({ text: alt, bold, italic, link });
      } else {
        const href = node.tagName === "a" && typeof node.properties.href === "string" ? node.properties.href : link;
        runs.push(...inlineRuns(
          node.children,
          bold || node.tagName === "strong" || node.tagName === "b",
          italic || node.tagName === "em" || node.tagName === "i",
          href
        ));
      }
    }
  }
  return mergeRuns(runs);
}
function mergeRuns(runs) {
  const merged = [];
  for (const run of runs) {
    const last2 = merged[merged.length - 1];
    if (last2 && last2.bold === run.bold && last2.italic === run.italic && last2.link === run.link) last2.text += run.text;
    else merged.push({ ...run });
  }
  if (merged[0]) merged[0].text = merged[0].text.replace(/^ +/, "");
  const last = merged[merged.length - 1];
  if (last) last.text = last.text.replace(/ +$/, "");
  return merged.filter((run) => run.text !== "");
}
function runFont(style, run) {
  const sans = style.font.startsWith("sans");
  const bold = run.bold || style.font.includes("Bold");
  const italic = run.italic || style.font.endsWith("Italic");
  if (sans) return bold ? "sansBold" : italic ? "sansItalic" : "sans";
  if (bold && italic) return "serifBoldItalic";
  return bold ? "serifBold" : italic ? "serifItalic" : "serif";
}

// pipeline/render/pdf/structure.ts
function documentRoot(doc) {
  const tagged2 = doc;
  const root = tagged2.struct("Document");
  tagged2.addStructure(root);
  return root;
}
function tagged(state, type, options, draw) {
  const doc = state.doc;
  const element = doc.struct(type, options);
  state.structure.add(element);
  const content = doc.markStructureContent(type);
  draw();
  doc.endMarkedContent();
  element.add(content);
  element.end();
}
function grouped(state, type, fill) {
  const element = state.doc.struct(type);
  state.structure.add(element);
  const parent = state.structure;
  state.structure = element;
  try {
    fill();
  } finally {
    state.structure = parent;
  }
  element.end();
}
function artifact(doc, type, draw) {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

// pipeline/render/pdf/handlers/blocks.ts
var division = (state, node) => {
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  if (classes.includes("directive-standfirst")) {
    for (const child of node.children) {
      if (child.type === "element" && child.tagName === "p") {
        state.paragraph(inlineRuns(child.children), { ...BODY, font: "serifItalic", size: 12, color: MUTED, lineGap: 3.5, gapAfter: 10 }, sourceOf(child));
      }
    }
    return;
  }
  state.all(node);
};
var blockquote = (state, node) => grouped(state, "BlockQuote", () => {
  state.insetStart += 18;
  for (const child of node.children) {
    if (child.type === "element" && child.tagName === "p") state.paragraph(inlineRuns(child.children), { ...BODY, font: "serifItalic" }, sourceOf(child));
    else if (child.type === "element") state.all({ type: "root", children: [child] });
  }
  state.insetStart -= 18;
});
var list = (state, node) => grouped(state, "L", () => listItems(state, node));
function listItems(state, node) {
  const ordered = node.tagName === "ol";
  let number = typeof node.properties.start === "number" ? node.properties.start : 1;
  for (const item of node.children) {
    if (item.type !== "element" || item.tagName !== "li") continue;
    const marker = ordered ? `${number++}. ` : "\u2022 ";
    const blocks = item.children.filter((child) => child.type === "element" && /^(p|ul|ol)$/.test(child.tagName));
    const phrasing = blocks.length === 0 ? item.children : blocks[0].tagName === "p" ? blocks[0].children : [];
    const source = blocks[0]?.tagName === "p" ? sourceOf(blocks[0]) : void 0;
    grouped(state, "LI", () => {
      state.paragraph([{ text: marker, bold: false, italic: false }, ...inlineRuns(phrasing)], { ...BODY, align: "start", gapAfter: 3 }, source, "LBody");
      for (const nested of blocks.slice(blocks[0]?.tagName === "p" ? 1 : 0)) {
        state.insetStart += 14;
        state.all({ type: "root", children: [nested] });
        state.insetStart -= 14;
      }
    });
  }
  state.doc.moveDown(0.4);
}
var preformatted = (state, node) => {
  state.paragraph([{ text: toText(node), bold: false, italic: false }], { ...BODY, font: "sans", size: 9, align: "start" }, void 0, "Code");
};
var rule = (state) => {
  const { doc } = state;
  const y = doc.y + 4;
  artifact(doc, "Layout", () => {
    doc.save().moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).stroke("#cccccc").restore();
  });
  doc.y = y + 10;
};
var table = (state, node) => {
  const rows = [];
  const collect = (element) => {
    for (const child of element.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "tr") rows.push(child);
      else collect(child);
    }
  };
  collect(node);
  for (const row of rows) {
    const cells = row.children.filter((cell) => cell.type === "element");
    const runs = cells.flatMap((cell, index) => [
      ...index > 0 ? [{ text: "  |  ", bold: false, italic: false }] : [],
      ...inlineRuns(cell.children, cell.tagName === "th")
    ]);
    state.paragraph(runs, { ...BODY, align: "start", gapAfter: 2 });
  }
  state.doc.moveDown(0.5);
};
var titleBlock = (state, node) => {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    const classes = Array.isArray(child.properties.className) ? child.properties.className : [];
    if (child.tagName === "p") {
      const muted = classes.includes("reading-time");
      state.paragraph(inlineRuns(child.children, false, classes.includes("byline")), {
        ...BODY,
        font: "sans",
        size: muted ? 8.5 : 10,
        color: muted ? MUTED : BODY.color,
        align: "start",
        gapAfter: 3
      }, sourceOf(child));
    } else state.all({ type: "root", children: [child] });
  }
  rule(state, node);
};

// pipeline/render/pdf/fonts.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
var SCRIPTS = ["latin", "arabic", "cjk"];
var require2 = createRequire(import.meta.url);
var FACES = {
  notoSerif: "@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf",
  notoSerifBold: "@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf",
  notoSerifItalic: "@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf",
  notoSerifBoldItalic: "@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf",
  notoSans: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  notoSansBold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  notoSansItalic: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  naskh: "@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf",
  naskhBold: "@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf",
  sansArabic: "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
  sansArabicBold: "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  serifSC: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  serifSCBold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  sansSC: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  sansSCBold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"
};
var ROLE_FACES = {
  latin: {
    serif: "notoSerif",
    serifBold: "notoSerifBold",
    serifItalic: "notoSerifItalic",
    serifBoldItalic: "notoSerifBoldItalic",
    sans: "notoSans",
    sansBold: "notoSansBold",
    sansItalic: "notoSansItalic"
  },
  arabic: {
    serif: "naskh",
    serifBold: "naskhBold",
    serifItalic: "naskh",
    serifBoldItalic: "naskhBold",
    sans: "sansArabic",
    sansBold: "sansArabicBold",
    sansItalic: "sansArabic"
  },
  cjk: {
    serif: "serifSC",
    serifBold: "serifSCBold",
    serifItalic: "serifSC",
    serifBoldItalic: "serifSCBold",
    sans: "sansSC",
    sansBold: "sansSCBold",
    sansItalic: "sansSC"
  }
};
function fallbackFaces(role, script) {
  return [script, ...SCRIPTS.filter((other) => other !== script)].map((each) => ROLE_FACES[each][role]);
}
function scriptOfLocale(locale) {
  const language = locale.toLowerCase().split("-")[0];
  if (language === "ar" || language === "fa" || language === "ur") return "arabic";
  if (language === "zh" || language === "ja") return "cjk";
  return "latin";
}
var buffers = /* @__PURE__ */ new Map();
var fonts = /* @__PURE__ */ new Map();
function faceBuffer(face) {
  let buffer = buffers.get(face);
  if (!buffer) {
    let file;
    try {
      file = require2.resolve(FACES[face]);
    } catch {
      throw new Error(`Cannot find font file ${FACES[face]}: run \`npm install\` (the fonts come from npm packages)`);
    }
    buffer = readFileSync(file);
    buffers.set(face, buffer);
  }
  return buffer;
}
function faceFont(face) {
  let font = fonts.get(face);
  if (!font) {
    font = fontkit.create(faceBuffer(face));
    fonts.set(face, font);
  }
  return font;
}

// pipeline/render/pdf/hyphenation.ts
import { createRequire as createRequire2 } from "node:module";
var require3 = createRequire2(import.meta.url);
var PATTERNS = { en: "hyphen/en", ru: "hyphen/ru" };
var SOFT = "\xAD";
var MIN_BEFORE = 2;
var MIN_AFTER = 3;
var loaded = /* @__PURE__ */ new Map();
function hyphenatorFor(locale) {
  const language = locale.split("-")[0];
  if (!loaded.has(language)) loaded.set(language, create2(language));
  return loaded.get(language);
}
function create2(language) {
  if (language === "kk") return wordwise(kazakhBreaks);
  const spec = PATTERNS[language];
  if (!spec) return void 0;
  const hyphenate = require3(spec).hyphenateSync;
  return wordwise((word) => {
    const marked = hyphenate(word, { hyphenChar: SOFT, minWordLength: MIN_BEFORE + MIN_AFTER });
    const points = [];
    let index = 0;
    for (const char of marked) {
      if (char === SOFT) points.push(index);
      else index += char.length;
    }
    return points;
  });
}
function wordwise(breaks) {
  return (text, start, end) => {
    const points = [];
    for (const match of text.slice(start, end).matchAll(/\p{L}+/gu)) {
      const word = match[0];
      if (word.length < MIN_BEFORE + MIN_AFTER || word[0] !== word[0].toLowerCase()) continue;
      for (const point of breaks(word)) {
        if (point >= MIN_BEFORE && point <= word.length - MIN_AFTER) points.push(start + match.index + point);
      }
    }
    return points;
  };
}
var KAZAKH_VOWEL = /[аәеёиоөуұүыіэюя]/i;
var KAZAKH_CONSONANT = /[бвгғджзйкқлмнңпрстфхһцчшщ]/i;
function kazakhBreaks(word) {
  const letters = [...word];
  const points = [];
  for (let i = 1; i + 2 < letters.length; i++) {
    if (KAZAKH_VOWEL.test(letters[i - 1]) && KAZAKH_CONSONANT.test(letters[i]) && KAZAKH_CONSONANT.test(letters[i + 1]) && KAZAKH_VOWEL.test(letters[i + 2])) {
      points.push(i + 1);
    }
  }
  return points;
}

// pipeline/render/pdf/text/glyph-encoder.ts
var NOTHING = [8203];
var COMBINING = /^\p{Mn}+$/u;
function encodeGlyph(font, id, text) {
  const codePoints = text === "" ? NOTHING : [...text].map((char) => char.codePointAt(0));
  const code = font.subset.includeGlyph(id);
  const known = font.unicode[code];
  if (known === void 0) {
    record(font, code, id, codePoints);
    return code;
  }
  if (sameText(known, codePoints)) return code;
  font.alternates ??= /* @__PURE__ */ new Map();
  const key = `${id}:${text}`;
  let alternate = font.alternates.get(key);
  if (alternate === void 0) {
    font.subset.glyphs.push(id);
    alternate = font.subset.glyphs.length - 1;
    font.alternates.set(key, alternate);
    record(font, alternate, id, codePoints);
  }
  return alternate;
}
function record(font, code, id, codePoints) {
  font.widths[code] = codePoints === NOTHING || COMBINING.test(String.fromCodePoint(...codePoints)) ? 0 : font.font.getGlyph(id).advanceWidth * font.scale;
  font.unicode[code] = codePoints;
}
function sameText(a, b) {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// pipeline/render/pdf/text/draw.ts
var UNDERLINE_OFFSET = 1.5;
function drawLine(doc, line, left, top) {
  for (const group of line.groups) drawGroup(doc, group, left, top + line.ascent);
}
function drawGroup(doc, group, left, baseline) {
  const first = group.pieces[0];
  if (!first || group.pieces.every((piece) => piece.glyphs.length === 0)) return;
  const { face, run } = first.span;
  const internals = doc;
  useFace(doc, face).fontSize(run.size);
  const font = internals._font;
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
  if (group.rtl) doc.markContent("Span", { actual: group.text });
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const y = doc.page.height - baseline;
  doc.addContent(`BT
/${font.id} ${num(run.size)} Tf
1 0 0 1 ${num(left + first.x)} ${num(y)} Tm`);
  for (const piece of group.pieces) {
    doc.fillColor(piece.span.run.color);
    doc.addContent(showGlyphs(font, piece.glyphs, 1e3 / piece.span.run.size));
  }
  doc.addContent("ET");
  doc.restore();
  if (group.rtl) doc.endMarkedContent();
  for (const piece of group.pieces) {
    const { link, color, size } = piece.span.run;
    if (!link || piece.width === 0) continue;
    const x = left + piece.x;
    doc.link(x, baseline - size * 0.9, piece.width, size * 1.15, link);
    doc.save().moveTo(x, baseline + UNDERLINE_OFFSET).lineTo(x + piece.width, baseline + UNDERLINE_OFFSET).lineWidth(0.5).stroke(color).restore();
  }
}
function showGlyphs(font, glyphs, scale) {
  const parts = [];
  let pending = [];
  let rise = 0;
  const close = () => {
    if (pending.length > 0) parts.push(`[${pending.join(" ")}] TJ`);
    pending = [];
  };
  for (const glyph of glyphs) {
    if (glyph.yOffset !== rise) {
      close();
      rise = glyph.yOffset;
      parts.push(`${num(rise)} Ts`);
    }
    const code = encodeGlyph(font, glyph.id, glyph.text);
    if (glyph.xOffset !== 0) pending.push(num(-glyph.xOffset * scale));
    pending.push(`<${code.toString(16).padStart(4, "0")}>`);
    const adjust = font.widths[code] - (glyph.advance - glyph.xOffset) * scale;
    if (glyph.text === "") close();
    if (Math.abs(adjust) > 0.01) pending.push(num(adjust));
  }
  close();
  if (rise !== 0) parts.push("0 Ts");
  return parts.join("\n");
}
var registered = /* @__PURE__ */ new WeakMap();
function useFace(doc, face) {
  let faces = registered.get(doc);
  if (!faces) registered.set(doc, faces = /* @__PURE__ */ new Set());
  if (!faces.has(face)) {
    doc.registerFont(face, faceBuffer(face));
    faces.add(face);
  }
  return doc.font(face);
}
function num(value) {
  const rounded = Math.round(value * 1e3) / 1e3;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

// pipeline/render/pdf/text/bidi.ts
import bidiModule from "bidi-js";
var bidiFactory = typeof bidiModule === "function" ? bidiModule : bidiModule.default;
var bidi = bidiFactory();
function embeddingLevels(text, direction) {
  return bidi.getEmbeddingLevels(text, direction);
}
function visualRanges(text, levels, spans, start, end) {
  if (end <= start) return [];
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  const ranges = [];
  let current;
  for (const index of order) {
    const rtl = (levels.levels[index] & 1) === 1;
    const span = spanAt(spans, index);
    if (current && current.span === span && current.rtl === rtl && index === current.last + (rtl ? -1 : 1)) {
      current.last = index;
      if (rtl) current.start = index;
      else current.end = index + 1;
      continue;
    }
    if (current) ranges.push(strip(current));
    current = { start: index, end: index + 1, rtl, span, last: index };
  }
  if (current) ranges.push(strip(current));
  return ranges;
}
function mirroredCharacters(text, levels, start, end) {
  if (end <= start) return /* @__PURE__ */ new Map();
  return bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
}
function strip(range) {
  return { start: range.start, end: range.end, rtl: range.rtl, span: range.span };
}
function spanAt(spans, index) {
  for (const span of spans) if (span.start <= index && index < span.end) return span;
  throw new TypeError(`No span covers index ${index}`);
}

// pipeline/render/pdf/text/break-lines.ts
import LineBreaker from "linebreak";

// pipeline/render/pdf/text/script.ts
var ARABIC = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}]/u;
var SHARED = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
var CJK_FORMS = /[\u3000-\u303f\uff00-\uffef\u30fb\u2e80-\u2fdf]/u;
function scriptOfChar(char) {
  if (CJK_FORMS.test(char)) return "cjk";
  if (SHARED.test(char)) return void 0;
  if (ARABIC.test(char)) return "arabic";
  if (CJK.test(char)) return "cjk";
  return "latin";
}
function scriptOfText(text) {
  for (const char of text) {
    const script = scriptOfChar(char);
    if (script) return script;
  }
  return "latin";
}
function joins(text) {
  return ARABIC.test(text);
}
function isCjkChar(char) {
  return CJK.test(char) || CJK_FORMS.test(char);
}
function isIgnorable(char) {
  return /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(char);
}

// pipeline/render/pdf/text/shape.ts
var SCRIPT_TAGS = { latin: "latn", arabic: "arab", cjk: "hani" };
var cache = /* @__PURE__ */ new Map();
var CACHE_LIMIT = 5e4;
function shape(face, text, rtl) {
  const key = `${face}\0${rtl ? "r" : "l"}\0${text}`;
  let shaped = cache.get(key);
  if (shaped) return shaped;
  const font = faceFont(face);
  const scale = 1e3 / font.unitsPerEm;
  const run = font.layout(text, void 0, SCRIPT_TAGS[scriptOfText(text)], void 0, rtl ? "rtl" : "ltr");
  const glyphs = run.glyphs.map((glyph, index) => {
    const position = run.positions[index];
    return {
      id: glyph.id,
      advance: position.xAdvance * scale,
      xOffset: position.xOffset * scale,
      yOffset: position.yOffset * scale,
      codePoints: [...glyph.codePoints]
    };
  });
  shaped = { glyphs, advance: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, shaped);
  return shaped;
}
function shapeByWords(face, text, rtl) {
  const words = text.match(/[^ ]+| +/g) ?? [];
  if (words.length <= 1) return shape(face, text, rtl);
  const parts = words.map((word) => shape(face, word, rtl));
  if (rtl) parts.reverse();
  const glyphs = parts.flatMap((part) => part.glyphs);
  return { glyphs, advance: parts.reduce((sum, part) => sum + part.advance, 0) };
}
var advances = /* @__PURE__ */ new Map();
function measure(face, text, size) {
  if (text === "") return 0;
  if (scriptOfText(text) === "arabic") return shape(face, text, true).advance * size / 1e3;
  const key = `${face}\0${text}`;
  let advance = advances.get(key);
  if (advance === void 0) {
    const font = faceFont(face);
    advance = font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * 1e3 / font.unitsPerEm;
    if (advances.size >= CACHE_LIMIT) advances.clear();
    advances.set(key, advance);
  }
  return advance * size / 1e3;
}
function clusters(glyphs, text, rtl) {
  const ranges = new Array(glyphs.length);
  let index = 0;
  for (let step = 0; step < glyphs.length; step++) {
    const at = rtl ? glyphs.length - 1 - step : step;
    const start = index;
    for (let count = glyphs[at].codePoints.length; count > 0 && index < text.length; count--) {
      index += text.codePointAt(index) > 65535 ? 2 : 1;
    }
    ranges[at] = [start, index];
  }
  return ranges;
}

// pipeline/render/pdf/text/break-lines.ts
var TRAILING_SPACE = /[ \t\n\u2028\u3000]+$/;
var HYPHEN = "-";
function breakLines(text, spans, width, hyphenate) {
  const widthOf = (start, end) => rangeWidth(text, spans, start, end);
  const queue = segmentsOf(text);
  const lines = [];
  let line;
  const close = (end, hyphen, last) => {
    lines.push({ start: line.start, end, hyphen, last });
    line = void 0;
  };
  while (queue.length > 0) {
    const segment = queue.shift();
    const content = widthOf(segment.start, segment.content);
    if (line && line.width + line.space + content > width + 0.01) {
      const split = hyphenate ? hyphenPoint(segment, width - line.width - line.space, widthOf, text, spans, hyphenate) : void 0;
      if (split !== void 0) {
        close(split, true, false);
        queue.unshift({ ...segment, start: split });
        continue;
      }
      close(line.end, false, false);
    }
    if (!line && content > width && segment.content - segment.start > 1) {
      const cut = emergencyBreak(text, segment, width, widthOf);
      if (cut < segment.content) {
        lines.push({ start: segment.start, end: cut, hyphen: false, last: false });
        queue.unshift({ ...segment, start: cut });
        continue;
      }
    }
    if (!line) line = { start: segment.start, end: segment.content, width: content, space: widthOf(segment.content, segment.end) };
    else {
      line.width += line.space + content;
      line.end = segment.content;
      line.space = widthOf(segment.content, segment.end);
    }
    if (segment.required && segment.end < text.length) close(line.end, false, true);
  }
  if (line) close(line.end, false, true);
  return lines;
}
function segmentsOf(text) {
  const segments = [];
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const end = found.position;
    const trailing = TRAILING_SPACE.exec(text.slice(start, end));
    segments.push({ start, content: end - (trailing ? trailing[0].length : 0), end, required: found.required });
    start = end;
  }
  return segments;
}
function rangeWidth(text, spans, start, end) {
  let width = 0;
  for (const span of spans) {
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (from >= to) continue;
    const part = text.slice(from, to);
    width += measure(span.face, part, span.run.size);
    if (span.run.tracking && !joins(part)) width += span.run.tracking * [...part].length;
  }
  return width;
}
function hyphenPoint(segment, room, widthOf, text, spans, hyphenate) {
  const span = spans.find((each) => each.start <= segment.start && segment.start < each.end);
  const hyphen = span ? measure(span.face, HYPHEN, span.run.size) : 0;
  const points = hyphenate(text, segment.start, segment.content).filter((point) => point > segment.start && point < segment.content).sort((a, b) => b - a);
  return points.find((point) => widthOf(segment.start, point) + hyphen <= room);
}
function emergencyBreak(text, segment, width, widthOf) {
  const graphemes = new Intl.Segmenter(void 0, { granularity: "grapheme" }).segment(text.slice(segment.start, segment.content));
  let cut = segment.start;
  for (const { index, segment: grapheme } of graphemes) {
    const next = segment.start + index + grapheme.length;
    if (cut > segment.start && widthOf(segment.start, next) > width) break;
    cut = next;
  }
  return cut;
}

// pipeline/render/pdf/text/itemize.ts
function itemize(runs, script) {
  const text = runs.map((run) => run.text).join("");
  const spans = [];
  const missing = [];
  let offset = 0;
  for (const run of runs) {
    let index = offset;
    for (const char of run.text) {
      const codePoint = char.codePointAt(0);
      const last = spans[spans.length - 1];
      const continues = last && last.run === run && last.end === index;
      let face;
      if (continues && (isIgnorable(char) || /\s/.test(char) && has(last.face, codePoint))) {
        face = last.face;
      } else {
        const faces = fallbackFaces(run.role, script);
        const found = faces.find((candidate) => has(candidate, codePoint));
        if (!found && !isIgnorable(char)) missing.push({ char, codePoint, key: run.key, role: run.role });
        face = found ?? (continues ? last.face : faces[0]);
      }
      if (continues && last.face === face) last.end = index + char.length;
      else spans.push({ start: index, end: index + char.length, face, run });
      index += char.length;
    }
    offset += run.text.length;
  }
  return { text, spans, missing };
}
function has(face, codePoint) {
  return faceFont(face).hasGlyphForCodePoint(codePoint);
}

// pipeline/render/pdf/text/justify.ts
var SPACE = /^[ \u3000]$/;
function justification(text, pieces, lineEnd, slack) {
  const kinds = /* @__PURE__ */ new Map();
  let spaces = 0;
  let cjk = 0;
  for (const piece of pieces) {
    kinds.set(piece, piece.glyphs.map((glyph) => {
      const [start, end] = glyph.cluster;
      if (end <= start || end >= lineEnd) return void 0;
      const last = charBefore(text, end);
      const next = String.fromCodePoint(text.codePointAt(end));
      if (SPACE.test(last)) {
        spaces++;
        return "space";
      }
      if ((isCjkChar(last) || isCjkChar(next)) && !SPACE.test(next)) {
        cjk++;
        return "cjk";
      }
      return void 0;
    }));
  }
  const count = spaces + cjk;
  if (count === 0) return void 0;
  const share = slack / count;
  const extra = /* @__PURE__ */ new Map();
  for (const [piece, list2] of kinds) extra.set(piece, list2.map((kind) => kind ? share : 0));
  return extra;
}
function charBefore(text, end) {
  const code = text.charCodeAt(end - 1);
  return code >= 56320 && code <= 57343 && end >= 2 ? text.slice(end - 2, end) : text.slice(end - 1, end);
}

// pipeline/render/pdf/text/layout.ts
function layoutParagraph(runs, options) {
  const { text, spans, missing } = itemize(runs, options.script);
  if (text === "") return { text, lines: [], missing };
  const levels = embeddingLevels(text, options.direction);
  const size = Math.max(...runs.map((run) => run.size));
  const metrics = lineMetrics(options.metricsFace, size, options.lineGap);
  const lines = breakLines(text, spans, options.width, options.hyphenate).map((range) => {
    const pieces = placeLine(text, levels, spans, range, options);
    return { ...metrics, pieces, groups: drawingGroups(text, pieces) };
  });
  return { text, lines, missing };
}
function lineMetrics(face, size, gap) {
  const font = faceFont(face);
  const scale = size / font.unitsPerEm;
  const height = (font.ascent - font.descent + font.lineGap) * scale;
  return { ascent: font.ascent * scale, height, advance: height + gap };
}
function placeLine(text, levels, spans, range, options) {
  const mirrored = mirroredCharacters(text, levels, range.start, range.end);
  const ranges = visualRanges(text, levels, spans, range.start, range.end);
  const pieces = ranges.map((visual) => shapePiece(text, visual, mirrored));
  const rtl = options.direction === "rtl";
  if (range.hyphen && ranges.length > 0) pieces.splice(rtl ? 0 : pieces.length, 0, hyphenPiece(ranges, range.end));
  const natural = pieces.reduce((sum, piece) => sum + piece.width, 0);
  const slack = options.width - natural;
  const extra = options.align === "justify" && !range.last && slack > 0 ? justification(text, pieces, range.end, slack) : void 0;
  let x = extra ? 0 : options.align === "center" ? slack / 2 : options.align === "end" !== rtl ? Math.max(0, slack) : 0;
  for (const piece of pieces) {
    piece.x = x;
    for (const [index, glyph] of piece.glyphs.entries()) {
      glyph.advance += extra?.get(piece)?.[index] ?? 0;
      glyph.x = x - piece.x;
      x += glyph.advance;
    }
    piece.width = x - piece.x;
  }
  return pieces;
}
function shapePiece(text, visual, mirrored) {
  const { span, rtl, start, end } = visual;
  const logical = text.slice(start, end);
  let shown = "";
  for (let i = 0; i < logical.length; ) {
    const char = String.fromCodePoint(logical.codePointAt(i));
    shown += rtl && mirrored.get(start + i) || char;
    i += char.length;
  }
  const shaped = shapeByWords(span.face, shown, rtl);
  const ranges = clusters(shaped.glyphs, logical, rtl);
  const scale = span.run.size / 1e3;
  const tracking = joins(logical) ? 0 : span.run.tracking ?? 0;
  const glyphs = shaped.glyphs.map((glyph, index) => {
    const [from, to] = ranges[index];
    const cluster = logical.slice(from, to);
    return {
      id: glyph.id,
      x: 0,
      xOffset: glyph.xOffset * scale,
      yOffset: glyph.yOffset * scale,
      advance: glyph.advance * scale + tracking,
      // Visual order: a reader that reverses right-to-left text gets the logical text back.
      text: rtl ? [...cluster].reverse().join("") : cluster,
      cluster: [start + from, start + to]
    };
  });
  return { span, rtl, start, end, x: 0, width: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0), glyphs };
}
function hyphenPiece(ranges, at) {
  const last = ranges.reduce((found, range) => range.end > found.end ? range : found);
  const shaped = shape(last.span.face, HYPHEN, false);
  const scale = last.span.run.size / 1e3;
  const glyphs = shaped.glyphs.map((glyph) => ({
    // U+00AD: the hyphen a line break added, which extractors and search drop when they join the word (PDF 32000-1 §14.8.2.2.3).
    id: glyph.id,
    x: 0,
    xOffset: 0,
    yOffset: 0,
    advance: glyph.advance * scale,
    text: "\xAD",
    cluster: [at, at]
  }));
  return { span: last.span, rtl: false, start: at, end: at, x: 0, width: shaped.advance * scale, glyphs };
}
function drawingGroups(text, pieces) {
  const groups = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    const previous = last?.pieces[last.pieces.length - 1];
    const joins2 = previous && previous.span.face === piece.span.face && previous.span.run.size === piece.span.run.size && previous.rtl === piece.rtl;
    if (last && joins2) last.pieces.push(piece);
    else groups.push({ pieces: [piece], rtl: piece.rtl, text: "" });
  }
  for (const group of groups) {
    group.text = [...group.pieces].sort((a, b) => a.start - b.start).map((piece) => text.slice(piece.start, piece.end)).join("");
    if (group.rtl) keepEdgeSpaces(group.pieces.flatMap((piece) => piece.glyphs));
  }
  return groups.sort((a, b) => firstIndex(a) - firstIndex(b));
}
function firstIndex(group) {
  return Math.min(...group.pieces.map((piece) => piece.end > piece.start ? piece.start : Infinity));
}
function keepEdgeSpaces(glyphs) {
  const blank = (glyph) => /^\s+$/.test(glyph.text);
  let right = glyphs.length;
  while (right > 0 && blank(glyphs[right - 1])) right--;
  let keeper = right - 1;
  while (keeper >= 0 && glyphs[keeper].text === "") keeper--;
  if (keeper >= 0) {
    for (const glyph of glyphs.slice(right)) {
      glyphs[keeper].text += glyph.text;
      glyph.text = "";
    }
  }
  for (const glyph of glyphs) {
    if (glyph.text === "") continue;
    if (blank(glyph)) glyph.text = `\u200B${glyph.text}`;
    break;
  }
}

// pipeline/render/pdf/typeset.ts
function frameOf(state) {
  const { doc } = state;
  const left = doc.page.margins.left + (state.edition.dir === "rtl" ? 0 : state.insetStart);
  const right = doc.page.width - doc.page.margins.right - (state.edition.dir === "rtl" ? state.insetStart : 0);
  return { left, width: right - left };
}
var laidOut = /* @__PURE__ */ new WeakMap();
function layoutRuns(edition, runs, style, width, source) {
  const known = laidOut.get(runs);
  if (known && known.style === style && known.width === width && known.key === source?.key && known.dir === edition.dir) return known.laid;
  const laid = layoutFresh(edition, runs, style, width, source);
  laidOut.set(runs, { style, width, key: source?.key, dir: edition.dir, laid });
  return laid;
}
function layoutFresh(edition, runs, style, width, source) {
  const script = scriptOfLocale(edition.locale);
  const textRuns = runs.map((run) => ({
    text: run.text,
    role: runFont(style, run),
    size: style.size,
    color: run.link ? ACCENT : style.color,
    link: run.link,
    key: source?.key,
    tracking: style.tracking
  }));
  return layoutParagraph(textRuns, {
    width,
    align: style.align,
    direction: edition.dir,
    lineGap: style.lineGap,
    // The script's body face sets line height for every role: Noto Sans Arabic's tall metrics would double-space headings.
    metricsFace: fallbackFaces("serif", script)[0],
    script,
    // Justified text breaks words where the language allows; ragged text need not.
    hyphenate: style.align === "justify" ? hyphenatorFor(edition.locale) : void 0
  });
}
function setParagraph(state, runs, style, source) {
  const { doc } = state;
  const frame = frameOf(state);
  const laid = layoutRuns(state.edition, runs, style, frame.width, source);
  state.missing.push(...laid.missing.map((item) => ({ ...item, place: source?.place })));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  laid.lines.forEach((line, index) => {
    const fits = doc.y + line.height <= bottom();
    const next = laid.lines[index + 1];
    const widow = fits && index >= 2 && index === laid.lines.length - 2 && doc.y + line.advance + next.height > bottom();
    if (!fits || widow) doc.continueOnNewPage();
    drawLine(doc, line, frame.left, doc.y);
    doc.y += line.advance;
  });
  doc.y += style.gapAfter;
}
function paragraphHeight(state, runs, style, source) {
  return layoutRuns(state.edition, runs, style, frameOf(state).width, source).lines.reduce((sum, line) => sum + line.advance, 0);
}
function lineAdvance(state, style) {
  return lineMetrics(fallbackFaces("serif", scriptOfLocale(state.edition.locale))[0], style.size, style.lineGap).advance;
}
function setSingleLine(doc, edition, text, style, frame, top, source) {
  const run = (value) => ({ text: value, bold: false, italic: false });
  let laid = layoutRuns(edition, [run(text)], style, frame.width, source);
  let kept = [...text];
  while (laid.lines.length > 1 && kept.length > 1) {
    kept = kept.slice(0, -1);
    laid = layoutRuns(edition, [run(`${kept.join("").trimEnd()}\u2026`)], style, frame.width, source);
  }
  const line = laid.lines[0];
  if (line) drawLine(doc, line, frame.left, top);
  return laid.missing;
}

// pipeline/render/pdf/handlers/figure.ts
var MAX_IMAGE_HEIGHT = 300;
var figure = (state, node) => grouped(state, "Div", () => drawFigure(state, node));
function drawFigure(state, node) {
  const { doc } = state;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const img = node.children.find((child) => child.type === "element" && child.tagName === "img");
  const placeholder = node.children.find((child) => child.type === "element" && child.tagName === "div");
  const caption = node.children.find((child) => child.type === "element" && child.tagName === "figcaption");
  doc.moveDown(0.4);
  const localPath = img?.properties.dataLocalPath;
  if (img && typeof localPath === "string") {
    const image = doc.openImage(localPath);
    const scale = Math.min(1, width / image.width, MAX_IMAGE_HEIGHT / image.height);
    state.ensureSpace(image.height * scale + 40);
    const x = doc.page.margins.left + (state.edition.dir === "rtl" ? width - image.width * scale : 0);
    const alt = typeof img.properties.alt === "string" ? img.properties.alt : "";
    tagged(state, "Figure", { alt }, () => doc.image(image, x, doc.y, { width: image.width * scale, height: image.height * scale }));
    doc.y += image.height * scale + 4;
  } else if (placeholder) {
    state.ensureSpace(70);
    const y = doc.y;
    artifact(doc, "Layout", () => {
      doc.save().rect(doc.page.margins.left, y, width, 36).fill("#f2f2f2").restore();
      const label = textOf(placeholder).toLocaleUpperCase(state.edition.locale);
      const style = { font: "sans", size: 7.5, color: MUTED, lineGap: 0, align: "center", gapAfter: 0, tracking: 1 };
      state.missing.push(...setSingleLine(doc, state.edition, label, style, { left: doc.page.margins.left, width }, y + 13, { key: "ui:photo" }));
    });
    doc.y = y + 40;
  }
  if (caption) {
    const runs = [];
    let key;
    for (const part of caption.children) {
      if (part.type !== "element") continue;
      const credit = Array.isArray(part.properties.className) && part.properties.className.includes("credit");
      if (runs.length > 0) runs.push({ text: " ", bold: false, italic: false });
      runs.push(...inlineRuns(part.children, false, credit));
      key ??= part.data?.segmentKey;
    }
    state.paragraph(runs, { font: "sans", size: 8.5, color: MUTED, lineGap: 1.5, align: "start", gapAfter: 10 }, { key, place: caption.position }, "Caption");
  }
}
function textOf(node) {
  return node.children.map((child) => child.type === "text" ? child.value : "").join("");
}

// pipeline/render/pdf/handlers/heading.ts
import { toText as toText2 } from "hast-util-to-text";
var SIZES = { 1: 20, 2: 13, 3: 12, 4: 11, 5: 10.5, 6: 10.5 };
var heading = (state, node) => {
  const depth = Number(node.tagName.slice(1));
  const question = Array.isArray(node.properties.className) && node.properties.className.includes("question");
  const style = {
    font: "sansBold",
    size: SIZES[depth] ?? 11,
    color: question ? ACCENT : INK,
    lineGap: 2,
    align: "start",
    gapAfter: 6
  };
  const runs = inlineRuns(node.children);
  state.doc.moveDown(depth <= 2 ? 0.8 : 0.5);
  state.ensureSpace(state.heightOf(runs, style, sourceOf(node)) + style.gapAfter + 3 * state.lineAdvance(BODY));
  const text = toText2(node).replace(/\s+/g, " ").trim();
  if (text) {
    if (depth === 1) state.outlineRoot = state.doc.outline.addItem(text, { expanded: true });
    else (state.outlineRoot ?? state.doc.outline).addItem(text);
  }
  state.paragraph(runs, style, sourceOf(node), `H${Math.min(Math.max(depth, 1), 6)}`);
};

// pipeline/render/pdf/handlers/paragraph.ts
var paragraph = (state, node) => {
  const runs = inlineRuns(node.children);
  if (runs.length === 0) return;
  const source = sourceOf(node);
  state.ensureSpace(Math.min(state.heightOf(runs, BODY, source), 2 * state.lineAdvance(BODY)));
  state.paragraph(runs, BODY, source);
};

// pipeline/render/pdf/handlers/index.ts
var handlers = {
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  p: paragraph,
  figure,
  div: division,
  section: division,
  blockquote,
  ul: list,
  ol: list,
  pre: preformatted,
  hr: rule,
  table,
  article: division,
  header: titleBlock
};

// pipeline/render/pdf/missing-glyphs.ts
import "vfile-message";
var MISSING_GLYPH = "missing-glyph";
function reportMissingGlyphs(edition, missing, strict) {
  const seen = /* @__PURE__ */ new Set();
  const messages = [];
  for (const item of missing) {
    const id = `${item.codePoint}\0${item.key ?? ""}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const code = `U+${item.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
    const where = item.key ? ` in \`${item.key}\`${catalogPlace(edition, item.key)}` : "";
    const message = edition.file.message(
      `Unexpected character \u201C${item.char}\u201D (${code})${where} for locale ${edition.locale}: no PDF font has a glyph for it, expected text the fonts cover (it would print as an empty box)`,
      { place: item.place, ruleId: MISSING_GLYPH, source: "pdf-fonts" }
    );
    messages.push(message);
  }
  failIfStrict(messages, strict);
}
function failIfStrict(messages, strict) {
  if (!strict || messages.length === 0) return;
  for (const message of messages) message.fatal = true;
  throw new Error(`${messages.length} character(s) without a glyph in any PDF font (--strict): ${messages.map((message) => message.reason).join("; ")}`);
}
function catalogPlace(edition, key) {
  const [ns, entryKey] = key.startsWith("ui:") ? ["ui", key.slice(3)] : [edition.doc, key];
  const catalog = edition.localeCatalogs?.get(ns);
  if (!catalog) return "";
  for (const [name, entry] of catalog.entries) {
    if (name === entryKey || name.startsWith(`${entryKey}_`)) return ` (${catalog.path}:${entry.line}:${entry.column})`;
  }
  return "";
}

// pipeline/render/pdf/index.ts
var MARGINS = { top: 64, bottom: 64, left: 62, right: 62 };
var FOLIO = { font: "sans", size: 8, color: MUTED, lineGap: 0, align: "start", gapAfter: 0 };
async function renderPdf(edition, options) {
  const { meta, locale } = edition;
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: locale,
    displayTitle: true,
    pdfVersion: "1.7",
    // Tagged, with a structure tree; PDF/A-2a (see README: archival and accessible).
    tagged: true,
    subset: "PDF/A-2a",
    info: {
      Title: meta.title,
      Author: meta.interviewer ?? meta.publisher ?? "",
      Subject: meta.interviewee ? `${meta.interviewee}${meta.intervieweeRole ? `, ${meta.intervieweeRole}` : ""}` : "",
      Creator: "polyglot-press",
      Producer: "polyglot-press (pdfkit)",
      CreationDate: options.modified
    }
  });
  const chunks = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  if (edition.dir === "rtl") setReadingDirection(doc);
  const root = documentRoot(doc);
  const state = createState(doc, edition, root);
  state.all({ type: "root", children: [articleTree(edition)] });
  root.end();
  addRunningHeadsAndFolios(state);
  reportMissingGlyphs(edition, state.missing, options.strict ?? false);
  doc.end();
  return done;
}
function createState(doc, edition, root) {
  const state = {
    doc,
    edition,
    structure: root,
    handlers,
    insetStart: 0,
    missing: [],
    all(node) {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const handler = state.handlers[child.tagName];
        if (handler) handler(state, child);
        else state.all(child);
      }
    },
    paragraph(runs, style, source, type = "P") {
      if (runs.length > 0) tagged(state, type, {}, () => setParagraph(state, runs, style, source));
    },
    ensureSpace(height) {
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    },
    heightOf: (runs, style, source) => paragraphHeight(state, runs, style, source),
    lineAdvance: (style) => lineAdvance(state, style)
  };
  return state;
}
function setReadingDirection(doc) {
  const root = doc._root;
  if (root.data.ViewerPreferences) root.data.ViewerPreferences.data.Direction = "R2L";
}
function addRunningHeadsAndFolios(state) {
  const { doc, edition } = state;
  const range = doc.bufferedPageRange();
  const number = new Intl.NumberFormat(edition.locale);
  const pages = number.format(range.count);
  const frame = { left: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right };
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    if (index > range.start) {
      artifact(doc, "Pagination", () => state.missing.push(...setSingleLine(doc, edition, edition.meta.title, FOLIO, frame, MARGINS.top - 30, { key: "meta.title" })));
    }
    const folio = edition.t("page", { page: number.format(index - range.start + 1), pages });
    artifact(doc, "Pagination", () => state.missing.push(...setSingleLine(doc, edition, folio, { ...FOLIO, align: "end" }, frame, doc.page.height - MARGINS.bottom + 24, { key: "ui:page" })));
  }
}
export {
  renderPdf
};
