// pipeline/render/hast/images.ts
import { visit } from "unist-util-visit";
function mapImages(tree, src) {
  visit(tree, "element", (node) => {
    const localPath = node.properties.dataLocalPath;
    if (node.tagName !== "img" || typeof localPath !== "string") return;
    node.properties.src = src(localPath);
    delete node.properties.dataLocalPath;
  });
}

export {
  mapImages
};
