// pipeline/render/templates.ts
import { readFileSync } from "node:fs";
var cache = /* @__PURE__ */ new Map();
function template(name) {
  let text = cache.get(name);
  if (text === void 0) {
    text = readFileSync(new URL(`../templates/${name}`, import.meta.url), "utf8");
    cache.set(name, text);
  }
  return text;
}

export {
  template
};
