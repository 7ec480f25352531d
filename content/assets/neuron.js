// NeuroNav neuron page: "Show full text" fetches the neuron's JSON document (relative URL, so the
// site works under any path prefix) and renders the whole text with the page's colour buckets.
// Token text is only ever set through textContent.
(function () {
  "use strict";

  var BUCKETS = 10;

  // Same rule as the server-side heatmap: share of its side's extreme (max for positive, min for negative values),
  // rounded to tenths, signed; NaN is neutral.
  function bucket(value, scale) {
    if (value === null || typeof value !== "number" || isNaN(value)) {
      return 0;
    }
    var v = Math.fround(value);
    var share = Math.min(v < 0 ? v / scale.min : v / scale.max, 1);
    var k = Math.round(share * BUCKETS);
    return v < 0 ? -k : k;
  }

  function className(b) {
    return b > 0 ? "p" + b : b < 0 ? "n" + -b : "";
  }

  // Mirrors the server: newline as ↵ plus a line break, tab as ⇥, other controls as control pictures.
  function visible(token) {
    var out = "";
    for (var i = 0; i < token.length; i++) {
      var c = token.charCodeAt(i);
      if (c === 10) {
        out += "\u21b5\n";
      } else if (c === 9) {
        out += "\u21e5";
      } else if (c < 32) {
        out += String.fromCharCode(0x2400 + c);
      } else if (c === 127) {
        out += "\u2421";
      } else {
        out += token.charAt(i);
      }
    }
    return out;
  }

  function renderText(target, text, scale) {
    var fragment = document.createDocumentFragment();
    var tokens = text.tokens || [];
    var values = text.values || [];
    for (var i = 0; i < tokens.length; i++) {
      var span = document.createElement("span");
      var value = i < values.length ? values[i] : null;
      var cls = className(bucket(value, scale));
      if (i === text.max_activating_token_index) {
        cls = cls ? cls + " mx" : "mx";
      }
      if (cls) {
        span.className = cls;
      }
      span.title = value === null ? "non-finite" : String(value);
      span.textContent = visible(String(tokens[i]));
      fragment.appendChild(span);
    }
    target.textContent = "";
    target.appendChild(fragment);
  }

  // Says the page is ready once the buttons have their handlers: <html data-ready="… neuron">.
  function ready() {
    document.documentElement.setAttribute("data-ready", ((document.documentElement.getAttribute("data-ready") || "") + " neuron").trim());
  }

  function init() {
    var section = document.getElementById("neuroscope");
    if (!section) {
      ready();
      return;
    }
    var api = section.getAttribute("data-api");
    var max = parseFloat(section.getAttribute("data-scale"));
    if (!(max > 0) || !isFinite(max)) {
      max = 1;
    }
    var min = parseFloat(section.getAttribute("data-scale-min"));
    if (!(min < 0) || !isFinite(min)) {
      min = -max;
    }
    var scale = { max: max, min: min };
    var documentPromise = null;

    function load() {
      if (!documentPromise) {
        documentPromise = fetch(api).then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status + " for " + api);
          }
          return response.json();
        });
        documentPromise.catch(function () {
          documentPromise = null;
        });
      }
      return documentPromise;
    }

    var buttons = section.querySelectorAll("button.full[data-text]");
    Array.prototype.forEach.call(buttons, function (button) {
      var index = parseInt(button.getAttribute("data-text"), 10);
      var target = section.querySelector('div.full-text[data-text="' + index + '"]');
      if (!target) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        if (!target.hidden) {
          target.hidden = true;
          button.textContent = "Show full text";
          return;
        }
        button.disabled = true;
        load().then(function (doc) {
          var texts = (doc.neuroscope && doc.neuroscope.texts) || [];
          var text = texts.filter(function (t) { return t.index === index; })[0];
          if (!text) {
            throw new Error("text #" + index + " is not in " + api);
          }
          renderText(target, text, scale);
          target.hidden = false;
          button.textContent = "Hide full text";
        }).catch(function (error) {
          target.textContent = "Could not load the full text: " + error.message;
          target.hidden = false;
        }).then(function () {
          button.disabled = false;
        });
      });
    });
    ready();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
