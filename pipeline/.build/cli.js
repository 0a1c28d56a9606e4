import {
  template
} from "./chunk-IT2QN73N.js";
import {
  bodyUnits,
  createHandlers,
  markdownToPhrasing,
  metaUnits,
  phrasingToMarkdown
} from "./chunk-V64PNRMM.js";

// pipeline/cli.ts
import { parseArgs } from "node:util";
import { reporter } from "vfile-reporter";

// pipeline/build.ts
import { readFile as readFile3 } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { createHash as createHash3 } from "node:crypto";
import path8 from "node:path";

// pipeline/content/load-document.ts
import { readFile } from "node:fs/promises";
import path2 from "node:path";
import { VFile } from "vfile";
import { parseDocument as parseYaml } from "yaml";

// pipeline/create-processor.ts
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// pipeline/plugins/remark-local-images.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { SKIP, visit } from "unist-util-visit";
var SUPPORTED = /* @__PURE__ */ new Set([".png", ".jpg", ".jpeg"]);
function resolveLocalImages(tree, file, options) {
  const base = path.dirname(file.path);
  visit(tree, "image", (node, index, parent) => {
    const problem = check(node.url, base, options.contentDir);
    if (typeof problem === "string") {
      file.message(problem, { place: node.position, ruleId: "image-path", source: "remark-local-images" });
      if (parent && index !== void 0) {
        parent.children.splice(index, 1, ...node.alt ? [{ type: "text", value: node.alt }] : []);
        return [SKIP, index];
      }
      return void 0;
    }
    node.data = { ...node.data, localPath: problem.path };
    return void 0;
  });
}
function check(url, base, contentDir) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) {
    return `Unexpected image URL \`${url}\`, expected a file inside content/ (editions never fetch from the network)`;
  }
  let decoded;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return `Unexpected image path \`${url}\`, expected a valid path`;
  }
  const resolved = path.resolve(base, decoded);
  const relative = path.relative(contentDir, resolved);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    return `Unexpected image path \`${url}\` outside content/, expected a file inside content/`;
  }
  if (!SUPPORTED.has(path.extname(resolved).toLowerCase())) {
    return `Unexpected image type \`${path.extname(resolved)}\` for \`${url}\`, expected PNG or JPEG (what HTML, EPUB and PDF all embed)`;
  }
  if (!existsSync(resolved)) return `Cannot find image \`${url}\` (looked for ${path.relative(process.cwd(), resolved)})`;
  return { path: resolved };
}
function remarkLocalImages(options) {
  return (tree, file) => resolveLocalImages(tree, file, options);
}

// pipeline/plugins/remark-preview-keys.ts
import { visit as visit2 } from "unist-util-visit";
var PREVIEW_SEGMENT_CLASS = "preview-segment";
function markSegmentKeys(tree) {
  visit2(tree, (node, _index, parent) => {
    const key = node.data?.segmentKey;
    if (!key) return;
    if (node.type === "paragraph" && parent?.type === "containerDirective" && parent.name === "figure") {
      const segment = {
        type: "previewSegment",
        data: { hName: "span", hProperties: { dataKey: key, className: [PREVIEW_SEGMENT_CLASS] } },
        children: node.children
      };
      node.children = [segment];
      return "skip";
    }
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataKey: key } };
    return void 0;
  });
}
function remarkPreviewKeys() {
  return (tree) => markSegmentKeys(tree);
}

// pipeline/plugins/remark-structure.ts
function structureTree(tree) {
  let depth = 1;
  tree.children = tree.children.map((node) => {
    if (node.type === "heading") depth = node.depth;
    if (node.type === "containerDirective" && node.name === "question") return questionHeading(node, Math.min(depth + 1, 6));
    return node;
  });
}
function questionHeading(node, depth) {
  const paragraphs = node.children.filter((child) => child.type === "paragraph");
  if (paragraphs.length !== node.children.length || paragraphs.length === 0) return node;
  const children = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) children.push({ type: "break" });
    children.push(...paragraph.children);
  });
  const key = paragraphs[0].data?.segmentKey;
  return {
    type: "heading",
    depth,
    children,
    position: node.position,
    data: {
      ...key ? { segmentKey: key } : {},
      hProperties: { className: ["question"] }
    }
  };
}
function remarkStructure() {
  return (tree) => structureTree(tree);
}

// pipeline/i18n/assign-keys.ts
var KEEP_KEY_SIMILARITY = 0.5;
var SLUG_WORDS = 5;
function assignKeys(units, register) {
  const keys = units.map((unit) => unit.fixedKey);
  const used = new Set(keys.filter((key) => key !== void 0));
  const byText = /* @__PURE__ */ new Map();
  for (const [key, text] of register) if (!byText.has(kindText(kindOf(key), text))) byText.set(kindText(kindOf(key), text), key);
  units.forEach((unit, index) => {
    if (keys[index]) return;
    const key = byText.get(kindText(unit.kind, unit.text));
    if (key) {
      keys[index] = key;
      used.add(key);
    }
  });
  units.forEach((unit, index) => {
    if (keys[index]) return;
    const twin = units.findIndex((other, at) => at < index && keys[at] && other.kind === unit.kind && other.text === unit.text);
    if (twin !== -1) {
      keys[index] = keys[twin];
      return;
    }
    let best;
    let bestScore = KEEP_KEY_SIMILARITY;
    for (const [key, text] of register) {
      if (used.has(key) || kindOf(key) !== unit.kind) continue;
      const score = similarity(unit.text, text);
      if (score >= bestScore) {
        best = key;
        bestScore = score;
      }
    }
    if (best) {
      keys[index] = best;
      used.add(best);
    }
  });
  units.forEach((unit, index) => {
    if (keys[index]) return;
    const twin = units.findIndex((other, at) => at < index && keys[at] && other.kind === unit.kind && other.text === unit.text);
    if (twin !== -1) {
      keys[index] = keys[twin];
      return;
    }
    const base = `${unit.kind}.${slug(unit.text)}`;
    let key = base;
    for (let n = 2; used.has(key) || register.has(key); n++) key = `${base}-${n}`;
    keys[index] = key;
    used.add(key);
  });
  return keys;
}
function kindOf(key) {
  return key.slice(0, key.indexOf("."));
}
function slug(text) {
  const words = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\]\([^)]*\)/g, " ").match(/[a-z0-9]+/g);
  if (words && words.length > 0) return words.slice(0, SLUG_WORDS).join("-");
  return "x" + fnv1a(text).toString(36);
}
function similarity(a, b) {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return 2 * shared / (x.size + y.size);
}
function bigrams(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams = /* @__PURE__ */ new Set();
  for (let i = 0; i < words.length; i++) grams.add(`${words[i]} ${words[i + 1] ?? ""}`);
  return grams;
}
function kindText(kind, text) {
  return `${kind}\0${text}`;
}
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

