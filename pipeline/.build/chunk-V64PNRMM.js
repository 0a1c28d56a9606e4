// pipeline/render/hast/handlers.ts
import { defaultHandlers } from "mdast-util-to-hast";

// pipeline/content/segment-units.ts
import { visitParents } from "unist-util-visit-parents";

// pipeline/content/markdown.ts
import { directive } from "micromark-extension-directive";
import { directiveFromMarkdown, directiveToMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toMarkdown } from "mdast-util-to-markdown";
function phrasingToMarkdown(children) {
  const out = toMarkdown(
    { type: "paragraph", children },
    { extensions: [directiveToMarkdown()], bullet: "*", emphasis: "*", strong: "*" }
  );
  return out.replace(/\n$/, "");
}
function markdownToPhrasing(value) {
  const root = fromMarkdown(value, {
    extensions: [directive()],
    mdastExtensions: [directiveFromMarkdown()]
  });
  const only = root.children[0];
  if (root.children.length === 1 && only?.type === "paragraph") return only.children;
  return value === "" ? [] : [{ type: "text", value }];
}

// pipeline/content/segment-units.ts
var META_FIELDS = ["title", "interviewee", "intervieweeRole", "interviewer", "publisher"];
function metaUnits(meta) {
  const units = [];
  for (const field of META_FIELDS) {
    const text = meta[field];
    if (!text) continue;
    units.push({
      kind: "meta",
      text,
      fixedKey: `meta.${field}`,
      inline: false,
      apply: (value) => {
        meta[field] = asPlain(value);
      }
    });
  }
  meta.credits.forEach((text, index) => {
    units.push({
      kind: "credit",
      text,
      inline: false,
      apply: (value) => {
        meta.credits[index] = asPlain(value);
      }
    });
  });
  return units;
}
function bodyUnits(tree) {
  const units = [];
  visitParents(tree, (node, ancestors) => {
    switch (node.type) {
      case "heading":
      case "tableCell":
        units.push(phrasingUnit(node.type === "heading" ? "heading" : "cell", node));
        return "skip";
      case "paragraph": {
        const image = soleImage(node);
        if (image) {
          if (image.alt) units.push(altUnit(image));
          return "skip";
        }
        units.push(phrasingUnit(paragraphKind(ancestors), node));
        return "skip";
      }
      case "containerDirective":
      case "leafDirective": {
        const credit = node.attributes?.credit;
        if (node.name === "figure" && credit) {
          const attributes = node.attributes;
          units.push({
            kind: "credit",
            text: credit,
            position: node.position,
            inline: false,
            apply: (value) => {
              attributes.credit = asPlain(value);
            }
          });
        }
        return void 0;
      }
      default:
        return void 0;
    }
  });
  return units;
}
function phrasingUnit(kind, node) {
  return {
    kind,
    text: phrasingToMarkdown(node.children),
    position: node.position,
    inline: true,
    node,
    apply: (value) => {
      node.children = typeof value === "string" ? [{ type: "text", value }] : value;
    }
  };
}
function altUnit(image) {
  return {
    kind: "alt",
    text: image.alt ?? "",
    position: image.position,
    inline: false,
    apply: (value) => {
      image.alt = asPlain(value);
    }
  };
}
function soleImage(node) {
  const meaningful = node.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  const only = meaningful[0];
  return meaningful.length === 1 && only?.type === "image" ? only : void 0;
}
function paragraphKind(ancestors) {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (parent.type === "containerDirective") {
      if (parent.name === "question") return "question";
      if (parent.name === "standfirst") return "standfirst";
      if (parent.name === "figure") return "caption";
    }
    if (parent.type === "blockquote") return "quote";
    if (parent.type === "listItem") return "item";
  }
  return "p";
}
function asPlain(value) {
  if (typeof value === "string") return value;
  return value.map((node) => "value" in node ? node.value : "children" in node ? asPlain(node.children) : "").join("");
}

// pipeline/render/hast/handlers.ts
function withSegmentKey(element, key) {
  element.data ??= {};
  element.data.segmentKey = key;
  return element;
}
function idOfKey(key) {
  return key.replace(/\./g, "-");
}
function createHandlers(labels) {
  return {
    heading(state, node) {
      const element = defaultHandlers.heading(state, node);
      const key = node.data?.segmentKey;
      if (key) {
        element.properties = { ...element.properties, id: idOfKey(key) };
        withSegmentKey(element, key);
      }
      return element;
    },
    paragraph(state, node) {
      const element = defaultHandlers.paragraph(state, node);
      const key = node.data?.segmentKey;
      if (key) withSegmentKey(element, key);
      return element;
    },
    containerDirective(state, node) {
      if (node.name === "figure") return figure(state, node, labels);
      const element = {
        type: "element",
        tagName: "div",
        properties: { className: [safeClass(node.name)] },
        children: state.all(node)
      };
      state.patch(node, element);
      return element;
    },
    leafDirective(state, node) {
      const element = { type: "element", tagName: "p", properties: { className: [safeClass(node.name)] }, children: state.all(node) };
      state.patch(node, element);
      return element;
    },
    textDirective(state, node) {
      const element = { type: "element", tagName: "span", properties: { className: [safeClass(node.name)] }, children: state.all(node) };
      state.patch(node, element);
      return element;
    },
    image(state, node) {
      const element = defaultHandlers.image(state, node);
      element.properties = { ...element.properties, dataLocalPath: node.data?.localPath };
      return element;
    }
  };
}
function figure(state, node, labels) {
  const media = [];
  const caption = [];
  let captionKey;
  for (const child of node.children) {
    const image = child.type === "paragraph" ? soleImage(child) : void 0;
    if (image) {
      media.push(...state.all({ type: "paragraph", children: [image] }));
    } else if (child.type === "paragraph") {
      if (caption.length > 0) caption.push({ type: "element", tagName: "br", properties: {}, children: [] });
      captionKey ??= child.data?.segmentKey;
      caption.push(...state.all(child));
    } else {
      media.push(...state.all({ type: "root", children: [child] }));
    }
  }
  if (media.length === 0) {
    media.push({
      type: "element",
      tagName: "div",
      properties: { className: ["figure-placeholder"], ariaHidden: "true" },
      children: [{ type: "text", value: labels.photo }]
    });
  }
  const credit = node.attributes?.credit;
  const parts = [];
  if (caption.length > 0) {
    const span = { type: "element", tagName: "span", properties: { className: ["caption"] }, children: caption };
    parts.push(captionKey ? withSegmentKey(span, captionKey) : span);
  }
  if (credit) {
    if (parts.length > 0) parts.push({ type: "text", value: " " });
    parts.push({ type: "element", tagName: "span", properties: { className: ["credit"], dir: "auto" }, children: [{ type: "text", value: credit }] });
  }
  const children = [...media.flatMap(unwrapParagraph)];
  if (parts.length > 0) children.push({ type: "element", tagName: "figcaption", properties: {}, children: parts });
  const element = { type: "element", tagName: "figure", properties: { className: ["figure"] }, children };
  state.patch(node, element);
  return element;
}
function unwrapParagraph(node) {
  return node.type === "element" && node.tagName === "p" ? node.children : [node];
}
function safeClass(name) {
  return "directive-" + name.replace(/[^a-z0-9-]/gi, "");
}

export {
  phrasingToMarkdown,
  markdownToPhrasing,
  metaUnits,
  bodyUnits,
  withSegmentKey,
  createHandlers
};
