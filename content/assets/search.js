// NeuroNav token search: answers queries like "activating:he, important:said" from the static, sharded
// token index of each model (api/<model>/search/tokens/index.json and <shard>.json), without a server.
// The query is read from ?q= (the form submits by GET, so every search is a permalink) and ?page=.
// Token text is only ever set through textContent.
(function (root) {
  "use strict";

  var PAGE_SIZE = 100;
  var KINDS = ["activating", "important", "any"];

  // Neuron2Graph's own normalisation of a token: a word token loses its surrounding spaces, and a
  // capitalised word ("He", " The") is lower-cased; punctuation keeps its spaces (" ,").
  function normalise(token) {
    var t = token;
    if (t.length > 1 && /\p{L}/u.test(t)) {
      t = t.trim();
    }
    if (t.length > 1 && isTitle(t)) {
      t = t.toLowerCase();
    }
    return t;
  }

  // Python's str.istitle() for one word: an upper-case letter, then no further upper-case letters.
  function isTitle(t) {
    return /^\P{L}*\p{Lu}[^\p{Lu}]*$/u.test(t) && /\p{Ll}/u.test(t);
  }

  // "activating:he, important:said" -> [{kind, token}]; a term without a known prefix means any:.
  // A comma inside a token is written "\,".
  function parse(query) {
    var terms = [];
    var parts = String(query || "").split(/(?<!\\),/);
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].replace(/\\,/g, ",");
      if (part.trim() === "") {
        continue;
      }
      var kind = "any";
      var text = part.replace(/^\s+/, "");
      var colon = text.indexOf(":");
      if (colon > 0 && KINDS.indexOf(text.slice(0, colon).toLowerCase()) >= 0) {
        kind = text.slice(0, colon).toLowerCase();
        text = text.slice(colon + 1);
      }
      var token = normalise(text);
      if (token !== "") {
        terms.push({ kind: kind, token: token });
      }
    }
    return terms;
  }

  // 32-bit FNV-1a of the token's UTF-8 bytes, modulo the shard count (TokenIndex.Shard in C#).
  function shardOf(token, shards) {
    var bytes = new TextEncoder().encode(token);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function neuronsOf(entry, kind) {
    if (!entry) {
      return [];
    }
    if (kind === "activating") {
      return entry.activating;
    }
    if (kind === "important") {
      return entry.important;
    }
    return entry.activating.concat(entry.important);
  }

  function byLayerThenNeuron(a, b) {
    var x = a.split("_"), y = b.split("_");
    return (+x[0] - +y[0]) || (+x[1] - +y[1]);
  }

  // The neurons of one model matching every term; fetchJson(path) resolves to parsed JSON or null (404).
  function searchModel(apiBase, model, terms, fetchJson) {
    var base = apiBase + encodeURIComponent(model) + "/search/tokens/";
    return fetchJson(base + "index.json").then(function (manifest) {
      if (!manifest || terms.length === 0) {
        return [];
      }
      return Promise.all(terms.map(function (term) {
        return fetchJson(base + shardOf(term.token, manifest.shards) + ".json").then(function (shard) {
          var entry = shard && Object.prototype.hasOwnProperty.call(shard.tokens, term.token) ? shard.tokens[term.token] : null;
          return neuronsOf(entry, term.kind);
        });
      })).then(function (lists) {
        var result = new Set(lists[0]);
        for (var i = 1; i < lists.length; i++) {
          var next = new Set(lists[i]);
          result = new Set(Array.from(result).filter(function (n) { return next.has(n); }));
        }
        return Array.from(result).sort(byLayerThenNeuron);
      });
    });
  }

  function searchAll(apiBase, models, terms, fetchJson) {
    return Promise.all(models.map(function (m) {
      return searchModel(apiBase, m, terms, fetchJson).then(function (neurons) { return { model: m, neurons: neurons }; });
    }));
  }

  var api = { normalise: normalise, parse: parse, shardOf: shardOf, searchModel: searchModel, searchAll: searchAll };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  }
  if (typeof document === "undefined") {
    return;
  }

  var cache = new Map();
  function fetchJson(url) {
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then(function (r) {
        if (r.status === 404) {
          return null;
        }
        if (!r.ok) {
          throw new Error(url + ": HTTP " + r.status);
        }
        return r.json();
      }));
    }
    return cache.get(url);
  }

  function el(name, text, cls) {
    var e = document.createElement(name);
    if (text !== undefined) {
      e.textContent = text;
    }
    if (cls) {
      e.className = cls;
    }
    return e;
  }

  function permalink(query, page) {
    return "search.html?q=" + encodeURIComponent(query) + (page > 1 ? "&page=" + page : "");
  }

  function render(out, status, query, results, page) {
    var total = results.reduce(function (s, r) { return s + r.neurons.length; }, 0);
    var models = results.filter(function (r) { return r.neurons.length > 0; }).length;
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    page = Math.min(Math.max(1, page), pages);
    status.textContent = "";
    status.appendChild(el("span", total + " neuron" + (total === 1 ? "" : "s"), "search-count"));
    status.appendChild(document.createTextNode(" in " + models + " model" + (models === 1 ? "" : "s") +
      (pages > 1 ? " · page " + page + " of " + pages : "")));
    out.textContent = "";
    var from = (page - 1) * PAGE_SIZE, to = from + PAGE_SIZE, index = 0;
    results.forEach(function (r) {
      var shown = r.neurons.filter(function () { var i = index++; return i >= from && i < to; });
      if (shown.length === 0) {
        return;
      }
      out.appendChild(el("h2", r.model + " (" + r.neurons.length + ")", "search-model"));
      var list = el("ol", undefined, "search-hits");
      shown.forEach(function (n) {
        var parts = n.split("_");
        var a = el("a", "Layer " + parts[0] + " · neuron " + parts[1]);
        a.href = encodeURIComponent(r.model) + "/" + parts[0] + "/" + parts[1] + ".html";
        var li = el("li");
        li.appendChild(a);
        list.appendChild(li);
      });
      out.appendChild(list);
    });
    if (pages > 1) {
      var nav = el("nav", undefined, "search-paging");
      if (page > 1) {
        var prev = el("a", "← Previous");
        prev.href = permalink(query, page - 1);
        prev.rel = "prev";
        nav.appendChild(prev);
      }
      if (page < pages) {
        var next = el("a", "Next →");
        next.href = permalink(query, page + 1);
        next.rel = "next";
        nav.appendChild(next);
      }
      out.appendChild(nav);
    }
  }

  // Says the page is ready once the permalink's search (if any) has been shown: <html data-ready="… search">.
  function ready() {
    document.documentElement.setAttribute("data-ready", ((document.documentElement.getAttribute("data-ready") || "") + " search").trim());
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("token-search");
    var out = document.getElementById("token-search-results");
    var status = document.getElementById("token-search-status");
    if (!form || !out || !status) {
      ready();
      return;
    }
    var params = new URLSearchParams(root.location.search);
    var query = params.get("q") || "";
    var page = parseInt(params.get("page") || "1", 10) || 1;
    var input = document.getElementById("token-search-query");
    input.value = query;
    var terms = parse(query);
    if (terms.length === 0) {
      ready();
      return;
    }
    var models = (form.getAttribute("data-models") || "").split(" ").filter(Boolean);
    status.textContent = "Searching…";
    searchAll(form.getAttribute("data-api") || "api/", models, terms, fetchJson).then(function (results) {
      render(out, status, query, results, page);
    }, function (e) {
      status.textContent = "The search failed: " + e.message;
    }).then(ready);
  });
})(typeof window !== "undefined" ? window : globalThis);