// pipeline/i18n/keyed-units.ts
function keyedUnits(tree, meta, register) {
  const units = [...metaUnits(meta), ...bodyUnits(tree)];
  const keys = assignKeys(units, register);
  return units.map((unit, index) => Object.assign(unit, { key: keys[index] }));
}
function sourceEntries(tree, meta, register) {
  const entries = /* @__PURE__ */ new Map();
  for (const unit of keyedUnits(structuredClone(tree), structuredClone(meta), register)) {
    if (!entries.has(unit.key)) entries.set(unit.key, unit.text);
  }
  return entries;
}

// pipeline/plugins/remark-translate.ts
function translateTree(tree, meta, file, options) {
  const { i18n, doc, locale, sourceLocale, register, catalog } = options;
  const t = i18n.getFixedT(locale, doc);
  const missing = [];
  const outdated = [];
  const used = [];
  const unregistered = [];
  for (const unit of keyedUnits(tree, meta, register)) {
    const { key } = unit;
    if (unit.node) unit.node.data = { ...unit.node.data, segmentKey: key };
    if (!used.includes(key)) used.push(key);
    if (!register.has(key) && !unregistered.includes(key)) unregistered.push(key);
    if (locale === sourceLocale) continue;
    const raw = i18n.getResource(locale, doc, key);
    const value = typeof raw === "string" && raw.trim() !== "" ? String(t(key, { skipInterpolation: true, fallbackLng: false })) : "";
    if (value === "") {
      if (!missing.includes(key)) {
        missing.push(key);
        file.message(`Missing translation for \`${key}\` in ${catalog.path}, using the source text`, {
          place: unit.position,
          ruleId: "missing-translation",
          source: "remark-translate"
        });
      }
      continue;
    }
    if (options.outdated?.has(key) && !outdated.includes(key)) {
      outdated.push(key);
      const entry = catalog.entries.get(key);
      file.message(`Outdated translation for \`${key}\` in ${catalog.path}${entry ? `:${entry.line}:${entry.column}` : ""}: the source changed since it was translated; update it, or confirm it with \`npm run i18n:review -- ${locale} ${key}\``, {
        place: unit.position,
        ruleId: "outdated-translation",
        source: "remark-translate"
      });
    }
    unit.apply(unit.inline ? markdownToPhrasing(value) : value);
  }
  if (unregistered.length > 0) {
    file.message(`Unexpected ${unregistered.length} segment(s) not in the source catalog (${unregistered.slice(0, 3).join(", ")}\u2026), expected them extracted: run \`npm run i18n:extract\``, {
      ruleId: "unextracted-segment",
      source: "remark-translate"
    });
  }
  return { missing, outdated, used };
}
function remarkTranslate(options) {
  return (tree, file) => {
    file.data.translation = translateTree(tree, options.meta, file, options);
  };
}

// pipeline/create-processor.ts
function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkDirective);
}
function createEditionProcessor(options) {
  return unified().use(remarkTranslate, options).use(remarkLocalImages, { contentDir: options.contentDir }).use(remarkStructure).use(options.previewKeys ? [remarkPreviewKeys] : []).use(remarkRehype, { handlers: createHandlers(options.labels), allowDangerousHtml: false });
}
async function runEdition(tree, file, options) {
  return await createEditionProcessor(options).run(tree, file);
}

// pipeline/content/plain-text.ts
import { toString } from "mdast-util-to-string";
function plainText(node) {
  return toString(node, { includeImageAlt: false });
}

// pipeline/content/load-document.ts
var DOC_NAME = /^[a-z0-9][a-z0-9._-]*$/i;
async function loadDocument(filePath, defaultLang) {
  const name = path2.basename(filePath, ".md");
  const file = new VFile({ path: filePath });
  if (!DOC_NAME.test(name)) {
    file.fail(`Unexpected document name \`${name}\`, expected letters, digits, '.', '_' or '-' only`, { ruleId: "document-name", source: "load-document" });
  }
  try {
    file.value = await readFile(filePath, "utf8");
  } catch (error) {
    const code = error.code;
    file.fail(code === "ENOENT" ? "Cannot find the content file: check the path under content/" : `Cannot read the content file (${code})`, {
      ruleId: "missing-content",
      source: "load-document"
    });
  }
  return parseLoaded(name, file, defaultLang);
}
function parseLoaded(name, file, defaultLang) {
  const tree = createParser().parse(file);
  const front = readFrontMatter(tree, file);
  const firstHeading = tree.children.find((node) => node.type === "heading" && node.depth === 1);
  const headingTitle = firstHeading ? plainText(firstHeading) : void 0;
  const title = stringField(front, "title", file) ?? headingTitle ?? name;
  if (firstHeading && headingTitle === title) tree.children.splice(tree.children.indexOf(firstHeading), 1);
  const credits = front.credits;
  const meta = {
    title,
    lang: stringField(front, "lang", file) ?? defaultLang,
    interviewee: stringField(front, "interviewee", file),
    intervieweeRole: stringField(front, "intervieweeRole", file),
    interviewer: stringField(front, "interviewer", file),
    publisher: stringField(front, "publisher", file),
    credits: Array.isArray(credits) ? credits.map(String) : typeof credits === "string" ? [credits] : []
  };
  return { name, file, tree, meta };
}
function readFrontMatter(tree, file) {
  const node = tree.children[0];
  if (node?.type !== "yaml") return {};
  tree.children.shift();
  const doc = parseYaml(node.value, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const line = (node.position?.start.line ?? 1) + (error.linePos?.[0].line ?? 1);
    const column = error.linePos?.[0].col ?? 1;
    file.fail(`Invalid YAML front matter: ${error.message.split("\n")[0]}`, {
      place: { line, column },
      ruleId: "front-matter",
      source: "load-document"
    });
  }
  const data = doc.toJS();
  if (data === null || data === void 0) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    file.fail("Unexpected front matter, expected `key: value` pairs", { place: node.position, ruleId: "front-matter", source: "load-document" });
  }
  return data;
}
function stringField(front, key, file) {
  const value = front[key];
  if (value === void 0 || value === null) return void 0;
  if (typeof value === "string" || typeof value === "number") return String(value);
  file.fail(`Unexpected ${Array.isArray(value) ? "list" : typeof value} for front matter \`${key}\`, expected text`, {
    place: { line: 1, column: 1 },
    ruleId: "front-matter",
    source: "load-document"
  });
}

