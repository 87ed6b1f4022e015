// planwatch pages: charts on the indicator page, the highlighted fact on the document page.
(function () {
  "use strict";

  function fmt(v) {
    if (typeof v !== "number") return String(v);
    return Math.abs(v) >= 1000 ? v.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) : String(Math.round(v * 1000) / 1000);
  }

  // ECharts inserts a tooltip formatter's string as HTML: text from the data
  // (units, names, quotes; imported tables put anything there) is escaped first.
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function chart(el, title, unit, series) {
    if (!window.echarts) return null;
    var c = window.echarts.init(el, null, { renderer: "canvas" });
    c.setOption({
      animation: false,
      title: { text: title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var v = Array.isArray(p.value) ? p.value : [p.name, p.value];
          return esc(p.seriesName || "") + "<br>" + esc(v[0]) + "年：" + esc(fmt(v[1]) + (unit || "")) + (p.data && p.data.name ? "<br>" + esc(String(p.data.name).slice(0, 120)) : "");
        }
      },
      legend: { bottom: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 50 },
      xAxis: { type: "value", min: "dataMin", max: "dataMax", minInterval: 1, axisLabel: { formatter: function (v) { return String(v); } } },
      yAxis: { type: "value", name: unit || "", scale: true },
      series: series
    });
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }

  function indicatorCharts() {
    var data = document.getElementById("chart-data");
    if (!data) return;
    var d = JSON.parse(data.textContent || "{}");
    var levelEl = document.getElementById("chart-level");
    var rateEl = document.getElementById("chart-rate");
    var lv = d.level || {}, rt = d.rate || {};
    if (levelEl) {
      var s = [];
      if ((lv.actual || []).length) s.push({ name: "实际值", type: "line", data: lv.actual, symbolSize: 8 });
      if ((lv.target || []).length) s.push({ name: "目标值", type: "scatter", data: lv.target, symbol: "diamond", symbolSize: 14 });
      (lv.paths || []).forEach(function (p) {
        s.push({ name: "规划路径", type: "line", data: p.data, lineStyle: { type: "dashed" }, symbol: "none" });
      });
      if (s.length) chart(levelEl, d.indicator + "（水平）", d.unit, s);
      else levelEl.hidden = true;
    }
    if (rateEl) {
      var r = [];
      if ((rt.actual || []).length) r.push({ name: "实际增速", type: "bar", data: rt.actual });
      if ((rt.target || []).length) r.push({ name: "目标", type: "scatter", data: rt.target, symbol: "diamond", symbolSize: 14 });
      if (r.length) chart(rateEl, d.indicator + "（增速/降幅）", "%", r);
      else rateEl.hidden = true;
    }
    var el = document.getElementById("chart-status");
    if (el) el.textContent = "图表已绘制";
  }

  function currentFact() {
    var marks = document.querySelectorAll("mark.current");
    for (var i = 0; i < marks.length; i++) marks[i].classList.remove("current");
    var m = /^#f(\d+)$/.exec(location.hash);
    if (!m) return;
    var found = document.querySelectorAll('mark.fact[data-f~="' + m[1] + '"]');
    for (var j = 0; j < found.length; j++) found[j].classList.add("current");
    if (found.length) {
      found[0].setAttribute("tabindex", "-1");
      found[0].scrollIntoView({ block: "center" });
      found[0].focus({ preventScroll: true });
    }
  }

  // The public plan page: targets by status, a bar each.
  function statusChart() {
    var data = document.getElementById("status-data");
    var el = document.getElementById("chart-status-counts");
    if (!data || !el || !window.echarts) return;
    var d = JSON.parse(data.textContent || "{}");
    if (!(d.labels || []).length) { el.hidden = true; return; }
    var c = window.echarts.init(el, null, { renderer: "canvas" });
    c.setOption({
      animation: false,
      tooltip: { trigger: "item" },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: "category", data: d.labels },
      yAxis: { type: "value", name: "项", minInterval: 1 },
      series: [{ name: "目标数", type: "bar", data: d.values }]
    });
    window.addEventListener("resize", function () { c.resize(); });
  }

  function autoSubmit() {
    var forms = document.querySelectorAll("form[data-autosubmit] select");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("change", function (e) { e.target.form.submit(); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    indicatorCharts();
    statusChart();
    currentFact();
    autoSubmit();
  });
  window.addEventListener("hashchange", currentFact);
})();
