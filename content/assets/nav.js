// NeuroNav navigation on every page: keyboard shortcuts, random neurons, the jump box, links to other layers that are
// checked before they are offered, and the "copy as Python" snippet. Everything works on a static host: random neurons
// are drawn from the model and layer JSON indexes; the jump box asks for the neuron's JSON before it leaves the page.
(function () {
  "use strict";

  function getJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status + " for " + url);
      }
      return response.json();
    });
  }

  function exists(url) {
    return fetch(url, { method: "HEAD" }).then(function (response) { return response.ok; }, function () { return false; });
  }

  function pick(list) {
    return list[Math.floor(Math.random() * list.length)];
  }

  // A layer drawn in proportion to its neurons with data, then one of its neurons.
  function randomNeuron(root, model, layer) {
    var layerPromise = layer !== null ? Promise.resolve(layer) : getJson(root + "api/" + model + "/index.json").then(function (doc) {
      var layers = (doc.layers || []).filter(function (l) { return l.coverage.neuroscope.present > 0; });
      if (layers.length === 0) {
        throw new Error("no layer of " + model + " has data");
      }
      var total = layers.reduce(function (sum, l) { return sum + l.coverage.neuroscope.present; }, 0);
      var draw = Math.random() * total;
      for (var i = 0; i < layers.length; i++) {
        draw -= layers[i].coverage.neuroscope.present;
        if (draw < 0) {
          return layers[i].layer;
        }
      }
      return layers[layers.length - 1].layer;
    });
    return layerPromise.then(function (l) {
      return getJson(root + "api/" + model + "/" + l + "/index.json").then(function (doc) {
        if (!doc.neurons || doc.neurons.length === 0) {
          throw new Error("layer " + l + " of " + model + " has no neurons");
        }
        return root + model + "/" + l + "/" + pick(doc.neurons).neuron + ".html";
      });
    });
  }

  function initRandom() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-random]"), function (button) {
      button.addEventListener("click", function () {
        var layer = button.getAttribute("data-layer");
        button.disabled = true;
        randomNeuron(button.getAttribute("data-root"), button.getAttribute("data-model"), layer === null ? null : parseInt(layer, 10))
          .then(function (href) { window.location.href = href; })
          .catch(function (error) { button.disabled = false; button.title = error.message; });
      });
    });
  }

  function initJump() {
    Array.prototype.forEach.call(document.querySelectorAll("form.jump"), function (form) {
      var input = form.querySelector("input[name=target]");
      var error = form.querySelector(".jump-error");
      var root = form.getAttribute("data-root");
      var model = form.getAttribute("data-model");
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var parts = input.value.trim().split(/\s*[\/:\s]\s*/).filter(function (p) { return p !== ""; });
        var m = model;
        if (!model && parts.length === 3) {
          m = parts.shift();
        }
        if (!m || parts.length !== 2 || !/^\d+$/.test(parts[0]) || !/^\d+$/.test(parts[1]) || !/^[a-z0-9.-]+$/.test(m)) {
          error.textContent = model ? "Type layer/neuron, e.g. 3/1337" : "Type model/layer/neuron, e.g. gpt2-small/3/1337";
          return;
        }
        var layer = parseInt(parts[0], 10);
        var neuron = parseInt(parts[1], 10);
        error.textContent = "";
        exists(root + "api/" + m + "/" + layer + "/" + neuron + ".json").then(function (ok) {
          if (ok) {
            window.location.href = root + m + "/" + layer + "/" + neuron + ".html";
          } else {
            error.textContent = "This archive has no neuron " + m + "/" + layer + "/" + neuron;
          }
        });
      });
    });
  }

  // Links to another layer point at the nearest layer that has data (from the model index), and on a neuron page at the
  // same neuron there, offered only once its JSON answers. Without JavaScript they point at the adjacent layer.
  var layerLinksReady = Promise.resolve();

  function initLayerLinks() {
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-step]"));
    if (links.length === 0) {
      return;
    }
    var first = links[0];
    var root = first.getAttribute("data-root");
    var model = first.getAttribute("data-model");
    layerLinksReady = getJson(root + "api/" + model + "/index.json").then(function (doc) {
      var layers = (doc.layers || []).filter(function (l) { return l.coverage.neuroscope.present > 0; }).map(function (l) { return l.layer; });
      return Promise.all(links.map(function (a) {
        var step = parseInt(a.getAttribute("data-step"), 10);
        var current = parseInt(a.getAttribute("data-layer"), 10);
        var candidates = layers.filter(function (l) { return step < 0 ? l < current : l > current; });
        if (candidates.length === 0) {
          a.hidden = true;
          return null;
        }
        var target = step < 0 ? candidates[candidates.length - 1] : candidates[0];
        var neuron = a.getAttribute("data-neuron");
        a.href = root + model + "/" + target + "/" + (neuron === null ? "index" : neuron) + ".html";
        var label = a.querySelector(".n");
        if (label) {
          label.textContent = String(target);
        }
        if (neuron !== null) {
          return exists(root + "api/" + model + "/" + target + "/" + neuron + ".json").then(function (ok) {
            a.hidden = !ok;
          });
        }
        return null;
      }));
    }).catch(function () {
      // The links keep their adjacent-layer targets.
    }).then(function () {
      links.forEach(function (a) { a.setAttribute("data-ready", ""); });
    });
  }

  function follow(selector) {
    var a = document.querySelector(selector);
    if (a && !a.hidden) {
      window.location.href = a.href;
      return true;
    }
    return false;
  }

  function initKeys() {
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) {
        return;
      }
      var target = e.target;
      var tag = target && target.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) {
        return;
      }
      var done = false;
      var link = e.key === "ArrowRight" || e.key === "j" ? "a[rel=next]"
        : e.key === "ArrowLeft" || e.key === "k" ? "a[rel=prev]"
        : e.key === "[" ? "a[data-nav=prev-layer]"
        : e.key === "]" ? "a[data-nav=next-layer]"
        : null;
      if (link) {
        // Layer links are retargeted once the model index answers: follow links after that.
        done = document.querySelector(link) !== null;
        layerLinksReady.then(function () { follow(link); });
      } else if (e.key === "r") {
        var button = document.querySelector("button[data-random]");
        if (button) {
          button.click();
          done = true;
        }
      } else if (e.key === "/") {
        var input = document.querySelector("form.jump input[name=target]");
        if (input) {
          input.focus();
          done = true;
        }
      }
      if (done) {
        e.preventDefault();
      }
    });
  }

  function initPython() {
    var code = document.getElementById("python-snippet");
    var button = document.getElementById("copy-python");
    if (!code || !button) {
      return;
    }
    var url = new URL(code.getAttribute("data-api"), window.location.href).href;
    code.textContent = "import requests\n\ndoc = requests.get(" + JSON.stringify(url) + ").json()";
    var status = document.getElementById("copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = code.textContent;
      var copied = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
      copied.then(function () {
        status.textContent = "Copied.";
      }, function () {
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = "Selected: press Ctrl+C to copy.";
      });
    });
  }

  // Ready once every handler is installed and the layer links are retargeted: <html data-ready="… nav">.
  function init() {
    initRandom();
    initJump();
    initLayerLinks();
    initKeys();
    initPython();
    layerLinksReady.then(function () {
      document.documentElement.setAttribute("data-ready", ((document.documentElement.getAttribute("data-ready") || "") + " nav").trim());
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
