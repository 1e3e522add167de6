/*
 * geo event map: draws conflict events from compact, column-wise data embedded in the page.
 * Part of the geo project (MIT). Needs Leaflet 1.9; uses leaflet.heat, html-to-image and
 * protomaps-leaflet + pmtiles when present.
 *
 * The page carries one JSON document (plain, or gzip + base64 when large). Events are
 * clustered here, in the browser, on a pixel grid recomputed at every move, so only what
 * is in view becomes map objects. Every text of the data reaches the page through
 * textContent or text nodes, never as HTML.
 *
 * The map draws; it does not compute: distances, bands and fronts come from Python. Here
 * events are only filtered (dates, type, actor, region, distance band, fatalities, text),
 * counted for the legend and the timeline chart, and exported.
 */
(function (global) {
  "use strict";

  var L = global.L;
  var DAY_MS = 86400000;
  var CELL_PX = 44;
  var LIST_MAX = 200;
  var SEQ = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];
  var BAND_COLORS = ["#d7301f", "#fc8d59", "#fdcc8a", "#fef0d9"];
  var SHAPE_PATHS = {
    square: "M3 3H21V21H3Z",
    triangle: "M12 2L22.5 20.5H1.5Z",
    diamond: "M12 1L23 12L12 23L1 12Z"
  };
  // ACLED's interaction codes (files before 2023 carry numbers, later ones the names).
  var INTER = ["", "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters", "Protesters", "Civilians", "External/Other forces"];
  var TOWN_LABELS_MAX = 160;

  // ---------------------------------------------------------------- small helpers

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  function svgIcon(pathData, parent) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", pathData);
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "2");
    svg.appendChild(path);
    parent.appendChild(svg);
    return svg;
  }

  // A filled marker shape (square, triangle, diamond) as an SVG element of `size` pixels.
  function shapeSvg(shape, size, fill, cls) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size));
    svg.setAttribute("height", String(size));
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", SHAPE_PATHS[shape] || SHAPE_PATHS.square);
    path.setAttribute("fill", fill);
    path.setAttribute("stroke", "#222");
    path.setAttribute("stroke-width", String(24 / size));
    if (cls) path.setAttribute("class", cls);
    svg.appendChild(path);
    return svg;
  }

  function swatch(type, parent, unknownColor) {
    var color = type ? type.color : unknownColor;
    if (type && type.shape && type.shape !== "circle") {
      var holder = el("span", "geo-swatch-shape", null, parent);
      holder.appendChild(shapeSvg(type.shape, 12, color));
      return holder;
    }
    var sw = el("span", "geo-swatch", null, parent);
    sw.style.background = color;
    return sw;
  }

  function accessor(col) {
    if (!col) return function () { return null; };
    if (Array.isArray(col)) {
      return function (i) { var v = col[i]; return v === undefined ? null : v; };
    }
    var values = col.values, codes = col.codes;
    return function (i) { var c = codes[i]; return c === null || c < 0 ? null : values[c]; };
  }

  function fmtInt(n) { return Number(n).toLocaleString("en-US"); }

  function fmtCount(n) {
    if (n < 1000) return String(n);
    if (n < 10000) return (n / 1000).toFixed(1).replace(/\.0$/, "") + "k";
    if (n < 1000000) return Math.round(n / 1000) + "k";
    return (n / 1000000).toFixed(1) + "M";
  }

  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }

  function dayNumber(iso) {
    if (!iso) return null;
    var t = Date.parse(String(iso).slice(0, 10) + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

  // First day of the week (Monday) or of the month that holds `day`.
  function unitStart(day, unit) {
    if (unit === "week") return day - ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    if (unit === "month") {
      var d = new Date(day * DAY_MS);
      return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
    }
    return day;
  }

  function nextUnit(day, unit) {
    if (unit === "week") return day + 7;
    if (unit === "month") {
      var d = new Date(day * DAY_MS);
      return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
    }
    return day + 1;
  }

  // Bins of `unit` covering [first, last]: {start, end} (days, inclusive).
  function makeBins(first, last, unit) {
    var bins = [], s = unitStart(first, unit);
    while (s <= last) {
      var n = nextUnit(s, unit);
      bins.push({ start: s, end: n - 1 });
      s = n;
    }
    return bins;
  }

  function binOf(bins, day) {
    var lo = 0, hi = bins.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (bins[mid].start <= day) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function fmtKm(km) {
    if (km === null || km === undefined || isNaN(km)) return null;
    return km < 10 ? km.toFixed(1) + " km" : Math.round(km) + " km";
  }

  function fmtDistance(m) {
    if (m < 1000) return Math.round(m) + " m";
    return (m / 1000).toFixed(m < 100000 ? 2 : 1) + " km";
  }

  function interName(v) {
    if (v === null || v === undefined || v === "") return null;
    var k = Number(v);
    if (String(v).trim() !== "" && isFinite(k) && k >= 1 && k < INTER.length && k === Math.floor(k)) return INTER[k];
    return String(v);
  }

  // One CSV cell (RFC 4180). Text that a spreadsheet would read as a formula gets a quote
  // first: nothing in an input may run, in a spreadsheet either.
  function csvCell(v, numeric) {
    if (v === null || v === undefined) return "";
    var s = String(v);
    if (!numeric && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    if (/[",\r\n]/.test(s)) s = "\"" + s.replace(/"/g, "\"\"") + "\"";
    return s;
  }

  function download(name, blob) {
    var url = global.URL.createObjectURL(blob);
    var a = el("a");
    a.href = url;
    a.download = name;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    global.setTimeout(function () { a.remove(); global.URL.revokeObjectURL(url); }, 1000);
  }

  function button(cls, text, title, parent) {
    var b = el("button", cls, text, parent);
    b.type = "button";
    if (title) b.title = title;
    return b;
  }

  // Geodesic distance on the WGS84 ellipsoid (Vincenty's inverse formula), in metres.
  // Falls back to a great circle when the iteration does not converge (near-antipodal).
  function geodesicMeters(a, b) {
    var A = 6378137, F = 1 / 298.257223563, B = A * (1 - F);
    var rad = Math.PI / 180;
    var lon = (b.lng - a.lng) * rad;
    var U1 = Math.atan((1 - F) * Math.tan(a.lat * rad));
    var U2 = Math.atan((1 - F) * Math.tan(b.lat * rad));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = lon, prev, iter = 0;
    var sinS, cosS, sigma, cos2a, cos2sm, sinL, cosL;
    do {
      sinL = Math.sin(lambda); cosL = Math.cos(lambda);
      sinS = Math.sqrt(Math.pow(cosU2 * sinL, 2) +
        Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
      if (sinS === 0) return 0;
      cosS = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
      sigma = Math.atan2(sinS, cosS);
      var sinA = cosU1 * cosU2 * sinL / sinS;
      cos2a = 1 - sinA * sinA;
      cos2sm = cos2a !== 0 ? cosS - 2 * sinU1 * sinU2 / cos2a : 0;
      var C = F / 16 * cos2a * (4 + F * (4 - 3 * cos2a));
      prev = lambda;
      lambda = lon + (1 - C) * F * sinA *
        (sigma + C * sinS * (cos2sm + C * cosS * (-1 + 2 * cos2sm * cos2sm)));
    } while (Math.abs(lambda - prev) > 1e-12 && ++iter < 200);
    if (iter >= 200) return L.CRS.Earth.distance(a, b);
    var u2 = cos2a * (A * A - B * B) / (B * B);
    var kA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
    var kB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
    var dS = kB * sinS * (cos2sm + kB / 4 * (cosS * (-1 + 2 * cos2sm * cos2sm) -
      kB / 6 * cos2sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2sm * cos2sm)));
    return B * kA * (sigma - dS);
  }

  // Decode the embedded document: plain JSON, or gzip + base64 for large maps.
  function decodeData(node) {
    var text = node.textContent;
    if (node.getAttribute("data-encoding") !== "gzip+base64") {
      return Promise.resolve(JSON.parse(text));
    }
    if (typeof global.DecompressionStream !== "function") {
      return Promise.reject(new Error("this browser cannot inflate the map data " +
        "(DecompressionStream: Chrome 80, Firefox 113, Safari 16.4 or later)"));
    }
    var bin = global.atob(text.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new global.DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function makePane(map, name, zIndex, interactive) {
    var pane = map.getPane(name) || map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (!interactive) pane.style.pointerEvents = "none";
    return name;
  }

  // ---------------------------------------------------------------- layers drawn per view

  var EventsLayer = L.Layer.extend({
    initialize: function (ctl) {
      this._ctl = ctl;
      this._group = L.layerGroup();
    },
    onAdd: function (map) {
      this._group.addTo(map);
      map.on("moveend", this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      map.off("moveend", this.redraw, this);
      this._group.clearLayers();
      map.removeLayer(this._group);
    },
    redraw: function () {
      if (this._map) this._ctl._drawEvents(this._group);
    }
  });

  // Town labels: at each zoom, the towns whose first zoom is reached, most populous first,
  // each placed only where it does not overlap a label already placed.
  var TownsLayer = L.Layer.extend({
    initialize: function (ctl) {
      this._ctl = ctl;
      this._group = L.layerGroup();
    },
    onAdd: function (map) {
      this._group.addTo(map);
      map.on("moveend", this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      map.off("moveend", this.redraw, this);
      this._group.clearLayers();
      map.removeLayer(this._group);
    },
    redraw: function () {
      var t = this._ctl.data && this._ctl.data.towns, map = this._map;
      this._group.clearLayers();
      if (!t || !map) return;
      var zoom = map.getZoom(), size = map.getSize(), placed = [], shown = 0;
      for (var i = 0; i < t.name.length && shown < TOWN_LABELS_MAX; i++) {
        if (t.z[i] > zoom) continue;
        var p = map.latLngToContainerPoint([t.lat[i], t.lon[i]]);
        if (p.x < -50 || p.y < -20 || p.x > size.x + 50 || p.y > size.y + 20) continue;
        var big = t.z[i] <= zoom - 2;
        var w = t.name[i].length * (big ? 7.5 : 6.5) + 12, h = big ? 16 : 14;
        var box = [p.x - 4, p.y - h / 2, p.x + w, p.y + h / 2], free = true;
        for (var k = 0; k < placed.length; k++) {
          var q = placed[k];
          if (box[0] < q[2] && q[0] < box[2] && box[1] < q[3] && q[1] < box[3]) { free = false; break; }
        }
        if (!free) continue;
        placed.push(box);
        shown++;
        var label = el("span", null, null);
        el("i", null, null, label);
        label.appendChild(document.createTextNode(t.name[i]));
        this._group.addLayer(L.marker([t.lat[i], t.lon[i]], {
          pane: "geoTowns",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ html: label, className: "geo-town" + (big ? " geo-town-big" : ""), iconSize: null })
        }));
      }
      this.shown = shown;
    }
  });

  // ---------------------------------------------------------------- the controller

  function GeoEventMap(map, options) {
    this.map = map;
    this.options = options || {};
    this.data = null;
    this.ready = false;
    this.range = null;         // [first day, last day] shown (days since 1970-01-01); null: all
    this.unit = "day";         // step of the time slider and bins of the chart
    this.hiddenTypes = {};
    this.hiddenBands = {};
    this.actor = null;
    this.admin1 = null;
    this.minFatalities = 0;
    this.query = "";
    this.showTrail = false;
    this.visible = new Int32Array(0);
    this._listeners = [];
    this.seq = this.options.sequential || SEQ;

    makePane(map, "geoBase", 150, false);
    makePane(map, "geoTiles", 160, false);
    makePane(map, "geoRegions", 350, true);
    makePane(map, "geoBands", 360, false);
    makePane(map, "geoLabels", 370, false);
    makePane(map, "geoTowns", 380, false);
    makePane(map, "geoTrail", 410, true);
    makePane(map, "geoFront", 420, true);
    makePane(map, "geoEvents", 450, true);
    makePane(map, "geoClusters", 460, true);

    var seq = this.seq, gradient = {};
    for (var g = 0; g < seq.length; g++) gradient[((g + 1) / seq.length).toFixed(2)] = seq[g];
    var heat = (typeof L.heatLayer === "function") ?
      L.heatLayer([], { radius: 18, blur: 16, minOpacity: 0.35, maxZoom: 12, gradient: gradient }) :
      L.layerGroup();
    this.layers = {
      events: new EventsLayer(this),
      heat: heat,
      front: L.featureGroup(),
      bands: L.featureGroup(),
      regions: L.featureGroup(),
      base: L.featureGroup(),
      towns: new TownsLayer(this),
      tiles: L.layerGroup()
    };
    var self = this;
    heat.on("add", function () { self._updateHeat(); });
    this.layers.regions.on("add remove", function () { self._updateLegend(); });

    map.getContainer().classList.add("geo-map");
    if (this.options.offline) map.getContainer().classList.add("geo-offline");
    if (this.options.bounds) {
      // keep the events clear of the title (top) and of the legend (bottom right)
      var size = map.getSize();
      map.fitBounds(this.options.bounds, {
        paddingTopLeft: [40, 80],
        paddingBottomRight: [size.x > 700 ? 300 : 40, 40],
        maxZoom: this.options.fitMaxZoom || 11,
        animate: false
      });
    }
    this._titleBox = this._addTitle();
    this.measure = new MeasureControl({ position: "topleft" }).addTo(map);
    this.fullscreen = new FullscreenControl({ position: "topleft" }).addTo(map);
    GeoEventMap.instances.push(this);
  }

  GeoEventMap.instances = [];

  GeoEventMap.prototype.load = function (node) {
    var self = this;
    if (!node) {
      this._fail(new Error("the map data element is missing"));
      return Promise.resolve(null);
    }
    return decodeData(node).then(function (data) {
      self._setData(data);
      return self;
    }).catch(function (err) { self._fail(err); });
  };

  GeoEventMap.prototype._fail = function (err) {
    var box = el("div", "geo-message geo-error", "This map could not be drawn: " + err.message);
    this.map.getContainer().appendChild(box);
    if (global.console) global.console.error(err);
  };

  GeoEventMap.prototype.onFilter = function (fn) { this._listeners.push(fn); };

  GeoEventMap.prototype._setData = function (d) {
    var n = d.n || 0;
    var c = d.cols || {};
    this.data = d;
    this.n = n;
    this.lat = d.lat || [];
    this.lon = d.lon || [];
    // Web Mercator in [0, 1), computed once: clustering then needs one multiply per zoom.
    var mx = new Float64Array(n), my = new Float64Array(n), rad = Math.PI / 180;
    for (var i = 0; i < n; i++) {
      var s = Math.sin(Math.max(-85.05, Math.min(85.05, this.lat[i])) * rad);
      mx[i] = (this.lon[i] + 180) / 360;
      my[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
    this.mx = mx;
    this.my = my;
    this.day0 = d.dayMin;
    this.dayOf = accessor(d.day);
    this.typeOf = accessor(c.type);
    this.types = d.types || [];
    this.get = {};
    for (var key in c) {
      if (Object.prototype.hasOwnProperty.call(c, key)) this.get[key] = accessor(c[key]);
    }
    this.dated = d.dayMin !== null && d.dayMin !== undefined && d.ndays > 0;
    if (this.dated) {
      this.unit = d.ndays <= 120 ? "day" : d.ndays <= 1500 ? "week" : "month";
      this.bins = makeBins(d.dayMin, d.dayMax, this.unit);
    }
    this._buildFront(d.front, d.bands);
    this._buildRegions(d.regions);
    this._buildBase(d.base, d.admin1, d.lakes);
    this._buildTiles(d.pmtiles);
    this.actors = this._actorList();
    this._credits = new CreditsControl(this, { position: "bottomright" }).addTo(this.map);
    this._legend = new LegendControl(this, { position: "bottomright" }).addTo(this.map);
    this._panel = new PanelControl(this, { position: "topright" }).addTo(this.map);
    if (this.dated) this._time = new TimeControl(this, { position: "bottomleft" }).addTo(this.map);
    this._updateTitle();
    if (n === 0) this._showEmpty();
    this.applyFilter();
    this.layers.towns.redraw();
    this.ready = true;
    var container = this.map.getContainer();
    container.setAttribute("data-geo-ready", "true");
    global.geoMapReady = true;
    if (typeof global.CustomEvent === "function") {
      global.dispatchEvent(new global.CustomEvent("geo:ready", { detail: this }));
    }
  };

  // ---------------------------------------------------------------- filters

  // Actors of every actor column (associated actors split at ";"), most frequent first.
  GeoEventMap.prototype._actorList = function () {
    var g = this.get, counts = new Map(), n = this.n;
    var cols = ["actor1", "actor2", "assoc1", "assoc2"].filter(function (k) { return g[k]; });
    if (!cols.length) return [];
    for (var i = 0; i < n; i++) {
      var seen = {};
      for (var k = 0; k < cols.length; k++) {
        var v = g[cols[k]](i);
        if (!v) continue;
        var names = cols[k].indexOf("assoc") === 0 ? String(v).split(/\s*;\s*/) : [String(v)];
        for (var j = 0; j < names.length; j++) {
          var name = names[j];
          if (!name || seen[name]) continue;
          seen[name] = true;
          counts.set(name, (counts.get(name) || 0) + 1);
        }
      }
    }
    return Array.from(counts.entries()).sort(function (a, b) {
      return b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    });
  };

  GeoEventMap.prototype.actorsOf = function (i) {
    var g = this.get, out = [];
    ["actor1", "actor2", "assoc1", "assoc2"].forEach(function (k) {
      var v = g[k] ? g[k](i) : null;
      if (!v) return;
      var names = k.indexOf("assoc") === 0 ? String(v).split(/\s*;\s*/) : [String(v)];
      names.forEach(function (nm) { if (nm && out.indexOf(nm) < 0) out.push(nm); });
    });
    return out;
  };

  GeoEventMap.prototype.admin1Of = function (i) {
    if (this.get.admin1) return this.get.admin1(i);
    var r = this.get.region ? this.get.region(i) : null;
    var f = r !== null && r >= 0 && this.data.regions ? this.data.regions.features[r] : null;
    return f && f.properties ? f.properties.admin1 || null : null;
  };

  // Distance band of an event: 0 for the nearest, bandsKm.length for the open last one,
  // -1 when the event has no distance.
  GeoEventMap.prototype.bandOf = function (i) {
    var km = this.get.dist ? this.get.dist(i) : null;
    if (km === null || km === undefined || isNaN(km)) return -1;
    var bounds = this.options.bandsKm || [];
    for (var b = 0; b < bounds.length; b++) if (km < bounds[b]) return b;
    return bounds.length;
  };

  GeoEventMap.prototype.bandLabel = function (b) {
    var bounds = this.options.bandsKm || [];
    if (b < 0) return "no distance";
    var lo = b === 0 ? 0 : bounds[b - 1];
    return b < bounds.length ? lo + "-" + bounds[b] + " km" : lo + "+ km";
  };

  GeoEventMap.prototype._searchText = function () {
    if (this._texts) return this._texts;
    var g = this.get, keys = ["place", "mention", "notes", "sub", "source", "admin1", "country",
      "actor1", "actor2", "assoc1", "assoc2", "id"].filter(function (k) { return g[k]; });
    var texts = new Array(this.n);
    for (var i = 0; i < this.n; i++) {
      var parts = [];
      for (var k = 0; k < keys.length; k++) { var v = g[keys[k]](i); if (v) parts.push(v); }
      var t = this.typeOf(i);
      if (t !== null && this.types[t]) parts.push(this.types[t].name);
      texts[i] = parts.join(" \u0001 ").toLowerCase();
    }
    this._texts = texts;
    return texts;
  };

  // Whether event i passes every filter but the dates.
  GeoEventMap.prototype._passes = function (i, texts) {
    var t = this.typeOf(i);
    if (this.hiddenTypes[t === null ? -1 : t]) return false;
    if (this.minFatalities > 0) {
      var f = this.get.fat ? this.get.fat(i) : null;
      if (!(f >= this.minFatalities)) return false;
    }
    if (this._bandFilter && this.hiddenBands[this.bandOf(i)]) return false;
    if (this.admin1 !== null && this.admin1Of(i) !== this.admin1) return false;
    if (this.actor !== null && this.actorsOf(i).indexOf(this.actor) < 0) return false;
    if (texts && texts[i].indexOf(this.query) < 0) return false;
    return true;
  };

  // Recompute the visible events, the counts of the legend and the bins of the chart.
  GeoEventMap.prototype.applyFilter = function () {
    var n = this.n, out = new Int32Array(n), k = 0;
    var texts = this.query ? this._searchText() : null;
    this._bandFilter = Object.keys(this.hiddenBands).some(function (b) { return this.hiddenBands[b]; }, this);
    var bins = this.bins, nb = bins ? bins.length : 0, nt = this.types.length + 1;
    var counts = new Float64Array(nb * nt), fat = new Float64Array(nb);
    var r0 = this.range ? this.range[0] : null, r1 = this.range ? this.range[1] : null;
    var binStarts = bins ? bins.map(function (b) { return b.start; }) : [];
    var typeCounts = {}, day0 = this.day0;
    for (var i = 0; i < n; i++) {
      if (!this._passes(i, texts)) continue;
      var off = this.dayOf(i), day = off === null ? null : day0 + off;
      if (day !== null && nb) {
        var b = binOf(bins, day), t = this.typeOf(i);
        counts[b * nt + (t === null ? nt - 1 : t)]++;
        var f = this.get.fat ? this.get.fat(i) : null;
        if (f > 0) fat[b] += f;
      }
      if (r0 !== null && (day === null || day < r0 || day > r1)) continue;
      out[k++] = i;
      var ti = this.typeIndex(i);
      typeCounts[ti] = (typeCounts[ti] || 0) + 1;
    }
    this.visible = out.subarray(0, k);
    this.typeCounts = typeCounts;
    this.chartCounts = counts;
    this.chartFatalities = fat;
    this.layers.events.redraw();
    this._updateHeat();
    this._updateRegions();
    this._updateFront();
    this._updateLegend();
    if (this._time) this._time.update();
    if (this._panel) this._panel.update();
    for (var j = 0; j < this._listeners.length; j++) this._listeners[j](this);
  };

  // Show the events of days first..last (inclusive); null for every date (undated too).
  GeoEventMap.prototype.setRange = function (first, last) {
    var d = this.data;
    if (first === null || first === undefined || !this.dated) {
      this.range = null;
    } else {
      var a = Math.max(d.dayMin, Math.min(first, last)), b = Math.min(d.dayMax, Math.max(first, last));
      this.range = (a <= d.dayMin && b >= d.dayMax) ? null : [a, b];
    }
    this.applyFilter();
  };

  // The former one-day slider: a day (and the days before it when cumulative), or null.
  GeoEventMap.prototype.setDay = function (day, cumulative) {
    if (day === null) this.setRange(null); else this.setRange(cumulative ? this.data.dayMin : day, day);
  };

  GeoEventMap.prototype.setUnit = function (unit) {
    if (!this.dated || ["day", "week", "month"].indexOf(unit) < 0) return;
    this.unit = unit;
    this.bins = makeBins(this.data.dayMin, this.data.dayMax, unit);
    if (this._time) this._time.rebuild();
    this.applyFilter();
  };

  GeoEventMap.prototype.setFilter = function (name, value) {
    if (name === "actor") this.actor = value || null;
    else if (name === "admin1") this.admin1 = value || null;
    else if (name === "minFatalities") this.minFatalities = Number(value) || 0;
    else if (name === "query") this.query = String(value || "").trim().toLowerCase();
    else if (name === "hiddenBands") this.hiddenBands = value || {};
    else if (name === "hiddenTypes") this.hiddenTypes = value || {};
    this.applyFilter();
  };

  GeoEventMap.prototype.visibleCount = function () { return this.visible.length; };

  GeoEventMap.prototype.typeIndex = function (i) {
    var t = this.typeOf(i);
    return t === null ? -1 : t;
  };

  GeoEventMap.prototype.typeInfo = function (i) {
    var t = this.typeOf(i);
    return t === null ? null : this.types[t] || null;
  };

  GeoEventMap.prototype.colorOf = function (i) {
    var t = this.typeInfo(i);
    return t ? t.color : this.options.unknownColor || "#8c8c8c";
  };

  GeoEventMap.prototype.radiusOf = function (i) {
    var f = this.get.fat ? this.get.fat(i) : null;
    if (f === null || !(f > 0)) return 5;
    return Math.min(20, 5 + 2 * Math.sqrt(f));
  };

  // ---------------------------------------------------------------- clusters

  // Cluster the visible events in view: bin them on a pixel grid, then let each cell,
  // largest first, absorb the neighbouring cells whose centre is within one cell size, so
  // that cluster icons do not pile up on each other. Each cluster counts its types.
  GeoEventMap.prototype._drawEvents = function (group) {
    group.clearLayers();
    if (!this.data) return;
    var map = this.map, zoom = map.getZoom(), scale = 256 * Math.pow(2, zoom);
    var pb = map.getPixelBounds(), pad = CELL_PX * 2, nt = this.types.length + 1;
    var x0 = pb.min.x - pad, x1 = pb.max.x + pad, y0 = pb.min.y - pad, y1 = pb.max.y + pad;
    var cells = new Map(), vis = this.visible, mx = this.mx, my = this.my;
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k], x = mx[i] * scale, y = my[i] * scale;
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;
      var cx = Math.floor(x / CELL_PX), cy = Math.floor(y / CELL_PX);
      var key = cx * 4194304 + cy;
      var cell = cells.get(key), t = this.typeOf(i);
      if (cell === undefined) {
        cell = { n: 0, sx: 0, sy: 0, first: i, minx: x, maxx: x, miny: y, maxy: y,
          cx: cx, cy: cy, keys: [key], done: false, merged: false, types: new Int32Array(nt) };
        cells.set(key, cell);
      }
      cell.n++; cell.sx += x; cell.sy += y;
      cell.types[t === null ? nt - 1 : t]++;
      if (x < cell.minx) cell.minx = x; else if (x > cell.maxx) cell.maxx = x;
      if (y < cell.miny) cell.miny = y; else if (y > cell.maxy) cell.maxy = y;
    }
    var order = Array.from(cells.values()).sort(function (a, b) { return b.n - a.n; });
    var r2 = CELL_PX * CELL_PX;
    for (var o = 0; o < order.length; o++) {
      var c = order[o];
      if (c.merged) continue;
      c.done = true;
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var nb = cells.get((c.cx + dx) * 4194304 + c.cy + dy);
          if (nb === undefined || nb.done || nb.merged) continue;
          var ex = nb.sx / nb.n - c.sx / c.n, ey = nb.sy / nb.n - c.sy / c.n;
          if (ex * ex + ey * ey > r2) continue;
          nb.merged = true;
          c.n += nb.n; c.sx += nb.sx; c.sy += nb.sy;
          for (var tt = 0; tt < nt; tt++) c.types[tt] += nb.types[tt];
          c.minx = Math.min(c.minx, nb.minx); c.maxx = Math.max(c.maxx, nb.maxx);
          c.miny = Math.min(c.miny, nb.miny); c.maxy = Math.max(c.maxy, nb.maxy);
          c.keys.push(nb.keys[0]);
        }
      }
    }
    var drawn = 0;
    for (var q = 0; q < order.length; q++) {
      var cl = order[q];
      if (cl.merged) continue;
      drawn++;
      group.addLayer(cl.n === 1 ? this._eventMarker(cl.first) : this._clusterMarker(cl, zoom, scale));
    }
    this.drawn = drawn;
  };

  GeoEventMap.prototype._eventMarker = function (i) {
    var self = this, type = this.typeInfo(i), marker;
    if (type && type.shape && type.shape !== "circle") {
      var size = Math.round(2 * this.radiusOf(i) + 2);
      var holder = el("span");
      holder.appendChild(shapeSvg(type.shape, size, type.color, "geo-event"));
      marker = L.marker([this.lat[i], this.lon[i]], {
        pane: "geoEvents",
        icon: L.divIcon({ html: holder, className: "geo-event-shape", iconSize: [size, size] }),
        keyboard: false
      });
    } else {
      marker = L.circleMarker([this.lat[i], this.lon[i]], {
        pane: "geoEvents",
        radius: this.radiusOf(i),
        color: "#222",
        weight: 1,
        opacity: 0.9,
        fillColor: this.colorOf(i),
        fillOpacity: 0.85,
        className: "geo-event"
      });
    }
    marker.on("click", function (e) {
      L.DomEvent.stopPropagation(e);
      self.openEvent(i);
    });
    return marker;
  };

  // A cluster drawn as a pie of its types around its count.
  GeoEventMap.prototype._clusterMarker = function (cell, zoom, scale) {
    var self = this;
    var size = cell.n < 10 ? 30 : cell.n < 100 ? 36 : cell.n < 1000 ? 42 : 50;
    var latlng = this.map.unproject([cell.sx / cell.n, cell.sy / cell.n], zoom);
    var icon = el("div", "geo-pie");
    var stops = [], at = 0, nt = cell.types.length;
    for (var t = 0; t < nt; t++) {
      var k = cell.types[t];
      if (!k) continue;
      var color = t < this.types.length ? this.types[t].color : this.options.unknownColor || "#8c8c8c";
      var to = at + 360 * k / cell.n;
      stops.push(color + " " + at.toFixed(2) + "deg " + to.toFixed(2) + "deg");
      at = to;
    }
    icon.style.background = "conic-gradient(" + stops.join(", ") + ")";
    el("span", null, fmtCount(cell.n), icon);
    var marker = L.marker(latlng, {
      pane: "geoClusters",
      icon: L.divIcon({ html: icon, className: "geo-cluster", iconSize: [size, size] }),
      title: fmtInt(cell.n) + " events",
      keyboard: true
    });
    marker.on("click", function () {
      var sameSpot = cell.maxx - cell.minx < 1e-6 * scale && cell.maxy - cell.miny < 1e-6 * scale;
      if (sameSpot || zoom >= self.map.getMaxZoom()) {
        self.openList(self._cellMembers(cell.keys, zoom), latlng);
        return;
      }
      var bounds = L.latLngBounds(
        self.map.unproject([cell.minx, cell.miny], zoom),
        self.map.unproject([cell.maxx, cell.maxy], zoom));
      var target = Math.min(self.map.getMaxZoom(),
        Math.max(zoom + 1, self.map.getBoundsZoom(bounds, false, L.point(60, 60))));
      self.map.setView(bounds.getCenter(), target);
    });
    return marker;
  };

  GeoEventMap.prototype._cellMembers = function (keys, zoom) {
    var scale = 256 * Math.pow(2, zoom), out = [], vis = this.visible, wanted = new Set(keys);
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k];
      var kk = Math.floor(this.mx[i] * scale / CELL_PX) * 4194304 +
        Math.floor(this.my[i] * scale / CELL_PX);
      if (wanted.has(kk)) out.push(i);
    }
    return out;
  };

  // ---------------------------------------------------------------- popups

  GeoEventMap.prototype.eventContent = function (i) {
    var g = this.get, box = el("div", "geo-popup");
    box.setAttribute("data-event", String(i));
    var place = g.place ? g.place(i) : null;
    var mention = g.mention ? g.mention(i) : null;
    var title = el("div", "geo-popup-title", place || mention || "Event", box);
    var sw = el("span");
    swatch(this.typeInfo(i), sw, this.options.unknownColor);
    title.insertBefore(sw.firstChild, title.firstChild);
    var table = el("table", "geo-popup-table", null, box);
    function row(label, value) {
      if (value === null || value === undefined || value === "") return;
      var tr = el("tr", null, null, table);
      el("th", null, label, tr);
      el("td", null, value, tr);
    }
    if (mention && mention !== place) row("Mention", "\u201c" + mention + "\u201d");
    var off = this.dayOf(i);
    var date = off === null ? null : isoDay(this.day0 + off);
    var tp = g.tprec ? g.tprec(i) : null;
    if (date && tp && tp > 1) date += tp === 2 ? " (within a week)" : " (within a month)";
    row("Date", date);
    var type = this.typeInfo(i), typeName = type ? type.name : null;
    var sub = g.sub ? g.sub(i) : null;
    row("Type", typeName && sub && sub !== typeName ? typeName + " \u2013 " + sub : typeName || sub);
    [["actor1", "assoc1", "inter1", "Actor 1"], ["actor2", "assoc2", "inter2", "Actor 2"]].forEach(function (a) {
      var who = g[a[0]] ? g[a[0]](i) : null;
      var withWho = g[a[1]] ? g[a[1]](i) : null;
      var kind = interName(g[a[2]] ? g[a[2]](i) : null);
      if (!who && !withWho) return;
      var text = who || "";
      if (kind) text += (text ? " " : "") + "(" + kind + ")";
      if (withWho) text += (text ? "; " : "") + "with " + withWho;
      row(a[3], text);
    });
    var fat = g.fat ? g.fat(i) : null, inj = g.inj ? g.inj(i) : null;
    row("Fatalities", fat);
    row("Injured", inj);
    var dist = fmtKm(g.dist ? g.dist(i) : null);
    var side = g.side ? g.side(i) : null;
    var line = g.frontname ? g.frontname(i) : null;
    if (dist) {
      var extra = [side, line].filter(function (s) { return s; }).join(", ");
      row("Distance to front", extra ? dist + " (" + extra + ")" : dist);
    }
    var region = [g.admin1 ? g.admin1(i) : null, g.country ? g.country(i) : null]
      .filter(function (s) { return s; }).join(", ");
    row("Region", region);
    row("Disputed area", g.disputed ? g.disputed(i) : null);
    var prec = g.prec ? g.prec(i) : null;
    if (prec) row("Precision", prec === 1 ? "place" : prec === 2 ? "near place" : "region");
    row("Coordinates", this.lat[i].toFixed(4) + ", " + this.lon[i].toFixed(4));
    var notes = g.notes ? g.notes(i) : null;
    if (notes) box.appendChild(highlighted(notes, mention));
    var source = g.source ? g.source(i) : null;
    if (source) {
      var src = el("div", "geo-popup-source", "Source: ", box);
      if (/^https?:\/\/[^\s]+$/i.test(source)) {
        var a = el("a", null, source, src);
        a.href = source;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
      } else {
        src.appendChild(document.createTextNode(source));
      }
    }
    var id = g.id ? g.id(i) : null;
    if (id) el("div", "geo-popup-id", id, box);
    return box;
  };

  // The sentence, with the first occurrence of the mention wrapped in <mark>.
  function highlighted(sentence, mention) {
    var q = el("blockquote", "geo-sentence");
    var at = -1;
    if (mention) {
      at = sentence.indexOf(mention);
      if (at < 0) {
        var lower = sentence.toLowerCase();
        if (lower.length === sentence.length) at = lower.indexOf(mention.toLowerCase());
      }
    }
    if (at < 0) {
      q.textContent = sentence;
      return q;
    }
    q.appendChild(document.createTextNode(sentence.slice(0, at)));
    el("mark", null, sentence.slice(at, at + mention.length), q);
    q.appendChild(document.createTextNode(sentence.slice(at + mention.length)));
    return q;
  }

  GeoEventMap.prototype.openEvent = function (i, back) {
    var content = this.eventContent(i);
    if (back) {
      var link = el("button", "geo-back", "\u2190 back to the list");
      link.type = "button";
      link.addEventListener("click", back);
      content.insertBefore(link, content.firstChild);
    }
    L.popup({ maxWidth: 380, minWidth: 240, autoPanPadding: [20, 20] })
      .setLatLng([this.lat[i], this.lon[i]])
      .setContent(content)
      .openOn(this.map);
  };

  GeoEventMap.prototype.openList = function (members, latlng) {
    var self = this, box = el("div", "geo-popup geo-list");
    el("div", "geo-popup-title", fmtInt(members.length) + " events here", box);
    var list = el("ol", null, null, box);
    var sorted = members.slice().sort(function (a, b) {
      return (self.dayOf(a) === null ? 1e9 : self.dayOf(a)) - (self.dayOf(b) === null ? 1e9 : self.dayOf(b));
    });
    sorted.slice(0, LIST_MAX).forEach(function (i) {
      var li = el("li", null, null, list);
      var btn = el("button", "geo-list-item", null, li);
      btn.type = "button";
      var sw = el("span", "geo-swatch", null, btn);
      sw.style.background = self.colorOf(i);
      var off = self.dayOf(i);
      var t = self.typeOf(i);
      var parts = [off === null ? "undated" : isoDay(self.day0 + off),
        t === null || !self.types[t] ? "unknown type" : self.types[t].name,
        (self.get.place && self.get.place(i)) || (self.get.mention && self.get.mention(i)) || ""];
      var fat = self.get.fat ? self.get.fat(i) : null;
      if (fat) parts.push(fat + " killed");
      btn.appendChild(document.createTextNode(parts.filter(function (s) { return s; }).join(" \u00b7 ")));
      btn.addEventListener("click", function () {
        self.openEvent(i, function () { self.openList(members, latlng); });
      });
    });
    if (members.length > LIST_MAX) {
      el("div", "geo-note", "and " + fmtInt(members.length - LIST_MAX) + " more; narrow the dates to see them", box);
    }
    L.popup({ maxWidth: 380, minWidth: 260, maxHeight: 320 }).setLatLng(latlng).setContent(box).openOn(this.map);
  };


  // ---------------------------------------------------------------- fronts by date

  GeoEventMap.prototype._buildFront = function (front, bands) {
    var self = this;
    this.frontLayers = [];
    this.bandLayers = [];
    if (front && front.features) {
      front.features.forEach(function (f, idx) {
        var p = f.properties || {};
        var layer = L.geoJSON(f, {
          pane: "geoFront",
          style: { color: "#7a0019", weight: 3.5, opacity: 0.95, dashArray: "8 5", className: "geo-front" }
        });
        layer.bindTooltip(function () { return frontLabel(p); }, { sticky: true });
        var trail = L.geoJSON(f, {
          pane: "geoTrail",
          style: { color: "#7a0019", weight: 1.5, opacity: 0.3, className: "geo-front-trail" }
        });
        trail.bindTooltip(function () { return frontLabel(p); }, { sticky: true });
        self.frontLayers.push({ layer: layer, trail: trail, props: p, idx: idx,
          from: dayNumber(p.valid_from), to: dayNumber(p.valid_to) });
      });
    }
    if (bands && bands.features) {
      bands.features.forEach(function (f) {
        var p = f.properties || {};
        var layer = L.geoJSON(f, {
          pane: "geoBands",
          interactive: false,
          style: { stroke: false, fillColor: BAND_COLORS[p.band] || "#fef0d9", fillOpacity: 0.28, className: "geo-band" }
        });
        self.bandLayers.push({ layer: layer, props: p });
      });
    }
    // "All dates" shows the fronts of the last day any front starts (and undated ones).
    var starts = this.frontLayers.map(function (f) { return f.from; }).filter(function (v) { return v !== null; });
    this.frontLatest = starts.length ? Math.max.apply(null, starts) : null;
  };

  function frontLabel(p) {
    var box = el("div", "geo-front-label");
    el("strong", null, p.name || "Front line", box);
    var dates = frontDates(p);
    if (dates) el("div", null, dates, box);
    if (p.source) el("div", "geo-note", "Source: " + p.source, box);
    return box;
  }

  function frontDates(p) {
    if (p.valid_from && p.valid_to) return p.valid_from + " \u2013 " + p.valid_to;
    if (p.valid_from) return "from " + p.valid_from;
    if (p.valid_to) return "until " + p.valid_to;
    return null;
  }

  // The day whose fronts are drawn: the last day of the dates shown, or the latest start.
  GeoEventMap.prototype.frontDay = function () {
    if (this.range) return this.range[1];
    return this.frontLatest;
  };

  GeoEventMap.prototype._frontValidOn = function (f, day) {
    if (day === null) return true;
    return (f.from === null || f.from <= day) && (f.to === null || day <= f.to);
  };

  GeoEventMap.prototype._updateFront = function () {
    var self = this, day = this.frontDay(), shown = {}, trail = [];
    this.frontsShown = [];
    this.frontLayers.forEach(function (f) {
      var ok = self._frontValidOn(f, day);
      shown[f.idx] = ok;
      if (ok) { self.layers.front.addLayer(f.layer); self.frontsShown.push(f); }
      else self.layers.front.removeLayer(f.layer);
      // earlier fronts: those that ended before that day
      var earlier = !ok && day !== null && f.to !== null && f.to < day;
      if (earlier) trail.push(f);
      if (earlier && self.showTrail) self.layers.front.addLayer(f.trail);
      else self.layers.front.removeLayer(f.trail);
    });
    this.frontsEarlier = trail;
    this.bandLayers.forEach(function (b) {
      if (shown[b.props.front]) self.layers.bands.addLayer(b.layer); else self.layers.bands.removeLayer(b.layer);
    });
  };

  GeoEventMap.prototype.setTrail = function (on) {
    this.showTrail = !!on;
    this._updateFront();
    this._updateLegend();
  };

  // ---------------------------------------------------------------- regions

  GeoEventMap.prototype._buildRegions = function (regions) {
    var self = this;
    this.regionLayers = [];
    this.regionCounts = [];
    this.choroColors = this.seq.slice().reverse();  // light (few) to dark (many)
    if (!regions || !regions.features) return;
    regions.features.forEach(function (f, idx) {
      var layer = L.geoJSON(f, {
        pane: "geoRegions",
        style: { color: "#6b5d4f", weight: 0.8, fillOpacity: 0.6, fillColor: self.choroColors[0], className: "geo-region" }
      });
      layer.bindTooltip(function () {
        var p = f.properties || {}, box = el("div");
        el("strong", null, [p.admin1, p.country].filter(function (s) { return s; }).join(", ") || "Region", box);
        el("div", null, fmtInt(self.regionCounts[idx] || 0) + " events shown", box);
        return box;
      }, { sticky: true });
      self.regionLayers.push(layer);
      self.layers.regions.addLayer(layer);
    });
  };

  GeoEventMap.prototype._updateRegions = function () {
    var nr = this.regionLayers.length;
    if (!nr) return;
    var counts = new Array(nr).fill(0), reg = this.get.region, vis = this.visible;
    if (reg) {
      for (var k = 0; k < vis.length; k++) {
        var r = reg(vis[k]);
        if (r !== null && r >= 0 && r < nr) counts[r]++;
      }
    }
    this.regionCounts = counts;
    this.regionBreaks = breaks(counts, this.choroColors.length);
    var self = this;
    this.regionLayers.forEach(function (layer, idx) {
      var n = counts[idx];
      layer.setStyle(n > 0 ?
        { fillColor: self.choroColors[classOf(n, self.regionBreaks)], fillOpacity: 0.65, opacity: 1 } :
        { fillOpacity: 0, opacity: 0.5 });
    });
  };

  // Class limits (upper bounds) of the non-zero counts: quantiles, at most `classes`.
  function breaks(counts, classes) {
    var values = counts.filter(function (n) { return n > 0; }).sort(function (a, b) { return a - b; });
    if (!values.length) return [];
    var out = [];
    for (var q = 1; q <= classes; q++) {
      var v = values[Math.min(values.length - 1, Math.ceil(q * values.length / classes) - 1)];
      if (!out.length || v > out[out.length - 1]) out.push(v);
    }
    return out;
  }

  function classOf(n, limits) {
    for (var c = 0; c < limits.length; c++) if (n <= limits[c]) return c;
    return limits.length - 1;
  }

  // ---------------------------------------------------------------- base map

  GeoEventMap.prototype._buildBase = function (base, admin1, lakes) {
    if (!base || !base.features) return;
    var map = this.map;
    this.layers.base.addLayer(L.geoJSON(base, {
      pane: "geoBase",
      interactive: false,
      style: { color: "#a39e90", weight: 0.7, fillColor: "#f5f2ea", fillOpacity: 1, className: "geo-base" }
    }));
    if (lakes && lakes.features) {
      this.layers.base.addLayer(L.geoJSON(lakes, {
        pane: "geoBase",
        interactive: false,
        style: { color: "#8fb3c9", weight: 0.8, fillColor: "#cddfe9", fillOpacity: 1, className: "geo-lake" }
      }));
    }
    if (admin1 && admin1.geometry) {
      this.layers.base.addLayer(L.geoJSON(admin1, {
        pane: "geoBase",
        interactive: false,
        style: { color: "#b3aa98", weight: 0.8, dashArray: "3 3", fill: false, className: "geo-admin1" }
      }));
    }
    var labels = L.layerGroup();
    base.features.forEach(function (f) {
      var p = f.properties || {};
      if (!p.label || !p.name) return;
      labels.addLayer(L.marker(p.label, {
        pane: "geoLabels",
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ html: el("span", null, p.name), className: "geo-country-label", iconSize: null })
      }));
    });
    this.layers.base.addLayer(labels);
    var pane = map.getPane("geoLabels");
    function toggle() { pane.style.display = map.getZoom() >= 4 && map.getZoom() <= 8 ? "" : "none"; }
    map.on("zoomend", toggle);
    toggle();
  };

  // A PMTiles base map held in the page, drawn by protomaps-leaflet.
  GeoEventMap.prototype._buildTiles = function (info) {
    if (!info) return;
    var node = document.getElementById(this.options.blobPrefix + "pmtiles");
    if (!node || !global.pmtiles || !global.protomapsL) {
      this._fail(new Error("the PMTiles base map cannot be drawn (its data or scripts are missing)"));
      return;
    }
    var bin = global.atob(node.textContent.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var buffer = bytes.buffer;
    var source = {
      getKey: function () { return info.name || "basemap.pmtiles"; },
      getBytes: function (offset, length) {
        return Promise.resolve({ data: buffer.slice(offset, offset + length) });
      }
    };
    var archive = new global.pmtiles.PMTiles(source);
    this.tilesLayer = global.protomapsL.leafletLayer({ url: archive, flavor: "light", lang: "en", pane: "geoTiles" });
    this.layers.tiles.addLayer(this.tilesLayer);
  };

  GeoEventMap.prototype._updateHeat = function () {
    var heat = this.layers.heat;
    if (!this.data || !heat.setLatLngs || !this.map.hasLayer(heat)) return;
    var vis = this.visible, pts = new Array(vis.length);
    for (var k = 0; k < vis.length; k++) pts[k] = [this.lat[vis[k]], this.lon[vis[k]], 1];
    heat.setLatLngs(pts);
  };

  // ---------------------------------------------------------------- title, empty notice

  GeoEventMap.prototype._addTitle = function () {
    var box = el("div", "geo-title");
    el("div", "geo-title-main", this.options.title || "Conflict events", box);
    el("div", "geo-title-sub", "loading\u2026", box);
    L.DomEvent.disableClickPropagation(box);
    this.map.getContainer().appendChild(box);
    return box;
  };

  GeoEventMap.prototype._updateTitle = function () {
    var d = this.data, parts = [fmtInt(this.n) + (this.n === 1 ? " event on the map" : " events on the map")];
    if (d.missing && d.missing.count) parts.push(fmtInt(d.missing.count) + " without coordinates");
    if (d.dayMin !== null && d.dayMin !== undefined) {
      parts.push(d.dayMin === d.dayMax ? isoDay(d.dayMin) : isoDay(d.dayMin) + " \u2013 " + isoDay(d.dayMax));
    }
    this._titleBox.lastChild.textContent = parts.join(" \u00b7 ");
  };

  GeoEventMap.prototype._showEmpty = function () {
    var d = this.data, box = el("div", "geo-message geo-empty");
    el("strong", null, "No events to show", box);
    var missing = d.missing && d.missing.count;
    el("div", null, missing ?
      fmtInt(missing) + " event(s) have no coordinates; they are listed in the legend." :
      "The input held no events" + (d.excluded ? " in the chosen dates." : "."), box);
    this.map.getContainer().appendChild(box);
  };

  // ---------------------------------------------------------------- legend

  var LegendControl = L.Control.extend({
    initialize: function (ctl, options) {
      L.setOptions(this, options);
      this._ctl = ctl;
    },
    onAdd: function () {
      var div = el("div", "geo-legend leaflet-bar");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      var details = el("details", null, null, div);
      details.open = true;
      el("summary", null, "Legend", details);
      this._body = el("div", "geo-legend-body", null, details);
      this._build();
      return div;
    },
    _build: function () {
      var ctl = this._ctl, d = ctl.data, body = this._body, self = this;
      body.textContent = "";
      this._counts = {};
      if (ctl.types.length || ctl.n) {
        el("div", "geo-legend-head", "Event type (click to hide)", body);
        var present = {};
        for (var i = 0; i < ctl.n; i++) present[ctl.typeIndex(i)] = true;
        var entries = ctl.types.map(function (t, idx) { return { idx: idx, type: t, name: t.name }; });
        if (present[-1]) entries.push({ idx: -1, type: null, name: "Unknown type" });
        entries.forEach(function (t) {
          if (!present[t.idx]) return;
          var label = el("label", "geo-legend-type", null, body);
          var box = el("input", null, null, label);
          box.type = "checkbox";
          box.checked = !ctl.hiddenTypes[t.idx];
          box.setAttribute("data-type", t.name);
          box.addEventListener("change", function () {
            if (box.checked) delete ctl.hiddenTypes[t.idx]; else ctl.hiddenTypes[t.idx] = true;
            ctl.applyFilter();
          });
          swatch(t.type, label, ctl.options.unknownColor);
          label.appendChild(document.createTextNode(t.name + " "));
          self._counts[t.idx] = el("span", "geo-legend-count", "", label);
        });
        el("div", "geo-legend-head", "Fatalities (marker size)", body);
        var sizes = el("div", "geo-legend-sizes", null, body);
        [[0, "0 / unknown"], [5, "5"], [25, "25"], [100, "100+"]].forEach(function (s) {
          var item = el("span", "geo-size", null, sizes);
          var dot = el("span", "geo-dot", null, item);
          var r = s[0] > 0 ? Math.min(20, 5 + 2 * Math.sqrt(s[0])) : 5;
          dot.style.width = dot.style.height = (2 * r) + "px";
          item.appendChild(document.createTextNode(s[1]));
        });
      }
      this._front = el("div", "geo-legend-fronts", null, body);
      if (ctl.bandLayers.length && d.bandLabels) {
        el("div", "geo-legend-head", "Distance to the front", body);
        d.bandLabels.forEach(function (label, b) {
          var row = el("div", null, null, body);
          var sw = el("span", "geo-swatch geo-swatch-sq", null, row);
          sw.style.background = BAND_COLORS[b] || "#fef0d9";
          sw.style.opacity = "0.6";
          row.appendChild(document.createTextNode(label));
        });
      }
      this._choro = el("div", "geo-legend-choro", null, body);
      if (d.missing && d.missing.count) {
        var miss = el("details", "geo-missing", null, body);
        el("summary", null, fmtInt(d.missing.count) + " event(s) without coordinates (not on the map)", miss);
        var ul = el("ul", null, null, miss);
        (d.missing.rows || []).forEach(function (r) {
          var text = [r.place || r.mention || "(no place)", r.date, r.type, r.source, r.reason]
            .filter(function (s) { return s; }).join(" \u00b7 ");
          el("li", null, text, ul);
        });
        if (d.missing.more) el("div", "geo-note", "and " + fmtInt(d.missing.more) + " more", miss);
      }
    },
    // Never under the panel of the top right corner: as tall as the room below it.
    fit: function () {
      var ctl = this._ctl, div = this._container, panel = ctl._panel && ctl._panel._container;
      if (!div || !panel) return;
      var mapBox = ctl.map.getContainer().getBoundingClientRect(), pb = panel.getBoundingClientRect();
      var room = mapBox.bottom - pb.bottom - 50;
      div.style.maxHeight = Math.max(80, Math.min(room, 0.6 * mapBox.height)) + "px";
    },
    update: function () {
      var ctl = this._ctl, counts = ctl.typeCounts || {};
      this.fit();
      for (var key in this._counts) {
        if (Object.prototype.hasOwnProperty.call(this._counts, key)) {
          this._counts[key].textContent = "(" + fmtInt(counts[key] || 0) + ")";
        }
      }
      this._updateFronts();
      var box = this._choro;
      box.textContent = "";
      if (!ctl.map.hasLayer(ctl.layers.regions) || !ctl.regionBreaks || !ctl.regionBreaks.length) return;
      el("div", "geo-legend-head", "Events per admin-1 region", box);
      var lo = 1;
      ctl.regionBreaks.forEach(function (hi, c) {
        var row = el("div", null, null, box);
        var sw = el("span", "geo-swatch geo-swatch-sq", null, row);
        sw.style.background = ctl.choroColors[c];
        row.appendChild(document.createTextNode(lo === hi ? String(hi) : fmtInt(lo) + "\u2013" + fmtInt(hi)));
        lo = hi + 1;
      });
    },
    _updateFronts: function () {
      var ctl = this._ctl, box = this._front;
      box.textContent = "";
      if (!ctl.frontLayers.length) return;
      var day = ctl.frontDay();
      el("div", "geo-legend-head", day === null ? "Front line" : "Front line on " + isoDay(day), box);
      if (!ctl.frontsShown.length) el("div", "geo-note", "no front line valid on that day", box);
      ctl.frontsShown.slice(0, 6).forEach(function (f) {
        var row = el("div", "geo-legend-front", null, box);
        el("span", "geo-line", null, row);
        var dates = frontDates(f.props);
        row.appendChild(document.createTextNode((f.props.name || "Front line") + (dates ? " (" + dates + ")" : "")));
      });
      if (ctl.frontsShown.length > 6) el("div", "geo-note", "and " + (ctl.frontsShown.length - 6) + " more", box);
      if (ctl.frontsEarlier.length) {
        var label = el("label", "geo-legend-trail", null, box);
        var cb = el("input", null, null, label);
        cb.type = "checkbox";
        cb.checked = ctl.showTrail;
        cb.addEventListener("change", function () { ctl.setTrail(cb.checked); });
        el("span", "geo-line geo-line-trail", null, label);
        label.appendChild(document.createTextNode("earlier fronts (" + ctl.frontsEarlier.length + ")"));
      }
    }
  });

  GeoEventMap.prototype._updateLegend = function () {
    if (this._legend) this._legend.update();
  };

  // ---------------------------------------------------------------- credits

  var CreditsControl = L.Control.extend({
    initialize: function (ctl, options) {
      L.setOptions(this, options);
      this._ctl = ctl;
    },
    onAdd: function () {
      var div = el("div", "geo-credits");
      var credits = this._ctl.data.credits || [];
      credits.forEach(function (c) { el("div", null, c, div); });
      if (!credits.length) div.style.display = "none";
      return div;
    }
  });

  // ---------------------------------------------------------------- time: range and chart

  var TimeControl = L.Control.extend({
    initialize: function (ctl, options) {
      L.setOptions(this, options);
      this._ctl = ctl;
    },
    onAdd: function () {
      var ctl = this._ctl, self = this;
      var div = el("div", "geo-time leaflet-bar");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      this.chart = new TimelineChart(ctl, div);
      var row = el("div", "geo-time-row", null, div);
      this._play = button("geo-play", "\u25b6", "Play: move the dates one step at a time", row);
      var unit = el("select", "geo-unit", null, row);
      unit.setAttribute("aria-label", "Step of the dates and the chart");
      [["day", "Day"], ["week", "Week"], ["month", "Month"]].forEach(function (u) {
        var o = el("option", null, u[1], unit);
        o.value = u[0];
      });
      unit.value = ctl.unit;
      this._unit = unit;
      this._label = el("span", "geo-time-label", "", row);
      this._all = button("geo-all", "All dates", "Show every date", row);
      var range = el("div", "geo-range", null, div);
      this._from = el("input", "geo-range-from", null, range);
      this._to = el("input", "geo-range-to", null, range);
      this._from.setAttribute("aria-label", "First date shown");
      this._to.setAttribute("aria-label", "Last date shown");
      [this._from, this._to].forEach(function (input) {
        input.type = "range";
        input.min = "0";
        input.step = "1";
        input.addEventListener("input", function () { self._changed(input); });
      });
      unit.addEventListener("change", function () { self._stop(); ctl.setUnit(unit.value); });
      this._all.addEventListener("click", function () { self._stop(); ctl.setRange(null); });
      this._play.addEventListener("click", function () { self._toggle(); });
      this.rebuild();
      return div;
    },
    onRemove: function () { this._stop(); },
    rebuild: function () {
      var last = String(this._ctl.bins.length - 1);
      this._from.max = last;
      this._to.max = last;
      this._unit.value = this._ctl.unit;
    },
    // positions of the handles for the dates shown
    positions: function () {
      var ctl = this._ctl, bins = ctl.bins;
      if (!ctl.range) return [0, bins.length - 1];
      return [binOf(bins, ctl.range[0]), binOf(bins, ctl.range[1])];
    },
    _changed: function (moved) {
      var a = Number(this._from.value), b = Number(this._to.value);
      if (a > b) {  // a handle pushed past the other carries it along
        if (moved === this._from) b = a; else a = b;
      }
      this.setPositions(a, b);
    },
    setPositions: function (a, b) {
      var bins = this._ctl.bins;
      this._ctl.setRange(bins[a].start, bins[b].end);
    },
    _toggle: function () {
      if (this._timer) { this._stop(); return; }
      var self = this, bins = this._ctl.bins, pos = this.positions();
      var width = pos[1] - pos[0];
      if (width === bins.length - 1) { width = 0; pos = [-1, -1]; }  // all dates: one step at a time
      else if (pos[1] >= bins.length - 1) pos = [-1, width - 1];
      this._play.textContent = "\u275a\u275a";
      this._play.classList.add("geo-active");
      var step = function () {
        pos = [pos[0] + 1, pos[1] + 1];
        if (pos[1] > bins.length - 1) { self._stop(); return; }
        self.setPositions(Math.max(0, pos[0]), pos[1]);
      };
      step();
      this._timer = global.setInterval(step, 800);
    },
    _stop: function () {
      if (this._timer) global.clearInterval(this._timer);
      this._timer = null;
      if (this._play) { this._play.textContent = "\u25b6"; this._play.classList.remove("geo-active"); }
    },
    update: function () {
      var ctl = this._ctl, d = ctl.data, pos = this.positions();
      var when = ctl.range === null ? "All dates (" + isoDay(d.dayMin) + " \u2013 " + isoDay(d.dayMax) + ")" :
        ctl.range[0] === ctl.range[1] ? isoDay(ctl.range[0]) : isoDay(ctl.range[0]) + " \u2013 " + isoDay(ctl.range[1]);
      this._label.textContent = when + " \u00b7 " + fmtInt(ctl.visible.length) + " events";
      this._from.value = String(pos[0]);
      this._to.value = String(pos[1]);
      this.chart.draw();
    }
  });

  // Events per day, week or month, stacked by type, with fatalities as a line. Drag across
  // it to choose the dates shown; click a bar for its day/week/month; double-click for all.
  function TimelineChart(ctl, parent) {
    var self = this;
    this.ctl = ctl;
    this.canvas = el("canvas", "geo-chart", null, parent);
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", "Events over time; drag to choose dates");
    this.width = 380;
    this.height = 96;
    var ratio = global.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.canvas.style.width = this.width + "px";
    this.canvas.style.height = this.height + "px";
    this.ratio = ratio;
    this.pad = { left: 4, right: 4, top: 14, bottom: 14 };
    this._drag = null;
    this.canvas.addEventListener("pointerdown", function (e) {
      self._drag = { from: self.binAt(e.offsetX), to: self.binAt(e.offsetX) };
      if (self.canvas.setPointerCapture) self.canvas.setPointerCapture(e.pointerId);
      self.draw();
    });
    this.canvas.addEventListener("pointermove", function (e) {
      if (!self._drag) return;
      self._drag.to = self.binAt(e.offsetX);
      self.draw();
    });
    this.canvas.addEventListener("pointerup", function (e) {
      if (!self._drag) return;
      var a = Math.min(self._drag.from, self.binAt(e.offsetX)), b = Math.max(self._drag.from, self.binAt(e.offsetX));
      self._drag = null;
      var bins = self.ctl.bins;
      self.ctl.setRange(bins[a].start, bins[b].end);
    });
    this.canvas.addEventListener("dblclick", function () { self._drag = null; self.ctl.setRange(null); });
  }

  TimelineChart.prototype.binAt = function (x) {
    var nb = this.ctl.bins.length, w = this.width - this.pad.left - this.pad.right;
    return Math.max(0, Math.min(nb - 1, Math.floor((x - this.pad.left) / w * nb)));
  };

  // Bins highlighted: those of the dates shown (or being dragged).
  TimelineChart.prototype.selection = function () {
    var ctl = this.ctl;
    if (this._drag) return [Math.min(this._drag.from, this._drag.to), Math.max(this._drag.from, this._drag.to)];
    if (!ctl.range) return null;
    return [binOf(ctl.bins, ctl.range[0]), binOf(ctl.bins, ctl.range[1])];
  };

  TimelineChart.prototype.draw = function () {
    var ctl = this.ctl, ctx = this.canvas.getContext("2d"), r = this.ratio;
    var W = this.width, H = this.height, pad = this.pad;
    var bins = ctl.bins, nb = bins.length, nt = ctl.types.length + 1;
    var counts = ctl.chartCounts, fat = ctl.chartFatalities;
    ctx.setTransform(r, 0, 0, r, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, W, H);
    if (!counts) return;
    var totals = new Float64Array(nb), maxCount = 0, maxFat = 0;
    for (var b = 0; b < nb; b++) {
      for (var t = 0; t < nt; t++) totals[b] += counts[b * nt + t];
      if (totals[b] > maxCount) maxCount = totals[b];
      if (fat[b] > maxFat) maxFat = fat[b];
    }
    this.totals = totals;
    var x0 = pad.left, w = W - pad.left - pad.right, y0 = pad.top, h = H - pad.top - pad.bottom;
    var bw = w / nb, sel = this.selection();
    if (sel) {
      ctx.fillStyle = "rgba(255, 224, 102, 0.45)";
      ctx.fillRect(x0 + sel[0] * bw, y0 - 2, (sel[1] - sel[0] + 1) * bw, h + 4);
    }
    var unknown = ctl.options.unknownColor || "#8c8c8c";
    for (b = 0; b < nb; b++) {
      if (!totals[b]) continue;
      var inside = !sel || (b >= sel[0] && b <= sel[1]);
      ctx.globalAlpha = inside ? 1 : 0.35;
      var y = y0 + h;
      for (t = 0; t < nt; t++) {
        var k = counts[b * nt + t];
        if (!k) continue;
        var bh = k / maxCount * h;
        ctx.fillStyle = t < ctl.types.length ? ctl.types[t].color : unknown;
        ctx.fillRect(x0 + b * bw + (bw > 3 ? 0.5 : 0), y - bh, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
        y -= bh;
      }
    }
    ctx.globalAlpha = 1;
    if (maxFat > 0) {
      ctx.strokeStyle = "#111";
      ctx.lineWidth = 1.3;
      ctx.beginPath();
      for (b = 0; b < nb; b++) {
        var px = x0 + (b + 0.5) * bw, py = y0 + h - fat[b] / maxFat * h;
        if (b === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      }
      ctx.stroke();
    }
    ctx.fillStyle = "#444";
    ctx.font = "10px system-ui, sans-serif";
    ctx.textBaseline = "top";
    ctx.textAlign = "left";
    ctx.fillText(fmtInt(maxCount) + " events per " + ctl.unit + " (bars)", x0, 1);
    ctx.textAlign = "right";
    if (maxFat > 0) ctx.fillText("fatalities (line), max " + fmtInt(maxFat), x0 + w, 1);
    ctx.textBaseline = "bottom";
    ctx.textAlign = "left";
    ctx.fillText(isoDay(bins[0].start), x0, H);
    ctx.textAlign = "right";
    ctx.fillText(isoDay(bins[nb - 1].end), x0 + w, H);
  };

  // ---------------------------------------------------------------- search, filters, export

  var PanelControl = L.Control.extend({
    initialize: function (ctl, options) {
      L.setOptions(this, options);
      this._ctl = ctl;
    },
    onAdd: function () {
      var ctl = this._ctl, d = ctl.data, self = this;
      var div = el("div", "geo-panel leaflet-bar");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      // search
      var search = el("input", "geo-search", null, div);
      search.type = "search";
      search.placeholder = "Search places and events";
      search.setAttribute("aria-label", "Search places and event text");
      this._results = el("div", "geo-search-results", null, div);
      search.addEventListener("input", function () { self._showResults(search.value); });
      search.addEventListener("keydown", function (e) {
        if (e.key === "Enter") {
          var first = self._results.querySelector(".geo-search-result") ||
            self._results.querySelector(".geo-search-filter:not([disabled])");
          if (first) first.click();
        }
      });
      this._search = search;
      this._active = el("div", "geo-search-active", null, div);
      // filters
      var details = el("details", "geo-filters", null, div);
      details.addEventListener("toggle", function () { if (ctl._legend) ctl._legend.fit(); });
      this._summary = el("summary", null, "Filters", details);
      var body = el("div", "geo-filters-body", null, details);
      if (ctl.actors.length) {
        this._actor = this._select(body, "Actor", "geo-filter-actor", ctl.actors.slice(0, 2000).map(function (a) {
          return [a[0], a[0] + " (" + fmtInt(a[1]) + ")"];
        }), function (v) { ctl.setFilter("actor", v); });
      }
      var regions = this._admin1List();
      if (regions.length > 1) {
        this._admin1 = this._select(body, "Admin-1 region", "geo-filter-admin1", regions.map(function (r) {
          return [r[0], r[0] + " (" + fmtInt(r[1]) + ")"];
        }), function (v) { ctl.setFilter("admin1", v); });
      }
      if (ctl.get.dist) {
        el("div", "geo-filter-head", "Distance to the front", body);
        var bandsBox = el("div", "geo-filter-bands", null, body);
        var nb = (ctl.options.bandsKm || []).length;
        for (var b = -1; b <= nb; b++) {
          (function (band) {
            var label = el("label", null, null, bandsBox);
            var cb = el("input", null, null, label);
            cb.type = "checkbox";
            cb.checked = true;
            cb.setAttribute("data-band", String(band));
            cb.addEventListener("change", function () {
              var hidden = Object.assign({}, ctl.hiddenBands);
              if (cb.checked) delete hidden[band]; else hidden[band] = true;
              ctl.setFilter("hiddenBands", hidden);
            });
            label.appendChild(document.createTextNode(" " + ctl.bandLabel(band)));
          })(b);
        }
      }
      if (ctl.get.fat) {
        var fl = el("label", "geo-filter-row", "At least ", body);
        var fat = el("input", "geo-filter-fatalities", null, fl);
        fat.type = "number";
        fat.min = "0";
        fat.step = "1";
        fat.value = "0";
        fl.appendChild(document.createTextNode(" fatalities"));
        fat.addEventListener("input", function () { ctl.setFilter("minFatalities", fat.value); });
      }
      var reset = button("geo-filter-reset", "Clear filters", null, body);
      reset.addEventListener("click", function () { self.reset(); });
      // export
      var row = el("div", "geo-export", "Export: ", div);
      var csv = button("geo-export-csv", "CSV", "The events shown, as CSV", row);
      var gj = button("geo-export-geojson", "GeoJSON", "The events shown, as GeoJSON", row);
      var png = button("geo-export-png", "PNG", "A picture of the current view", row);
      csv.addEventListener("click", function () { ctl.downloadCSV(); });
      gj.addEventListener("click", function () { ctl.downloadGeoJSON(); });
      png.addEventListener("click", function () { ctl.downloadPNG(); });
      if (!global.htmlToImage) png.disabled = true;
      return div;
    },
    _select: function (parent, label, cls, options, onChange) {
      var row = el("label", "geo-filter-row", label + " ", parent);
      var sel = el("select", cls, null, row);
      var all = el("option", null, "all", sel);
      all.value = "";
      options.forEach(function (o) {
        var opt = el("option", null, o[1], sel);
        opt.value = o[0];
      });
      sel.addEventListener("change", function () { onChange(sel.value); });
      return sel;
    },
    _admin1List: function () {
      var ctl = this._ctl, counts = new Map();
      for (var i = 0; i < ctl.n; i++) {
        var a = ctl.admin1Of(i);
        if (a) counts.set(a, (counts.get(a) || 0) + 1);
      }
      return Array.from(counts.entries()).sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    },
    // Places matching the search: towns of the base map and places of events.
    _showResults: function (text) {
      var ctl = this._ctl, box = this._results, q = String(text || "").trim().toLowerCase();
      box.textContent = "";
      if (!q) return;
      var found = [], seen = {}, towns = ctl.data.towns;
      function add(name, lat, lon, note, rank) {
        var key = name.toLowerCase();
        if (seen[key]) return;
        var at = key.indexOf(q);
        if (at < 0) return;
        seen[key] = true;
        found.push({ name: name, lat: lat, lon: lon, note: note, score: (at === 0 ? 0 : 1) * 1e12 - rank });
      }
      if (ctl.get.place) {
        var counts = {}, first = {};
        for (var i = 0; i < ctl.n; i++) {
          var p = ctl.get.place(i);
          if (!p) continue;
          counts[p] = (counts[p] || 0) + 1;
          if (first[p] === undefined) first[p] = i;
        }
        Object.keys(counts).forEach(function (p) {
          add(p, ctl.lat[first[p]], ctl.lon[first[p]], fmtInt(counts[p]) + " events", 1e9 + counts[p]);
        });
      }
      if (towns) {
        for (var t = 0; t < towns.name.length; t++) {
          add(towns.name[t], towns.lat[t], towns.lon[t], "town", towns.pop ? towns.pop[t] : 0);
        }
      }
      found.sort(function (a, b) { return a.score - b.score; });
      var texts = ctl._searchText(), matches = 0;
      for (var m = 0; m < texts.length; m++) if (texts[m].indexOf(q) >= 0) matches++;
      var only = button("geo-search-filter", "Show only the " + fmtInt(matches) +
        " events that mention \u201c" + String(text).trim() + "\u201d", null, box);
      only.disabled = matches === 0;
      only.addEventListener("click", function () {
        ctl.setFilter("query", q);
        box.textContent = "";
      });
      found.slice(0, 8).forEach(function (f) {
        var b = button("geo-search-result", null, null, box);
        el("strong", null, f.name, b);
        b.appendChild(document.createTextNode(" " + f.note));
        b.addEventListener("click", function () {
          ctl.map.setView([f.lat, f.lon], Math.max(ctl.map.getZoom(), 10), { animate: false });
          ctl.searchHit = f.name;
        });
      });
      if (!found.length) el("div", "geo-note", "no place of that name", box);
    },
    reset: function () {
      var ctl = this._ctl;
      if (this._actor) this._actor.value = "";
      if (this._admin1) this._admin1.value = "";
      this._container.querySelectorAll(".geo-filter-bands input").forEach(function (cb) { cb.checked = true; });
      var fat = this._container.querySelector(".geo-filter-fatalities");
      if (fat) fat.value = "0";
      ctl.actor = null;
      ctl.admin1 = null;
      ctl.hiddenBands = {};
      ctl.minFatalities = 0;
      ctl.applyFilter();
    },
    update: function () {
      var ctl = this._ctl, active = 0, self = this;
      this._active.textContent = "";
      if (ctl.query) {
        this._active.appendChild(document.createTextNode("Events that mention \u201c" + ctl.query + "\u201d "));
        var clear = button("geo-search-clear", "\u00d7 clear", "Show events whatever their text", this._active);
        clear.addEventListener("click", function () { self._search.value = ""; self._results.textContent = ""; ctl.setFilter("query", ""); });
      }
      if (ctl.actor) active++;
      if (ctl.admin1) active++;
      if (ctl._bandFilter) active++;
      if (ctl.minFatalities > 0) active++;
      this._summary.textContent = active ? "Filters (" + active + " on)" : "Filters";
    }
  });

  var CSV_COLUMNS = [
    ["event_id", "id"], ["event_date", null], ["event_type", null], ["sub_event_type", "sub"],
    ["actor1", "actor1"], ["assoc_actor_1", "assoc1"], ["inter1", "inter1"],
    ["actor2", "actor2"], ["assoc_actor_2", "assoc2"], ["inter2", "inter2"],
    ["location", "place"], ["mention", "mention"], ["admin1", "admin1"], ["country", "country"],
    ["latitude", null], ["longitude", null], ["fatalities", "fat"], ["injured", "inj"],
    ["distance_to_front_km", "dist"], ["front_line", "frontname"], ["notes", "notes"], ["source", "source"]
  ];
  var NUMERIC = { latitude: 1, longitude: 1, fatalities: 1, injured: 1, distance_to_front_km: 1 };

  // The fields of event i, by CSV column name.
  GeoEventMap.prototype.record = function (i) {
    var g = this.get, off = this.dayOf(i), type = this.typeInfo(i), out = {};
    CSV_COLUMNS.forEach(function (c) {
      var name = c[0], key = c[1];
      out[name] = key ? (g[key] ? g[key](i) : null) : null;
    });
    out.event_date = off === null ? null : isoDay(this.day0 + off);
    out.event_type = type ? type.name : null;
    out.latitude = this.lat[i];
    out.longitude = this.lon[i];
    if (!g.admin1) out.admin1 = this.admin1Of(i);
    return out;
  };

  // The events shown (every filter applied), as CSV text.
  GeoEventMap.prototype.exportCSV = function () {
    var names = CSV_COLUMNS.map(function (c) { return c[0]; });
    var lines = [names.join(",")], vis = this.visible;
    for (var k = 0; k < vis.length; k++) {
      var rec = this.record(vis[k]);
      lines.push(names.map(function (nm) { return csvCell(rec[nm], NUMERIC[nm]); }).join(","));
    }
    return lines.join("\r\n") + "\r\n";
  };

  GeoEventMap.prototype.exportGeoJSON = function () {
    var features = [], vis = this.visible;
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k], props = this.record(i);
      delete props.latitude;
      delete props.longitude;
      features.push({ type: "Feature", properties: props,
        geometry: { type: "Point", coordinates: [this.lon[i], this.lat[i]] } });
    }
    return { type: "FeatureCollection", features: features };
  };

  GeoEventMap.prototype._fileName = function (ext) {
    var base = (this.options.title || "events").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    var when = this.range ? "-" + isoDay(this.range[0]) + "-" + isoDay(this.range[1]) : "";
    return (base.slice(0, 60) || "events") + when + "." + ext;
  };

  GeoEventMap.prototype.downloadCSV = function () {
    download(this._fileName("csv"), new Blob(["\ufeff" + this.exportCSV()], { type: "text/csv;charset=utf-8" }));
  };

  GeoEventMap.prototype.downloadGeoJSON = function () {
    var text = JSON.stringify(this.exportGeoJSON());
    download(this._fileName("geojson"), new Blob([text], { type: "application/geo+json" }));
  };

  // A PNG of the map as it is on screen (without its buttons and inputs): a data URL.
  GeoEventMap.prototype.exportPNG = function () {
    if (!global.htmlToImage) return Promise.reject(new Error("the PNG exporter is not in this page"));
    var container = this.map.getContainer();
    var skip = ["geo-panel", "leaflet-control-zoom", "geo-tool", "leaflet-control-layers", "geo-range"];
    var controls = { INPUT: 1, SELECT: 1, BUTTON: 1 };
    return global.htmlToImage.toPng(container, {
      pixelRatio: 1,
      backgroundColor: "#cddfe9",
      filter: function (node) {
        if (!node.classList) return true;
        if (controls[node.tagName]) return false;  // a picture has no buttons (nor their state)
        for (var k = 0; k < skip.length; k++) if (node.classList.contains(skip[k])) return false;
        return true;
      }
    });
  };

  GeoEventMap.prototype.downloadPNG = function () {
    var self = this;
    return this.exportPNG().then(function (url) {
      var a = el("a");
      a.href = url;
      a.download = self._fileName("png");
      document.body.appendChild(a);
      a.click();
      a.remove();
      return url;
    }).catch(function (err) { self._fail(err); });
  };

  // ---------------------------------------------------------------- measure tool

  var MeasureControl = L.Control.extend({
    onAdd: function (map) {
      var bar = el("div", "leaflet-bar geo-tool");
      var btn = el("a", "geo-measure-button", null, bar);
      btn.href = "#";
      btn.title = "Measure a distance (click points; double-click or Esc to finish)";
      btn.setAttribute("role", "button");
      svgIcon("M3 17 17 3l4 4L7 21zM7 13l2 2M10 10l2 2M13 7l2 2", btn);
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(btn, "click", function (e) {
        L.DomEvent.preventDefault(e);
        if (this._active) this._finish(); else this._start();
      }, this);
      this._map = map;
      this._button = btn;
      this._layer = L.layerGroup().addTo(map);
      return bar;
    },
    _start: function () {
      var map = this._map;
      this._active = true;
      this._points = [];
      this._layer.clearLayers();
      this._line = L.polyline([], { color: "#111", weight: 2.5, dashArray: "6 4", interactive: false }).addTo(this._layer);
      this._rubber = L.polyline([], { color: "#111", weight: 1.5, dashArray: "2 4", interactive: false }).addTo(this._layer);
      this._label = L.tooltip({ permanent: true, direction: "right", className: "geo-measure-label" });
      this._button.classList.add("geo-active");
      map.getContainer().classList.add("geo-measuring");
      map.doubleClickZoom.disable();
      map.on("click", this._click, this);
      map.on("mousemove", this._move, this);
      map.on("dblclick", this._finish, this);
      L.DomEvent.on(document, "keydown", this._key, this);
    },
    _total: function (extra) {
      var pts = extra ? this._points.concat([extra]) : this._points, total = 0;
      for (var k = 1; k < pts.length; k++) total += geodesicMeters(pts[k - 1], pts[k]);
      return total;
    },
    _click: function (e) {
      this._points.push(e.latlng);
      this._line.setLatLngs(this._points);
      L.circleMarker(e.latlng, { radius: 3, color: "#111", fillOpacity: 1, interactive: false }).addTo(this._layer);
      this._label.setLatLng(e.latlng).setContent(fmtDistance(this._total()));
      if (!this._layer.hasLayer(this._label)) this._label.addTo(this._layer);
      this.lastMeters = this._total();
    },
    _move: function (e) {
      if (!this._points.length) return;
      this._rubber.setLatLngs([this._points[this._points.length - 1], e.latlng]);
      this._label.setLatLng(e.latlng).setContent(fmtDistance(this._total(e.latlng)));
    },
    _key: function (e) {
      if (e.key === "Escape") { this._finish(); this._layer.clearLayers(); }
      if (e.key === "Enter") this._finish();
    },
    _finish: function () {
      var map = this._map;
      this._active = false;
      this._button.classList.remove("geo-active");
      map.getContainer().classList.remove("geo-measuring");
      map.off("click", this._click, this);
      map.off("mousemove", this._move, this);
      map.off("dblclick", this._finish, this);
      L.DomEvent.off(document, "keydown", this._key, this);
      if (this._rubber) this._rubber.setLatLngs([]);
      if (this._points && this._points.length) this._label.setLatLng(this._points[this._points.length - 1]).setContent(fmtDistance(this._total()));
      global.setTimeout(function () { map.doubleClickZoom.enable(); }, 0);
    }
  });

  // ---------------------------------------------------------------- full screen

  var FullscreenControl = L.Control.extend({
    onAdd: function (map) {
      var bar = el("div", "leaflet-bar geo-tool");
      var btn = el("a", "geo-fullscreen-button", null, bar);
      btn.href = "#";
      btn.title = "Full screen";
      btn.setAttribute("role", "button");
      svgIcon("M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5", btn);
      L.DomEvent.disableClickPropagation(bar);
      var container = map.getContainer();
      L.DomEvent.on(btn, "click", function (e) {
        L.DomEvent.preventDefault(e);
        var on = !container.classList.contains("geo-fullscreen");
        container.classList.toggle("geo-fullscreen", on);
        btn.title = on ? "Exit full screen" : "Full screen";
        try {
          if (on && container.requestFullscreen) container.requestFullscreen().catch(function () {});
          if (!on && document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
        } catch (err) { /* the CSS fallback above already applies */ }
        map.invalidateSize();
      });
      document.addEventListener("fullscreenchange", function () {
        if (!document.fullscreenElement) container.classList.remove("geo-fullscreen");
        map.invalidateSize();
      });
      return bar;
    }
  });

  GeoEventMap.geodesicMeters = geodesicMeters;
  GeoEventMap.csvCell = csvCell;
  global.GeoEventMap = GeoEventMap;
})(window);
