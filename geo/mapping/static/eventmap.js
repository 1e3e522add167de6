/*
 * geo event map: draws conflict events from compact, column-wise data embedded in the page.
 * Part of the geo project (MIT). Needs Leaflet 1.9; uses leaflet.heat when present.
 *
 * The page carries one JSON document (plain, or gzip + base64 when large). Events are
 * clustered here, in the browser, on a pixel grid recomputed at every move, so only what
 * is in view becomes map objects. Every text of the data reaches the page through
 * textContent or text nodes, never as HTML.
 */
(function (global) {
  "use strict";

  var L = global.L;
  var DAY_MS = 86400000;
  var CELL_PX = 44;
  var LIST_MAX = 200;
  var CHORO_COLORS = ["#fff1c1", "#fdd27c", "#f79a4c", "#df5a2c", "#a6231b"];
  var BAND_COLORS = ["#d7301f", "#fc8d59", "#fdcc8a", "#fef0d9"];

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

  function fmtKm(km) {
    if (km === null || km === undefined || isNaN(km)) return null;
    return km < 10 ? km.toFixed(1) + " km" : Math.round(km) + " km";
  }

  function fmtDistance(m) {
    if (m < 1000) return Math.round(m) + " m";
    return (m / 1000).toFixed(m < 100000 ? 2 : 1) + " km";
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

  // ---------------------------------------------------------------- events layer

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

  // ---------------------------------------------------------------- the controller

  function GeoEventMap(map, options) {
    this.map = map;
    this.options = options || {};
    this.data = null;
    this.ready = false;
    this.day = null;           // selected day (days since 1970-01-01), null = all dates
    this.cumulative = true;    // show events up to the selected day (else that day only)
    this.hiddenTypes = {};
    this.visible = new Int32Array(0);
    this._listeners = [];

    makePane(map, "geoBase", 150, false);
    makePane(map, "geoRegions", 350, true);
    makePane(map, "geoBands", 360, false);
    makePane(map, "geoLabels", 370, false);
    makePane(map, "geoFront", 420, true);
    makePane(map, "geoEvents", 450, true);
    makePane(map, "geoClusters", 460, true);

    var heat = (typeof L.heatLayer === "function") ?
      L.heatLayer([], { radius: 18, blur: 16, minOpacity: 0.35, maxZoom: 12 }) :
      L.layerGroup();
    this.layers = {
      events: new EventsLayer(this),
      heat: heat,
      front: L.featureGroup(),
      bands: L.featureGroup(),
      regions: L.featureGroup(),
      base: L.featureGroup()
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
    this._buildFront(d.front, d.bands);
    this._buildRegions(d.regions);
    this._buildBase(d.base);
    this._legend = new LegendControl(this, { position: "bottomright" }).addTo(this.map);
    if (d.dayMin !== null && d.dayMin !== undefined && d.ndays > 0) {
      this._slider = new TimeSliderControl(this, { position: "bottomleft" }).addTo(this.map);
    }
    this._updateTitle();
    if (n === 0) this._showEmpty();
    this.applyFilter();
    this.ready = true;
    var container = this.map.getContainer();
    container.setAttribute("data-geo-ready", "true");
    global.geoMapReady = true;
    if (typeof global.CustomEvent === "function") {
      global.dispatchEvent(new global.CustomEvent("geo:ready", { detail: this }));
    }
  };

  // Recompute the visible events after a change of date or type selection.
  GeoEventMap.prototype.applyFilter = function () {
    var n = this.n, out = new Int32Array(n), k = 0;
    var day = this.day, cumulative = this.cumulative, off;
    var dayOff = day === null ? null : day - this.day0;
    for (var i = 0; i < n; i++) {
      if (this.hiddenTypes[this.typeOf(i) === null ? -1 : this.typeOf(i)]) continue;
      if (dayOff !== null) {
        off = this.dayOf(i);
        if (off === null || off > dayOff || (!cumulative && off !== dayOff)) continue;
      }
      out[k++] = i;
    }
    this.visible = out.subarray(0, k);
    this.layers.events.redraw();
    this._updateHeat();
    this._updateRegions();
    this._updateFront();
    this._updateLegend();
    if (this._slider) this._slider.update();
    for (var j = 0; j < this._listeners.length; j++) this._listeners[j](this);
  };

  GeoEventMap.prototype.setDay = function (day, cumulative) {
    this.day = day;
    if (cumulative !== undefined) this.cumulative = cumulative;
    this.applyFilter();
  };

  GeoEventMap.prototype.visibleCount = function () { return this.visible.length; };

  GeoEventMap.prototype.typeIndex = function (i) {
    var t = this.typeOf(i);
    return t === null ? -1 : t;
  };

  GeoEventMap.prototype.colorOf = function (i) {
    var t = this.typeOf(i);
    return t === null || !this.types[t] ? this.options.unknownColor || "#8c8c8c" : this.types[t].color;
  };

  GeoEventMap.prototype.radiusOf = function (i) {
    var f = this.get.fat ? this.get.fat(i) : null;
    if (f === null || !(f > 0)) return 5;
    return Math.min(20, 5 + 2 * Math.sqrt(f));
  };

  // Cluster the visible events in view: bin them on a pixel grid, then let each cell,
  // largest first, absorb the neighbouring cells whose centre is within one cell size, so
  // that cluster icons do not pile up on each other.
  GeoEventMap.prototype._drawEvents = function (group) {
    group.clearLayers();
    if (!this.data) return;
    var map = this.map, zoom = map.getZoom(), scale = 256 * Math.pow(2, zoom);
    var pb = map.getPixelBounds(), pad = CELL_PX * 2;
    var x0 = pb.min.x - pad, x1 = pb.max.x + pad, y0 = pb.min.y - pad, y1 = pb.max.y + pad;
    var cells = new Map(), vis = this.visible, mx = this.mx, my = this.my;
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k], x = mx[i] * scale, y = my[i] * scale;
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;
      var cx = Math.floor(x / CELL_PX), cy = Math.floor(y / CELL_PX);
      var key = cx * 4194304 + cy;
      var cell = cells.get(key);
      if (cell === undefined) {
        cells.set(key, { n: 1, sx: x, sy: y, first: i, minx: x, maxx: x, miny: y, maxy: y,
          cx: cx, cy: cy, keys: [key], done: false, merged: false });
      } else {
        cell.n++; cell.sx += x; cell.sy += y;
        if (x < cell.minx) cell.minx = x; else if (x > cell.maxx) cell.maxx = x;
        if (y < cell.miny) cell.miny = y; else if (y > cell.maxy) cell.maxy = y;
      }
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
    var self = this;
    var marker = L.circleMarker([this.lat[i], this.lon[i]], {
      pane: "geoEvents",
      radius: this.radiusOf(i),
      color: "#222",
      weight: 1,
      opacity: 0.9,
      fillColor: this.colorOf(i),
      fillOpacity: 0.85,
      className: "geo-event"
    });
    marker.on("click", function (e) {
      L.DomEvent.stopPropagation(e);
      self.openEvent(i);
    });
    return marker;
  };

  GeoEventMap.prototype._clusterMarker = function (cell, zoom, scale) {
    var self = this;
    var size = cell.n < 10 ? 30 : cell.n < 100 ? 36 : cell.n < 1000 ? 42 : 50;
    var cls = cell.n < 10 ? "s" : cell.n < 100 ? "m" : cell.n < 1000 ? "l" : "xl";
    var latlng = this.map.unproject([cell.sx / cell.n, cell.sy / cell.n], zoom);
    var label = el("span", null, fmtCount(cell.n));
    var marker = L.marker(latlng, {
      pane: "geoClusters",
      icon: L.divIcon({ html: label, className: "geo-cluster geo-cluster-" + cls, iconSize: [size, size] }),
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
    var swatch = el("span", "geo-swatch");
    swatch.style.background = this.colorOf(i);
    title.insertBefore(swatch, title.firstChild);
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
    var t = this.typeOf(i), type = t === null || !this.types[t] ? null : this.types[t].name;
    var sub = g.sub ? g.sub(i) : null;
    row("Type", type && sub && sub !== type ? type + " \u2013 " + sub : type || sub);
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

  // ---------------------------------------------------------------- other layers

  GeoEventMap.prototype._buildFront = function (front, bands) {
    var self = this;
    this.frontLayers = [];
    this.bandLayers = [];
    if (front && front.features) {
      front.features.forEach(function (f, idx) {
        var layer = L.geoJSON(f, {
          pane: "geoFront",
          style: { color: "#7a0019", weight: 3.5, opacity: 0.95, dashArray: "8 5", className: "geo-front" }
        });
        layer.bindTooltip(function () { return frontLabel(f.properties || {}); }, { sticky: true });
        self.frontLayers.push({ layer: layer, props: f.properties || {}, idx: idx });
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

  function dayNumber(iso) {
    if (!iso) return null;
    var t = Date.parse(iso.slice(0, 10) + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

  GeoEventMap.prototype._frontValid = function (p) {
    if (this.day === null) return true;
    var from = dayNumber(p.valid_from), to = dayNumber(p.valid_to);
    return (from === null || from <= this.day) && (to === null || this.day <= to);
  };

  GeoEventMap.prototype._updateFront = function () {
    var self = this, shown = {}, latest = null;
    this.frontLayers.forEach(function (f) {
      var ok = self._frontValid(f.props);
      shown[f.idx] = ok;
      if (ok) {
        self.layers.front.addLayer(f.layer);
        var from = dayNumber(f.props.valid_from);
        if (latest === null || (from !== null && from >= latest.from)) latest = { idx: f.idx, from: from === null ? -1e9 : from };
      } else {
        self.layers.front.removeLayer(f.layer);
      }
    });
    // Bands of overlapping fronts would stack up: draw those of the latest front shown.
    this.bandLayers.forEach(function (b) {
      var ok = latest !== null && b.props.front === latest.idx;
      if (ok) self.layers.bands.addLayer(b.layer); else self.layers.bands.removeLayer(b.layer);
    });
  };

  GeoEventMap.prototype._buildRegions = function (regions) {
    var self = this;
    this.regionLayers = [];
    this.regionCounts = [];
    if (!regions || !regions.features) return;
    regions.features.forEach(function (f, idx) {
      var layer = L.geoJSON(f, {
        pane: "geoRegions",
        style: { color: "#6b5d4f", weight: 0.8, fillOpacity: 0.6, fillColor: CHORO_COLORS[0], className: "geo-region" }
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
    this.regionBreaks = breaks(counts);
    var self = this;
    this.regionLayers.forEach(function (layer, idx) {
      var n = counts[idx];
      layer.setStyle(n > 0 ?
        { fillColor: CHORO_COLORS[classOf(n, self.regionBreaks)], fillOpacity: 0.65, opacity: 1 } :
        { fillOpacity: 0, opacity: 0.5 });
    });
  };

  // Class limits (upper bounds) of the non-zero counts: quantiles, at most five classes.
  function breaks(counts) {
    var values = counts.filter(function (n) { return n > 0; }).sort(function (a, b) { return a - b; });
    if (!values.length) return [];
    var out = [];
    for (var q = 1; q <= CHORO_COLORS.length; q++) {
      var v = values[Math.min(values.length - 1, Math.ceil(q * values.length / CHORO_COLORS.length) - 1)];
      if (!out.length || v > out[out.length - 1]) out.push(v);
    }
    return out;
  }

  function classOf(n, limits) {
    for (var c = 0; c < limits.length; c++) if (n <= limits[c]) return c;
    return limits.length - 1;
  }

  GeoEventMap.prototype._buildBase = function (base) {
    if (!base || !base.features) return;
    var map = this.map;
    this.layers.base.addLayer(L.geoJSON(base, {
      pane: "geoBase",
      interactive: false,
      style: { color: "#a39e90", weight: 0.7, fillColor: "#f5f2ea", fillOpacity: 1, className: "geo-base" }
    }));
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
    function toggle() { pane.style.display = map.getZoom() >= 4 ? "" : "none"; }
    map.on("zoomend", toggle);
    toggle();
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
        var counts = {};
        for (var i = 0; i < ctl.n; i++) { var t = ctl.typeIndex(i); counts[t] = (counts[t] || 0) + 1; }
        var entries = ctl.types.map(function (t, idx) { return { idx: idx, name: t.name, color: t.color }; });
        if (counts[-1]) entries.push({ idx: -1, name: "Unknown type", color: ctl.options.unknownColor || "#8c8c8c" });
        entries.forEach(function (t) {
          if (!counts[t.idx]) return;
          var label = el("label", "geo-legend-type", null, body);
          var box = el("input", null, null, label);
          box.type = "checkbox";
          box.checked = !ctl.hiddenTypes[t.idx];
          box.setAttribute("data-type", t.name);
          box.addEventListener("change", function () {
            if (box.checked) delete ctl.hiddenTypes[t.idx]; else ctl.hiddenTypes[t.idx] = true;
            ctl.applyFilter();
          });
          var sw = el("span", "geo-swatch", null, label);
          sw.style.background = t.color;
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
      if (ctl.frontLayers.length) {
        el("div", "geo-legend-head", "Front line", body);
        ctl.frontLayers.slice(0, 8).forEach(function (f) {
          var row = el("div", "geo-legend-front", null, body);
          el("span", "geo-line", null, row);
          row.appendChild(document.createTextNode(
            (f.props.name || "Front line") + (frontDates(f.props) ? " (" + frontDates(f.props) + ")" : "")));
        });
        if (ctl.frontLayers.length > 8) el("div", "geo-note", "and " + (ctl.frontLayers.length - 8) + " more (see the time slider)", body);
      }
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
    update: function () {
      var ctl = this._ctl, counts = {};
      for (var k = 0; k < ctl.visible.length; k++) {
        var t = ctl.typeIndex(ctl.visible[k]);
        counts[t] = (counts[t] || 0) + 1;
      }
      for (var key in this._counts) {
        if (Object.prototype.hasOwnProperty.call(this._counts, key)) {
          this._counts[key].textContent = "(" + fmtInt(counts[key] || 0) + ")";
        }
      }
      var box = this._choro;
      box.textContent = "";
      if (!ctl.map.hasLayer(ctl.layers.regions) || !ctl.regionBreaks || !ctl.regionBreaks.length) return;
      el("div", "geo-legend-head", "Events per admin-1 region", box);
      var lo = 1;
      ctl.regionBreaks.forEach(function (hi, c) {
        var row = el("div", null, null, box);
        var sw = el("span", "geo-swatch geo-swatch-sq", null, row);
        sw.style.background = CHORO_COLORS[c];
        row.appendChild(document.createTextNode(lo === hi ? String(hi) : fmtInt(lo) + "\u2013" + fmtInt(hi)));
        lo = hi + 1;
      });
    }
  });

  GeoEventMap.prototype._updateLegend = function () {
    if (this._legend) this._legend.update();
  };

  // ---------------------------------------------------------------- time slider

  var TimeSliderControl = L.Control.extend({
    initialize: function (ctl, options) {
      L.setOptions(this, options);
      this._ctl = ctl;
    },
    onAdd: function () {
      var ctl = this._ctl, d = ctl.data, self = this;
      var div = el("div", "geo-slider leaflet-bar");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      var top = el("div", "geo-slider-row", null, div);
      this._play = el("button", "geo-play", "\u25b6", top);
      this._play.type = "button";
      this._play.title = "Play day by day";
      this._label = el("span", "geo-slider-label", "", top);
      var input = el("input", "geo-slider-input", null, div);
      input.type = "range";
      input.min = "0";
      input.max = String(d.ndays);
      input.step = "1";
      input.value = "0";
      input.setAttribute("aria-label", "Day shown (leftmost: all dates)");
      this._input = input;
      var modeRow = el("label", "geo-slider-mode", null, div);
      var mode = el("input", null, null, modeRow);
      mode.type = "checkbox";
      mode.checked = ctl.cumulative;
      modeRow.appendChild(document.createTextNode(" up to the chosen day"));
      this._mode = mode;
      input.addEventListener("input", function () { self._changed(); });
      mode.addEventListener("change", function () { self._changed(); });
      this._play.addEventListener("click", function () { self._toggle(); });
      return div;
    },
    onRemove: function () { this._stop(); },
    _changed: function () {
      var v = Number(this._input.value);
      this._ctl.setDay(v === 0 ? null : this._ctl.data.dayMin + v - 1, this._mode.checked);
    },
    _toggle: function () {
      if (this._timer) { this._stop(); return; }
      var self = this, max = Number(this._input.max);
      if (Number(this._input.value) >= max) this._input.value = "0";
      this._play.textContent = "\u275a\u275a";
      this._timer = global.setInterval(function () {
        var v = Number(self._input.value) + 1;
        if (v > max) { self._stop(); return; }
        self._input.value = String(v);
        self._changed();
      }, 700);
    },
    _stop: function () {
      if (this._timer) global.clearInterval(this._timer);
      this._timer = null;
      if (this._play) this._play.textContent = "\u25b6";
    },
    update: function () {
      var ctl = this._ctl, d = ctl.data;
      var when = ctl.day === null ? "All dates (" + isoDay(d.dayMin) + " \u2013 " + isoDay(d.dayMax) + ")" :
        (ctl.cumulative ? "Up to " : "") + isoDay(ctl.day);
      this._label.textContent = when + " \u00b7 " + fmtInt(ctl.visible.length) + " events";
      var v = ctl.day === null ? 0 : ctl.day - d.dayMin + 1;
      if (Number(this._input.value) !== v) this._input.value = String(v);
    }
  });

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
  global.GeoEventMap = GeoEventMap;
})(window);
