// NeuroNav layer page: fills the neuron table from the layer's JSON (every neuron, not only the rows the server
// rendered), sorts it by any column heading and filters it by text, by a column's range and by the presence of a
// GPT-4 explanation. Only the first rows of the result are in the page; more are appended as the reader scrolls to the
// end of the table (or asks for them), so sorting and filtering 6,400 neurons never freeze the page.
// Text from the sources is only ever set through textContent.
(function () {
  "use strict";

  var PAGE = 500;

  function format(value, key) {
    if (value === null || value === undefined) {
      return "\u2013";
    }
    if (typeof value !== "number") {
      return String(value);
    }
    if (key === "rank" || key === "neuron" || key === "max_activation") {
      return String(value);
    }
    return String(Number(value.toPrecision(4)));
  }

  // Mirrors the server: newline as ↵, tab as ⇥, other controls as control pictures, a token of spaces only as ␣s.
  function visible(token) {
    if (/^ +$/.test(String(token))) {
      return String(token).replace(/ /g, "\u2423");
    }
    return String(token).replace(/[\u0000-\u001f\u007f]/g, function (c) {
      var code = c.charCodeAt(0);
      return code === 10 ? "\u21b5" : code === 9 ? "\u21e5" : code === 127 ? "\u2421" : String.fromCharCode(0x2400 + code);
    });
  }

  // Numbers ascending or descending, with missing values last whatever the direction; ties by rank.
  function comparer(key, type, direction) {
    return function (a, b) {
      var x = a[key];
      var y = b[key];
      var xMissing = x === null || x === undefined;
      var yMissing = y === null || y === undefined;
      if (xMissing || yMissing) {
        return xMissing === yMissing ? a.rank - b.rank : xMissing ? 1 : -1;
      }
      var c = type === "number" ? x - y : String(x).localeCompare(String(y));
      return c !== 0 ? c * direction : a.rank - b.rank;
    };
  }

  // Says the page is ready once the table is filled from the JSON (or could not be): <html data-ready="… layer">.
  function ready() {
    document.documentElement.setAttribute("data-ready", ((document.documentElement.getAttribute("data-ready") || "") + " layer").trim());
  }

  function init() {
    var table = document.getElementById("neurons");
    if (!table) {
      ready();
      return;
    }
    var tbody = table.tBodies[0];
    var status = document.getElementById("neurons-status");
    var form = document.getElementById("neuron-filters");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var columns = headers.map(function (th) {
      return { key: th.getAttribute("data-key"), type: th.getAttribute("data-type"), label: th.textContent, th: th };
    });
    var rows = null;
    var sort = { key: "rank", direction: 1 };
    var result = [];
    var rendered = 0;
    var moreButton = document.createElement("button");
    moreButton.type = "button";
    moreButton.className = "more";
    moreButton.hidden = true;
    moreButton.addEventListener("click", more);
    table.parentNode.insertBefore(moreButton, table.nextSibling);
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; }) && rendered < result.length) {
          more();
        }
      }, { rootMargin: "600px" }).observe(moreButton);
    }

    var filterText = document.getElementById("filter-text");
    var filterColumn = document.getElementById("filter-column");
    var filterMin = document.getElementById("filter-min");
    var filterMax = document.getElementById("filter-max");
    var filterExplained = document.getElementById("filter-explained");

    columns.forEach(function (column) {
      if (column.type === "number" && column.key !== "rank" && column.key !== "neuron") {
        var option = document.createElement("option");
        option.value = column.key;
        option.textContent = column.label;
        filterColumn.appendChild(option);
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = column.label;
      button.title = column.th.title || "Sort by " + column.label;
      column.th.textContent = "";
      column.th.appendChild(button);
      button.addEventListener("click", function () {
        if (sort.key === column.key) {
          sort.direction = -sort.direction;
        } else {
          sort.key = column.key;
          // Statistics and scores read best highest first; rank, neuron and text ascending.
          sort.direction = column.type === "number" && column.key !== "rank" && column.key !== "neuron" ? -1 : 1;
        }
        update();
      });
    });

    function cell(row, column) {
      var td = document.createElement("td");
      var value = row[column.key];
      if (column.key === "neuron") {
        var a = document.createElement("a");
        a.href = value + ".html";
        a.textContent = String(value);
        td.appendChild(a);
      } else if (column.key === "top_token" && value !== null && value !== undefined) {
        td.className = "tok";
        var code = document.createElement("code");
        code.textContent = visible(value);
        td.appendChild(code);
      } else if (column.key === "explanation") {
        td.className = "text";
        td.textContent = value || "";
      } else {
        td.textContent = format(value, column.key);
      }
      return td;
    }

    function matches(row) {
      var text = filterText.value.trim().toLowerCase();
      if (text) {
        var hay = ((row.explanation || "") + "\n" + (row.top_token || "")).toLowerCase();
        if (hay.indexOf(text) < 0) {
          return false;
        }
      }
      if (filterExplained && filterExplained.checked && !row.explanation) {
        return false;
      }
      var min = parseFloat(filterMin.value);
      var max = parseFloat(filterMax.value);
      if (!isNaN(min) || !isNaN(max)) {
        var v = row[filterColumn.value];
        if (v === null || v === undefined || (!isNaN(min) && v < min) || (!isNaN(max) && v > max)) {
          return false;
        }
      }
      return true;
    }

    function update() {
      if (!rows) {
        return;
      }
      var column = columns.filter(function (c) { return c.key === sort.key; })[0];
      var shown = rows.filter(matches).sort(comparer(sort.key, column.type, sort.direction));
      columns.forEach(function (c) {
        if (c.key === sort.key) {
          c.th.setAttribute("aria-sort", sort.direction > 0 ? "ascending" : "descending");
        } else {
          c.th.removeAttribute("aria-sort");
        }
      });
      status.textContent = "Showing " + shown.length.toLocaleString("en") + " of " + rows.length.toLocaleString("en") +
        " neurons, by " + column.label.toLowerCase() + (sort.direction > 0 ? " ascending." : " descending.");
      result = shown;
      rendered = 0;
      var body = document.createElement("tbody");
      table.replaceChild(body, tbody);
      tbody = body;
      more();
    }

    // Appends the next page of the current result.
    function more() {
      var fragment = document.createDocumentFragment();
      var end = Math.min(rendered + PAGE, result.length);
      for (; rendered < end; rendered++) {
        var row = result[rendered];
        var tr = document.createElement("tr");
        tr.setAttribute("data-neuron", String(row.neuron));
        for (var c = 0; c < columns.length; c++) {
          tr.appendChild(cell(row, columns[c]));
        }
        fragment.appendChild(tr);
      }
      tbody.appendChild(fragment);
      table.setAttribute("data-rendered", String(rendered));
      var left = result.length - rendered;
      moreButton.hidden = left === 0;
      moreButton.textContent = "Show " + Math.min(left, PAGE).toLocaleString("en") + " more (" + left.toLocaleString("en") + " left)";
    }

    var timer = 0;
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 120);
    }
    [filterText, filterMin, filterMax].forEach(function (input) { input.addEventListener("input", later); });
    [filterColumn, filterExplained].forEach(function (input) {
      if (input) {
        input.addEventListener("change", update);
      }
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });

    var api = table.getAttribute("data-api");
    fetch(api).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status + " for " + api);
      }
      return response.json();
    }).then(function (doc) {
      rows = doc.neurons || [];
      form.hidden = false;
      update();
    }).catch(function (error) {
      status.textContent += " Could not load the full table: " + error.message;
    }).then(ready);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
