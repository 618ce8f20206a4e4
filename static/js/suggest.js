// Suggestions for the person and organization filters: as the reader types a name, the field's
// <datalist> fills with matching names whose values are the slugs the address uses.
// Without this script the fields still work: a name typed in full is found by the server.
(function () {
  "use strict";

  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-suggest");
    var timer = null;
    var asked = "";
    if (!list || !url) return;

    function fill(suggestions) {
      list.replaceChildren.apply(list, suggestions.map(function (s) {
        var option = document.createElement("option");
        option.value = s.value;
        option.label = s.label;
        option.textContent = s.label;
        return option;
      }));
    }

    input.addEventListener("input", function () {
      var typed = input.value.trim();
      clearTimeout(timer);
      if (typed.length < 2 || typed === asked) return;
      timer = setTimeout(function () {
        asked = typed;
        fetch(url + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (input.value.trim() === typed) fill(data.suggestions); })
          .catch(function () {});
      }, 150);
    });
  }

  document.querySelectorAll("input[data-suggest][list]").forEach(attach);
})();