// pipeline/i18n/catalog.ts
import { readFile as readFile2 } from "node:fs/promises";
import { parseTree, printParseErrorCode } from "jsonc-parser";
var CatalogError = class extends Error {
  constructor(message, file, line, column, key) {
    super(`${file}:${line}:${column}: ${message}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.key = key;
    this.name = "CatalogError";
  }
  file;
  line;
  column;
  key;
};
function emptyCatalog(path9) {
  return { path: path9, entries: /* @__PURE__ */ new Map(), resources: {} };
}
async function readCatalog(file, shownPath = file) {
  let bytes;
  try {
    bytes = await readFile2(file);
  } catch (error) {
    if (error.code === "ENOENT") return emptyCatalog(shownPath);
    throw error;
  }
  return parseCatalog(bytes, shownPath);
}
function parseCatalog(bytes, path9) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const pos = positionOfOffset(new TextDecoder().decode(bytes.subarray(0, at)), at);
    throw new CatalogError("Unexpected invalid UTF-8 byte, expected the file saved as UTF-8", path9, pos.line, pos.column);
  }
  if (text.charCodeAt(0) === 65279) {
    throw new CatalogError("Unexpected byte order mark (BOM), expected plain UTF-8: save the file without BOM", path9, 1, 1);
  }
  const errors = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first || !root) {
    const offset = first?.offset ?? 0;
    const pos = positionOfOffset(text, offset);
    const code = first ? printParseErrorCode(first.error) : "EmptyFile";
    throw new CatalogError(`Invalid JSON (${describeJsonError(code)})`, path9, pos.line, pos.column);
  }
  if (root.type !== "object") {
    const pos = positionOfOffset(text, root.offset);
    throw new CatalogError("Unexpected " + root.type + ", expected an object of keys", path9, pos.line, pos.column);
  }
  const entries = /* @__PURE__ */ new Map();
  const resources = walk(root, [], text, path9, entries);
  return { path: path9, entries, resources };
}
function walk(node, prefix, text, path9, entries) {
  const out = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    const key = [...prefix, name].join(".");
    const pos = positionOfOffset(text, keyNode.offset);
    if (Object.hasOwn(out, name)) {
      throw new CatalogError(`Unexpected duplicate key \`${key}\`, expected each key once`, path9, pos.line, pos.column, key);
    }
    if (valueNode.type === "object") {
      out[name] = walk(valueNode, [...prefix, name], text, path9, entries);
    } else if (valueNode.type === "string") {
      out[name] = valueNode.value;
      const at = positionOfOffset(text, valueNode.offset);
      entries.set(key, { value: String(valueNode.value), line: at.line, column: at.column });
    } else {
      throw new CatalogError(
        `Unexpected ${valueNode.type} for key \`${key}\`, expected a string (or an object of plural forms)`,
        path9,
        pos.line,
        pos.column,
        key
      );
    }
  }
  return out;
}
function nest(flat) {
  const root = {};
  for (const [key, value] of flat) {
    const parts = key.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === "object" && next !== null) node = next;
      else node = node[part] = {};
    }
    node[parts[parts.length - 1]] = value;
  }
  return root;
}
function positionOfOffset(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
function firstInvalidUtf8(bytes) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
function describeJsonError(code) {
  const words = {
    PropertyNameExpected: "a key was expected; a trailing comma before `}` is not allowed in JSON",
    ValueExpected: "a value was expected; a trailing comma before `]` or `}` is not allowed in JSON",
    CommaExpected: "a comma was expected between entries",
    CloseBraceExpected: "a closing brace `}` was expected",
    CloseBracketExpected: "a closing bracket `]` was expected",
    ColonExpected: "a colon was expected after the key",
    EndOfFileExpected: "unexpected content after the end of the object",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfString: "a string is not closed",
    InvalidCharacter: "invalid character",
    InvalidEscapeCharacter: "invalid escape in a string",
    EmptyFile: "the file is empty"
  };
  return words[code] ?? code;
}

// pipeline/i18n/create-i18n.ts
import i18next from "i18next";
async function createI18n(resources, sourceLocale) {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: sourceLocale,
    // Content falls back explicitly (to the document's own text, with a
    // message); the ui namespace falls back to the source language.
    fallbackLng: sourceLocale,
    supportedLngs: false,
    defaultNS: "ui",
    ns: Object.keys(resources[sourceLocale] ?? { ui: {} }),
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false
  });
  return instance;
}
function uiTranslator(instance, locale) {
  const t = instance.getFixedT(locale, "ui");
  return (term, options) => String(t(term, options ?? {}));
}

