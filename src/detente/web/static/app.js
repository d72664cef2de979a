/* détente web app: the charts, map, network, fact panel and judgements.
   Page data arrives as JSON in <script type="application/json" id="page-data">; every text
   shown here goes through textContent, never innerHTML. */
(function () {
  "use strict";

  const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  const QUAD_COLOURS = ["#4e9bd6", "#1f5fa8", "#f2a33a", "#c8412d"];
  const QUAD_FIELDS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

  function pageData() {
    const node = document.getElementById("page-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function embed(target, spec) {
    const options = { actions: false, renderer: "svg" };
    return vegaEmbed(target, spec, options).catch(function (error) {
      target.textContent = "The chart could not be drawn: " + error.message;
    });
  }

  const quadScale = { domain: QUADS, range: QUAD_COLOURS };

  // The start of the period after ``iso`` (YYYY-MM-DD): bars span their whole period.
  function nextPeriod(iso, freq) {
    const d = new Date(iso + "T00:00:00Z");
    if (freq === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (freq === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + ({ month: 1, quarter: 3, year: 12 }[freq] || 1));
    return d.toISOString().slice(0, 10);
  }

  function timeAxis() {
    return {
      x: { field: "period", type: "temporal", title: null, scale: { type: "utc" } },
      x2: { field: "period_end" },
    };
  }

  // -- overview ------------------------------------------------------------------------------
  function overview(data) {
    const target = document.getElementById("timeline");
    if (!target) return;
    if (!data.timeline.length) { target.textContent = "No dated events."; return; }
    const values = data.timeline.map(function (row) {
      return { period: row.period, period_end: nextPeriod(row.period, data.freq), events: row.events,
               quad: QUADS[row.quad_class - 1] || "unknown" };
    });
    const axis = timeAxis();
    embed(target, {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: 240, data: { values: values },
      mark: { type: "bar", orient: "vertical", tooltip: true },
      encoding: {
        x: axis.x, x2: axis.x2,
        y: { field: "events", type: "quantitative", stack: "zero", title: "events" },
        color: { field: "quad", type: "nominal", scale: quadScale, legend: null },
        order: { field: "quad", sort: "ascending" },
      },
    });
  }

  // -- dyad ----------------------------------------------------------------------------------
  function actorLink(key, label) {
    return key ? el("a", { href: "/actor/" + encodeURIComponent(key), text: label }) : label;
  }

  // A deduplicated event: its first mention's sentence and article, and all its mentions.
  function eventItem(e) {
    const head = el("div", { class: "event-head" },
      el("span", { text: e.date || "undated" }),
      el("span", {}, actorLink(e.source_key, e.source_label), " ", el("span", { class: "code", text: e.source_code || "?" })),
      el("span", {}, "→ ", el("strong", { text: e.trigger_text }), " →"),
      el("span", {}, actorLink(e.target_key, e.target_label), " ", e.target_code ? el("span", { class: "code", text: e.target_code }) : null),
      el("span", { class: "code", title: "CAMEO code", text: e.cameo }),
      e.plover ? el("span", { class: "muted", text: e.plover }) : null);
    const link = el("a", { href: "/article/" + encodeURIComponent(e.doc_id) + "#event-" + e.event_id, text: e.title || e.doc_id });
    const mentions = e.num_mentions > 1
      ? e.num_mentions + " mentions in " + e.num_articles + (e.num_articles === 1 ? " article" : " articles")
      : "1 mention";
    return el("li", { class: "event-card" }, head,
      el("p", { class: "sentence", text: e.sentence }),
      el("p", { class: "muted" }, "in ", link, e.outlet ? " · " + e.outlet : "", " · ",
         el("a", { href: "/event/" + e.cluster_id, class: "mentions", text: mentions })));
  }

  function dyad(data) {
    const target = document.getElementById("dyad-chart");
    if (!target) return;
    const values = [];
    for (const row of data.series) {
      const end = nextPeriod(row.period, data.freq);
      QUAD_FIELDS.forEach(function (field, i) {
        if (row[field]) values.push({ period: row.period, period_end: end, key: row.period, quad: QUADS[i], events: row[field] });
      });
    }
    const lines = data.series.filter(function (r) { return r.goldstein_mean !== null; })
      .map(function (r) {
        const start = Date.parse(r.period + "T00:00:00Z");
        const mid = new Date((start + Date.parse(nextPeriod(r.period, data.freq) + "T00:00:00Z")) / 2);
        return { period: mid.toISOString(), key: r.period, goldstein: r.goldstein_mean };
      });
    const axis = timeAxis();
    const x = axis.x;
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: 280,
      layer: [
        { data: { values: values }, mark: { type: "bar", orient: "vertical", tooltip: true, cursor: "pointer" },
          encoding: { x: x, x2: axis.x2, y: { field: "events", type: "quantitative", stack: "zero", title: "events" },
                      color: { field: "quad", type: "nominal", scale: quadScale, legend: null },
                      order: { field: "quad", sort: "ascending" } } },
        { data: { values: lines }, mark: { type: "line", point: true, color: "#1d232b", tooltip: true },
          encoding: { x: x, y: { field: "goldstein", type: "quantitative", title: "mean Goldstein",
                                 scale: { domain: [-10, 10] } } } },
      ],
      resolve: { scale: { y: "independent" } },
    };
    embed(target, spec).then(function (result) {
      if (!result) return;
      result.view.addEventListener("click", function (_event, item) {
        if (item && item.datum && item.datum.key) showPeriod(data, item.datum.key);
      });
    });
  }

  function showPeriod(data, period) {
    const params = new URLSearchParams(data.filter);
    params.set("period", period);
    params.set("freq", data.freq);
    params.set("directed", data.directed ? "true" : "false");
    const path = "/api/dyad/" + encodeURIComponent(data.a) + "/" + encodeURIComponent(data.b) + "/events?" + params;
    const section = document.getElementById("point-events");
    const list = document.getElementById("point-list");
    fetch(path).then(function (response) { return response.json(); }).then(function (body) {
      section.hidden = false;
      list.replaceChildren();
      if (body.error) { list.append(el("li", { text: body.error.message })); return; }
      document.getElementById("point-h").textContent =
        body.events.length + " events in the " + data.freq + " from " + body.period;
      for (const e of body.events) list.append(eventItem(e));
      section.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  }

  // -- map -----------------------------------------------------------------------------------
  const WORLD = { url: "/static/vendor/world-atlas/countries-110m.json",
                  format: { type: "topojson", feature: "countries" } };

  function worldLayer(values, colour, tooltip) {
    const fields = Object.keys(values[0] || {}).filter(function (name) { return name !== "id"; });
    return {
      data: WORLD,
      transform: [
        { filter: "datum.id !== '010'" }, // Antarctica: space better spent on the rest
        { lookup: "id", from: { data: { values: values }, key: "id", fields: fields.length ? fields : ["iso3"] } },
        { calculate: "datum.iso3 ? '/actor/' + datum.iso3 : null", as: "href" },
      ],
      mark: { type: "geoshape", invalid: "show" }, // keep countries without events
      encoding: {
        color: colour, tooltip: tooltip, href: { field: "href", type: "nominal" },
        stroke: { condition: { test: "datum.flagged", value: "#b3261e" }, value: "#ffffff" },
        strokeWidth: { condition: { test: "datum.flagged", value: 2 }, value: 0.5 },
      },
    };
  }

  function eventMap(data) {
    const target = document.getElementById("map");
    if (!target) return;
    const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: "container",
                   height: 420, autosize: { type: "fit", contains: "padding" },
                   projection: { type: "equalEarth" }, config: { legend: { orient: "bottom" } } };
    if (data.mode === "change") {
      const values = data.change.countries;
      // A country without conflict events in either period has no change: the middle colour.
      const colour = { field: "change", type: "quantitative", title: "change in conflict events",
                       scale: { scheme: "redblue", reverse: true, domainMid: 0 } };
      const tooltip = [{ field: "name", type: "nominal", title: "country" },
                       { field: "current", type: "quantitative", title: "this period" },
                       { field: "norm", type: "quantitative", title: "norm" }];
      const layers = [worldLayer(values, colour, tooltip)];
      embed(target, Object.assign(base, { layer: layers }));
      return;
    }
    const values = data.counts.countries;
    const colour = { field: "events", type: "quantitative", title: "events",
                     scale: { scheme: "blues", type: "sqrt" } };
    const tooltip = [{ field: "name", type: "nominal", title: "country" },
                     { field: "events", type: "quantitative" }, { field: "conflict", type: "quantitative", title: "conflict" }];
    embed(target, Object.assign(base, { layer: [
      worldLayer(values, colour, tooltip),
      { data: { values: data.counts.points },
        mark: { type: "circle", color: "#c8412d", opacity: 0.55, stroke: "#fff", strokeWidth: 0.5 },
        encoding: { longitude: { field: "lon", type: "quantitative" }, latitude: { field: "lat", type: "quantitative" },
                    size: { field: "events", type: "quantitative", scale: { range: [12, 700] }, legend: null },
                    tooltip: [{ field: "name", type: "nominal", title: "place" }, { field: "events", type: "quantitative" },
                              { field: "method", type: "nominal", title: "placed by" }] } },
    ] }));
  }

  // -- network -------------------------------------------------------------------------------
  function goldsteinColour(value) {
    if (value === null || value === undefined) return "#9aa4ae";
    const t = Math.max(-1, Math.min(1, value / 5));
    return t < 0 ? "rgb(200," + Math.round(65 + 150 * (1 + t)) + "," + Math.round(45 + 160 * (1 + t)) + ")"
                 : "rgb(" + Math.round(200 - 170 * t) + "," + Math.round(215 - 120 * t) + ",220)";
  }

  function network(data) {
    const target = document.getElementById("network");
    if (!target || typeof cytoscape === "undefined") return;
    const maxNode = Math.max(1, ...data.nodes.map(function (n) { return n.events; }));
    const maxEdge = Math.max(1, ...data.edges.map(function (e) { return e.events; }));
    const elements = data.nodes.map(function (n) {
      return { data: { id: "n:" + n.id, key: n.id, label: n.label, size: 14 + 36 * Math.sqrt(n.events / maxNode) } };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: "n:" + e.a, target: "n:" + e.b, a: e.a, b: e.b,
                       width: 1 + 9 * Math.sqrt(e.events / maxEdge), colour: goldsteinColour(e.goldstein_mean) } };
    }));
    const cy = cytoscape({
      container: target, elements: elements, wheelSensitivity: 0.3,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
                                     "background-color": "#1f5fa8", "font-size": 11, color: "#1d232b",
                                     "text-outline-color": "#fff", "text-outline-width": 2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier",
                                     opacity: 0.85 } },
        { selector: "edge:active, edge.hover", style: { opacity: 1, "line-color": "#ffbf47" } },
      ],
    });
    cy.on("tap", "edge", function (event) {
      const d = event.target.data();
      window.location.href = "/dyad/" + encodeURIComponent(d.a) + "/" + encodeURIComponent(d.b);
    });
    cy.on("tap", "node", function (event) {
      window.location.href = "/actor/" + encodeURIComponent(event.target.data("key"));
    });
    cy.on("mouseover", "edge", function (event) { event.target.addClass("hover"); target.style.cursor = "pointer"; });
    cy.on("mouseout", "edge", function (event) { event.target.removeClass("hover"); target.style.cursor = ""; });
    window.detenteNetwork = cy; // for the browser tests and curious users
  }

  // -- judgements ----------------------------------------------------------------------------
  const dbName = (document.querySelector(".db") || {}).textContent || "store";
  const storageKey = "detente-judgements:" + dbName;

  function loadJudgements() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }
  function saveJudgements(judged) { localStorage.setItem(storageKey, JSON.stringify(judged)); }

  function judgementsQuery(judged) {
    const right = [], wrong = [];
    for (const [id, verdict] of Object.entries(judged)) (verdict === "right" ? right : wrong).push(id);
    return new URLSearchParams({ right: right.join(","), wrong: wrong.join(",") }).toString();
  }

  function refreshJudgements() {
    const judged = loadJudgements();
    document.querySelectorAll("[data-event]").forEach(function (card) {
      const verdict = judged[card.dataset.event];
      card.querySelectorAll("[data-judge]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.judge === verdict));
      });
    });
    const link = document.getElementById("judgements-link");
    if (link) link.href = "/judgements?" + judgementsQuery(judged);
    const tally = document.getElementById("tally");
    if (tally) {
      const verdicts = Object.values(judged);
      const right = verdicts.filter(function (v) { return v === "right"; }).length;
      tally.textContent = verdicts.length
        ? right + " right, " + (verdicts.length - right) + " wrong of " + verdicts.length + " judged"
        : "none yet";
    }
  }

  function judgements() {
    document.addEventListener("click", function (event) {
      const button = event.target.closest("[data-judge]");
      if (!button) return;
      const card = button.closest("[data-event]");
      const judged = loadJudgements();
      const id = card.dataset.event;
      if (judged[id] === button.dataset.judge) delete judged[id]; else judged[id] = button.dataset.judge;
      saveJudgements(judged);
      refreshJudgements();
    });
    const clear = document.getElementById("clear-judgements");
    if (clear) clear.addEventListener("click", function () {
      if (window.confirm("Forget every judgement made in this browser for this store?")) {
        saveJudgements({}); refreshJudgements();
      }
    });
    refreshJudgements();
  }

  // The judgements page is addressed by its query; without one, show this browser's judgements.
  function judgementsPage() {
    const judged = loadJudgements();
    if (!window.location.search && Object.keys(judged).length) {
      window.location.replace("/judgements?" + judgementsQuery(judged));
    }
  }

  // -- article -------------------------------------------------------------------------------
  function article(data) {
    const text = document.getElementById("text");
    const details = document.getElementById("fact-details");
    function show(factIds, focusFact) {
      document.querySelectorAll(".text mark.selected, .event-card.selected").forEach(function (node) {
        node.classList.remove("selected");
      });
      details.replaceChildren();
      for (const id of factIds) {
        const fact = data.facts[id];
        if (!fact) continue;
        document.querySelectorAll('.text mark[data-facts~="' + id + '"]').forEach(function (node) {
          node.classList.add("selected");
        });
        const card = document.querySelector('.event-card[data-fact="' + id + '"]');
        if (card) card.classList.add("selected");
        const list = el("dl");
        for (const [name, value] of fact.rows) list.append(el("dt", { text: name }), el("dd", { text: value }));
        details.append(el("h3", { text: fact.type + ": " + fact.title }), list);
        if (fact.link) details.append(el("p", {}, el("a", { href: fact.link, text: "open the actor" })));
      }
      const hint = document.getElementById("facts-hint");
      if (hint) hint.hidden = true;
      if (focusFact) {
        const first = document.querySelector('.text mark[data-facts~="' + focusFact + '"]');
        if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
      }
    }
    text.addEventListener("click", function (event) {
      const mark = event.target.closest("mark[data-facts]");
      if (mark) show(mark.dataset.facts.split(" "));
    });
    text.addEventListener("keydown", function (event) {
      const mark = event.target.closest("mark[data-facts]");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        show(mark.dataset.facts.split(" "));
      }
    });
    document.querySelectorAll(".show-fact").forEach(function (button) {
      button.addEventListener("click", function () { show([button.dataset.fact], button.dataset.fact); });
    });
    const hash = window.location.hash.match(/^#(event|quote)-(\d+)$/);
    if (hash) show([(hash[1] === "event" ? "e" : "q") + hash[2]], (hash[1] === "event" ? "e" : "q") + hash[2]);
  }

  const pages = {
    overview: overview, dyad: dyad, map: eventMap, network: network,
    article: function (data) { article(data); judgements(); },
    validate: judgements, judgements: judgementsPage,
  };
  const page = document.body.dataset.page;
  if (pages[page]) pages[page](pageData());
})();
