/* Dateline: small enhancements only; every feature works without this file.
 * - a filter box above long facet lists (opens "show more" while filtering);
 * - "/" focuses the search box (unless the user is typing somewhere).
 */
(function () {
  "use strict";
  var MIN_VALUES = 9;

  function addFilterBox(facet) {
    var items = facet.querySelectorAll("li[data-value]");
    if (items.length < MIN_VALUES) return;
    var kind = facet.getAttribute("data-facet");
    var heading = facet.querySelector("h2");
    var id = "facet-filter-" + kind;
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = id;
    label.textContent = "Filter " + (heading ? heading.textContent : kind) + " values";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "facet-filter";
    input.placeholder = "Filter…";
    input.autocomplete = "off";
    var details = facet.querySelector("details.more");
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      items.forEach(function (li) {
        li.hidden = needle !== "" && li.getAttribute("data-value").indexOf(needle) === -1;
      });
      if (details && needle !== "") details.open = true;
    });
    heading.insertAdjacentElement("afterend", input);
    heading.insertAdjacentElement("afterend", label);
  }

  document.querySelectorAll(".facet[data-facet]").forEach(addFilterBox);

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var box = document.getElementById("q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });
})();
