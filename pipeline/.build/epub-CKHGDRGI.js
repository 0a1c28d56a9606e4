import {
  template
} from "./chunk-IT2QN73N.js";
import {
  mapImages
} from "./chunk-4A2MVKRJ.js";
import {
  articleTree,
  headingsOf
} from "./chunk-W5RQA74D.js";
import "./chunk-V64PNRMM.js";

// pipeline/render/epub.ts
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { toHtml as toHtml2 } from "hast-util-to-html";
import { EPub } from "epub-gen-memory";

// pipeline/render/epub-cover.ts
import { toHtml } from "hast-util-to-html";
import { s } from "hastscript";
import LineBreaker from "linebreak";
var WIDTH = 1200;
var HEIGHT = 1800;
var TITLE_TOP = 380;
var TITLE_BOTTOM = 1160;
var TITLE_SIZES = [96, 86, 76, 66, 58, 50, 44];
var MAX_LINE = 900;
function renderCover(edition) {
  const { meta, t, locale, dir } = edition;
  const language = edition.languages.find((item) => item.locale === locale)?.name ?? locale;
  const { size, lines } = fitTitle(meta.title);
  const titleTop = (TITLE_TOP + TITLE_BOTTOM) / 2 - lines.length * size * 1.2 / 2 + size;
  const people = [meta.interviewee, meta.intervieweeRole].filter(Boolean).join(", ");
  const alt = t("coverAlt", { title: meta.title, people: people || meta.title, publisher: meta.publisher ?? "" });
  const tree = s("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: "img",
    ariaLabelledby: "cover-title",
    "xml:lang": locale,
    direction: dir
  }, [
    s("title#cover-title", alt),
    s("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: "#0b3d6b" }),
    s("rect", { x: 80, y: 80, width: WIDTH - 160, height: HEIGHT - 160, fill: "none", stroke: "#f4efe6", strokeWidth: 4 }),
    text(meta.publisher ?? "", 220, 44, { letterSpacing: 6, fill: "#f4efe6" }),
    ...lines.map((line, index) => text(line, titleTop + index * size * 1.2, size, { fontWeight: "bold", fill: "#ffffff" })),
    ...wrap(people, 48, MAX_LINE).map((line, index) => text(line, 1290 + index * 62, 48, { fill: "#f4efe6" })),
    text(language, 1600, 40, { fill: "#c9d6e3" })
  ]);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>
${toHtml(tree, { space: "svg" })}
`, alt };
}
function fitTitle(title) {
  for (const size2 of TITLE_SIZES) {
    const lines = wrap(title, size2, MAX_LINE);
    if (lines.length * size2 * 1.2 <= TITLE_BOTTOM - TITLE_TOP) return { size: size2, lines };
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1];
  return { size, lines: wrap(title, size, MAX_LINE) };
}
function text(value, y, size, style) {
  return s("text", {
    x: WIDTH / 2,
    y,
    textAnchor: "middle",
    fontSize: size,
    fontFamily: "Noto Serif, Noto Naskh Arabic, Noto Serif SC, serif",
    ...style
  }, value);
}
function wrap(value, size, maxWidth) {
  const lines = [];
  let line = "";
  for (const segment of breakableChunks(value)) {
    const candidate = line + segment;
    if (line.trim() !== "" && advance(candidate.trim(), size) > maxWidth) {
      lines.push(line.trim());
      line = segment.trimStart();
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}
function breakableChunks(value) {
  const chunks = [];
  const breaker = new LineBreaker(value);
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    chunks.push(value.slice(last, next.position));
    last = next.position;
  }
  return chunks;
}
function advance(value, size) {
  let width = 0;
  for (const char of value) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? size : size * 0.6;
  return width;
}

// pipeline/render/epub.ts
async function renderEpub(edition, options) {
  const { doc, locale, meta, t } = edition;
  const article = articleTree(edition);
  mapImages(article, (localPath) => pathToFileURL(localPath).href);
  const filename = `${doc}.xhtml`;
  const tocEntries = headingsOf(article).map((heading) => ({ href: `${filename}#${heading.id}`, text: heading.text }));
  const content = toHtml2(article, { space: "html" });
  const cover = renderCover(edition);
  const creators = [meta.interviewer ?? meta.publisher].filter((name) => Boolean(name));
  const book = new EPub(
    {
      title: meta.title,
      author: creators,
      publisher: meta.publisher ?? "",
      description: "",
      lang: locale,
      tocTitle: t("contents"),
      prependChapterTitles: false,
      numberChaptersInTOC: false,
      css: options.css,
      date: options.modified.toISOString(),
      version: 3,
      cover: new File([cover.svg], "cover.svg", { type: "image/svg+xml" }),
      fetchTimeout: 5e3,
      retryTimes: 1,
      contentOPF: template("epub/content.opf.ejs"),
      chapterXHTML: template("epub/chapter.xhtml.ejs"),
      tocXHTML: template("epub/toc.xhtml.ejs"),
      tocNCX: template("epub/toc.ncx.ejs"),
      // Extra fields our templates read (epub-gen-memory passes options through).
      ...{
        dir: edition.dir,
        identifier: stableIdentifier(meta.publisher ?? "", doc, locale),
        modified: options.modified.toISOString().replace(/\.\d{3}Z$/, "Z"),
        contributors: meta.interviewee ? [meta.interviewee] : [],
        credits: meta.credits,
        tocEntries,
        landmarksTitle: t("landmarks"),
        bodyHref: filename,
        coverHref: "cover.xhtml",
        coverTitle: t("cover"),
        accessibilitySummary: t("accessibilitySummary")
      }
    },
    [
      {
        title: t("cover"),
        content: "",
        filename: "cover.xhtml",
        beforeToc: true,
        excludeFromToc: true,
        ...{ dir: edition.dir, coverImage: "cover.svg", coverAlt: cover.alt }
      },
      { title: meta.title, content, filename, ...{ dir: edition.dir } }
    ]
  );
  return reproducibleZip(book, options.modified);
}
async function reproducibleZip(book, modified) {
  const internals = book;
  for (const image of internals.images) {
    const stable = createHash("sha256").update(image.url).digest("hex").slice(0, 16);
    for (const chapter of internals.content) chapter.content = chapter.content.split(`images/${image.id}.`).join(`images/${stable}.`);
    image.id = stable;
  }
  await internals.render();
  for (const entry of Object.values(internals.zip.files)) entry.date = modified;
  return internals.generateAsync({
    type: "nodebuffer",
    mimeType: "application/epub+zip",
    compression: "DEFLATE",
    compressionOptions: { level: 9 }
  });
}
function stableIdentifier(publisher, doc, locale) {
  const bytes = createHash("sha1").update(`${publisher}\0${doc}\0${locale}`).digest().subarray(0, 16);
  bytes[6] = bytes[6] & 15 | 80;
  bytes[8] = bytes[8] & 63 | 128;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
export {
  renderEpub,
  stableIdentifier
};