// pipeline/project.ts
import { readdir, stat } from "node:fs/promises";
import path3 from "node:path";
function createProject(root, outputDir) {
  const abs = path3.resolve(root);
  return {
    root: abs,
    contentDir: path3.join(abs, "content"),
    localesDir: path3.join(abs, "locales"),
    outputDir: path3.resolve(abs, outputDir ?? "output"),
    cacheDir: path3.join(abs, ".cache"),
    sourceLocale: "en"
  };
}
var LOCALE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
async function listDocuments(project) {
  const names = await readdir(project.contentDir).catch(() => []);
  return names.filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3)).sort();
}
async function listLocales(project) {
  const names = await readdir(project.localesDir).catch(() => []);
  const found = [];
  for (const name of names.sort()) {
    if (!LOCALE_CODE.test(name)) continue;
    const ui = await stat(path3.join(project.localesDir, name, "ui.json")).catch(() => void 0);
    if (ui?.isFile()) found.push(name);
  }
  return found.sort((a, b) => a === project.sourceLocale ? -1 : b === project.sourceLocale ? 1 : a.localeCompare(b));
}
function catalogPath(project, locale, ns) {
  return path3.join(project.localesDir, locale, `${ns}.json`);
}
function displayPath(project, file) {
  return path3.relative(project.root, file) || file;
}

// pipeline/i18n/load-catalogs.ts
async function loadCatalogs(project, locales, docs) {
  const catalogs = /* @__PURE__ */ new Map();
  const errors = /* @__PURE__ */ new Map();
  for (const locale of locales) {
    const byNs = /* @__PURE__ */ new Map();
    try {
      for (const ns of ["ui", ...docs]) {
        const file = catalogPath(project, locale, ns);
        const catalog = await readCatalog(file, displayPath(project, file));
        byNs.set(ns, catalog);
      }
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      errors.set(locale, error);
      for (const ns of ["ui", ...docs]) byNs.set(ns, emptyCatalog(displayPath(project, catalogPath(project, locale, ns))));
    }
    catalogs.set(locale, byNs);
  }
  return { catalogs, errors };
}
function toResources(catalogs) {
  const resources = {};
  for (const [locale, byNs] of catalogs) {
    resources[locale] = {};
    for (const [ns, catalog] of byNs) resources[locale][ns] = catalog.resources;
  }
  return resources;
}
function registerOf(catalogs, sourceLocale, doc) {
  const register = /* @__PURE__ */ new Map();
  for (const [key, entry] of catalogs.get(sourceLocale)?.get(doc)?.entries ?? []) register.set(key, entry.value);
  return register;
}

// pipeline/i18n/pseudo.ts
var PSEUDO_LOCALE = "en-XA";
var PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
var ACCENTED = "\xE5\u0180\xE7\xF0\xE9\u0192\u011D\u0125\xEE\u0135\u0137\u013C\u0271\xF1\xF6\xFE\u01EB\u0155\u0161\u0163\xFB\u1E7D\u0175\u1E8B\xFD\u017E\xC5\xDF\xC7\xD0\xC9\u0191\u011C\u0124\xCE\u0134\u0136\u013B\u1E40\xD1\xD6\xDE\u01EA\u0154\u0160\u0162\xDB\u1E7C\u0174\u1E8A\xDD\u017D";
var PSEUDO_LETTERS = new Map([...PLAIN].map((letter, index) => [letter, [...ACCENTED][index]]));
var PADDING = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
var EXPANSION = 1 / 3;
var PLACEHOLDER = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;
var PLAIN_KINDS = /* @__PURE__ */ new Set(["meta", "credit", "alt"]);
function accent(text) {
  return [...text].map((char) => PSEUDO_LETTERS.get(char) ?? char).join("");
}
function padding(length) {
  const want = Math.max(1, Math.round(length * EXPANSION));
  const words = [];
  for (let index = 0; words.join(" ").length < want; index++) words.push(PADDING[index % PADDING.length]);
  return accent(words.join(" "));
}
function pseudoText(text) {
  const accented = text.split(PLACEHOLDER).map((part, index) => index % 2 === 1 ? part : accent(part)).join("");
  return `[${accented} ${padding(text.length)}]`;
}
function pseudoMarkdown(value) {
  const children = markdownToPhrasing(value);
  let length = 0;
  const visit3 = (nodes) => {
    for (const node of nodes) {
      if (node.type === "text") {
        length += node.value.length;
        node.value = accent(node.value);
      } else if ("children" in node) visit3(node.children);
    }
  };
  visit3(children);
  return phrasingToMarkdown([{ type: "text", value: "[" }, ...children, { type: "text", value: ` ${padding(length)}]` }]);
}
function pseudoValue(ns, key, value) {
  return ns === "ui" || PLAIN_KINDS.has(kindOf(key)) ? pseudoText(value) : pseudoMarkdown(value);
}
function pseudoCatalogs(source) {
  const out = /* @__PURE__ */ new Map();
  for (const [ns, catalog] of source) {
    const entries = /* @__PURE__ */ new Map();
    for (const [key, entry] of catalog.entries) entries.set(key, { ...entry, value: pseudoValue(ns, key, entry.value) });
    out.set(ns, { path: `${PSEUDO_LOCALE} (generated from ${catalog.path})`, entries, resources: nest([...entries].map(([key, entry]) => [key, entry.value])) });
  }
  return out;
}

// pipeline/i18n/status/edition-status.ts
function noteInterfaceStatus(file, status, locale) {
  const ui = status.locales.find((item) => item.locale === locale)?.namespaces.find((ns) => ns.ns === "ui");
  for (const entry of ui?.entries ?? []) {
    if (entry.state === "missing") {
      file.message(`Missing translation for interface term \`${entry.key}\` in ${ui.file}, using the source text`, { ruleId: "missing-translation", source: "i18n-status" });
    } else if (entry.state === "outdated") {
      file.message(`Outdated translation for interface term \`${entry.key}\` in ${ui.file}:${entry.line}:${entry.column}: the source changed since it was translated`, { ruleId: "outdated-translation", source: "i18n-status" });
    }
  }
}
function strictRefusal(file) {
  const count = (ruleId) => file.messages.filter((message) => message.ruleId === ruleId).length;
  const missing = count("missing-translation");
  const outdated = count("outdated-translation");
  if (missing + outdated === 0) return void 0;
  return `--strict: not written, it would show ${missing} fallback${missing === 1 ? "" : "s"} to the source and ${outdated} outdated translation${outdated === 1 ? "" : "s"} (see the warnings above)`;
}

// pipeline/i18n/status/status-page.ts
import { diffWords } from "diff";
import { h } from "hastscript";
import rehypeStringify from "rehype-stringify";
import { unified as unified2 } from "unified";

