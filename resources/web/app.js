/* The programme's web map (written by gebiedsplugin's export, format "web").
 * Reads window.GEBIEDSPLUGIN_WEBMAP (data.js): texts, colours, items and districts (WGS 84).
 * User text (titles, names) is only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var D = window.GEBIEDSPLUGIN_WEBMAP;
  var T = D.texts, L = D.labels, F = D.fields;
  var items = D.items.features;
  var money = new Intl.NumberFormat(D.lang === "nl" ? "nl-NL" : "en-GB",
    { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  var ITEM_LAYERS = ["items-area", "items-area-outline", "items-area-outline-social", "items-line",
    "items-line-social", "items-point"];
  var state = { year: null, from: null, to: null, district: "", domain: "", kind: "", theme: "", status: "",
    funding: "" };
  var filtered = items;
  var view = window.gebiedView = { shown: items.length, ready: false, firstRender: null, state: state };

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }
  function el(tag, value, cls) {
    var e = document.createElement(tag);
    if (value !== undefined && value !== null) { e.textContent = String(value); }
    if (cls) { e.className = cls; }
    return e;
  }

  // Bounding boxes of the items (for "in view") and of the city.
  function walk(coords, box) {
    if (typeof coords[0] === "number") {
      box[0] = Math.min(box[0], coords[0]); box[1] = Math.min(box[1], coords[1]);
      box[2] = Math.max(box[2], coords[0]); box[3] = Math.max(box[3], coords[1]);
    } else { for (var i = 0; i < coords.length; i++) { walk(coords[i], box); } }
    return box;
  }
  function bbox(geom) { return geom ? walk(geom.coordinates, [Infinity, Infinity, -Infinity, -Infinity]) : null; }
  items.forEach(function (f, i) { f.id = i; });
  var boxes = items.map(function (f) { return bbox(f.geometry); });
  var cityBox = [Infinity, Infinity, -Infinity, -Infinity];
  D.districts.features.forEach(function (f) { if (f.geometry) { walk(f.geometry.coordinates, cityBox); } });
  if (!isFinite(cityBox[0])) { boxes.forEach(function (b) { if (b) { walk([[b[0], b[1]], [b[2], b[3]]], cityBox); } }); }

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

  function span(p) {
    var s = p.start_year !== null ? p.start_year : p.end_year, e = p.end_year !== null ? p.end_year : p.start_year;
    return [s, e];
  }
  function matches(f) {
    var p = f.properties, se = span(p), s = se[0], e = se[1];
    if (state.year !== null && (s === null || s > state.year || e < state.year)) { return false; }
    if ((state.from !== null || state.to !== null) && s === null) { return false; }
    if (state.from !== null && e < state.from) { return false; }
    if (state.to !== null && s > state.to) { return false; }
    if (state.district && p.district_id !== state.district) { return false; }
    if (state.domain && p.domain !== state.domain) { return false; }
    if (state.kind && p.kind !== state.kind) { return false; }
    if (state.theme && p.theme !== state.theme) { return false; }
    if (state.status && p.status !== state.status) { return false; }
    if (state.funding && p.funding_status !== state.funding) { return false; }
    return true;
  }

  var map = window.gebiedMap = new maplibregl.Map({
    container: "map",
    style: { version: 8, sources: {}, layers: [{ id: "background", type: "background",
      paint: { "background-color": "#e8eef2" } }] },
    bounds: [[cityBox[0], cityBox[1]], [cityBox[2], cityBox[3]]],
    fitBoundsOptions: { padding: 30 },
    attributionControl: { compact: true, customAttribution: "MapLibre GL JS" }
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

  function colourBy() {
    var m = ["match", ["get", "category"]];
    Object.keys(colours).forEach(function (k) { m.push(k, colours[k]); });
    m.push("#888888");
    return m;
  }
  var SOCIAL = ["==", ["get", "domain"], "social"], PROG = ["==", ["get", "category"], "programme"];
  function isType(types) { return ["match", ["geometry-type"], types, true, false]; }
  var AREA = isType(["Polygon", "MultiPolygon"]), LINE = isType(["LineString", "MultiLineString"]);

  map.on("load", function () {
    view.loadAt = performance.now();
    var S = D.style;
    map.addSource("districts", { type: "geojson", data: D.districts });
    map.addSource("items", { type: "geojson", data: { type: "FeatureCollection", features: filtered } });
    map.addLayer({ id: "districts-fill", type: "fill", source: "districts", paint: { "fill-color": S.district_fill } });
    map.addLayer({ id: "districts-line", type: "line", source: "districts",
      paint: { "line-color": S.district_outline, "line-width": 1.5 } });
    map.addLayer({ id: "items-area", type: "fill", source: "items", filter: AREA, paint: { "fill-color": colourBy(),
      "fill-opacity": ["case", SOCIAL, 0, PROG, 0.12, 0.35] } });
    map.addLayer({ id: "items-area-outline", type: "line", source: "items", filter: ["all", AREA, ["!", SOCIAL]],
      paint: { "line-color": colourBy(), "line-width": ["case", PROG, 1.6, 0.8] } });
    map.addLayer({ id: "items-area-outline-social", type: "line", source: "items", filter: ["all", AREA, SOCIAL],
      paint: { "line-color": colourBy(), "line-width": 1.4, "line-dasharray": [3, 2] } });
    map.addLayer({ id: "items-line", type: "line", source: "items", filter: ["all", LINE, ["!", SOCIAL]],
      layout: { "line-cap": "round" }, paint: { "line-color": colourBy(), "line-width": ["case", PROG, 4, 2.5] } });
    map.addLayer({ id: "items-line-social", type: "line", source: "items", filter: ["all", LINE, SOCIAL],
      paint: { "line-color": colourBy(), "line-width": 2.5, "line-dasharray": [2, 1.5] } });
    map.addLayer({ id: "items-point", type: "circle", source: "items", filter: isType(["Point", "MultiPoint"]),
      paint: { "circle-radius": ["case", PROG, 7, 5], "circle-color": ["case", SOCIAL, "#ffffff", colourBy()],
        "circle-stroke-color": ["case", SOCIAL, colourBy(), "#ffffff"], "circle-stroke-width": ["case", SOCIAL, 2.5, 1] } });
    D.districts.features.forEach(function (f) {
      var at = labelPoint(f.geometry);
      if (at && f.properties.name) {
        new maplibregl.Marker({ element: el("div", f.properties.name, "district-label") }).setLngLat(at).addTo(map);
      }
    });
    ITEM_LAYERS.forEach(function (id) {
      map.on("click", id, function (e) { showPopup(e.features[0], e.lngLat); });
      map.on("mouseenter", id, function () { map.getCanvas().style.cursor = "pointer"; });
      map.on("mouseleave", id, function () { map.getCanvas().style.cursor = ""; });
    });
    map.on("moveend", updateList);
    map.once("idle", function () { view.ready = true; view.firstRender = performance.now(); });
    updateList();
  });

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
    var p = f.properties, box = el("div", null, "popup"), dl = el("dl"), se = span(p);
    box.appendChild(el("h3", p.title));
    var funders = (p.funders || "").split(", ").filter(Boolean).map(function (c) { return label("funder", c); });
    [[F.kind, label("kind", p.kind)], [F.theme, label("theme", p.theme)], [F.district, p.district || p.district_id],
      [F.neighbourhood, p.neighbourhood], [T.years, se[0] === se[1] ? se[0] : se[0] + "–" + se[1]],
      [F.budget, p.budget === null ? "" : money.format(p.budget)], [F.funders, funders.join(", ")],
      [F.funding_status, label("funding_status", p.funding_status)],
      [F.programme_code, p.programme_code], [F.status, label("status", p.status)]].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") { return; }
      dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", row[1]));
    });
    box.appendChild(dl);
    view.popup = new maplibregl.Popup({ maxWidth: "320px" }).setLngLat(at).setDOMContent(box).addTo(map);
  }

  function apply() {
    filtered = items.filter(matches);
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
      var key = f.properties.district || (f.properties.district_id === "city" ? T.city_wide : "–");
      var g = groups[key] || (groups[key] = [0, 0]);
      g[0] += 1; g[1] += f.properties.budget || 0; total += f.properties.budget || 0;
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
      return (c.properties.budget || 0) - (a.properties.budget || 0);
    });
    list.replaceChildren();
    if (!shown.length) { list.appendChild(el("li", T.none)); }
    shown.slice(0, 200).forEach(function (f) {
      var li = el("li", f.properties.title);
      li.title = label("category", f.properties.category);
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
