import {
  withSegmentKey
} from "./chunk-V64PNRMM.js";

// pipeline/render/article.ts
import { toText } from "hast-util-to-text";
import { h } from "hastscript";
var WORDS_PER_MINUTE = 200;
function articleTree(edition) {
  const { meta, t } = edition;
  const header = [withSegmentKey(h("h1", { id: "title" }, meta.title), "meta.title")];
  if (meta.interviewee) {
    header.push(withSegmentKey(h("p.byline", [h("bdi.interviewee", meta.interviewee), meta.intervieweeRole ? [comma(edition.locale), h("bdi.role", meta.intervieweeRole)] : []]), "meta.interviewee"));
  }
  header.push(withSegmentKey(h("p.reading-time", t("readingTime", { count: readingMinutes(edition.hast) })), "ui:readingTime"));
  const body = structuredClone(edition.hast.children);
  return h("article", [h("header.article-header", header), ...body]);
}
function comma(locale) {
  const { language } = new Intl.Locale(locale);
  if (language === "ar" || language === "fa" || language === "ur") return "\u060C ";
  if (language === "zh" || language === "ja") return "\uFF0C";
  return ", ";
}
function readingMinutes(tree) {
  const text = toText(tree);
  const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
  const ideographs = text.match(ideograph)?.length ?? 0;
  const words = text.replace(ideograph, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return Math.max(1, Math.round((words + ideographs * 0.66) / WORDS_PER_MINUTE));
}
function headingsOf(tree) {
  const found = [];
  const walk = (node) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const match = /^h([1-6])$/.exec(child.tagName);
      if (match && typeof child.properties.id === "string") {
        found.push({ id: child.properties.id, depth: Number(match[1]), text: toText(child).replace(/\s+/g, " ").trim() });
      } else walk(child);
    }
  };
  walk(tree);
  return found;
}

export {
  articleTree,
  headingsOf
};