// pipeline/i18n/expected-entries.ts
var PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
var CLDR_ORDER = ["zero", "one", "two", "few", "many", "other"];
function pluralCategories(locale) {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return [...categories].sort((a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b));
}
function pluralBase(key) {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? key.slice(0, match.index) : void 0;
}
function expectedEntries(source, locale) {
  const categories = pluralCategories(locale);
  const expected = /* @__PURE__ */ new Map();
  for (const [key, text] of source) {
    const base = pluralBase(key);
    if (base === void 0) {
      expected.set(key, text);
      continue;
    }
    if (expected.has(`${base}_${categories[0]}`)) continue;
    for (const category of categories) {
      expected.set(`${base}_${category}`, source.get(`${base}_${category}`) ?? source.get(`${base}_other`) ?? text);
    }
  }
  return expected;
}

// pipeline/i18n/sources.ts
import path4 from "node:path";
async function loadSources(project, docs) {
  const namespaces = /* @__PURE__ */ new Map();
  const errors = /* @__PURE__ */ new Map();
  try {
    namespaces.set("ui", await registerFile(project, "ui"));
  } catch (error) {
    errors.set("ui", messageOf(error));
  }
  for (const name of docs ?? await listDocuments(project)) {
    try {
      const document = await loadDocument(path4.join(project.contentDir, `${name}.md`), project.sourceLocale);
      const register = await registerFile(project, name);
      namespaces.set(name, sourceEntries(document.tree, document.meta, register));
    } catch (error) {
      errors.set(name, messageOf(error));
    }
  }
  return { namespaces, errors };
}
async function registerFile(project, ns) {
  const file = catalogPath(project, project.sourceLocale, ns);
  const catalog = await readCatalog(file, displayPath(project, file));
  return new Map([...catalog.entries].map(([key, entry]) => [key, entry.value]));
}
function messageOf(error) {
  if (error instanceof Error && "reason" in error) return String(error);
  return error instanceof Error ? error.message : String(error);
}

// pipeline/i18n/translation-record.ts
import { createHash } from "node:crypto";
import path6 from "node:path";

// pipeline/output/write-atomic.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path5 from "node:path";
async function writeAtomic(file, data) {
  await mkdir(path5.dirname(file), { recursive: true });
  const temporary = path5.join(path5.dirname(file), `.${path5.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

// pipeline/i18n/translation-record.ts
var FIELDS = ["source", "translation", "state"];
function recordPath(project, locale, ns) {
  return path6.join(project.localesDir, locale, `${ns}.translated-from.json`);
}
function hashValue(value) {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}
async function readRecord(file, shownPath = file) {
  const flat = await readCatalog(file, shownPath);
  const record = /* @__PURE__ */ new Map();
  for (const [dotted, entry] of flat.entries) {
    const at = dotted.lastIndexOf(".");
    const key = dotted.slice(0, at);
    const field = dotted.slice(at + 1);
    if (at <= 0 || !FIELDS.includes(field)) {
      throw new CatalogError(`Unexpected field \`${dotted}\`, expected \`<key>.source\`, \`.translation\` or \`.state\``, shownPath, entry.line, entry.column, dotted);
    }
    const item = record.get(key) ?? { source: "", translation: "" };
    if (field !== "state") item[field] = entry.value;
    else if (entry.value === "reviewed") item.state = "reviewed";
    else throw new CatalogError(`Unexpected state \`${entry.value}\` for \`${key}\`, expected \`reviewed\``, shownPath, entry.line, entry.column, dotted);
    record.set(key, item);
  }
  return record;
}

// pipeline/i18n/status/status.ts
function namespaceStatus(expected, catalog, record) {
  const entries = [];
  for (const [key, source] of expected) {
    const found = catalog.entries.get(key);
    const where = found ? { line: found.line, column: found.column } : {};
    if (!found || found.value.trim() === "") {
      entries.push({ key, state: "missing", source, ...where });
      continue;
    }
    const made = record.get(key);
    const untouched = made !== void 0 && made.translation === hashValue(found.value);
    const outdated = untouched && made.source !== source;
    entries.push({
      key,
      source,
      value: found.value,
      ...where,
      state: outdated ? "outdated" : "translated",
      ...outdated ? { previousSource: made.source } : {},
      ...untouched && !outdated && made.state === "reviewed" ? { reviewed: true } : {}
    });
  }
  for (const [key, found] of catalog.entries) {
    if (!expected.has(key)) entries.push({ key, state: "orphaned", value: found.value, line: found.line, column: found.column });
  }
  return entries;
}
function countsOf(entries) {
  const counts = { translated: 0, missing: 0, outdated: 0, orphaned: 0, total: 0 };
  for (const entry of entries) {
    counts[entry.state]++;
    if (entry.state !== "orphaned") counts.total++;
  }
  return counts;
}
function localeCounts(locale) {
  return countsOf(locale.namespaces.flatMap((ns) => ns.entries));
}
function percentOf(counts) {
  return counts.total === 0 ? 100 : Math.floor(100 * counts.translated / counts.total);
}
async function computeStatus(project, options = {}) {
  const sources = options.sources ?? await loadSources(project);
  const targets = (options.locales ?? await listLocales(project)).filter((locale) => locale !== project.sourceLocale);
  const locales = [];
  for (const locale of targets) {
    const namespaces = [];
    try {
      for (const [ns, source] of sources.namespaces) {
        const file = displayPath(project, catalogPath(project, locale, ns));
        const catalog = await readCatalog(catalogPath(project, locale, ns), file);
        const recordFile = recordPath(project, locale, ns);
        const record = await readRecord(recordFile, displayPath(project, recordFile));
        namespaces.push({ ns, file, entries: namespaceStatus(expectedEntries(source, locale), catalog, record) });
      }
      locales.push({ locale, namespaces });
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      locales.push({ locale, namespaces: [], error: error.message });
    }
  }
  return { sourceLocale: project.sourceLocale, locales, sourceErrors: sources.errors };
}
function keysIn(status, locale, ns, state) {
  const namespace = status?.locales.find((item) => item.locale === locale)?.namespaces.find((item) => item.ns === ns);
  return new Set(namespace?.entries.filter((entry) => entry.state === state).map((entry) => entry.key));
}

