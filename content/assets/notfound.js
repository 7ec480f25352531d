// NeuroNav 404 page (404.html, served by a static host for any missing path): reads the address that was asked for
// and, for a neuron (<model>/<layer>/<neuron>.html or its api/ JSON), names the model, layer and neuron, links to the
// layer page (or the model page, or the home page: whichever this archive has) and to the original on neuroscope.io.
// Text is only ever set through textContent; the original's URL is built from checked decimal numbers and a model id.
(function () {
  "use strict";

  var MODEL = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
  var NUMBER = /^(?:0|[1-9][0-9]{0,6})$/;
  var SERVICES = ["neuroscope", "neuron2graph", "gpt4"];

  // [model, layer, neuron] from the path under the site, or null; neuron is null for a layer address.
  function parse(rest) {
    var parts = rest.split("/");
    if (parts[0] === "api") {
      parts = parts.slice(1);
      if (parts.length === 4 && SERVICES.indexOf(parts[1]) >= 0) {
        parts.splice(1, 1);
      }
      var last = parts[parts.length - 1] || "";
      parts[parts.length - 1] = last === "index.json" ? "" : last.replace(/\.json$/, ".html");
    }
    if (parts.length === 3 && (parts[2] === "" || parts[2] === "index.html")) {
      parts[2] = null;
    } else if (parts.length === 3 && /\.html$/.test(parts[2])) {
      parts[2] = parts[2].slice(0, -5);
    } else {
      return null;
    }
    if (!MODEL.test(parts[0]) || !NUMBER.test(parts[1]) || (parts[2] !== null && !NUMBER.test(parts[2]))) {
      return null;
    }
    return { model: parts[0], layer: parts[1], neuron: parts[2] };
  }

  function exists(url) {
    return fetch(url, { method: "HEAD" }).then(function (r) { return r.ok; }, function () { return false; });
  }

  function link(list, href, text, id) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (id) {
      a.id = id;
    }
    li.appendChild(a);
    list.insertBefore(li, list.firstChild);
  }

  function init() {
    var section = document.getElementById("not-found");
    if (!section) {
      return Promise.resolve();
    }
    var site = section.getAttribute("data-site-path") || "/";
    var path = window.location.pathname;
    var rest = path.indexOf(site) === 0 ? path.slice(site.length) : path.replace(/^\//, "");
    var target = parse(decodeURIComponent(rest));
    if (!target) {
      return Promise.resolve();
    }
    var what = document.getElementById("not-found-what");
    var list = document.getElementById("not-found-links");
    var m = target.model;
    var l = target.layer;
    what.textContent = target.neuron === null
      ? "NeuroNav has no page for layer " + l + " of " + m + "."
      : "NeuroNav has no page for neuron " + target.neuron + " of layer " + l + " of " + m +
        " (" + m + "/" + l + "/" + target.neuron + "): no source it archives had data for it when the site was built.";
    if (target.neuron !== null) {
      link(list, "https://neuroscope.io/" + m + "/" + l + "/" + target.neuron + ".html", "The original on neuroscope.io", "not-found-original");
    }
    return exists(site + "api/" + m + "/" + l + "/index.json").then(function (layer) {
      if (layer) {
        link(list, site + m + "/" + l + "/index.html", "Layer " + l + " of " + m, "not-found-up");
        return null;
      }
      return exists(site + "api/" + m + "/index.json").then(function (model) {
        if (model) {
          link(list, site + m + "/index.html", "All layers of " + m + " (layer " + l + " has no page)", "not-found-up");
        }
      });
    });
  }

  function start() {
    init().then(function () {
      document.documentElement.setAttribute("data-ready", ((document.documentElement.getAttribute("data-ready") || "") + " notfound").trim());
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
