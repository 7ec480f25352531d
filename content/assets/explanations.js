// NeuroNav explanation search: the words of a query are looked up in the model's static, word-keyed shards
// (api/<model>/search/explanations/<shard>.json, one fetch per shard). Each query word matches the indexed words that
// start with it; a neuron matches when every query word does. Results: best GPT-4 score first.
// Words are cut as the build cuts them (src/NeuroNav.Build/Search/ExplanationWords.cs).
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var STOP = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "with"];

  function words(text) {
    var found = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    return found.filter(function (w, i) { return w.length >= 2 && STOP.indexOf(w) < 0 && found.indexOf(w) === i; });
  }

  function shardOf(word) {
    return word.slice(0, 2).split("").map(function (c) { return /[a-z0-9]/.test(c) ? c : "_"; }).join("");
  }

  // Says the page is ready once the form has its handler: <html data-ready="… explanations">.
  function ready() {
    document.documentElement.setAttribute("data-ready", ((document.documentElement.getAttribute("data-ready") || "") + " explanations").trim());
  }

  function init() {
    var form = document.getElementById("explanation-search");
    if (!form) {
      ready();
      return;
    }
    var root = form.getAttribute("data-root");
    var fixedModel = form.getAttribute("data-model");
    var select = document.getElementById("explanation-model");
    var query = document.getElementById("explanation-query");
    var status = document.getElementById("explanation-status");
    var results = document.getElementById("explanation-results");
    var cache = {};

    function folder(model) {
      return root + "api/" + model + "/search/explanations/";
    }

    function get(url) {
      if (!cache[url]) {
        cache[url] = fetch(url).then(function (response) {
          if (response.status === 404) {
            return null;
          }
          if (!response.ok) {
            throw new Error("HTTP " + response.status + " for " + url);
          }
          return response.json();
        });
      }
      return cache[url];
    }

    // Every entry of the shard whose word starts with the query word, keyed "layer/neuron".
    function lookup(model, word) {
      return get(folder(model) + shardOf(word) + ".json").then(function (shard) {
        var found = {};
        if (!shard) {
          return found;
        }
        Object.keys(shard.words).forEach(function (w) {
          if (w.indexOf(word) === 0) {
            shard.words[w].forEach(function (i) {
              var e = shard.entries[i];
              found[e[0] + "/" + e[1]] = { layer: e[0], neuron: e[1], score: e[2], explanation: e[3] };
            });
          }
        });
        return found;
      });
    }

    function show(model, hits) {
      results.textContent = "";
      hits.slice(0, MAX_RESULTS).forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + model + "/" + hit.layer + "/" + hit.neuron + ".html";
        a.textContent = "Layer " + hit.layer + ", neuron " + hit.neuron;
        li.appendChild(a);
        var score = document.createElement("span");
        score.className = "stat";
        score.textContent = " score " + (hit.score === null ? "\u2013" : String(Number(hit.score.toPrecision(3)))) + " ";
        li.appendChild(score);
        var text = document.createElement("span");
        text.className = "expl";
        text.textContent = hit.explanation;
        li.appendChild(text);
        results.appendChild(li);
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var model = fixedModel || (select && select.value);
      var wanted = words(query.value);
      results.textContent = "";
      if (!model) {
        status.textContent = "No model of this archive has data yet.";
        return;
      }
      if (wanted.length === 0) {
        status.textContent = "Type a word of two letters or more.";
        return;
      }
      status.textContent = "Searching\u2026";
      get(folder(model) + "index.json").then(function (index) {
        if (!index) {
          status.textContent = "This archive has no GPT-4 explanations of " + model + ".";
          return null;
        }
        return Promise.all(wanted.map(function (w) { return lookup(model, w); })).then(function (sets) {
          var hits = Object.keys(sets[0]).filter(function (key) {
            return sets.every(function (set) { return key in set; });
          }).map(function (key) { return sets[0][key]; });
          hits.sort(function (a, b) {
            var sa = a.score === null ? -Infinity : a.score;
            var sb = b.score === null ? -Infinity : b.score;
            return sb - sa || a.layer - b.layer || a.neuron - b.neuron;
          });
          status.textContent = hits.length === 0
            ? "No explanation of " + model + " has all of: " + wanted.join(", ") + "."
            : hits.length + (hits.length === 1 ? " neuron matches" : " neurons match") + (hits.length > MAX_RESULTS ? "; the best " + MAX_RESULTS + " are shown." : ".");
          show(model, hits);
        });
      }).catch(function (error) {
        status.textContent = "Search failed: " + error.message;
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
