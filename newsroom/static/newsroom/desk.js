// Select2 draws its own boxes in place of an autocomplete <select>, and they have no name a
// screen reader can say. Name them after the field's label (and, for a single choice, the
// choice made), on load and for every inline row added later.
"use strict";
(function () {
  function labelOf(select) {
    const label = select.id && document.querySelector(`label[for="${CSS.escape(select.id)}"]`);
    if (!label) return null;
    if (!label.id) label.id = `${select.id}-label`;
    return label;
  }

  function name(container) {
    const select = container.previousElementSibling;
    if (!select || select.tagName !== "SELECT") return;
    const label = labelOf(select);
    if (!label) return;
    const rendered = container.querySelector(".select2-selection__rendered[id]");
    if (rendered) {
      const names = `${label.id} ${rendered.id}`;
      rendered.setAttribute("aria-labelledby", names);
      container.querySelector(".select2-selection")?.setAttribute("aria-labelledby", names);
    }
    container.querySelectorAll(".select2-search__field").forEach((field) => {
      field.setAttribute("aria-labelledby", label.id);
    });
  }

  function nameAll(root) {
    root.querySelectorAll(".select2-container").forEach(name);
  }

  document.addEventListener("DOMContentLoaded", () => {
    nameAll(document);
    new MutationObserver((changes) => {
      for (const change of changes) {
        change.addedNodes.forEach((node) => {
          if (node.nodeType !== Node.ELEMENT_NODE) return;
          const container = node.closest(".select2-container");
          if (container) name(container);
          else nameAll(node);
        });
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
