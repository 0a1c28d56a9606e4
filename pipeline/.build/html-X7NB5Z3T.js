import {
  mapImages
} from "./chunk-4A2MVKRJ.js";
import {
  articleTree
} from "./chunk-W5RQA74D.js";
import "./chunk-V64PNRMM.js";

// pipeline/render/html.ts
import { h as h2 } from "hastscript";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

// pipeline/render/html-metadata.ts
import { toText } from "hast-util-to-text";
import { h } from "hastscript";
function metadataElements(edition) {
  const { meta, locale, languages } = edition;
  const description = standfirstOf(edition);
  const elements = [];
  if (description) elements.push(h("meta", { name: "description", content: description }));
  elements.push(
    h("meta", { property: "og:type", content: "article" }),
    h("meta", { property: "og:title", content: meta.title }),
    h("meta", { property: "og:locale", content: ogLocale(locale) }),
    ...languages.filter((language) => language.locale !== locale).map((language) => h("meta", { property: "og:locale:alternate", content: ogLocale(language.locale) }))
  );
  if (description) elements.push(h("meta", { property: "og:description", content: description }));
  if (meta.publisher) elements.push(h("meta", { property: "og:site_name", content: meta.publisher }));
  elements.push(h("script", { type: "application/ld+json" }, jsonForScript(jsonLd(edition, description))));
  return elements;
}
function jsonLd(edition, description) {
  const { meta, locale, sourceLocale } = edition;
  const organization = (name) => name ? { "@type": "Organization", name } : void 0;
  return prune({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: meta.title,
    description,
    inLanguage: locale,
    genre: meta.interviewee ? "Interview" : void 0,
    author: organization(meta.interviewer),
    publisher: organization(meta.publisher),
    about: meta.interviewee ? prune({ "@type": "Person", name: meta.interviewee, jobTitle: meta.intervieweeRole }) : void 0,
    creditText: meta.credits.length > 0 ? meta.credits.join("; ") : void 0,
    translationOfWork: locale !== sourceLocale ? { "@type": "NewsArticle", inLanguage: sourceLocale } : void 0
  });
}
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function ogLocale(locale) {
  const max = new Intl.Locale(locale).maximize();
  return max.region ? `${max.language}_${max.region}` : max.language;
}
function standfirstOf(edition) {
  for (const node of edition.hast.children) {
    if (node.type === "element" && Array.isArray(node.properties.className) && node.properties.className.includes("directive-standfirst")) {
      return toText(node).replace(/\s+/g, " ").trim();
    }
  }
  return void 0;
}
function prune(value) {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== void 0));
}

// pipeline/render/html.ts
var FORMAT_TYPES = {
  html: "text/html",
  epub: "application/epub+zip",
  pdf: "application/pdf"
};
function isolated(t, term, name) {
  const marker = "\0";
  const [before = "", after = ""] = t(term, { name: marker }).split(marker);
  return [before, h2("bdi", name), after].filter((part) => part !== "");
}
function renderHtml(edition, options) {
  const page = pageTree(edition, options);
  options.decorate?.(page, edition);
  return unified().use(rehypeStringify).stringify(page);
}
function pageTree(edition, options) {
  const { doc, locale, sourceLocale, meta, t, languages } = edition;
  const href = (other) => `../${other}/${doc}.html`;
  const article = articleTree(edition);
  mapImages(article, options.imageHref);
  const head = [
    h2("meta", { charSet: "utf-8" }),
    h2("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h2("title", meta.title),
    meta.interviewee ? h2("meta", { name: "author", content: meta.publisher ?? meta.interviewer ?? meta.interviewee }) : [],
    ...languages.map((language) => h2("link", { rel: "alternate", hrefLang: language.locale, href: href(language.locale) })),
    h2("link", { rel: "alternate", hrefLang: "x-default", href: href(sourceLocale) }),
    ...metadataElements(edition),
    h2("style", options.css)
  ];
  const others = options.formats.filter((format) => format !== "html");
  const body = [
    h2("a.skip-link", { href: "#main" }, t("skipToContent")),
    h2("header.site-header", [
      h2("nav.languages", { ariaLabel: t("languages") }, [
        h2("ul", languages.map(
          (language) => h2("li", [h2("a", {
            href: href(language.locale),
            hrefLang: language.locale,
            lang: language.locale,
            dir: language.dir,
            ariaCurrent: language.locale === locale ? "page" : void 0
          }, language.name)])
        ))
      ])
    ]),
    h2("main#main", [article]),
    h2("footer.site-footer", [
      others.length > 0 ? h2("nav.formats", { ariaLabel: t("editions") }, [
        h2("p", t("alsoAvailable")),
        h2("ul", others.map((format) => h2("li", [h2("a", { href: `${doc}.${format}`, type: FORMAT_TYPES[format], download: "" }, t(`format.${format}`))])))
      ]) : [],
      meta.interviewer ? h2("p", isolated(t, "interviewer", meta.interviewer)) : [],
      meta.publisher ? h2("p", isolated(t, "publisher", meta.publisher)) : []
    ])
  ];
  return {
    type: "root",
    children: [
      { type: "doctype" },
      h2("html", { lang: locale, dir: edition.dir }, [h2("head", head), h2("body", body)])
    ]
  };
}
export {
  isolated,
  pageTree,
  renderHtml
};