// pipeline/i18n/status/status-page.ts
var COLUMNS = ["translated", "missing", "outdated", "orphaned", "total"];
function renderStatusPage(status, css) {
  const tree = {
    type: "root",
    children: [
      { type: "doctype" },
      h("html", { lang: "en" }, [
        h("head", [
          h("meta", { charSet: "utf-8" }),
          h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          h("title", "Translation status"),
          h("style", css)
        ]),
        h("body", [
          h("main", [
            h("h1", "Translation status"),
            h("p", `Source language: ${languageName(status.sourceLocale)} (${status.sourceLocale}). A translation is outdated when the source text changed after it was translated; update it in the catalog, or confirm it with npm run i18n:review -- <locale> <key>.`),
            ...[...status.sourceErrors].map(([ns, reason]) => h("p", { role: "alert" }, `The source of ${ns} cannot be read: ${reason}`)),
            summaryTable(status),
            ...status.locales.map(localeSection)
          ])
        ])
      ])
    ]
  };
  return unified2().use(rehypeStringify).stringify(tree);
}
function summaryTable(status) {
  return h("table", [
    h("caption", "Every language at a glance"),
    h("thead", h("tr", [h("th", { scope: "col" }, "Language"), h("th", { scope: "col" }, "Progress"), ...COLUMNS.map((column) => h("th.number", { scope: "col" }, column))])),
    h("tbody", status.locales.map((locale) => {
      const counts = localeCounts(locale);
      return h("tr", [
        h("th", { scope: "row" }, h("a", { href: `#locale-${locale.locale}` }, [h("span", { lang: locale.locale }, nameOf(locale)), ` (${locale.locale})`])),
        h("td", locale.error ? "unreadable" : `${percentOf(counts)} %`),
        ...COLUMNS.map((column) => h("td.number", String(counts[column])))
      ]);
    }))
  ]);
}
function localeSection(locale) {
  const counts = localeCounts(locale);
  const id = `locale-${locale.locale}`;
  const of = (state) => locale.namespaces.flatMap((ns) => ns.entries.filter((entry) => entry.state === state).map((entry) => ({ locale: locale.locale, ns, entry })));
  return h("section", { ariaLabelledby: id }, [
    h("h2", { id }, [h("span", { lang: locale.locale }, nameOf(locale)), ` (${locale.locale})`]),
    locale.error ? h("p", { role: "alert" }, `This language cannot be read: ${locale.error}`) : h("p", [
      h("label", { for: `${id}-progress` }, `${counts.translated} of ${counts.total} translated (${percentOf(counts)} %) `),
      h("progress", { id: `${id}-progress`, max: counts.total, value: counts.translated }, `${percentOf(counts)} %`)
    ]),
    ...entryList("Outdated", of("outdated"), outdatedItem),
    ...entryList("Missing", of("missing"), missingItem),
    ...entryList("Orphaned (no longer in the source: delete them)", of("orphaned"), orphanedItem)
  ]);
}
function entryList(title, items, render2) {
  if (items.length === 0) return [];
  return [h("h3", `${title}: ${items.length}`), h("ol.entries", items.map((item) => h("li", [heading(item), ...render2(item)])))];
}
function heading({ ns, entry }) {
  return h("p", [h("code.key", entry.key), " in ", h("code.where", `${ns.file}${entry.line ? `:${entry.line}:${entry.column}` : ""}`)]);
}
function outdatedItem({ locale, entry }) {
  const changes = diffWords(entry.previousSource ?? "", entry.source ?? "");
  return [
    h("p", ["What changed in the source: ", ...changes.map((change) => change.added ? h("ins", change.value) : change.removed ? h("del", change.value) : { type: "text", value: change.value })]),
    h("p", ["Translation now: ", h("span", { lang: locale }, entry.value ?? "")])
  ];
}
function missingItem({ entry }) {
  return [h("p", ["Source: ", entry.source ?? ""])];
}
function orphanedItem({ locale, entry }) {
  return [h("p", ["Value: ", h("span", { lang: locale }, entry.value ?? "")])];
}
function nameOf(locale) {
  const own = locale.namespaces.find((ns) => ns.ns === "ui")?.entries.find((entry) => entry.key === "languageName" && entry.state !== "missing");
  return own?.value ?? languageName(locale.locale);
}
function languageName(code) {
  try {
    return new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

// pipeline/output/manifest.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync2, readFileSync } from "node:fs";
import path7 from "node:path";
function entryFor(relativePath, data, document, locale, format) {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  return { path: relativePath, document, locale, format, bytes: bytes.byteLength, sha256: createHash2("sha256").update(bytes).digest("hex") };
}
function mergeManifest(outputDir, entries) {
  const byPath = /* @__PURE__ */ new Map();
  const previous = path7.join(outputDir, "manifest.json");
  if (existsSync2(previous)) {
    try {
      const old = JSON.parse(readFileSync(previous, "utf8"));
      for (const entry of old.files ?? []) if (existsSync2(path7.join(outputDir, entry.path))) byPath.set(entry.path, entry);
    } catch {
    }
  }
  for (const entry of entries) byPath.set(entry.path, entry);
  const files = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  return { generator: "polyglot-press", files };
}

// pipeline/prepare-edition.ts
import { VFile as VFile2 } from "vfile";
function languagesOf(context) {
  return context.locales.map((locale) => ({
    locale,
    // A new language without its name yet is named by CLDR, not by the source's "English".
    name: context.i18n.getResource(locale, "ui", "languageName") ? uiTranslator(context.i18n, locale)("languageName") : cldrName(locale),
    dir: context.i18n.dir(locale) === "rtl" ? "rtl" : "ltr"
  }));
}
function cldrName(locale) {
  return new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
}
async function prepareEdition(doc, locale, context) {
  const { project, i18n, catalogs } = context;
  const sourceLocale = doc.meta.lang;
  const t = uiTranslator(i18n, locale);
  const tree = structuredClone(doc.tree);
  const meta = structuredClone(doc.meta);
  const file = new VFile2({ path: doc.file.path, value: doc.file.value });
  const hast = await runEdition(tree, file, {
    i18n,
    doc: doc.name,
    locale,
    sourceLocale,
    register: registerOf(catalogs, sourceLocale, doc.name),
    catalog: catalogs.get(locale)?.get(doc.name) ?? emptyCatalog(`locales/${locale}/${doc.name}.json`),
    outdated: keysIn(context.status, locale, doc.name, "outdated"),
    meta,
    contentDir: project.contentDir,
    labels: { photo: t("photo") },
    previewKeys: context.preview
  });
  meta.lang = locale;
  return {
    doc: doc.name,
    locale,
    sourceLocale,
    dir: i18n.dir(locale) === "rtl" ? "rtl" : "ltr",
    meta,
    hast,
    t,
    languages: languagesOf(context),
    file,
    localeCatalogs: catalogs.get(locale)
  };
}

// pipeline/render/index-page.ts
import { h as h2 } from "hastscript";
import rehypeStringify2 from "rehype-stringify";
import { unified as unified3 } from "unified";
function renderIndex(documents, t, locale, css, decorate) {
  const tree = {
    type: "root",
    children: [
      { type: "doctype" },
      h2("html", { lang: locale }, [
        h2("head", [
          h2("meta", { charSet: "utf-8" }),
          h2("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          h2("title", t("indexTitle")),
          h2("style", css)
        ]),
        h2("body", [
          h2("main#main", [
            h2("h1", t("indexTitle")),
            h2("p", t("indexIntro")),
            ...documents.map(
              (document) => h2("section", { ariaLabelledby: `doc-${document.name}` }, [
                h2("h2", { id: `doc-${document.name}` }, document.title),
                h2("ul.editions", document.editions.map(
                  ({ language, formats }) => h2("li", { lang: language.locale, dir: language.dir }, [
                    h2("span.language", language.name),
                    ": ",
                    ...formats.flatMap((format, index) => [
                      index > 0 ? " \xB7 " : "",
                      h2("a", { href: `${language.locale}/${document.name}.${format}`, hrefLang: language.locale }, format.toUpperCase())
                    ])
                  ])
                ))
              ])
            )
          ])
        ])
      ])
    ]
  };
  decorate?.(tree);
  return unified3().use(rehypeStringify2).stringify(tree);
}

// pipeline/types.ts
var FORMATS = ["html", "epub", "pdf"];

// pipeline/build.ts
var UsageError = class extends Error {
  name = "UsageError";
};
async function build(options) {
  const started = performance.now();
  const log = options.log ?? (() => {
  });
  const project = createProject(options.root, options.out);
  const allLocales = await listLocales(project);
  const allDocs = await listDocuments(project);
  const locales = pick("locale", options.locales, options.locales?.includes(PSEUDO_LOCALE) ? [...allLocales, PSEUDO_LOCALE] : allLocales);
  const docs = pick("document", options.docs, allDocs);
  const formats = pick("format", options.formats, [...FORMATS]);
  if (docs.length === 0) throw new UsageError(`No documents to build: add a Markdown file to ${displayPath(project, project.contentDir)}/`);
  const failures = [];
  const { catalogs, errors } = await loadCatalogs(project, allLocales, allDocs);
  if (locales.includes(PSEUDO_LOCALE)) catalogs.set(PSEUDO_LOCALE, pseudoCatalogs(catalogs.get(project.sourceLocale)));
  const i18n = await createI18n(toResources(catalogs), project.sourceLocale);
  const status = await computeStatus(project, { locales: allLocales });
  const context = { project, i18n, catalogs, locales: [...catalogs.keys()], status };
  const css = template("edition.css");
  const written = [];
  const files = [];
  const index = [];
  let missing = 0;
  for (const name of docs) {
    let document;
    try {
      document = await loadDocument(path8.join(project.contentDir, `${name}.md`), project.sourceLocale);
    } catch (error) {
      for (const locale of locales) failures.push({ doc: name, locale, reason: reasonOf(error) });
      continue;
    }
    const modified = sourceDate(document.file.path);
    const entry = { name, title: document.meta.title, editions: [] };
    index.push(entry);
    for (const locale of locales) {
      const broken = errors.get(locale);
      if (broken) {
        failures.push({ doc: name, locale, reason: broken.message });
        continue;
      }
      let edition;
      try {
        edition = await prepareEdition(document, locale, context);
      } catch (error) {
        failures.push({ doc: name, locale, reason: reasonOf(error) });
        continue;
      }
      files.push(edition.file);
      noteInterfaceStatus(edition.file, status, locale);
      missing += edition.file.messages.filter((message) => message.ruleId === "missing-translation").length;
      const refused = options.strict ? strictRefusal(edition.file) : void 0;
      if (refused) {
        failures.push({ doc: name, locale, reason: refused });
        continue;
      }
      const language = languagesOf(context).find((item) => item.locale === locale);
      const done = [];
      for (const format of formats) {
        try {
          const entry2 = await writeEdition(format, edition, { css, modified, formats, project, written, strict: options.strict ?? false });
          done.push(format);
          log(`  wrote ${entry2.path} (${formatBytes(entry2.bytes)})`);
        } catch (error) {
          failures.push({ doc: name, locale, format, reason: reasonOf(error) });
        }
      }
      entry.editions.push({ language, formats: done });
    }
  }
  const ui = uiTranslator(i18n, project.sourceLocale);
  const indexHtml = renderIndex(index, ui, project.sourceLocale, css);
  await writeAtomic(path8.join(project.outputDir, "index.html"), indexHtml);
  written.push(entryFor("index.html", indexHtml, null, null, "html"));
  const statusHtml = renderStatusPage(status, template("status.css"));
  await writeAtomic(path8.join(project.outputDir, "status.html"), statusHtml);
  written.push(entryFor("status.html", statusHtml, null, null, "html"));
  const manifest = mergeManifest(project.outputDir, written);
  await writeAtomic(path8.join(project.outputDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { project, files, written, failures, missing, status, milliseconds: performance.now() - started };
}
async function writeEdition(format, edition, context) {
  const data = await render(format, edition, context);
  const relative = `${edition.locale}/${edition.doc}.${format}`;
  await writeAtomic(path8.join(context.project.outputDir, relative), data);
  const entry = entryFor(relative, data, edition.doc, edition.locale, format);
  context.written.push(entry);
  return entry;
}
async function render(format, edition, context) {
  switch (format) {
    case "html": {
      const { renderHtml } = await import("./html-X7NB5Z3T.js");
      const media = /* @__PURE__ */ new Map();
      const html = renderHtml(edition, {
        css: context.css,
        formats: context.formats,
        decorate: context.decorate,
        imageHref: (localPath) => {
          const name = `${createHash3("sha256").update(localPath).digest("hex").slice(0, 16)}${path8.extname(localPath).toLowerCase()}`;
          media.set(localPath, name);
          return `../media/${name}`;
        }
      });
      for (const [localPath, name] of media) await publishMedia(localPath, name, context);
      return html;
    }
    case "epub": {
      const { renderEpub } = await import("./epub-CKHGDRGI.js");
      return renderEpub(edition, { css: context.css, modified: context.modified });
    }
    case "pdf": {
      const { renderPdf } = await import("./pdf-KU4AEK5A.js");
      return renderPdf(edition, { modified: context.modified, strict: context.strict });
    }
  }
}
async function publishMedia(localPath, name, context) {
  const relative = `media/${name}`;
  if (context.written.some((entry) => entry.path === relative)) return;
  const data = await readFile3(localPath);
  await writeAtomic(path8.join(context.project.outputDir, relative), data);
  context.written.push(entryFor(relative, data, null, null, "media"));
}
function pick(what, asked, known) {
  if (!asked || asked.length === 0) return [...known];
  for (const item of asked) {
    if (what === "locale" && !LOCALE_CODE.test(item)) {
      throw new UsageError(`Unexpected locale \`${item}\`, expected a language code such as kk or zh-Hans`);
    }
    if (!known.includes(item)) {
      throw new UsageError(`Unknown ${what} \`${item}\`, expected one of: ${known.join(", ") || "(none)"}`);
    }
  }
  return asked;
}
function sourceDate(file) {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1e3);
  try {
    const out = execFileSync("git", ["log", "-1", "--format=%ct", "--", file], { cwd: path8.dirname(file), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (/^\d+$/.test(out)) return new Date(Number(out) * 1e3);
  } catch {
  }
  return new Date(Date.UTC(2e3, 0, 1));
}
function reasonOf(error) {
  if (error instanceof CatalogError) return error.message;
  if (error && typeof error === "object" && "reason" in error && "file" in error && typeof error.toString === "function") {
    return String(error);
  }
  return error instanceof Error ? error.message : String(error);
}
function formatBytes(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

// pipeline/i18n/status/format-status.ts
var COLUMNS2 = ["translated", "missing", "outdated", "orphaned", "total"];
function formatStatusTable(status) {
  const header = ["locale", ...COLUMNS2, "complete"];
  const rows = status.locales.map((locale) => {
    if (locale.error) return [locale.locale, "unreadable: " + locale.error];
    const counts = localeCounts(locale);
    return [locale.locale, ...COLUMNS2.map((column) => String(counts[column])), `${percentOf(counts)} %`];
  });
  if (rows.length === 0) return `No translations yet: add a language with \`npm run i18n:add -- <code>\``;
  const widths = header.map((title, index) => Math.max(title.length, ...rows.filter((row) => row.length > 2).map((row) => row[index].length)));
  const line = (cells) => cells.length === 2 ? `${cells[0].padEnd(widths[0])}  ${cells[1]}` : cells.map((cell, index) => index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index])).join("  ");
  const sourceProblems = [...status.sourceErrors].map(([ns, reason]) => `source of ${ns} unreadable: ${reason}`);
  return [line(header), ...rows.map(line), ...sourceProblems].join("\n");
}

// pipeline/report.ts
import { VFileMessage } from "vfile-message";
function reportFailure(error) {
  if (error instanceof VFileMessage) {
    console.error(`error ${error.file ?? ""}${error.line ? `:${error.line}:${error.column ?? 1}` : ""}: ${error.reason}`);
    return 1;
  }
  if (error instanceof CatalogError) {
    console.error(`error ${error.message}`);
    return 1;
  }
  if (error instanceof Error && error.name === "UsageError") {
    console.error(`error: ${error.message}`);
    return 2;
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  return 1;
}

// pipeline/cli.ts
var USAGE = `Usage: npm run build -- [--locale kk,ru] [--format html,epub,pdf] [--doc interview] [--out DIR] [--strict] [--quiet]`;
async function main() {
  let values;
  try {
    ;
    ({ values } = parseArgs({
      options: {
        locale: { type: "string", multiple: true },
        format: { type: "string", multiple: true },
        doc: { type: "string", multiple: true },
        out: { type: "string" },
        quiet: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", default: false }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new UsageError(`${error.message}
${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const list = (items) => items?.flatMap((item) => item.split(",")).map((item) => item.trim()).filter(Boolean);
  const result = await build({
    root: process.cwd(),
    out: values.out,
    locales: list(values.locale),
    formats: list(values.format),
    docs: list(values.doc),
    strict: values.strict,
    log: values.quiet ? void 0 : (line) => console.log(line)
  });
  const report = reporter(result.files, { quiet: true });
  if (report) console.error(report);
  for (const failure of result.failures) {
    console.error(`error ${failure.doc} (${failure.locale}${failure.format ? `, ${failure.format}` : ""}): ${failure.reason}`);
  }
  const editions = result.written.filter((entry) => entry.document !== null).length;
  console.log(
    `${editions} edition${editions === 1 ? "" : "s"} written to ${result.project.outputDir} in ${(result.milliseconds / 1e3).toFixed(2)} s; ${result.missing} missing translation${result.missing === 1 ? "" : "s"}` + (result.failures.length > 0 ? `; ${result.failures.length} failed` : "")
  );
  console.log(`
${formatStatusTable(result.status)}
(details: ${result.project.outputDir}/status.html)`);
  return result.failures.length > 0 ? 1 : 0;
}
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = reportFailure(error);
  }
);
