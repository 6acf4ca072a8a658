/* The programme's web map (written by gebiedsplugin's export, format "web").
 * Reads window.GEBIEDSPLUGIN_WEBMAP (data.js): texts, colours, districts (GeoJSON, WGS 84) and the
 * items, either embedded compactly (core/web_data.py: columns, coordinates as integer deltas) or, for
 * large programmes, in a FlatGeobuf file beside the page that needs a web server (HTTP range requests).
 * The map's source gets only what the style needs (category, domain); the rest stays in columns.
 * User text (titles, names) is only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var D = window.GEBIEDSPLUGIN_WEBMAP;
  var T = D.texts, L = D.labels, F = D.fields;
  var money = new Intl.NumberFormat(D.lang === "nl" ? "nl-NL" : "en-GB",
    { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  var ITEM_LAYERS = ["items-area", "items-line", "items-point"];
  var GEOMETRY_TYPES = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"];
  var DEPTH = [0, 1, 2, 1, 2, 3];
  var state = { year: null, from: null, to: null, district: "", domain: "", kind: "", theme: "", status: "",
    funding: "" };
  var cols = {}, features = [], boxes = [], filtered = [];
  var view = window.gebiedView = { shown: 0, ready: false, firstRender: null, state: state, items: 0 };

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }
  function el(tag, value, cls) {
    var e = document.createElement(tag);
    if (value !== undefined && value !== null) { e.textContent = String(value); }
    if (cls) { e.className = cls; }
    return e;
  }
  function get(name, i) { var c = cols[name], v = c ? c[i] : null; return v === undefined ? null : v; }
  view.uid = function (id) { return get("uid", id); };

  // Bounding boxes of the items (for "in view") and of the city.
  function grow(box, x, y) {
    if (x < box[0]) { box[0] = x; } if (y < box[1]) { box[1] = y; }
    if (x > box[2]) { box[2] = x; } if (y > box[3]) { box[3] = y; }
  }
  function walk(coords, box) {
    if (typeof coords[0] === "number") { grow(box, coords[0], coords[1]); } else {
      for (var i = 0; i < coords.length; i++) { walk(coords[i], box); }
    }
    return box;
  }
  function emptyBox() { return [Infinity, Infinity, -Infinity, -Infinity]; }

  // The embedded items (core/web_data.py): positions from integer deltas, columns from value tables.
  function decode(value, depth, origin, scale, box) {
    var i, x, y, out;
    if (depth === 0) {
      x = (value[0] + origin[0]) / scale; y = (value[1] + origin[1]) / scale; grow(box, x, y); return [x, y];
    }
    if (depth === 1) {
      out = new Array(value.length / 2); x = origin[0]; y = origin[1];
      for (i = 0; i < value.length; i += 2) {
        x += value[i]; y += value[i + 1];
        var px = x / scale, py = y / scale; grow(box, px, py); out[i / 2] = [px, py];
      }
      return out;
    }
    out = new Array(value.length);
    for (i = 0; i < value.length; i++) { out[i] = decode(value[i], depth - 1, origin, scale, box); }
    return out;
  }
  function addFeature(i, geometry, box) {
    boxes[i] = geometry ? box : null;
    features[i] = { type: "Feature", id: i, geometry: geometry,
      properties: { category: get("category", i), domain: get("domain", i) } };
  }
  function loadEmbedded(items) {
    Object.keys(items.columns).forEach(function (name) {
      var c = items.columns[name];
      cols[name] = Array.isArray(c) ? c : c.index.map(function (k) { return c.values[k]; });
    });
    items.geometry.forEach(function (g, i) {
      var box = emptyBox(), geometry = g === null ? null :
        { type: GEOMETRY_TYPES[g[0]], coordinates: decode(g[1], DEPTH[g[0]], items.origin, items.scale, box) };
      addFeature(i, geometry, box);
    });
  }
  // A large programme: items.fgb beside the page, read over HTTP. The first request asks for 8 bytes:
  // a server that answers with the range (206) is read through the file's spatial index with range
  // requests; one that sends the whole file (200, e.g. python's http.server) is read as one stream.
  function loadScript(src, done, failed) {
    var s = document.createElement("script");
    s.src = src; s.onload = done; s.onerror = failed; document.head.appendChild(s);
  }
  function loadFlatGeobuf(done, failed) {
    var url = new URL(D.items.file, window.location.href).href, n = 0;
    function read(features) {
      var it = features[Symbol.asyncIterator]();
      function next() {
        return it.next().then(function (r) {
          if (r.done) { done(); return; }
          var p = r.value.properties || {};
          Object.keys(p).forEach(function (k) { (cols[k] || (cols[k] = new Array(D.items.count)))[n] = p[k]; });
          addFeature(n, r.value.geometry, r.value.geometry ? walk(r.value.geometry.coordinates, emptyBox()) : null);
          n += 1;
          if (n % 5000 === 0) { notice(T.loading.replace("{}", n).replace("{}", D.items.count)); }
          return next();
        });
      }
      return next();
    }
    loadScript("flatgeobuf-geojson.min.js", function () {
      fetch(url, { headers: { Range: "bytes=0-7" } }).then(function (r) {
        if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
        view.rangeRequests = r.status === 206;
        if (r.status === 206) {
          return read(flatgeobuf.deserialize(url, { rect: { minX: -180, minY: -90, maxX: 180, maxY: 90 } }));
        }
        return read(flatgeobuf.deserialize(r.body));
      }).catch(failed);
    }, function () { failed(new Error("flatgeobuf-geojson.min.js")); });
  }
  function notice(message) { var n = $("notice"); n.hidden = !message; n.textContent = message || ""; }

  var cityBox = emptyBox();
  D.districts.features.forEach(function (f) { if (f.geometry) { walk(f.geometry.coordinates, cityBox); } });
  // Texts in the export's language.
  document.documentElement.lang = D.lang;
  document.title = D.programme + " – " + T.title;
  text("title", D.programme);
  text("subtitle", T.title + " · " + D.generated + " · schema " + D.schema_version);
  text("year-label", T.year); text("all-years-label", T.all_years); text("period-label", T.period);
  text("period-to-label", T.to); text("reset", T.reset); text("legend-title", T.legend);
  text("view-title", T.in_view); text("downloads-title", T.downloads);
  text("th-district", T.district_col); text("th-count", T.count_col); text("th-money", T.money_col);
  $("th-count").className = $("th-money").className = "num";
  [["l-district", F.district], ["l-domain", F.domain], ["l-kind", F.kind], ["l-theme", F.theme],
    ["l-status", F.status], ["l-funding", T.funding]].forEach(function (p) { text(p[0], p[1]); });

  function fill(select, options) {
    select.appendChild(new Option(T.all, ""));
    options.forEach(function (o) { select.appendChild(new Option(o[1], o[0])); });
  }
  function pairs(labels) { return Object.keys(labels).map(function (k) { return [k, labels[k]]; }); }
  fill($("f-district"), D.districts_list);
  fill($("f-domain"), pairs(L.domain)); fill($("f-kind"), pairs(L.kind));
  fill($("f-theme"), pairs(L.theme)); fill($("f-status"), pairs(L.status));
  fill($("f-funding"), pairs(L.funding_status));
  var years = [];
  for (var y = D.year_min; y !== null && y <= D.year_max; y++) { years.push([String(y), String(y)]); }
  fill($("period-from"), years); fill($("period-to"), years);
  var slider = $("year");
  slider.min = D.year_min; slider.max = D.year_max; slider.value = D.year_min; slider.disabled = true;
  text("year-value", T.all_years);

  // Legend: the atlas's categories and colours (core/map_style.py).
  var colours = {};
  D.style.categories.forEach(function (c) {
    colours[c.code] = c.colour;
    var swatch = el("span", null, "swatch");
    swatch.style.borderColor = c.colour;
    swatch.style.background = c.social ? "#ffffff" : c.colour;
    var li = el("li"); li.appendChild(swatch); li.appendChild(el("span", L.category[c.code]));
    $("legend").appendChild(li);
  });
  Object.keys(D.links).forEach(function (key) {
    var a = el("a", T["download_" + key]); a.setAttribute("href", D.links[key]);
    var li = el("li"); li.appendChild(a); $("downloads").appendChild(li);
  });

  function span(i) {
    var s = get("start_year", i), e = get("end_year", i);
    return [s !== null ? s : e, e !== null ? e : s];
  }
  function matches(f) {
    var i = f.id, se = span(i), s = se[0], e = se[1];
    if (state.year !== null && (s === null || s > state.year || e < state.year)) { return false; }
    if ((state.from !== null || state.to !== null) && s === null) { return false; }
    if (state.from !== null && e < state.from) { return false; }
    if (state.to !== null && s > state.to) { return false; }
    if (state.district && get("district_id", i) !== state.district) { return false; }
    if (state.domain && get("domain", i) !== state.domain) { return false; }
    if (state.kind && get("kind", i) !== state.kind) { return false; }
    if (state.theme && get("theme", i) !== state.theme) { return false; }
    if (state.status && get("status", i) !== state.status) { return false; }
    if (state.funding && get("funding_status", i) !== state.funding) { return false; }
    return true;
  }

  var map = window.gebiedMap = new maplibregl.Map({
    container: "map",
    style: { version: 8, sources: {}, layers: [] },  // the background is the container's (app.css): one fill less per frame
    bounds: isFinite(cityBox[0]) ? [[cityBox[0], cityBox[1]], [cityBox[2], cityBox[3]]] : [[3.3, 50.7], [7.3, 53.6]],
    fitBoundsOptions: { padding: 30 },
    fadeDuration: 0,
    attributionControl: { compact: true, customAttribution: "MapLibre GL JS" }
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  // Decoded after the map is created: its worker starts meanwhile.
  if (D.items.file === undefined) {
    loadEmbedded(D.items);
    if (!isFinite(cityBox[0])) {
      boxes.forEach(function (b) { if (b) { walk([[b[0], b[1]], [b[2], b[3]]], cityBox); } });
      if (isFinite(cityBox[0])) { map.fitBounds(cityBox, { padding: 30, duration: 0 }); }
    }
  }
  filtered = features;
  view.shown = view.items = features.length;

  function colourBy() {
    var m = ["match", ["get", "category"]];
    Object.keys(colours).forEach(function (k) { m.push(k, colours[k]); });
    m.push("#888888");
    return m;
  }
  var SOCIAL = ["==", ["get", "domain"], "social"], PROG = ["==", ["get", "category"], "programme"];
  function isType(types) { return ["match", ["geometry-type"], types, true, false]; }
  var AREA = isType(["Polygon", "MultiPolygon"]), POINT = isType(["Point", "MultiPoint"]);

  map.on("load", function () {
    view.loadAt = performance.now();
    mapLoaded = true;
    var S = D.style;
    map.addSource("districts", { type: "geojson", data: D.districts, maxzoom: 12, tolerance: 1 });
    // The embedded items go in at once (one tiling); items read from a server replace the empty set later.
    // maxzoom 14 and tolerance 1: fewer, simpler tiles to cut for the first render, still exact on screen.
    map.addSource("items", { type: "geojson", buffer: 32, maxzoom: 14, tolerance: 1,
      data: { type: "FeatureCollection", features: itemsLoaded ? filtered : [] } });
    map.addLayer({ id: "districts-fill", type: "fill", source: "districts", paint: { "fill-color": S.district_fill } });
    map.addLayer({ id: "districts-line", type: "line", source: "districts",
      paint: { "line-color": S.district_outline, "line-width": 1.5 } });
    map.addLayer({ id: "items-area", type: "fill", source: "items", filter: AREA, paint: { "fill-color": colourBy(),
      "fill-opacity": ["case", SOCIAL, 0, PROG, 0.12, 0.35] } });
    // One line layer for area outlines and lines (width and dashes by data): fewer draw calls per tile.
    map.addLayer({ id: "items-line", type: "line", source: "items", filter: ["!", POINT],
      layout: { "line-cap": "round" }, paint: { "line-color": colourBy(),
      "line-width": ["case", AREA, ["case", PROG, 1.6, SOCIAL, 1.4, 0.8], ["case", PROG, 4, 2.5]],
      "line-dasharray": ["case", SOCIAL, ["case", AREA, ["literal", [3, 2]], ["literal", [2, 1.5]]], ["literal", [1, 0]]] } });
    map.addLayer({ id: "items-point", type: "circle", source: "items", filter: POINT,
      paint: { "circle-radius": ["case", PROG, 7, 5], "circle-color": ["case", SOCIAL, "#ffffff", colourBy()],
        "circle-stroke-color": ["case", SOCIAL, colourBy(), "#ffffff"], "circle-stroke-width": ["case", SOCIAL, 2.5, 1] } });
    addItems(true);
    D.districts.features.forEach(function (f) {
      var at = labelPoint(f.geometry);
      if (at && f.properties.name) {
        new maplibregl.Marker({ element: el("div", f.properties.name, "district-label") }).setLngLat(at).addTo(map);
      }
    });
    map.on("click", function (e) {  // one popup: the topmost item (a point may lie on an area)
      var hit = map.queryRenderedFeatures(e.point, { layers: ITEM_LAYERS });
      if (hit.length) { showPopup(hit[0], e.lngLat); }
    });
    ITEM_LAYERS.forEach(function (id) {
      map.on("mouseenter", id, function () { map.getCanvas().style.cursor = "pointer"; });
      map.on("mouseleave", id, function () { map.getCanvas().style.cursor = ""; });
    });
    map.on("moveend", updateList);
  });
  // The items' source (the map's worker tiles it) once the map and the items are there; the list of
  // items in view waits for the first complete render.
  var mapLoaded = false, itemsLoaded = false;
  function addItems(initial) {
    if (!mapLoaded || !itemsLoaded) { return; }
    if (!initial) { map.getSource("items").setData({ type: "FeatureCollection", features: filtered }); }
    map.once("idle", function () {
      view.firstRender = performance.now();
      updateList();
      view.ready = true;
    });
  }
  function itemsReady() { itemsLoaded = true; filtered = features; view.shown = view.items = features.length; addItems(); }
  if (D.items.file === undefined) {
    itemsLoaded = true;
  } else if (!/^https?:$/.test(window.location.protocol)) {
    notice(T.needs_server.replace("{}", D.items.count.toLocaleString(D.lang === "nl" ? "nl-NL" : "en-GB"))
      .replace("{}", D.items.file));
    itemsLoaded = true;
  } else {
    notice(T.loading.replace("{}", 0).replace("{}", D.items.count));
    loadFlatGeobuf(function () { notice(""); itemsReady(); }, function (e) {
      notice(T.load_failed.replace("{}", D.items.file) + " (" + e.message + ")");
      itemsLoaded = true; addItems();
    });
  }

  function labelPoint(geom) {  // the centroid of the largest ring
    if (!geom) { return null; }
    var polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates, best = null, bestArea = 0;
    polys.forEach(function (poly) {
      var r = poly[0], a = 0, cx = 0, cy = 0;
      for (var i = 0; i < r.length - 1; i++) {
        var k = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
        a += k; cx += (r[i][0] + r[i + 1][0]) * k; cy += (r[i][1] + r[i + 1][1]) * k;
      }
      if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = [cx / (3 * a), cy / (3 * a)]; }
    });
    return best;
  }

  function label(list, code) { return code === null || code === undefined ? "" : (L[list][code] || code); }
  function showPopup(f, at) {
    var p = {}, box = el("div", null, "popup"), dl = el("dl"), se = span(f.id);
    Object.keys(cols).forEach(function (k) { p[k] = get(k, f.id); });
    box.appendChild(el("h3", p.title));
    var funders = (p.funders || "").split(", ").filter(Boolean).map(function (c) { return label("funder", c); });
    [[F.kind, label("kind", p.kind)], [F.theme, label("theme", p.theme)], [F.district, p.district || p.district_id],
      [F.neighbourhood, p.neighbourhood], [T.years, se[0] === se[1] ? se[0] : se[0] + "–" + se[1]],
      [F.budget, p.budget === null ? "" : money.format(p.budget)], [F.funders, funders.join(", ")],
      [F.funding_status, label("funding_status", p.funding_status)],
      [F.programme_code, p.programme_code], [F.status, label("status", p.status)],
      [F.contact || T.contact, p.contact]].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") { return; }
      dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", row[1]));
    });
    box.appendChild(dl);
    if (view.popup) { view.popup.remove(); }
    view.popup = new maplibregl.Popup({ maxWidth: "320px" }).setLngLat(at).setDOMContent(box).addTo(map);
  }

  function apply() {
    filtered = features.filter(matches);
    view.shown = filtered.length;
    if (map.getSource("items")) {
      map.getSource("items").setData({ type: "FeatureCollection", features: filtered });
    }
    updateList();
  }
  function updateList() {
    var b = map.getBounds(), w = b.getWest(), s = b.getSouth(), e = b.getEast(), n = b.getNorth();
    var inView = filtered.filter(function (f) {
      var x = boxes[f.id]; return x && x[0] <= e && x[2] >= w && x[1] <= n && x[3] >= s;
    });
    var groups = {}, total = 0;
    inView.forEach(function (f) {
      var key = get("district", f.id) || (get("district_id", f.id) === "city" ? T.city_wide : "–");
      var g = groups[key] || (groups[key] = [0, 0]), budget = get("budget", f.id) || 0;
      g[0] += 1; g[1] += budget; total += budget;
    });
    var body = $("per-district").tBodies[0], foot = $("per-district").tFoot;
    body.replaceChildren(); foot.replaceChildren();
    function row(parent, name, count, amount) {
      var tr = el("tr"); tr.appendChild(el("td", name));
      tr.appendChild(el("td", count, "num")); tr.appendChild(el("td", money.format(amount), "num"));
      parent.appendChild(tr);
    }
    Object.keys(groups).sort().forEach(function (k) { row(body, k, groups[k][0], groups[k][1]); });
    row(foot, T.total, inView.length, total);
    var list = $("items-in-view"), shown = inView.slice().sort(function (a, c) {
      return (get("budget", c.id) || 0) - (get("budget", a.id) || 0);
    });
    list.replaceChildren();
    if (!shown.length) { list.appendChild(el("li", T.none)); }
    shown.slice(0, 200).forEach(function (f) {
      var li = el("li", get("title", f.id));
      li.title = label("category", get("category", f.id));
      list.appendChild(li);
    });
    if (shown.length > 200) { list.appendChild(el("li", T.more.replace("{}", shown.length - 200))); }
    view.inView = inView.length;
  }

  function yearFrom(v) { return v === "" ? null : parseInt(v, 10); }
  function onYear() {
    var all = $("all-years").checked;
    slider.disabled = all;
    state.year = all ? null : parseInt(slider.value, 10);
    text("year-value", all ? T.all_years : slider.value);
    apply();
  }
  slider.addEventListener("input", onYear);
  $("all-years").addEventListener("change", onYear);
  $("period-from").addEventListener("change", function () { state.from = yearFrom(this.value); apply(); });
  $("period-to").addEventListener("change", function () { state.to = yearFrom(this.value); apply(); });
  ["district", "domain", "kind", "theme", "status", "funding"].forEach(function (key) {
    $("f-" + key).addEventListener("change", function () { state[key] = this.value; apply(); });
  });
  $("reset").addEventListener("click", function () {
    Object.keys(state).forEach(function (k) { state[k] = (k === "year" || k === "from" || k === "to") ? null : ""; });
    document.querySelectorAll("#filters select").forEach(function (s) { s.value = ""; });
    $("all-years").checked = true; onYear();
  });
  view.itemLayers = ITEM_LAYERS;
})();
